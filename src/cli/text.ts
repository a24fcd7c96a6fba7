import en from '../../locales/en/cli.json';
import ja from '../../locales/ja/cli.json';

/**
 * IAM Lab's own words in the terminal (help, hints), from the same locale files the UI uses.
 * The CLI core stays free of i18next, so this is a plain look-up with `{{name}}` interpolation.
 * AWS's and bash's own outputs are not translated and never come from here.
 */
export type Language = 'en' | 'ja';
type Messages = typeof en;
export type CliTextKey = keyof Messages;

const catalogues: Record<Language, Messages> = { en, ja };

export function cliText(language: Language, key: CliTextKey, values: Record<string, string | number> = {}): string {
  const template = catalogues[language][key] ?? catalogues.en[key];
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}
