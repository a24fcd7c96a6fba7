import { part } from '../parts';
import type { Language } from '../text';

/**
 * IAM Lab's own words on the `aws help` pages, from `locales/{en,ja}/help.json`. Most keys are
 * built from the service models (`operation.iam.CreateRole`, `option.RoleName`), so the
 * catalogue is a plain string map; a test checks that every key a page asks for exists in both
 * languages and that no key goes unused. Each language's catalogue loads on first use (`../parts`).
 */
const catalogue = (language: Language) => part(language === 'ja' ? 'help.ja' : 'help.en');

export interface HelpText {
  readonly language: Language;
  /** The text for `key` with `{{name}}` filled in; English when the language lacks it, '' when both do. */
  get(key: string, values?: Readonly<Record<string, string | number>>): string;
  /** Whether the catalogue has `key` (used to pick an operation-specific wording over the shared one). */
  has(key: string): boolean;
}

/** `onKey` sees every key a page reads, so tests can find missing and unused keys. */
export function helpText(language: Language, onKey?: (key: string) => void): HelpText {
  const own = catalogue(language);
  // English only when this language lacks a key, which the test above rules out: loaded then, not before.
  const fallback = (key: string) => {
    const en = catalogue('en');
    return Object.hasOwn(en, key) ? en[key] : undefined;
  };
  return {
    language,
    get(key, values = {}) {
      onKey?.(key);
      const template = (Object.hasOwn(own, key) ? own[key] : fallback(key)) ?? '';
      return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
    },
    // The same keys in both languages (the test above), so a language's own catalogue answers.
    has: (key) => Object.hasOwn(own, key),
  };
}

/** Every key of a language's catalogue, for the tests. */
export const catalogueKeys = (language: Language): string[] => Object.keys(catalogue(language));
