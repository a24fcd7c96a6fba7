import { describe, expect, it } from 'vitest';
import { formatDate, paginate, wholeHours } from './format';

describe('formatDate', () => {
  it('shows AWS timestamps in UTC, in the learner\'s language', () => {
    expect(formatDate('2026-01-15T09:00:00Z', 'en')).toBe('Jan 15, 2026, 9:00:00 AM');
    expect(formatDate('2026-01-15T09:00:00+00:00', 'ja')).toBe('2026/01/15 9:00:00');
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });
});

describe('paginate', () => {
  const items = Array.from({ length: 45 }, (_, i) => i + 1);
  it.each([
    ['the first page', items, 1, { first: 1, page: 1, pages: 3, from: 1, to: 20, total: 45 }],
    ['the last, partial page', items, 3, { first: 41, page: 3, pages: 3, from: 41, to: 45, total: 45 }],
    ['a page past the end, brought back', items, 9, { first: 41, page: 3, pages: 3, from: 41, to: 45, total: 45 }],
    ['a page before the start', items, 0, { first: 1, page: 1, pages: 3, from: 1, to: 20, total: 45 }],
    ['an empty list', [], 2, { first: undefined, page: 1, pages: 1, from: 0, to: 0, total: 0 }],
  ])('%s', (_name, list, page, expected) => {
    const of = paginate(list, page, 20);
    expect({ first: of.items[0], page: of.page, pages: of.pages, from: of.from, to: of.to, total: of.total }).toEqual(expected);
  });
});

describe('wholeHours', () => {
  it.each([
    [3600, 1],
    [43200, 12],
    [5400, undefined],
  ])('%i s → %s', (seconds, hours) => {
    expect(wholeHours(seconds)).toBe(hours);
  });
});
