import { isDict, pyNumberStr, type JsonValue } from './python';

/** `--output json`: Python's `json.dump(value, indent=4, ensure_ascii=False)` and a newline; `{}` prints nothing. */
export function formatJson(value: JsonValue): string {
  if (isDict(value) && Object.keys(value).length === 0) return '';
  return `${encode(value, 0)}\n`;
}

function encode(value: JsonValue, level: number): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return encodeNumber(value);
  if (typeof value === 'string') return quote(value);
  const inner = '    '.repeat(level + 1);
  const outer = '    '.repeat(level);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => inner + encode(item, level + 1)).join(',\n')}\n${outer}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${quote(k)}: ${encode(v, level + 1)}`).join(',\n')}\n${outer}}`;
}

// json.dumps writes non-finite floats as JavaScript-style literals.
function encodeNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  return pyNumberStr(n);
}

const NAMED: Readonly<Record<string, string>> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** With ensure_ascii=False only quotes, backslashes and C0 controls are escaped. */
export function quote(s: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${s.replace(/["\\\u0000-\u001f]/g, (ch) => NAMED[ch] ?? `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`)}"`;
}
