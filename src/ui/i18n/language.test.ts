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
  it('is ready once created, in the language asked for, and switches', async () => {
    const i18n = await createI18n('ja');
    expect(i18n.t('scenario.undo')).toBe('元に戻す');
    expect(i18n.t('hints.noSuchEntity', { ns: 'terminal' })).toMatch(/aws iam list-roles/);
    await i18n.changeLanguage('en');
    expect(i18n.t('scenario.importFailed', { file: 'lab.json', problem: '<b>x</b>' })).toBe('lab.json could not be loaded: <b>x</b>');
  });
});

describe('loading texts by need', () => {
  it('loads only the first paint\'s namespaces of the learner\'s language', async () => {
    const i18n = await createI18n('en');
    expect(['app', 'terminal', 'graph', 'console', 'editor'].every((ns) => i18n.hasResourceBundle('en', ns))).toBe(true);
    expect(i18n.hasResourceBundle('en', 'walkthrough')).toBe(false);
    expect(i18n.hasResourceBundle('en', 'lessons')).toBe(false);
    expect(i18n.hasResourceBundle('ja', 'app')).toBe(false);
  });

  it('loads the walkthrough\'s namespaces when asked, in the current language only', async () => {
    const i18n = await createI18n('ja');
    await i18n.loadNamespaces('walkthrough');
    expect(i18n.t('check.passed', { ns: 'walkthrough' })).toBe('完了です。このステップで求められた状態になっています。');
    expect(i18n.hasResourceBundle('en', 'walkthrough')).toBe(false);
  });

  it('switches language only once the other language\'s namespaces in use have loaded: never a key on screen', async () => {
    const i18n = await createI18n('en');
    await i18n.loadNamespaces(['walkthrough', 'lessons']);
    const switching = i18n.changeLanguage('ja');
    expect(i18n.language).toBe('en');
    expect(i18n.t('scenario.undo')).toBe('Undo');
    await switching;
    expect(i18n.language).toBe('ja');
    expect(i18n.t('scenario.undo')).toBe('元に戻す');
    expect(i18n.t('check.passed', { ns: 'walkthrough' })).toBe('完了です。このステップで求められた状態になっています。');
    expect(i18n.t('chapters.console-path.title', { ns: 'lessons' })).toBe('コンソールで作る');
  });
});

describe('pseudo-locale', () => {
  it('wraps every English string and keeps placeholders working', async () => {
    const i18n = await createI18n('en', { pseudo: true });
    expect(i18n.t('scenario.undo')).toBe('⟦Undo⟧');
    expect(i18n.t('scenario.exported', { file: 'lab.json' })).toBe('⟦Saved lab.json.⟧');
    expect(i18n.t('hints.noSuchEntity', { ns: 'terminal' })).toMatch(/^⟦Nothing by that name exists\..*⟧$/);
    await i18n.loadNamespaces('walkthrough');
    expect(i18n.t('check.passed', { ns: 'walkthrough' })).toBe('⟦Done. The lab shows what this step asked for.⟧');
  });

  it('leaves Japanese as it is', async () => {
    const i18n = await createI18n('ja', { pseudo: true });
    expect(i18n.t('scenario.undo')).toBe('元に戻す');
  });
});
