import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLES, bundleOf, loadNamespace, NAMESPACES } from './bundles';

const localesDir = join(import.meta.dirname, '../../../locales');
const onDisk = (language: string, namespace: string): unknown => JSON.parse(readFileSync(join(localesDir, language, `${namespace}.json`), 'utf8'));

// The CLI reads cli.json and help.json itself; the editor loads policy.json with Monaco.
const NOT_UI = ['cli', 'help', 'policy'];

describe('UI text bundles', () => {
  it('hold every UI namespace of the locale folders, each in one bundle', () => {
    const files = readdirSync(join(localesDir, 'en')).map((name) => name.replace(/\.json$/, ''));
    expect([...NAMESPACES].sort()).toEqual(files.filter((name) => !NOT_UI.includes(name)).sort());
    expect(new Set(NAMESPACES).size).toBe(NAMESPACES.length);
    expect(bundleOf('lessons')).toBe('walkthrough');
    expect(bundleOf('app')).toBe('start');
    expect(bundleOf('help')).toBeUndefined();
  });

  it.each(['en', 'ja'] as const)('load each namespace in %s exactly as its file says', async (language) => {
    for (const namespace of NAMESPACES) expect(await loadNamespace(language, namespace)).toEqual(onDisk(language, namespace));
  });

  it('refuse a namespace no bundle holds', async () => {
    await expect(loadNamespace('en', 'help')).rejects.toThrow('IAM Lab has no namespace help.');
  });

  it('start with what the first paint shows', () => {
    expect(BUNDLES.start).toEqual(['app', 'terminal', 'graph', 'console', 'editor']);
  });
});
