import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { LabMessage } from './protocol';

/**
 * Share links: the scenario text compressed with lz-string into characters a URL fragment keeps
 * as they are (`A–Z a–z 0–9 + - $`), after a `scenario=` marker so the app can tell its links
 * from other fragments.
 */
const PREFIX = 'scenario=';
/** Longer links are cut by mail and chat programs; past this, exporting a file is the way. */
export const MAX_FRAGMENT_LENGTH = 100_000;
/** lz-string can expand a crafted input quadratically: a link may not unpack to more than this. */
export const MAX_SHARED_TEXT_LENGTH = 20_000_000;

export type FragmentResult<T> = { ok: true; value: T } | { ok: false; problem: LabMessage };

const tooLarge = (length: number): FragmentResult<never> => ({ ok: false, problem: { key: 'share.tooLarge', values: { length, limit: MAX_FRAGMENT_LENGTH } } });
const broken: FragmentResult<never> = { ok: false, problem: { key: 'share.broken' } };

export function toFragment(scenarioText: string): FragmentResult<string> {
  const fragment = PREFIX + compressToEncodedURIComponent(scenarioText);
  return fragment.length > MAX_FRAGMENT_LENGTH ? tooLarge(fragment.length) : { ok: true, value: fragment };
}

/** The scenario text a fragment holds (with or without its `#`), or why it holds none. */
export function fromFragment(fragment: string): FragmentResult<string> {
  let data = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (data.length > MAX_FRAGMENT_LENGTH) return tooLarge(data.length);
  if (!data.startsWith(PREFIX)) return broken;
  data = data.slice(PREFIX.length);
  // Some programs percent-encode `$` or turn `+` into a space when they pass a link on.
  if (data.includes('%')) {
    try {
      data = decodeURIComponent(data);
    } catch {
      return broken;
    }
  }
  data = data.replaceAll(' ', '+');
  const size = unpackedLength(data, MAX_SHARED_TEXT_LENGTH);
  if (size === 'too-large') return tooLarge(data.length);
  if (size === 'broken') return broken;
  const text = decompressFromEncodedURIComponent(data);
  return text ? { ok: true, value: text } : broken;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const BITS_PER_CHARACTER = 6;

/**
 * How long the text lz-string would unpack from `data` is, computed without building it: the
 * same walk as lz-string 1.5.0's `_decompress`, keeping only each dictionary entry's length.
 * Stops as soon as the total passes `limit`.
 */
export function unpackedLength(data: string, limit: number): number | 'too-large' | 'broken' {
  const values = Array.from(data, (c) => ALPHABET.indexOf(c));
  if (values.length === 0 || values.some((v) => v < 0)) return 'broken';
  let next = 1;
  let value = values[0] ?? 0;
  let position = 1 << (BITS_PER_CHARACTER - 1);
  const read = (count: number): number => {
    let bits = 0;
    for (let power = 1, i = 0; i < count; i++, power *= 2) {
      const bit = value & position;
      position >>= 1;
      if (position === 0) {
        position = 1 << (BITS_PER_CHARACTER - 1);
        value = values[next++] ?? 0;
      }
      if (bit) bits += power;
    }
    return bits;
  };
  const first = read(2);
  if (first === 2) return 0;
  if (first === 3) return 'broken';
  read(first === 0 ? 8 : 16);
  const lengths: number[] = [0, 0, 0, 1];
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  let previous = 1;
  let total = 1;
  for (;;) {
    if (next > values.length) return 'broken';
    let code = read(numBits);
    if (code === 2) return total;
    if (code === 0 || code === 1) {
      read(code === 0 ? 8 : 16);
      lengths[dictSize++] = 1;
      code = dictSize - 1;
      enlargeIn--;
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
    let entry: number;
    if (code >= 3 && code < dictSize) entry = lengths[code] ?? 0;
    else if (code === dictSize) entry = previous + 1;
    else return 'broken';
    total += entry;
    if (total > limit) return 'too-large';
    lengths[dictSize++] = previous + 1;
    enlargeIn--;
    previous = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}
