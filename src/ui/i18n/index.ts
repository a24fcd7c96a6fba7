import i18next, { type BackendModule, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { BUNDLES, loadNamespace } from './bundles';
import { isLanguage, type Language } from './language';
import { pseudoLocalize } from './pseudo';

/**
 * i18next reads the texts through `bundles.ts`: a namespace is loaded for a language when a
 * component first asks for it (react-i18next suspends it until then), and a language switch waits
 * until every namespace in use has loaded in the new language, so all text changes at once.
 */
function bundleBackend(pseudo: boolean): BackendModule {
  return {
    type: 'backend',
    callbackApi: false,
    init: () => undefined,
    // With `callbackApi: false` i18next takes the promise read returns.
    async read(language: string, namespace: string) {
      if (!isLanguage(language)) throw new Error(`IAM Lab has no texts in ${language}.`);
      const texts = await loadNamespace(language, namespace);
      return pseudo && language === 'en' ? pseudoLocalize(texts) : texts;
    },
  };
}

/**
 * One i18next instance, resolved once the first paint's texts have loaded in the learner's
 * language (the page renders after that, so it never shows a key). There is no fallback language:
 * a test keeps both languages' keys the same. React escapes every interpolated value, so
 * i18next's own HTML escaping is turned off. `pseudo` replaces English with the pseudo-locale
 * (test builds only, see main.tsx).
 */
export async function createI18n(language: Language, options: { pseudo?: boolean } = {}): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance
    .use(bundleBackend(options.pseudo ?? false))
    .use(initReactI18next)
    .init({
      lng: language,
      fallbackLng: false,
      supportedLngs: ['en', 'ja'],
      ns: [...BUNDLES.start],
      defaultNS: 'app',
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  return instance;
}

export { detectLanguage, isLanguage, LANGUAGES, type Language } from './language';
