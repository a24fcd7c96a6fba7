/**
 * The bits of Python's semantics the AWS CLI's formatters lean on: `str()` and `repr()` of JSON values,
 * float printing, code-point string order, and the exceptions its table and text code raise on odd shapes.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export const isDict = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
/** `not isinstance(v, (list, dict))`. */
export const isScalar = (v: JsonValue): boolean => !Array.isArray(v) && !isDict(v);

/** A Python exception the CLI would have raised: it reaches the user as `str(e)` with rc 255. */
export class PythonError extends Error {
  override readonly name = 'PythonError';
}

export function pyTypeName(v: JsonValue): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return isPyInt(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'str';
  return Array.isArray(v) ? 'list' : 'dict';
}

/** JSON can't tell 1 from 1.0 once in JavaScript: whole numbers in the safe range are taken as Python ints. */
const isPyInt = (n: number): boolean => Number.isSafeInteger(n);

/** `repr(float)`: shortest round-trip digits, exponent form outside 1e-4 ≤ |x| < 1e16. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa = '0', expText = '0'] = x.toExponential().split('e');
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  const exp = Number(expText);
  const point = exp + 1;
  if (point > -4 && point <= 16) {
    if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
    if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}.0`;
    return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
  }
  const head = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${sign}${head}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

export function pyNumberStr(n: number): string {
  return isPyInt(n) ? String(n) : pyFloatRepr(n);
}

/** `str(v)`. */
export function pyStr(v: JsonValue): string {
  if (typeof v === 'string') return v;
  return pyRepr(v);
}

/** `repr(v)`. */
export function pyRepr(v: JsonValue): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return pyNumberStr(v);
  if (typeof v === 'string') return reprString(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  return `{${Object.entries(v).map(([k, x]) => `${reprString(k)}: ${pyRepr(x)}`).join(', ')}}`;
}

// str.isprintable(): everything but the "Other" and "Separator" categories, the plain space excepted.
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

function reprString(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '\\' || ch === quote) out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch !== ' ' && NOT_PRINTABLE.test(ch)) {
      const hex = cp.toString(16);
      out += cp < 0x100 ? `\\x${hex.padStart(2, '0')}` : cp < 0x10000 ? `\\u${hex.padStart(4, '0')}` : `\\U${hex.padStart(8, '0')}`;
    } else out += ch;
  }
  return out + quote;
}

/** Python orders strings by code point; JavaScript's `<` by UTF-16 unit. They differ only around surrogates. */
export function comparePy(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

const codePointRank = (unit: number): number => (unit >= 0xd800 && unit <= 0xdfff ? unit + 0x2000 : unit >= 0xe000 ? unit - 0x800 : unit);

export const sortedKeys = (o: JsonObject): string[] => Object.keys(o).sort(comparePy);

/** Python's `round()` on a float: half to even. */
export function pyRound(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** `' ' * n` (empty for n ≤ 0). */
export const spaces = (n: number): string => (n > 0 ? ' '.repeat(n) : '');

export function pyTruthy(v: JsonValue): boolean {
  if (v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isDict(v)) return Object.keys(v).length > 0;
  return true;
}

/** `for x in v`: a dict yields its keys, a string its characters. */
export function pyIter(v: JsonValue): JsonValue[] {
  if (Array.isArray(v)) return v;
  if (isDict(v)) return Object.keys(v);
  if (typeof v === 'string') return [...v];
  throw new PythonError(`'${pyTypeName(v)}' object is not iterable`);
}

/** `v[k]`. */
export function pyGetItem(v: JsonValue, k: JsonValue): JsonValue {
  if (isDict(v)) {
    if (typeof k === 'string' && Object.hasOwn(v, k)) return v[k] as JsonValue;
    if (Array.isArray(k) || isDict(k)) throw new PythonError(`unhashable type: '${pyTypeName(k)}'`);
    throw new PythonError(pyRepr(k));
  }
  if (Array.isArray(v) || typeof v === 'string') {
    const items = Array.isArray(v) ? v : [...v];
    const kind = Array.isArray(v) ? 'list' : 'string';
    const index = typeof k === 'boolean' ? Number(k) : k;
    if (typeof index !== 'number' || !isPyInt(index)) {
      throw new PythonError(Array.isArray(v)
        ? `list indices must be integers or slices, not ${pyTypeName(k)}`
        : `string indices must be integers, not '${pyTypeName(k)}'`);
    }
    const at = index < 0 ? items.length + index : index;
    const item = items[at];
    if (item === undefined) throw new PythonError(`${kind} index out of range`);
    return item;
  }
  throw new PythonError(`'${pyTypeName(v)}' object is not subscriptable`);
}

/** `v.get(k, fallback)`: only dicts have it. */
export function pyGet(v: JsonValue, k: string, fallback: JsonValue): JsonValue {
  if (!isDict(v)) throw new PythonError(`'${pyTypeName(v)}' object has no attribute 'get'`);
  return Object.hasOwn(v, k) ? (v[k] as JsonValue) : fallback;
}

/** `k in v`. */
export function pyContains(v: JsonValue, k: string): boolean {
  if (isDict(v)) return Object.hasOwn(v, k);
  if (Array.isArray(v)) return v.includes(k);
  if (typeof v === 'string') return v.includes(k);
  throw new PythonError(`argument of type '${pyTypeName(v)}' is not iterable`);
}

/** `sorted(values)` for dict keys and other hashables; mixed types fail as Python's comparison does. */
export function pySorted(values: readonly JsonValue[]): JsonValue[] {
  const kind = (v: JsonValue) => (typeof v === 'string' ? 'str' : typeof v === 'number' || typeof v === 'boolean' ? 'num' : 'other');
  for (let i = 1; i < values.length; i++) {
    const a = values[i - 1] as JsonValue;
    const b = values[i] as JsonValue;
    if (kind(a) !== kind(b) || kind(a) === 'other') {
      // [BEL] Timsort's first comparison of an unorderable pair; which pair that is depends on its runs.
      throw new PythonError(`'<' not supported between instances of '${pyTypeName(b)}' and '${pyTypeName(a)}'`);
    }
  }
  return [...values].sort((a, b) => (typeof a === 'string' && typeof b === 'string' ? comparePy(a, b) : Number(a) - Number(b)));
}
