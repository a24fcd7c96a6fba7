import type { ListItem, Redirect, Script, SimpleCommand, Word, WordPart } from './ast';

/**
 * A bash-like parser for the commands learners paste from AWS docs and blogs.
 * `incomplete` means the text cannot end here (an open quote, a trailing `\` or `&&`):
 * the terminal then asks for another line, as bash shows its `> ` prompt.
 */
export type ParseResult =
  | { ok: true; script: Script }
  | { ok: false; kind: 'incomplete'; awaiting: '"' | "'" | '`' | ')' | '}' | '\\' | '&&' | '||' | '|' }
  | { ok: false; kind: 'syntax'; message: string }
  | { ok: false; kind: 'unsupported'; feature: 'pipe' | 'background' | 'input-redirect' | 'subshell' | 'arithmetic' };

type Failure = Exclude<ParseResult, { ok: true }>;

class Stop {
  constructor(readonly failure: Failure) {}
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const isBlank = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r';
const WORD_END = new Set([' ', '\t', '\r', '\n', ';', '&', '|', '>', '<', '(', ')']);

export function parse(source: string): ParseResult {
  try {
    return { ok: true, script: new Parser(source).script() };
  } catch (e) {
    if (e instanceof Stop) return e.failure;
    throw e;
  }
}

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  private peek(offset = 0): string | undefined {
    return this.src[this.pos + offset];
  }

  private startsWith(s: string): boolean {
    return this.src.startsWith(s, this.pos);
  }

  private syntaxError(token: string): never {
    throw new Stop({ ok: false, kind: 'syntax', message: `bash: syntax error near unexpected token \`${token}'` });
  }

  /**
   * Skips blanks, `\`-newline continuations, and a lone ` \ ` inside a line: AWS's web pages often
   * show multi-line commands flattened to one line, and a learner who copies that means a continuation.
   */
  private skipBlanks(): void {
    for (;;) {
      const c = this.peek();
      if (isBlank(c)) this.pos++;
      else if (c === '\\' && this.peek(1) === '\n') this.pos += 2;
      else if (c === '\\' && this.peek(1) === '\r' && this.peek(2) === '\n') this.pos += 3;
      else if (c === '\\' && isBlank(this.peek(1)) && (this.pos === 0 || isBlank(this.src[this.pos - 1]))) this.pos += 2;
      else if (c === '\\' && this.pos + 1 === this.src.length && (this.pos === 0 || isBlank(this.src[this.pos - 1]))) {
        throw new Stop({ ok: false, kind: 'incomplete', awaiting: '\\' });
      } else return;
    }
  }

  private skipComment(): void {
    if (this.peek() === '#') while (this.pos < this.src.length && this.peek() !== '\n') this.pos++;
  }

  script(): Script {
    const items: ListItem[] = [];
    let connector: ListItem['connector'] = ';';
    // Where we stand: at the start of a command list, just after a command, or after `&&`/`||`.
    let at: 'start' | 'command' | 'operator' = 'start';
    for (;;) {
      this.skipBlanks();
      this.skipComment();
      const c = this.peek();
      if (c === undefined) {
        if (at === 'operator') throw new Stop({ ok: false, kind: 'incomplete', awaiting: connector === '||' ? '||' : '&&' });
        return items;
      }
      if (c === '\n') {
        this.pos++;
        if (at === 'command') {
          at = 'start';
          connector = ';';
        }
        continue;
      }
      if (c === ';') {
        if (at !== 'command') this.syntaxError(this.startsWith(';;') ? ';;' : ';');
        this.pos++;
        at = 'start';
        connector = ';';
        continue;
      }
      if (this.startsWith('&&') || this.startsWith('||')) {
        const op = this.src.slice(this.pos, this.pos + 2) as '&&' | '||';
        if (at !== 'command') this.syntaxError(op);
        this.pos += 2;
        connector = op;
        at = 'operator';
        continue;
      }
      if (c === '|') throw new Stop({ ok: false, kind: 'unsupported', feature: 'pipe' });
      if (c === '&') throw new Stop({ ok: false, kind: 'unsupported', feature: 'background' });
      if (c === ')') this.syntaxError(')');
      if (c === '(') throw new Stop({ ok: false, kind: 'unsupported', feature: 'subshell' });
      items.push({ connector, command: this.simpleCommand() });
      at = 'command';
    }
  }

