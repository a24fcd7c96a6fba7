import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareLocales, type LocaleFiles } from './__tests__/compare';

const localesDir = join(import.meta.dirname, '../../../locales');

function load(lang: string): LocaleFiles {
  const dir = join(localesDir, lang);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => [name, JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown]),
  );
}

describe('locale files', () => {
  it('have the same keys, placeholders and non-empty text in English and Japanese, in every namespace', () => {
    const en = load('en');
    expect(Object.keys(en)).toEqual(expect.arrayContaining(['app.json', 'terminal.json', 'cli.json']));
    expect(compareLocales(en, load('ja'))).toEqual([]);
  });
});

describe('compareLocales', () => {
  it.each([
    ['identical files', { 'a.json': { x: 'X', n: { y: 'Y {{id}}' } } }, { 'a.json': { x: 'エックス', n: { y: 'ワイ {{id}}' } } }, []],
    ['a key in English only', { 'a.json': { x: 'X', y: 'Y' } }, { 'a.json': { x: 'X' } }, ['a.json: "y" missing in ja']],
    ['a nested key in Japanese only', { 'a.json': { n: {} } }, { 'a.json': { n: { z: 'Z' } } }, ['a.json: "n.z" missing in en']],
    ['an empty value', { 'a.json': { x: '' } }, { 'a.json': { x: 'X' } }, ['a.json: "x" in en is empty']],
    ['a blank value', { 'a.json': { x: 'X' } }, { 'a.json': { x: '  ' } }, ['a.json: "x" in ja is empty']],
    ['a value that is not text', { 'a.json': { x: 3 } }, { 'a.json': { x: 'X' } }, ['a.json: "x" in en is not text']],
    ['a file in one language only', { 'a.json': {}, 'b.json': {} }, { 'a.json': {} }, ['b.json: only in en']],
    ['a placeholder lost in translation', { 'a.json': { x: 'Saved {{file}}.' } }, { 'a.json': { x: '保存しました。' } }, ['a.json: "x" placeholders differ (en: file, ja: none)']],
    ['flat dotted keys as the CLI writes them', { 'cli.json': { 'help.title': 'T' } }, { 'cli.json': { 'help.title': 'タイトル' } }, []],
  ])('%s', (_name, en, ja, problems) => {
    expect(compareLocales(en, ja)).toEqual(problems);
  });
});
