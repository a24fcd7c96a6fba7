import { utf8Decode, utf8Encode } from './bytes';

/**
 * The Python values the AWS CLI works with while it parses arguments, and their `repr`.
 *
 * The CLI's messages print Python objects (`value: ['x', 'Arn'], type: <class 'list'>`), and
 * botocore's checks tell `int` from `float` and `str` from `bytes`. JavaScript values cannot
 * carry those differences, so parsed arguments live in this small model until they are
 * handed to the simulator: `bigint` is Python's `int`, `number` its `float`.
 */
export type PyValue = string | boolean | null | bigint | number | PyBytes | PyDict | PyValue[];

/** `bytes` read through `fileb://` (the virtual file system holds text, kept here as such). */
export class PyBytes {
  constructor(readonly text: string) {}
}

/** `dict`, or the `OrderedDict` that `json.loads(…, object_pairs_hook=OrderedDict)` builds. */
export class PyDict {
  constructor(
    readonly entries: Map<string, PyValue> = new Map(),
    readonly ordered = false,
  ) {}
}

export const isDict = (v: PyValue | undefined): v is PyDict => v instanceof PyDict;
export const isList = (v: PyValue | undefined): v is PyValue[] => Array.isArray(v);

/** Python's `isinstance(v, int)`: `bool` is a subclass of `int`. */
export const isPyInt = (v: PyValue): v is bigint | boolean => typeof v === 'bigint' || typeof v === 'boolean';

/** `str(type(v))`. */
export function pyTypeName(v: PyValue): string {
  if (typeof v === 'string') return "<class 'str'>";
  if (typeof v === 'boolean') return "<class 'bool'>";
  if (v === null) return "<class 'NoneType'>";
  if (typeof v === 'bigint') return "<class 'int'>";
  if (typeof v === 'number') return "<class 'float'>";
  if (v instanceof PyBytes) return "<class 'bytes'>";
  if (v instanceof PyDict) return v.ordered ? "<class 'collections.OrderedDict'>" : "<class 'dict'>";
  return "<class 'list'>";
}

/** The bare type name Python's own errors use (`… not 'list'`). */
export function pyShortTypeName(v: PyValue): string {
  return pyTypeName(v).replace(/^<class '(?:collections\.)?(.*)'>$/, '$1');
}

/** `str(v)`: a string is itself, anything else its repr. */
export const pyStr = (v: PyValue): string => (typeof v === 'string' ? v : pyRepr(v));

/** `repr(v)` as CPython 3.13 prints it (the interpreter the AWS CLI v2 ships with [BEL]). */
export function pyRepr(v: PyValue): string {
  if (typeof v === 'string') return reprString(v);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (v === null) return 'None';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return reprFloat(v);
  if (v instanceof PyBytes) return reprBytes(v.text);
  if (v instanceof PyDict) {
    const body = [...v.entries].map(([k, x]) => `${reprString(k)}: ${pyRepr(x)}`).join(', ');
    if (!v.ordered) return `{${body}}`;
    return v.entries.size === 0 ? 'OrderedDict()' : `OrderedDict({${body}})`;
  }
  return `[${v.map(pyRepr).join(', ')}]`;
}

// Characters str.isprintable() rejects besides ASCII controls: separators and "other" categories.
const NON_PRINTABLE = /[\p{C}\p{Z}]/u;

function reprString(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + hex(cp, 2);
    else if (cp < 0x7f || ch === ' ') out += ch;
    else if (NON_PRINTABLE.test(ch)) out += cp < 0x100 ? '\\x' + hex(cp, 2) : cp < 0x10000 ? '\\u' + hex(cp, 4) : '\\U' + hex(cp, 8);
    else out += ch;
  }
  return out + quote;
}

function reprBytes(text: string): string {
  const bytes = utf8Encode(text);
  const hasSingle = bytes.includes(0x27);
  const quote = hasSingle && !bytes.includes(0x22) ? '"' : "'";
  let out = 'b' + quote;
  for (const b of bytes) {
    const ch = String.fromCharCode(b);
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (b < 0x20 || b >= 0x7f) out += '\\x' + hex(b, 2);
    else out += ch;
  }
  return out + quote;
}

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/** `repr(float)`: the shortest round-tripping digits, positional between 1e-4 and 1e16. */
function reprFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa = '0', exponent = '0'] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exp = Number(exponent);
  const sign = x < 0 ? '-' : '';
  if (exp < -4 || exp >= 16) {
    const frac = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${frac}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const fracPart = digits.slice(exp + 1);
  return `${sign}${intPart}.${fracPart || '0'}`;
}

