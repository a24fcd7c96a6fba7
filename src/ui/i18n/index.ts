import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { NAMESPACES, uiResources } from './resources';
import type { Language } from './language';
import { pseudoLocalize } from './pseudo';

/**
 * One i18next instance, ready before the first render: the resources are bundled, so
 * initialisation is synchronous and the first paint is already in the learner's language.
 * React escapes every interpolated value, so i18next's own HTML escaping is turned off.
 * `pseudo` replaces English with the pseudo-locale (test builds only, see main.tsx).
 */
export function createI18n(language: Language, options: { pseudo?: boolean } = {}): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en', 'ja'],
    ns: [...NAMESPACES],
    defaultNS: 'app',
    resources: options.pseudo ? { ...uiResources, en: pseudoLocalize(uiResources.en) } : uiResources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

export { detectLanguage, isLanguage, LANGUAGES, type Language } from './language';
