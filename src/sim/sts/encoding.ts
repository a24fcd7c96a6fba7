import { seededRandom, type RandomSource, type RandomState } from '../core/random';

/**
 * Small, dependency-free encodings for the simulator's stateless tokens (STS session tokens,
 * metadata-service credentials and IMDSv2 tokens). None of this is cryptography: a token only
 * has to look like AWS's, carry its claims, and reject a string that was typed by hand.
 */

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of a string of 8-bit characters (every token payload here is ASCII). */
export function base64Encode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const a = text.charCodeAt(i) & 0xff;
    const b = i + 1 < text.length ? text.charCodeAt(i + 1) & 0xff : 0;
    const c = i + 2 < text.length ? text.charCodeAt(i + 2) & 0xff : 0;
    const n = (a << 16) | (b << 8) | c;
    out += BASE64.charAt(n >>> 18) + BASE64.charAt((n >>> 12) & 63);
    out += i + 1 < text.length ? BASE64.charAt((n >>> 6) & 63) : '=';
    out += i + 2 < text.length ? BASE64.charAt(n & 63) : '=';
  }
  return out;
}

/** The inverse of `base64Encode`; undefined for anything that is not base64. */
export function base64Decode(encoded: string): string | undefined {
  if (encoded.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(encoded)) return undefined;
  let out = '';
  for (let i = 0; i < encoded.length; i += 4) {
    const [a, b, c, d] = [0, 1, 2, 3].map((k) => BASE64.indexOf(encoded.charAt(i + k)));
    const n = ((a ?? 0) << 18) | ((b ?? 0) << 12) | (Math.max(c ?? 0, 0) << 6) | Math.max(d ?? 0, 0);
    out += String.fromCharCode(n >>> 16);
    if (c !== undefined && c >= 0) out += String.fromCharCode((n >>> 8) & 0xff);
    if (d !== undefined && d >= 0) out += String.fromCharCode(n & 0xff);
  }
  return out;
}

/** A 128-bit digest of a string: four interleaved multiply-xor lanes, then a final avalanche. */
export function digest(text: string): RandomState {
  let h1 = 0x6a09e667;
  let h2 = 0xbb67ae85;
  let h3 = 0x3c6ef372;
  let h4 = 0xa54ff53a;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 0x2c1b3c6d);
    h2 = h3 ^ Math.imul(h2 ^ k, 0x297a2d39);
    h3 = h4 ^ Math.imul(h3 ^ k, 0x85ebca6b);
    h4 = h1 ^ Math.imul(h4 ^ k, 0xc2b2ae35);
  }
  const mix = (h: number, a: number, b: number) => Math.imul(h ^ (h >>> 16), a) ^ Math.imul(b ^ (b >>> 13), 0x27d4eb2f);
  const r1 = mix(h1, 0x7feb352d, h4);
  const r2 = mix(h2, 0x846ca68b, r1);
  const r3 = mix(h3, 0x9e3779b1, r2);
  const r4 = mix(h4, 0x165667b1, r3);
  return [r1 >>> 0, r2 >>> 0, r3 >>> 0, r4 >>> 0];
}

/** Eight hex digits that tie a token's payload to itself, so edited or invented tokens are refused. */
export const checksum = (text: string): string => digest(`checksum:${text}`)[0].toString(16).padStart(8, '0');

/** A random source derived from a string: the same string always yields the same sequence. */
export function derivedRandom(text: string): RandomSource {
  const random = seededRandom(digest(text));
  // sfc32 needs a few rounds before a hand-made state is well mixed.
  for (let i = 0; i < 12; i++) random.nextUint32();
  return random;
}