  private simpleCommand(): SimpleCommand {
    const command: SimpleCommand = { assignments: [], words: [], redirects: [] };
    for (;;) {
      this.skipBlanks();
      const c = this.peek();
      if (c === undefined || c === '\n' || c === ';' || c === '&' || c === '|' || c === ')') return command;
      if (c === '#') {
        this.skipComment();
        return command;
      }
      if (c === '(') this.syntaxError('(');
      if (c === '<') throw new Stop({ ok: false, kind: 'unsupported', feature: 'input-redirect' });
      const redirect = this.redirect();
      if (redirect) {
        command.redirects.push(redirect);
        continue;
      }
      const start = this.pos;
      const parts = this.word();
      const word: Word = { parts, raw: this.src.slice(start, this.pos) };
      const assignment = command.words.length === 0 ? asAssignment(word) : undefined;
      if (assignment) command.assignments.push(assignment);
      else command.words.push(word);
    }
  }

  private redirect(): Redirect | undefined {
    for (const op of ['2>&1', '2>>', '>>', '2>', '>'] as const) {
      if (!this.startsWith(op)) continue;
      // `2>` only counts as a redirection when the 2 starts a word.
      if (op.startsWith('2') && this.pos > 0 && !WORD_END.has(this.src[this.pos - 1] ?? ' ')) return undefined;
      this.pos += op.length;
      if (op === '2>&1') return { op };
      this.skipBlanks();
      const c = this.peek();
      if (c === undefined || c === '\n') this.syntaxError('newline');
      if (WORD_END.has(c)) this.syntaxError(c);
      const start = this.pos;
      const parts = this.word();
      return { op, target: { parts, raw: this.src.slice(start, this.pos) } };
    }
    return undefined;
  }

  private word(): WordPart[] {
    const parts: WordPart[] = [];
    let literal = '';
    const flush = () => {
      if (literal) parts.push({ type: 'literal', text: literal, quoted: false });
      literal = '';
    };
    const atStart = () => parts.length === 0 && literal === '';
    for (;;) {
      const c = this.peek();
      if (c === undefined || WORD_END.has(c)) break;
      if (c === '~' && atStart() && (WORD_END.has(this.peek(1) ?? ' ') || this.peek(1) === '/')) {
        this.pos++;
        parts.push({ type: 'parameter', name: 'HOME', quoted: true });
      } else if (c === "'") {
        flush();
        parts.push({ type: 'literal', text: this.singleQuoted(), quoted: true });
      } else if (c === '"') {
        flush();
        parts.push(...this.doubleQuoted());
      } else if (c === '\\') {
        const next = this.peek(1);
        if (next === undefined) throw new Stop({ ok: false, kind: 'incomplete', awaiting: '\\' });
        this.pos += 2;
        if (next === '\n') continue;
        flush();
        parts.push({ type: 'literal', text: next, quoted: true });
      } else if (c === '$' || c === '`') {
        const expansion = this.expansion(false);
        if (expansion) {
          flush();
          parts.push(expansion);
        } else {
          literal += c;
          this.pos++;
        }
      } else {
        literal += c;
        this.pos++;
      }
    }
    flush();
    return parts;
  }

  private singleQuoted(): string {
    const end = this.src.indexOf("'", this.pos + 1);
    if (end < 0) throw new Stop({ ok: false, kind: 'incomplete', awaiting: "'" });
    const text = this.src.slice(this.pos + 1, end);
    this.pos = end + 1;
    return text;
  }

