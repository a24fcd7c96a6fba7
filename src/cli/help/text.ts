import en from '../../../locales/en/help.json';
import ja from '../../../locales/ja/help.json';
import type { Language } from '../text';

/**
 * IAM Lab's own words on the `aws help` pages, from `locales/{en,ja}/help.json`. Most keys are
 * built from the service models (`operation.iam.CreateRole`, `option.RoleName`), so the
 * catalogue is a plain string map; a test checks that every key a page asks for exists in both
 * languages and that no key goes unused.
 */
const catalogues: Readonly<Record<Language, Readonly<Record<string, string>>>> = { en, ja };

export interface HelpText {
  readonly language: Language;
  /** The text for `key` with `{{name}}` filled in; English when the language lacks it, '' when both do. */
  get(key: string, values?: Readonly<Record<string, string | number>>): string;
  /** Whether the catalogue has `key` (used to pick an operation-specific wording over the shared one). */
  has(key: string): boolean;
}

/** `onKey` sees every key a page reads, so tests can find missing and unused keys. */
export function helpText(language: Language, onKey?: (key: string) => void): HelpText {
  const own = catalogues[language];
  const fallback = catalogues.en;
  return {
    language,
    get(key, values = {}) {
      onKey?.(key);
      const template = (Object.hasOwn(own, key) ? own[key] : Object.hasOwn(fallback, key) ? fallback[key] : undefined) ?? '';
      return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
    },
    has: (key) => Object.hasOwn(fallback, key),
  };
}

/** Every key of a language's catalogue, for the tests. */
export const catalogueKeys = (language: Language): string[] => Object.keys(catalogues[language]);
