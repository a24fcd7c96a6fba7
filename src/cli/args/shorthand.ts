import { PyDict, type PyValue } from './py';

/**
 * The AWS CLI's shorthand syntax (`awscli/shorthand.py`): `Key=k,Value=v`, `Name=a,Values=b,c`,
 * quoted values, `[…]` lists, `{…}` hashes, `key@=file://…`, and its error texts with the
 * caret under the failing character. Purely syntactic; the model-driven fix-ups that follow
 * (a scalar where a list is expected, numbers, booleans) are `backCompat` in unpack.ts.
 *
 * Positions count code points, as Python's do.
 */
export type ShorthandResult = { ok: true; value: PyDict } | { ok: false; error: ShorthandFailure };

/**
 * A syntax error (reported as `Error parsing parameter …`, rc 252), or a file that `@=` could
 * not load (the CLI lets that exception through: rc 255).
 */
export type ShorthandFailure = { kind: 'syntax'; message: string } | { kind: 'paramfile'; message: string };

/** Loads `file://`/`fileb://` values for `@=`; `undefined` means the value is not a file reference. */
export type ParamFileLoader = (value: string) => { ok: true; value: PyValue | undefined } | { ok: false; message: string };

// Python's `\s` in a str pattern, and `string.whitespace`.
const PY_WS = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const START_WORD = '!#-&(-+\\--<>-Z\\\\-z|-\\uffff';
const FIRST_FOLLOW = `${PY_WS}!#-&(-+\\--\\\\\\^-|~-\\uffff`;
const SECOND_FOLLOW = `${PY_WS}!#-&(-+\\--<>-\\uffff`;
const ESCAPED_COMMA = '(\\\\,)';
const FIRST_VALUE = new RegExp(`^(${ESCAPED_COMMA}|[${START_WORD}])(${ESCAPED_COMMA}|[${FIRST_FOLLOW}])*`, 'u');
const SECOND_VALUE = new RegExp(`^(${ESCAPED_COMMA}|[${START_WORD}])(${ESCAPED_COMMA}|[${SECOND_FOLLOW}])*`, 'u');
// [BEL] The quoted forms accept `\\` as in the v2 source read; the latest v1 does not.
const SINGLE_QUOTED = /^'(?:\\\\|\\'|[^'])*'/u;
const DOUBLE_QUOTED = /^"(?:\\\\|\\"|[^"])*"/u;
const KEY_CHARS = /^[A-Za-z0-9\-_.#/:]$/;
const STRING_WHITESPACE = ' \t\n\r\x0b\x0c';
const TRAILING_SPACE = new RegExp(`[${PY_WS}]+$`, 'u');

class Failure {
  constructor(readonly failure: ShorthandFailure) {}
}

class SyntaxFailure extends Failure {}

function errorLocation(chars: readonly string[], index: number): string {
  const value = chars.join('');
  const before = chars.slice(0, index);
  let consumed = value;
  let remaining = '';
  let spaces = index;
  const lastNewline = before.lastIndexOf('\n');
  if (lastNewline >= 0) spaces = index - lastNewline - 1;
  const after = chars.slice(index);
  const nextNewline = after.indexOf('\n');
  if (nextNewline >= 0) {
    consumed = chars.slice(0, index + nextNewline).join('');
    remaining = chars.slice(index + nextNewline).join('');
  }
  return `${consumed}\n${' '.repeat(spaces)}^${remaining}`;
}

const syntaxError = (chars: readonly string[], expected: string, actual: string, index: number) =>
  new SyntaxFailure({ kind: 'syntax', message: `Expected: '${expected}', received: '${actual}' for input:\n${errorLocation(chars, index)}` });

export function parseShorthand(value: string, loadFile: ParamFileLoader): ShorthandResult {
  try {
    return { ok: true, value: new ShorthandParser(Array.from(value), loadFile).parameter() };
  } catch (e) {
    if (e instanceof Failure) return { ok: false, error: e.failure };
    throw e;
  }
}

// Like the Python parser, this one unwinds with exceptions (it backtracks on some of them);
// they never leave parseShorthand.
class ShorthandParser {
  private index = 0;
  private resolveFiles = false;

  constructor(
    private readonly chars: readonly string[],
    private readonly loadFile: ParamFileLoader,
  ) {}

  parameter(): PyDict {
    const params = new Map<string, PyValue>();
    const [key, val] = this.keyval();
    params.set(key, val);
    let lastIndex = this.index;
    while (this.index < this.chars.length) {
      this.expect(',', true);
      const [k, v] = this.keyval();
      if (params.has(k)) {
        throw new SyntaxFailure({
          kind: 'syntax',
          message:
            `Second instance of key "${k}" encountered for input:\n${errorLocation(this.chars, lastIndex + 1)}\n` +
            // [BEL] Older releases spell it "preceeding".
            'This is often because there is a preceding "," instead of a space.',
        });
      }
      params.set(k, v);
      lastIndex = this.index;
    }
    return new PyDict(params);
  }

  private keyval(): [string, PyValue] {
    const key = this.key();
    this.fileOperator();
    this.expect('=', true);
    return [key, this.values()];
  }

  /** `key@=…` asks for the value to be loaded from a file. */
  private fileOperator(): void {
    this.resolveFiles = false;
    try {
      this.expect('@', true);
      this.resolveFiles = true;
    } catch (e) {
      if (!(e instanceof SyntaxFailure)) throw e;
    }
  }

  private key(): string {
    const start = this.index;
    while (!this.atEof() && KEY_CHARS.test(this.current() ?? '')) this.index += 1;
    return this.chars.slice(start, this.index).join('');
  }

  private values(): PyValue {
    if (this.atEof()) return '';
    if (this.current() === '[') return this.explicitList();
    if (this.current() === '{') return this.hashLiteral();
    return this.csvValue();
  }

  private csvValue(): PyValue {
    const first = this.firstValue();
    this.consumeWhitespace();
    if (this.atEof() || this.chars[this.index] !== ',') return first;
    this.expect(',', true);
    const list: PyValue[] = [first];
    for (;;) {
      try {
        const current = this.secondValue();
        this.consumeWhitespace();
        if (this.atEof()) {
          list.push(current);
          break;
        }
        this.expect(',', true);
        list.push(current);
      } catch (e) {
        if (!(e instanceof SyntaxFailure) || this.atEof()) throw e;
        // `a=b,c=d`: "c" turned out to be the next key, so give back what was read.
        while (this.index >= 0 && this.chars[this.index] !== ',') this.index -= 1;
        break;
      }
    }
    return list.length === 1 ? first : list;
  }

  private unquoted(regex: RegExp, must: string | undefined): PyValue {
    const m = regex.exec(this.chars.slice(this.index).join(''));
    if (!m) {
      if (must) throw syntaxError(this.chars, must, '<none>', this.index);
      return '';
    }
    this.index += Array.from(m[0]).length;
    return this.maybeFile(m[0].replaceAll('\\,', ',').replace(TRAILING_SPACE, ''));
  }

  private explicitList(): PyValue[] {
    this.expect('[', true);
    const values: PyValue[] = [];
    while (this.current() !== ']') {
      values.push(this.explicitValues());
      this.consumeWhitespace();
      if (this.current() !== ']') {
        this.expect(',');
        this.consumeWhitespace();
      }
    }
    this.expect(']');
    return values;
  }

  private explicitValues(): PyValue {
    if (this.current() === '[') return this.explicitList();
    if (this.current() === '{') return this.hashLiteral();
    return this.firstValue();
  }

  private hashLiteral(): PyDict {
    this.expect('{', true);
    const entries = new Map<string, PyValue>();
    while (this.current() !== '}') {
      const key = this.key();
      this.fileOperator();
      this.expect('=', true);
      const v = this.explicitValues();
      this.consumeWhitespace();
      if (this.current() !== '}') {
        this.expect(',');
        this.consumeWhitespace();
      }
      entries.set(key, v);
    }
    this.expect('}');
    return new PyDict(entries);
  }

  private firstValue(): PyValue {
    if (this.current() === "'") return this.quoted(SINGLE_QUOTED, "'", 'singled quoted');
    if (this.current() === '"') return this.quoted(DOUBLE_QUOTED, '"', 'double quoted');
    return this.unquoted(FIRST_VALUE, undefined);
  }

  private secondValue(): PyValue {
    if (this.current() === "'") return this.quoted(SINGLE_QUOTED, "'", 'singled quoted');
    if (this.current() === '"') return this.quoted(DOUBLE_QUOTED, '"', 'double quoted');
    return this.unquoted(SECOND_VALUE, '<second>');
  }

  private quoted(regex: RegExp, quote: string, name: string): PyValue {
    const m = regex.exec(this.chars.slice(this.index).join(''));
    if (!m) throw syntaxError(this.chars, `<${name}>`, '<none>', this.index);
    this.index += Array.from(m[0]).length;
    const inner = m[0].slice(1, -1).replaceAll(`\\${quote}`, quote).replaceAll('\\\\', '\\');
    return this.maybeFile(inner);
  }

  private maybeFile(value: string): PyValue {
    if (!this.resolveFiles) return value;
    const loaded = this.loadFile(value);
    if (!loaded.ok) throw new Failure({ kind: 'paramfile', message: loaded.message });
    return loaded.value ?? value;
  }

  private expect(char: string, consumeWhitespace = false): void {
    if (consumeWhitespace) this.consumeWhitespace();
    if (this.index >= this.chars.length) throw syntaxError(this.chars, char, 'EOF', this.index);
    const actual = this.chars[this.index] ?? '';
    if (actual !== char) throw syntaxError(this.chars, char, actual, this.index);
    this.index += 1;
    if (consumeWhitespace) this.consumeWhitespace();
  }

  private current(): string | undefined {
    return this.chars[this.index];
  }

  private atEof(): boolean {
    return this.index >= this.chars.length;
  }

  private consumeWhitespace(): void {
    while (!this.atEof() && STRING_WHITESPACE.includes(this.current() ?? '')) this.index += 1;
  }
}
