/** Small formatting helpers for the console pages. */

// Making a formatter costs far more than using one, and a table formats a date per row.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(language: string): Intl.DateTimeFormat {
  const locale = language === 'ja' ? 'ja-JP' : 'en-US';
  let formatter = formatters.get(locale);
  if (!formatter) formatters.set(locale, (formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' })));
  return formatter;
}

/** An AWS timestamp as the console shows it, in UTC, in the learner's language; unreadable text stays as it is. */
export function formatDate(iso: string, language: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : formatterFor(language).format(ms);
}

export interface PageOf<T> {
  items: T[];
  /** 1-based, brought back in range when the list shrank. */
  page: number;
  pages: number;
  /** 1-based positions of the first and last item shown (0 and 0 for an empty list). */
  from: number;
  to: number;
  total: number;
}

export function paginate<T>(items: readonly T[], page: number, size: number): PageOf<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, Math.floor(page)), pages);
  const start = (current - 1) * size;
  const shown = items.slice(start, start + size);
  return { items: shown, page: current, pages, from: shown.length ? start + 1 : 0, to: start + shown.length, total: items.length };
}

/** Maximum session duration in whole hours when it is one (the console's "1 hour"), else undefined. */
export const wholeHours = (seconds: number): number | undefined => (seconds % 3600 === 0 ? seconds / 3600 : undefined);
