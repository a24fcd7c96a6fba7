import { describe, expect, it } from 'vitest';
import { createI18n } from '.';
import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it.each([
    ['first visit, Japanese browser', null, ['ja-JP', 'en-US'], 'ja'],
    ['first visit, bare ja', undefined, ['ja'], 'ja'],
    ['first visit, English browser', null, ['en-GB'], 'en'],
    ['first visit, English before Japanese', null, ['en-US', 'ja'], 'en'],
    ['first visit, neither: the first one IAM Lab speaks decides', null, ['fr-FR', 'ja-JP'], 'ja'],
    ['first visit, nothing known', null, ['de-DE', 'ko'], 'en'],
    ['first visit, no list', null, [], 'en'],
    ['saved choice wins over the browser', 'en', ['ja-JP'], 'en'],
    ['saved Japanese', 'ja', ['en-US'], 'ja'],
    ['a saved value that is not a language is ignored', 'fr', ['ja-JP'], 'ja'],
  ])('%s', (_name, saved, preferred, expected) => {
    expect(detectLanguage(saved, preferred)).toBe(expected);
  });
});

describe('createI18n', () => {
  it('is ready at once, in the language asked for, and switches', async () => {
    const i18n = createI18n('ja');
    expect(i18n.t('scenario.undo')).toBe('元に戻す');
    expect(i18n.t('hints.noSuchEntity', { ns: 'terminal' })).toMatch(/aws iam list-roles/);
    await i18n.changeLanguage('en');
    expect(i18n.t('scenario.importFailed', { file: 'lab.json', problem: '<b>x</b>' })).toBe('lab.json could not be loaded: <b>x</b>');
  });
});

describe('pseudo-locale', () => {
  it('wraps every English string and keeps placeholders working', () => {
    const i18n = createI18n('en', { pseudo: true });
    expect(i18n.t('scenario.undo')).toBe('⟦Undo⟧');
    expect(i18n.t('scenario.exported', { file: 'lab.json' })).toBe('⟦Saved lab.json.⟧');
    expect(i18n.t('hints.noSuchEntity', { ns: 'terminal' })).toMatch(/^⟦Nothing by that name exists\..*⟧$/);
  });

  it('leaves Japanese as it is', async () => {
    const i18n = createI18n('ja', { pseudo: true });
    expect(i18n.t('scenario.undo')).toBe('元に戻す');
  });
});
