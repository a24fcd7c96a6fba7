/**
 * Checks that the English and Japanese locale files say the same things: the same files, the same
 * keys, no empty text, the same `{{placeholders}}`. Returns every problem found, one line each.
 */
export type LocaleFiles = Readonly<Record<string, unknown>>;

/** Leaf strings by dotted path; anything that is not an object or a string is reported. */
export function flatten(value: unknown, prefix = '', into = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  } else {
    into.set(prefix, value);
  }
  return into;
}

const placeholders = (text: string): string => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort().join(',');

export function compareLocales(en: LocaleFiles, ja: LocaleFiles): string[] {
  const problems: string[] = [];
  const files = [...new Set([...Object.keys(en), ...Object.keys(ja)])].sort();
  for (const file of files) {
    if (!(file in en)) problems.push(`${file}: only in ja`);
    if (!(file in ja)) problems.push(`${file}: only in en`);
    if (!(file in en) || !(file in ja)) continue;
    const sides = { en: flatten(en[file]), ja: flatten(ja[file]) };
    for (const key of new Set([...sides.en.keys(), ...sides.ja.keys()])) {
      const values = { en: sides.en.get(key), ja: sides.ja.get(key) };
      for (const lang of ['en', 'ja'] as const) {
        const value = values[lang];
        if (!sides[lang].has(key)) problems.push(`${file}: "${key}" missing in ${lang}`);
        else if (typeof value !== 'string') problems.push(`${file}: "${key}" in ${lang} is not text`);
        else if (!value.trim()) problems.push(`${file}: "${key}" in ${lang} is empty`);
      }
      if (typeof values.en === 'string' && typeof values.ja === 'string' && placeholders(values.en) !== placeholders(values.ja)) {
        problems.push(`${file}: "${key}" placeholders differ (en: ${placeholders(values.en) || 'none'}, ja: ${placeholders(values.ja) || 'none'})`);
      }
    }
  }
  return problems;
}