/** Python's `str.strip()` whitespace (`str.isspace`). */
const SPACE_CLASS = '[\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const PY_SPACE = new RegExp(`^${SPACE_CLASS}+|${SPACE_CLASS}+$`, 'gu');
export const pyStrip = (s: string): string => s.replace(PY_SPACE, '');

/** The value of one Unicode decimal digit (`int()` accepts any script's digits). */
function digitValue(ch: string): number | undefined {
  if (!/^\p{Nd}$/u.test(ch)) return undefined;
  // Decimal digits come in runs of ten starting at zero: count back to the run's start.
  let cp = ch.codePointAt(0) ?? 0;
  let offset = 0;
  while (/^\p{Nd}$/u.test(String.fromCodePoint(cp - 1))) {
    cp -= 1;
    offset += 1;
  }
  return offset % 10;
}

/** Python's `int(x)`: the value, or the message of the `ValueError`/`TypeError` it raises. */
export type PyConversion<T> = { ok: true; value: T } | { ok: false; exception: 'ValueError' | 'TypeError' | 'OverflowError'; message: string };

export function pyInt(v: PyValue): PyConversion<bigint> {
  if (typeof v === 'bigint') return { ok: true, value: v };
  if (typeof v === 'boolean') return { ok: true, value: v ? 1n : 0n };
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return { ok: false, exception: 'ValueError', message: 'cannot convert float NaN to integer' };
    if (!Number.isFinite(v)) return { ok: false, exception: 'OverflowError', message: 'cannot convert float infinity to integer' };
    return { ok: true, value: BigInt(Math.trunc(v)) };
  }
  if (typeof v !== 'string') {
    return { ok: false, exception: 'TypeError', message: `int() argument must be a string, a bytes-like object or a real number, not '${pyShortTypeName(v)}'` };
  }
  const invalid = { ok: false as const, exception: 'ValueError' as const, message: `invalid literal for int() with base 10: ${reprString(v)}` };
  const body = pyStrip(v);
  const match = /^([+-]?)(.+)$/su.exec(body);
  if (!match) return invalid;
  const [, sign, digitsPart = ''] = match;
  let value = 0n;
  let previousUnderscore = true;
  for (const ch of digitsPart) {
    if (ch === '_') {
      if (previousUnderscore) return invalid;
      previousUnderscore = true;
      continue;
    }
    const d = digitValue(ch);
    if (d === undefined) return invalid;
    value = value * 10n + BigInt(d);
    previousUnderscore = false;
  }
  if (previousUnderscore) return invalid;
  return { ok: true, value: sign === '-' ? -value : value };
}

/** Python's `float(str)` for the CLI's float and double parameters. */
export function pyFloat(v: PyValue): PyConversion<number> {
  if (typeof v === 'number') return { ok: true, value: v };
  if (typeof v === 'bigint') return { ok: true, value: Number(v) };
  if (typeof v === 'boolean') return { ok: true, value: v ? 1 : 0 };
  if (typeof v !== 'string') {
    return { ok: false, exception: 'TypeError', message: `float() argument must be a string or a real number, not '${pyShortTypeName(v)}'` };
  }
  const body = pyStrip(v).replace(/(?<=\d)_(?=\d)/g, '');
  if (/^[+-]?(?:inf(?:inity)?|nan)$/i.test(body)) {
    const negative = body.startsWith('-');
    return { ok: true, value: /nan/i.test(body) ? NaN : negative ? -Infinity : Infinity };
  }
  if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(body)) return { ok: true, value: Number(body) };
  return { ok: false, exception: 'ValueError', message: `could not convert string to float: ${reprString(v)}` };
}

/** The JSON-like value handed to the simulator: Python's types collapse to JavaScript's. */
export type JsValue = string | number | boolean | null | JsValue[] | { [key: string]: JsValue };

export function toJs(v: PyValue): JsValue {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof PyBytes) return v.text;
  if (v instanceof PyDict) {
    const out: { [key: string]: JsValue } = {};
    for (const [k, x] of v.entries) out[k] = toJs(x);
    return out;
  }
  if (Array.isArray(v)) return v.map(toJs);
  return v;
}

/** The reverse, for YAML documents (loaded with `intAsBigInt`, so a `number` is a float). */
export function fromJs(v: unknown): PyValue {
  if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'bigint') return v;
  if (typeof v === 'number') return v;
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map(fromJs);
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return new PyBytes(utf8Decode(v));
  if (v instanceof Map) return new PyDict(new Map([...v].map(([k, x]) => [String(k), fromJs(x)])));
  if (typeof v === 'object') return new PyDict(new Map(Object.entries(v).map(([k, x]) => [k, fromJs(x)])));
  return String(v);
}
