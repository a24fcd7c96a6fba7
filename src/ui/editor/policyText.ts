import enPolicy from '../../../locales/en/policy.json';
import jaPolicy from '../../../locales/ja/policy.json';
import type { Language } from '../i18n/language';
import type { SchemaText } from './policySchema';

/**
 * The policy schemas' descriptions in each language. Kept out of i18next's bundled namespaces on
 * purpose: only the editor's lazy chunk imports this module, so the text travels with Monaco.
 */
const texts = { en: enPolicy, ja: jaPolicy } satisfies Record<Language, typeof enPolicy>;

export const policyText =
  (language: Language): SchemaText =>
  (key) =>
    texts[language][key];
