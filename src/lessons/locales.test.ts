import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en/lessons.json';
import ja from '../../locales/ja/lessons.json';
import { CHAPTERS } from '.';

/**
 * Every key the lessons name exists in both languages, every key of the lessons' locale files is
 * named by some lesson or check, and the two languages quote the same commands and AWS texts.
 * (`src/ui/i18n/locales.test.ts` checks key and placeholder parity across all locale files.)
 */

const leaves = (node: unknown, prefix = ''): Map<string, string> => {
  const out = new Map<string, string>();
  if (typeof node === 'string') out.set(prefix, node);
  else for (const [k, v] of Object.entries(node as Record<string, unknown>)) for (const [key, text] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(key, text);
  return out;
};

const texts = { en: leaves(en), ja: leaves(ja) };

/** Keys named by the chapters' data. */
const dataKeys = CHAPTERS.flatMap((c) => [
  c.titleKey,
  c.introKey,
  ...c.steps.flatMap((s) => [s.explanationKey, s.taskKey, ...s.hints, ...s.wrongAttempts.map((w) => w.messageKey)]),
  ...c.quiz.flatMap((q) => [q.questionKey, q.explanationKey, ...q.options.map((o) => o.key)]),
]);

/** `missing.*` keys named in the checks' source (they are produced at run time, see chapters.test.ts). */
function sourceKeys(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : sourceKeys(path);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) return [];
    return [...readFileSync(path, 'utf8').matchAll(/'(missing\.[\w.]+)'/g)].map((m) => m[1] ?? '');
  });
}
const codeKeys = sourceKeys(import.meta.dirname);

describe('lessons.json', () => {
  it('has every key the chapters name, in English and in Japanese', () => {
    for (const lang of ['en', 'ja'] as const) expect(dataKeys.filter((key) => !texts[lang].has(key)), lang).toEqual([]);
  });

  it('has every missing-thing key the checks name, in English and in Japanese', () => {
    expect(codeKeys.length).toBeGreaterThan(20);
    for (const lang of ['en', 'ja'] as const) expect(codeKeys.filter((key) => !texts[lang].has(key)), lang).toEqual([]);
  });

  it('has no key that nothing names', () => {
    const named = new Set([...dataKeys, ...codeKeys]);
    expect([...texts.en.keys()].filter((key) => !named.has(key))).toEqual([]);
  });

  // The Security tab's message is the console's own text, so each language shows its own console's.
  const CONSOLE_TEXT = new Map([['No roles attached to instance profile: sample-profile', 'インスタンスプロファイルにアタッチされたロールがありません: sample-profile']]);
  const quoted = (text: string): string[] => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');

  it('quotes the same commands, names and AWS texts in both languages', () => {
    const differences: string[] = [];
    for (const [key, english] of texts.en) {
      const japanese = texts.ja.get(key) ?? '';
      for (const span of quoted(english)) if (!japanese.includes(span) && !japanese.includes(CONSOLE_TEXT.get(span) ?? span)) differences.push(`${key}: ja lacks ${span}`);
      const translated = new Set(CONSOLE_TEXT.values());
      for (const span of quoted(japanese)) if (!english.includes(span) && !translated.has(span)) differences.push(`${key}: en lacks ${span}`);
    }
    expect(differences).toEqual([]);
  });

  it('writes Japanese prose in the polite style, without half-width punctuation after Japanese text', () => {
    // The last line of prose ends politely; quoted output and asides stand on lines of their own.
    const lastProse = (text: string): string => text.split('\n').filter((line) => !/^`[^`]*`$/.test(line) && !/^\(.*\)$/.test(line)).at(-1) ?? '';
    const prose = [...texts.ja].filter(([key]) => /\.(explanation|intro|task)$/.test(key) || key.startsWith('missing.'));
    const plain = prose.filter(([, text]) => !/(です|ます|ません|ください|しょう)(\([^)]*\))?。$/.test(lastProse(text)));
    expect(plain.map(([key]) => key)).toEqual([]);
    const halfWidth = [...texts.ja].filter(([, text]) => /[\u3040-\u30ff\u4e00-\u9faf][,.!?]/.test(text.replace(/`[^`]*`/g, '')));
    expect(halfWidth.map(([key]) => key)).toEqual([]);
  });
});