  private doubleQuoted(): WordPart[] {
    this.pos++; // opening quote
    const parts: WordPart[] = [];
    let literal = '';
    for (;;) {
      const c = this.peek();
      if (c === undefined) throw new Stop({ ok: false, kind: 'incomplete', awaiting: '"' });
      if (c === '"') {
        this.pos++;
        // An empty "" still makes a (quoted, empty) word.
        if (literal || parts.length === 0) parts.push({ type: 'literal', text: literal, quoted: true });
        return parts;
      }
      if (c === '\\') {
        const next = this.peek(1);
        if (next === undefined) throw new Stop({ ok: false, kind: 'incomplete', awaiting: '"' });
        this.pos += 2;
        if (next === '\n') continue;
        literal += next === '$' || next === '`' || next === '"' || next === '\\' ? next : '\\' + next;
        continue;
      }
      if (c === '$' || c === '`') {
        const expansion = this.expansion(true);
        if (expansion) {
          if (literal) parts.push({ type: 'literal', text: literal, quoted: true });
          literal = '';
          parts.push(expansion);
          continue;
        }
      }
      literal += c;
      this.pos++;
    }
  }

  /** `$NAME`, `${NAME}`, `$?`, `$(…)`, `` `…` ``; undefined when the `$` is a plain dollar sign. */
  private expansion(quoted: boolean): WordPart | undefined {
    if (this.peek() === '`') return { type: 'command', source: this.backticks(), quoted };
    const next = this.peek(1);
    if (next === '(') {
      if (this.peek(2) === '(') throw new Stop({ ok: false, kind: 'unsupported', feature: 'arithmetic' });
      this.pos += 2;
      const start = this.pos;
      this.skipToClosingParen();
      const source = this.src.slice(start, this.pos);
      this.pos++;
      return { type: 'command', source, quoted };
    }
    if (next === '{') {
      const end = this.src.indexOf('}', this.pos + 2);
      if (end < 0) throw new Stop({ ok: false, kind: 'incomplete', awaiting: '}' });
      const name = this.src.slice(this.pos + 2, end);
      if (!NAME.test(name) || NAME.exec(name)?.[0] !== name) {
        throw new Stop({ ok: false, kind: 'syntax', message: `bash: \${${name}}: bad substitution` });
      }
      this.pos = end + 1;
      return { type: 'parameter', name, quoted };
    }
    if (next !== undefined && '?$#0123456789'.includes(next)) {
      this.pos += 2;
      return { type: 'parameter', name: next, quoted };
    }
    const match = NAME.exec(this.src.slice(this.pos + 1));
    if (!match) return undefined;
    this.pos += 1 + match[0].length;
    return { type: 'parameter', name: match[0], quoted };
  }

  private backticks(): string {
    let source = '';
    this.pos++;
    for (;;) {
      const c = this.peek();
      if (c === undefined) throw new Stop({ ok: false, kind: 'incomplete', awaiting: '`' });
      this.pos++;
      if (c === '`') return source;
      if (c === '\\' && (this.peek() === '`' || this.peek() === '\\' || this.peek() === '$')) {
        source += this.peek();
        this.pos++;
      } else source += c;
    }
  }

  /** Leaves `pos` on the `)` that closes a `$(`, skipping quotes and nested substitutions. */
  private skipToClosingParen(): void {
    let depth = 1;
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === "'") {
        const end = this.src.indexOf("'", this.pos + 1);
        if (end < 0) break;
        this.pos = end + 1;
        continue;
      }
      if (c === '"' || c === '`') {
        const end = this.closingQuote(c, this.pos + 1);
        if (end < 0) break;
        this.pos = end + 1;
        continue;
      }
      if (c === '\\') {
        this.pos += 2;
        continue;
      }
      if (c === '(') depth++;
      if (c === ')' && --depth === 0) return;
      this.pos++;
    }
    throw new Stop({ ok: false, kind: 'incomplete', awaiting: ')' });
  }

  private closingQuote(quote: string, from: number): number {
    for (let i = from; i < this.src.length; i++) {
      if (this.src[i] === '\\') i++;
      else if (this.src[i] === quote) return i;
    }
    return -1;
  }
}

function asAssignment(word: Word): { name: string; value: Word } | undefined {
  const first = word.parts[0];
  if (!first || first.type !== 'literal' || first.quoted) return undefined;
  const match = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.text);
  if (!match) return undefined;
  const rest = first.text.slice(match[0].length);
  const parts: WordPart[] = [...(rest ? [{ ...first, text: rest }] : []), ...word.parts.slice(1)];
  return { name: match[1] ?? '', value: { parts, raw: word.raw.slice(match[0].length) } };
}
