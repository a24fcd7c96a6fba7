import { PyDict, type PyValue } from './py';

/**
 * Python's `json.loads`, as the AWS CLI runs it on JSON parameter values: same results
 * (integers stay `int`, `NaN`/`Infinity` accepted, the last duplicate key wins in the first
 * key's place) and the same `JSONDecodeError` texts, which the CLI prints verbatim
 * (`Expecting ',' delimiter: line 1 column 13 (char 12)`). Follows CPython 3.13's C scanner,
 * which also reports trailing commas.
 */
export type JsonResult = { ok: true; value: PyValue } | { ok: false; message: string };

/** `object_pairs_hook=OrderedDict` (parameter values) or plain dicts (`--cli-input-json`). */
export function pyJsonLoads(text: string, ordered: boolean): JsonResult {
  const s = Array.from(text);
  if (s[0] === '\ufeff') return fail(s, 'Unexpected UTF-8 BOM (decode using utf-8-sig)', 0);
  const scanner = new Scanner(s, ordered);
  const start = skipSpace(s, 0);
  const first = scanner.scan(start);
  if (first.kind === 'stop') return fail(s, 'Expecting value', first.at);
  if (first.kind === 'error') return { ok: false, message: first.message };
  const end = skipSpace(s, first.end);
  if (end !== s.length) return fail(s, 'Extra data', end);
  return { ok: true, value: first.value };
}

type Scan = { kind: 'value'; value: PyValue; end: number } | { kind: 'stop'; at: number } | { kind: 'error'; message: string };

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

function skipSpace(s: readonly string[], i: number): number {
  while (i < s.length && isSpace(s[i])) i += 1;
  return i;
}

function errorText(s: readonly string[], msg: string, pos: number): string {
  const before = s.slice(0, pos);
  const lineno = before.filter((c) => c === '\n').length + 1;
  const colno = pos - before.lastIndexOf('\n');
  return `${msg}: line ${lineno} column ${colno} (char ${pos})`;
}

