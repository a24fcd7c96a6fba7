import type { ParseKeys, TFunction } from 'i18next';

/**
 * `t` for a key chosen at run time (a union of keys) with values built elsewhere: i18next's types
 * check each key's placeholders against a literal object only. The key stays type-checked.
 */
export function textWith(t: TFunction<'console'>, key: ParseKeys<'console'>, values: Readonly<Record<string, string>>): string {
  return (t as unknown as (key: string, values: Readonly<Record<string, string>>) => string)(key, values);
}
