import type { Filter } from '../models/ec2.types';
import type { AwsError } from '../core/errors';
import { err, ok, type Result } from '../core/result';
import type { Tag } from '../core/state';
import { ec2Errors } from './errors';

/**
 * EC2's `--filters Name=…,Values=…`: the values of one filter are alternatives (OR), separate
 * filters must all hold (AND). Values may use `*` (any run of characters) and `?` (one character);
 * a backslash makes the next character literal. Matching is case-sensitive, as in EC2.
 * Filters compile once per request into one predicate, so describing 10,000 instances stays cheap.
 */

/** What a filter reads from an item: one value, several, or none. */
export type FilterField<T> = (item: T) => string | readonly string[] | undefined;

export interface FilterSchema<T> {
  fields: Readonly<Record<string, FilterField<T>>>;
  /** Items that carry tags also support `tag:KEY`, `tag-key` and `tag-value`. */
  tags?: (item: T) => readonly Tag[];
}

type Matcher = (value: string) => boolean;

function wildcardRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === '\\' && i + 1 < pattern.length) source += escapeRegExp(pattern.charAt(++i));
    else if (c === '*') source += '[\\s\\S]*';
    else if (c === '?') source += '[\\s\\S]';
    else source += escapeRegExp(c);
  }
  return new RegExp(`^${source}$`, 'u');
}

const escapeRegExp = (c: string): string => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Plain values become one set look-up; only values with wildcards cost a regular expression. */
function matcherOf(values: readonly string[]): Matcher {
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const value of values) {
    if (/[*?\\]/.test(value)) patterns.push(wildcardRegExp(value));
    else exact.add(value);
  }
  return (value) => exact.has(value) || patterns.some((p) => p.test(value));
}

function fieldPredicate<T>(field: FilterField<T>, matches: Matcher): (item: T) => boolean {
  return (item) => {
    const value = field(item);
    if (value === undefined) return false;
    if (typeof value === 'string') return matches(value);
    return value.some(matches);
  };
}

function tagPredicate<T>(name: string, tags: (item: T) => readonly Tag[], matches: Matcher): ((item: T) => boolean) | undefined {
  if (name.startsWith('tag:')) {
    const key = name.slice('tag:'.length);
    return (item) => tags(item).some((t) => t.Key === key && matches(t.Value));
  }
  if (name === 'tag-key') return (item) => tags(item).some((t) => matches(t.Key));
  if (name === 'tag-value') return (item) => tags(item).some((t) => matches(t.Value));
  return undefined;
}

/** One predicate for all the request's filters, or `The filter '…' is invalid` for a name EC2 does not know. */
export function compileFilters<T>(filters: readonly Filter[] | undefined, schema: FilterSchema<T>): Result<(item: T) => boolean, AwsError> {
  const predicates: ((item: T) => boolean)[] = [];
  for (const filter of filters ?? []) {
    const name = filter.Name ?? 'null';
    const matches = matcherOf(filter.Values ?? []);
    const field = Object.hasOwn(schema.fields, name) ? schema.fields[name] : undefined;
    const predicate = field ? fieldPredicate(field, matches) : schema.tags ? tagPredicate(name, schema.tags, matches) : undefined;
    if (!predicate) return err(ec2Errors.invalidFilter(name));
    predicates.push(predicate);
  }
  return ok((item: T) => predicates.every((p) => p(item)));
}