const fail = (s: readonly string[], msg: string, pos: number): JsonResult => ({ ok: false, message: errorText(s, msg, pos) });

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class Scanner {
  constructor(
    private readonly s: readonly string[],
    private readonly ordered: boolean,
  ) {}

  private error(msg: string, pos: number): Scan {
    return { kind: 'error', message: errorText(this.s, msg, pos) };
  }

  private word(idx: number, text: string): boolean {
    return this.s.slice(idx, idx + text.length).join('') === text;
  }

  scan(idx: number): Scan {
    const s = this.s;
    if (idx >= s.length) return { kind: 'stop', at: idx };
    const c = s[idx];
    if (c === '"') return this.string(idx + 1);
    if (c === '{') return this.object(idx + 1);
    if (c === '[') return this.array(idx + 1);
    if (c === 'n' && this.word(idx, 'null')) return { kind: 'value', value: null, end: idx + 4 };
    if (c === 't' && this.word(idx, 'true')) return { kind: 'value', value: true, end: idx + 4 };
    if (c === 'f' && this.word(idx, 'false')) return { kind: 'value', value: false, end: idx + 5 };
    if (c === 'N' && this.word(idx, 'NaN')) return { kind: 'value', value: NaN, end: idx + 3 };
    if (c === 'I' && this.word(idx, 'Infinity')) return { kind: 'value', value: Infinity, end: idx + 8 };
    if (c === '-' && this.word(idx, '-Infinity')) return { kind: 'value', value: -Infinity, end: idx + 9 };
    return this.number(idx);
  }

  private number(start: number): Scan {
    const s = this.s;
    const last = s.length - 1;
    let idx = start;
    if (s[idx] === '-') {
      idx += 1;
      if (idx > last) return { kind: 'stop', at: start };
    }
    if (isDigit(s[idx]) && s[idx] !== '0') {
      idx += 1;
      while (idx <= last && isDigit(s[idx])) idx += 1;
    } else if (s[idx] === '0') {
      idx += 1;
    } else {
      return { kind: 'stop', at: start };
    }
    let isFloat = false;
    if (idx < last && s[idx] === '.' && isDigit(s[idx + 1])) {
      isFloat = true;
      idx += 2;
      while (idx <= last && isDigit(s[idx])) idx += 1;
    }
    if (idx < last && (s[idx] === 'e' || s[idx] === 'E')) {
      const eStart = idx;
      idx += 1;
      if (idx < last && (s[idx] === '-' || s[idx] === '+')) idx += 1;
      while (idx <= last && isDigit(s[idx])) idx += 1;
      if (isDigit(s[idx - 1])) isFloat = true;
      else idx = eStart;
    }
    const text = s.slice(start, idx).join('');
    return { kind: 'value', value: isFloat ? Number(text) : BigInt(text), end: idx };
  }

  private string(end: number): Scan {
    const s = this.s;
    const begin = end - 1;
    let out = '';
    for (;;) {
      let next = end;
      let c: string | undefined;
      for (; next < s.length; next += 1) {
        c = s[next];
        if (c === '"' || c === '\\') break;
        if ((c ?? '').charCodeAt(0) <= 0x1f) return this.error('Invalid control character at', next);
      }
      if (next >= s.length) return this.error('Unterminated string starting at', begin);
      out += s.slice(end, next).join('');
      next += 1;
      if (c === '"') return { kind: 'value', value: out, end: next };
      if (next === s.length) return this.error('Unterminated string starting at', begin);
      const esc = s[next] ?? '';
      if (esc !== 'u') {
        end = next + 1;
        const mapped = ESCAPES[esc];
        if (mapped === undefined) return this.error('Invalid \\escape', end - 2);
        out += mapped;
        continue;
      }
      next += 1;
      end = next + 4;
      if (end >= s.length) return this.error('Invalid \\uXXXX escape', next - 1);
      const high = this.hex4(next);
      if (high === undefined) return this.error('Invalid \\uXXXX escape', end - 5);
      next = end;
      let code = high;
      if (high >= 0xd800 && high <= 0xdbff && end + 6 < s.length && s[next] === '\\' && s[next + 1] === 'u') {
        const low = this.hex4(next + 2);
        if (low === undefined) return this.error('Invalid \\uXXXX escape', end + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00);
          end += 6;
        }
      }
      out += String.fromCodePoint(code);
    }
  }

  private hex4(at: number): number | undefined {
    const digits = this.s.slice(at, at + 4).join('');
    return /^[0-9a-fA-F]{4}$/.test(digits) ? parseInt(digits, 16) : undefined;
  }

  private object(start: number): Scan {
    const s = this.s;
    const last = s.length - 1;
    const entries = new Map<string, PyValue>();
    let idx = skipSpace(s, start);
    if (idx > last || s[idx] !== '}') {
      for (;;) {
        if (idx > last || s[idx] !== '"') return this.error('Expecting property name enclosed in double quotes', idx);
        const key = this.string(idx + 1);
        if (key.kind !== 'value') return key;
        idx = skipSpace(s, key.end);
        if (idx > last || s[idx] !== ':') return this.error("Expecting ':' delimiter", idx);
        idx = skipSpace(s, idx + 1);
        const value = this.scan(idx);
        if (value.kind !== 'value') return value;
        entries.set(String(key.value), value.value);
        idx = skipSpace(s, value.end);
        if (idx <= last && s[idx] === '}') break;
        if (idx > last || s[idx] !== ',') return this.error("Expecting ',' delimiter", idx);
        const comma = idx;
        idx = skipSpace(s, idx + 1);
        if (idx <= last && s[idx] === '}') return this.error('Illegal trailing comma before end of object', comma);
      }
    }
    return { kind: 'value', value: new PyDict(entries, this.ordered), end: idx + 1 };
  }

  private array(start: number): Scan {
    const s = this.s;
    const last = s.length - 1;
    const values: PyValue[] = [];
    let idx = skipSpace(s, start);
    if (idx > last || s[idx] !== ']') {
      for (;;) {
        const value = this.scan(idx);
        if (value.kind !== 'value') return value;
        values.push(value.value);
        idx = skipSpace(s, value.end);
        if (idx <= last && s[idx] === ']') break;
        if (idx > last || s[idx] !== ',') return this.error("Expecting ',' delimiter", idx);
        const comma = idx;
        idx = skipSpace(s, idx + 1);
        if (idx <= last && s[idx] === ']') return this.error('Illegal trailing comma before end of array', comma);
      }
    }
    return { kind: 'value', value: values, end: idx + 1 };
  }
}
