import type { ServiceName } from '../../sim/core/errors';
import { serviceModels, type Paginator } from '../../sim/core/model';
import { isDict, type JsonObject, type JsonValue } from './python';

/**
 * The CLI's automatic pagination (botocore's PageIterator), as pure functions over pages the caller
 * fetched: which token to send for the next page, and the single result the formatters see, which keeps
 * only the result keys (so `Marker`, `IsTruncated`, `NextToken` disappear) plus `NextToken` when
 * `--max-items` cut the listing short.
 */
export function paginatorFor(service: ServiceName, operation: string): Paginator | undefined {
  return serviceModels[service].paginators[operation];
}

const list = (v: string | string[]): string[] => (Array.isArray(v) ? v : [v]);

/** The input-token parameters for the page after `page`, or undefined when it was the last. */
export function nextPageParams(paginator: Paginator, page: JsonObject): Record<string, string> | undefined {
  const tokens = nextTokens(paginator, page);
  const present = Object.entries(tokens).filter((entry): entry is [string, string] => entry[1] !== null);
  return present.length > 0 ? Object.fromEntries(present) : undefined;
}

function nextTokens(paginator: Paginator, page: JsonObject): Record<string, string | null> {
  if (paginator.more_results !== undefined && !page[paginator.more_results]) return {};
  const inputs = list(paginator.input_token);
  const tokens: Record<string, string | null> = {};
  list(paginator.output_token).forEach((output, i) => {
    const input = inputs[i];
    if (input === undefined) return;
    const value = page[output];
    // An empty token means there is nothing more.
    tokens[input] = typeof value === 'string' && value !== '' ? value : null;
  });
  return tokens;
}

export interface StartingToken {
  /** Parameters for the first request. */
  params: Record<string, string>;
  /** Items of the first page already shown. */
  skip: number;
}

/** `--starting-token`: a NextToken from an earlier `--max-items` run. */
export function decodeStartingToken(paginator: Paginator, token: string): StartingToken {
  const decoded = parseToken(token);
  if (decoded) {
    const { boto_truncate_amount: skip, ...rest } = decoded;
    const params = Object.fromEntries(Object.entries(rest).filter((e): e is [string, string] => typeof e[1] === 'string'));
    return { params, skip: typeof skip === 'number' ? skip : 0 };
  }
  // [BEL] botocore's deprecated `token___N` form is not read; the token is passed through as is.
  const [input = 'NextToken'] = list(paginator.input_token);
  return { params: { [input]: token }, skip: 0 };
}

function parseToken(token: string): JsonObject | undefined {
  try {
    const value = JSON.parse(fromBase64(token)) as JsonValue;
    return isDict(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export interface FullResult {
  /** What json, yaml and table format: the result keys of every page, then NextToken if any. */
  result: JsonObject;
  /** The pages as text output prints them one by one (only the result keys, the first possibly trimmed). */
  pages: JsonObject[];
  /** `NextToken` for `--starting-token`: text output ends with a `NEXTTOKEN\t…` line. */
  nextToken?: string;
}

/**
 * `build_full_result()` over pages fetched in order (the first one with `startingToken`'s params),
 * stopping as botocore does once `maxItems` items of the first result key have been gathered.
 */
export function buildFullResult(paginator: Paginator, pages: readonly JsonObject[], options: { maxItems?: number; startingToken?: string } = {}): FullResult {
  const resultKeys = list(paginator.result_key);
  const [primary = ''] = resultKeys;
  const inputs = list(paginator.input_token);
  const start = options.startingToken === undefined ? undefined : decodeStartingToken(paginator, options.startingToken);
  let tokenForPage: Record<string, JsonValue> = start ? { ...Object.fromEntries(inputs.map((k) => [k, null])), ...start.params } : Object.fromEntries(inputs.map((k) => [k, null]));
  let total = 0;
  let resume: Record<string, JsonValue> | undefined;
  const shown: JsonObject[] = [];
  for (const [index, raw] of pages.entries()) {
    const page: JsonObject = Object.fromEntries(resultKeys.filter((k) => Object.hasOwn(raw, k)).map((k) => [k, raw[k] as JsonValue]));
    if (index === 0 && start && start.skip > 0) {
      // Resume inside a page: drop what was shown, and the secondary keys already shown with it.
      const items = page[primary];
      page[primary] = Array.isArray(items) || typeof items === 'string' ? items.slice(start.skip) : null;
      for (const key of resultKeys.slice(1)) page[key] = emptyLike(page[key]);
    }
    const items = page[primary];
    const count = Array.isArray(items) ? items.length : 0;
    const over = options.maxItems === undefined ? 0 : total + count - options.maxItems;
    if (over > 0 && Array.isArray(items)) {
      const keep = count - over;
      page[primary] = items.slice(0, keep);
      resume = { ...tokenForPage, boto_truncate_amount: keep + (index === 0 && start ? start.skip : 0) };
      shown.push(page);
      break;
    }
    shown.push(page);
    total += count;
    const next = nextTokens(paginator, raw);
    if (Object.values(next).every((t) => t === null)) break;
    if (options.maxItems !== undefined && total === options.maxItems) {
      resume = next;
      break;
    }
    tokenForPage = next;
  }
  const result = merge(shown, resultKeys);
  if (resume === undefined) return { result, pages: shown };
  const nextToken = toBase64(pythonJsonDumps(resume));
  return { result: { ...result, NextToken: nextToken }, pages: shown, nextToken };
}

function emptyLike(sample: JsonValue | undefined): JsonValue {
  if (Array.isArray(sample)) return [];
  if (typeof sample === 'string') return '';
  if (typeof sample === 'number') return 0;
  return null;
}

/** Lists are concatenated, numbers and strings added up, as build_full_result does. */
function merge(pages: readonly JsonObject[], resultKeys: readonly string[]): JsonObject {
  const out: JsonObject = {};
  for (const page of pages) {
    for (const key of resultKeys) {
      const value = page[key];
      if (value === undefined || value === null) continue;
      const existing = out[key];
      if (existing === undefined || existing === null) out[key] = Array.isArray(value) ? [...value] : value;
      else if (Array.isArray(existing) && Array.isArray(value)) existing.push(...value);
      else if (typeof existing === 'number' && typeof value === 'number') out[key] = existing + value;
      else if (typeof existing === 'string' && typeof value === 'string') out[key] = existing + value;
    }
  }
  return out;
}

/** `json.dumps(token)` with Python's default separators. */
function pythonJsonDumps(token: Record<string, JsonValue>): string {
  return `{${Object.entries(token).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}}`;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function utf8(text: string): number[] {
  return [...unescape(encodeURIComponent(text))].map((c) => c.charCodeAt(0));
}

export function toBase64(text: string): string {
  const bytes = utf8(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = bytes.slice(i, i + 3);
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63] + (B64[(n >> 12) & 63] ?? '');
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? B64[n & 63] : '=';
  }
  return out;
}

function fromBase64(text: string): string {
  const clean = text.replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(clean)) throw new Error('not base64');
  let bits = 0;
  let acc = 0;
  let binary = '';
  for (const ch of clean) {
    acc = (acc << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      binary += String.fromCharCode((acc >> bits) & 0xff);
    }
  }
  return decodeURIComponent(escape(binary));
}
