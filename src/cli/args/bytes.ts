/** UTF-8 and base64 without the DOM or Node (the CLI core has neither `TextEncoder` nor `Buffer`). */
export function utf8Encode(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return out;
}

/** Decodes UTF-8, replacing malformed sequences with U+FFFD. */
export function utf8Decode(bytes: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    const extra = b >= 0xf0 && b < 0xf8 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : 0;
    if (b >= 0x80 && extra === 0) {
      out += '\ufffd';
      i += 1;
      continue;
    }
    let cp = extra === 0 ? b : b & (0x3f >> extra);
    let j = 1;
    for (; j <= extra; j += 1) {
      const c = bytes[i + j];
      if (c === undefined || (c & 0xc0) !== 0x80) break;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (j <= extra) {
      out += '\ufffd';
      i += j;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += extra + 1;
  }
  return out;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64Encode(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += ALPHABET[(n >> 18) & 63] + (ALPHABET[(n >> 12) & 63] ?? '');
    out += i + 1 < bytes.length ? (ALPHABET[(n >> 6) & 63] ?? '') : '=';
    out += i + 2 < bytes.length ? (ALPHABET[n & 63] ?? '') : '=';
  }
  return out;
}
