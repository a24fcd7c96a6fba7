import type { AwsError } from '../core/errors';
import { err, ok, type Result } from '../core/result';
import { ec2Errors } from './errors';

/**
 * MaxResults / NextToken paging over a list in a stable order. The token is opaque to the
 * caller; inside it records where the last page ended and the key of its last item, so a page
 * resumes after that item even when items before it have come or gone since.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

// Tokens hold ASCII only; the core has no btoa/atob (no DOM, no Node types).
function toBase64(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const at = (k: number): number => (k < text.length ? text.charCodeAt(k) : 0);
    const n = (at(i) << 16) | (at(i + 1) << 8) | at(i + 2);
    out += ALPHABET.charAt((n >> 18) & 63) + ALPHABET.charAt((n >> 12) & 63);
    out += i + 1 < text.length ? ALPHABET.charAt((n >> 6) & 63) : '=';
    out += i + 2 < text.length ? ALPHABET.charAt(n & 63) : '=';
  }
  return out;
}

function fromBase64(token: string): string | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(token) || token.length % 4 !== 0) return undefined;
  let bits = 0;
  let buffer = 0;
  let out = '';
  for (const c of token.replace(/=+$/, '')) {
    buffer = (buffer << 6) | ALPHABET.indexOf(c);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }
  return out;
}

const encodeToken = (offset: number, lastKey: string): string => toBase64(`${offset}:${lastKey}`);

function startOf<T>(items: readonly T[], keyOf: (item: T) => string, token: string): number | undefined {
  const match = /^(\d+):(.+)$/.exec(fromBase64(token) ?? '');
  if (!match) return undefined;
  const offset = Number(match[1]);
  const lastKey = match[2];
  if (offset > 0 && offset <= items.length && keyOf(items[offset - 1] as T) === lastKey) return offset;
  const at = items.findIndex((item) => keyOf(item) === lastKey);
  return at >= 0 ? at + 1 : Math.min(offset, items.length);
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export function paginate<T>(items: readonly T[], keyOf: (item: T) => string, maxResults: number | undefined, nextToken: string | undefined): Result<Page<T>, AwsError> {
  const start = nextToken === undefined ? 0 : startOf(items, keyOf, nextToken);
  if (start === undefined) return err(ec2Errors.invalidNextToken(nextToken ?? ''));
  const end = maxResults === undefined ? items.length : Math.min(items.length, start + maxResults);
  const page = items.slice(start, end);
  const last = page[page.length - 1];
  return ok(end < items.length && last !== undefined ? { items: page, nextToken: encodeToken(end, keyOf(last)) } : { items: page });
}
