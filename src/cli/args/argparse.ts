import { getCloseMatches } from './difflib';
import { pyInt, pyRepr } from './py';

/**
 * The part of Python's `argparse` (CPython 3.13) the AWS CLI relies on, reproduced so that
 * everything argparse decides comes out the same: prefix abbreviation and its ambiguity
 * error, the last repeated option winning, values that look like options ("expected one
 * argument"), `--`, positionals interleaved with options, unknown options left over for the
 * caller, and the order of the "required" list. Only `--long` options exist in the CLI.
 */
// argparse matches the same few nargs patterns on every command: compile each once.
const patternCache = new Map<string, RegExp>();
function anchored(source: string): RegExp {
  let re = patternCache.get(source);
  if (!re) {
    re = new RegExp(`^${source}`);
    patternCache.set(source, re);
  }
  return re;
}

export type ArgValue = string | string[] | boolean | bigint | null;

export interface OptionSpec {
  readonly flag: string;
  readonly dest: string;
  readonly action: 'store' | 'store_true' | 'store_false' | 'version';
  /** `?` takes `const` when the option has no value; `*` collects a list. */
  readonly nargs?: '?' | '*';
  readonly const?: string;
  readonly choices?: readonly string[];
  readonly required?: boolean;
  /** `type=int`: converted (and rejected) by argparse itself. */
  readonly type?: 'int';
  /** argparse's own default when absent: False for store_true, True for store_false, else None. */
  readonly default?: ArgValue;
}

export interface PositionalSpec {
  readonly dest: string;
  readonly nargs?: '?';
  readonly choices?: readonly string[];
}

export interface ParserSpec {
  readonly optionals: readonly OptionSpec[];
  readonly positionals: readonly PositionalSpec[];
}

export interface Parsed {
  /** Every dest, with its default when the option was not given. */
  readonly values: ReadonlyMap<string, ArgValue>;
  /** Dests that were given on the line. */
  readonly seen: ReadonlySet<string>;
  /** Unknown options and stray words, in argparse's order. */
  readonly extras: readonly string[];
}

/** How parsing stopped: an argparse error, or the version action (which exits 0). */
export type ParseStop = { kind: 'error'; message: string } | { kind: 'version' };

type Action = (OptionSpec & { positional?: false }) | (PositionalSpec & { positional: true; action: 'store' });

type OptionTuple = { action: Action | undefined; optionString: string; explicit: string | undefined };

// argparse unwinds with an exception (ArgumentError, SystemExit); here too, but it never
// leaves parseKnownArgs, which turns it into a returned value.
class Stop {
  constructor(readonly stop: ParseStop) {}
}

const actionName = (a: Action): string => (a.positional ? a.dest : a.flag);

const argError = (a: Action | undefined, message: string): Stop =>
  new Stop({ kind: 'error', message: a ? `argument ${actionName(a)}: ${message}` : message });

function nargsPattern(a: Action): string {
  const nargs = a.action === 'store' ? a.nargs : 0;
  const pattern = nargs === undefined ? '(-*A-*)' : nargs === '?' ? '(-*A?-*)' : nargs === '*' ? '(-*[A-]*)' : '(-*-*)';
  return a.positional ? pattern : pattern.replace(/-\*/g, '').replace(/-/g, '');
}

/**
 * The CLI's own `_check_value`: since 2.34 an invalid choice names the value and offers close
 * matches (cutoff 0.8) instead of listing every choice.
 */
function invalidChoiceMessage(value: string, choices: readonly string[]): string {
  const close = getCloseMatches(value, choices, 3, 0.8);
  const hint = close.length ? `\n\nMaybe you meant:\n\n${close.map((c) => `  * ${c}`).join('\n')}` : '';
  return `Found invalid choice '${value}'${hint}`;
}

export function parseKnownArgs(spec: ParserSpec, args: readonly string[]): { ok: true; value: Parsed } | { ok: false; stop: ParseStop } {
  try {
    return { ok: true, value: new Run(spec, args).parse() };
  } catch (e) {
    if (e instanceof Stop) return { ok: false, stop: e.stop };
    throw e;
  }
}

class Run {
  private readonly actions: Action[];
  private readonly byFlag = new Map<string, Action>();
  private readonly values = new Map<string, ArgValue>();
  private readonly seen = new Set<string>();
  private readonly seenActions = new Set<Action>();
  private readonly extras: string[] = [];
  private positionals: Action[];

  constructor(
    spec: ParserSpec,
    private readonly args: readonly string[],
  ) {
    const optionals: Action[] = spec.optionals.map((o) => ({ ...o, positional: false as const }));
    // conflict_handler='resolve': a later option with the same flag replaces the earlier one.
    for (const o of optionals) {
      if (o.positional) continue;
      this.byFlag.delete(o.flag);
      this.byFlag.set(o.flag, o);
    }
    this.positionals = spec.positionals.map((p) => ({ ...p, positional: true as const, action: 'store' as const }));
    this.actions = [...optionals.filter((o) => !o.positional && this.byFlag.get(o.flag) === o), ...this.positionals];
    for (const a of this.actions) {
      if (a.action === 'version') continue;
      // As in argparse, the first action with a given dest sets its default.
      if (this.values.has(a.dest)) continue;
      const fallback = a.action === 'store_true' ? false : a.action === 'store_false' ? true : null;
      this.values.set(a.dest, !a.positional && a.default !== undefined ? a.default : fallback);
    }
  }

  private parseOptional(arg: string): OptionTuple | undefined {
    if (!arg || arg[0] !== '-') return undefined;
    const exact = this.byFlag.get(arg);
    if (exact) return { action: exact, optionString: arg, explicit: undefined };
    if (arg.length === 1) return undefined;
    const eq = arg.indexOf('=');
    if (eq >= 0) {
      const before = this.byFlag.get(arg.slice(0, eq));
      if (before) return { action: before, optionString: arg.slice(0, eq), explicit: arg.slice(eq + 1) };
    }
    const matches: OptionTuple[] = [];
    if (arg[1] === '-') {
      const prefix = eq >= 0 ? arg.slice(0, eq) : arg;
      const explicit = eq >= 0 ? arg.slice(eq + 1) : undefined;
      for (const [flag, action] of this.byFlag) if (flag.startsWith(prefix)) matches.push({ action, optionString: flag, explicit });
    } else {
      for (const [flag, action] of this.byFlag) if (flag.startsWith(arg)) matches.push({ action, optionString: flag, explicit: undefined });
    }
    if (matches.length > 1) {
      throw argError(undefined, `ambiguous option: ${arg} could match ${matches.map((m) => m.optionString).join(', ')}`);
    }
    if (matches[0]) return matches[0];
    if (/^-\d+$|^-\d*\.\d+$/.test(arg)) return undefined;
    if (arg.includes(' ')) return undefined;
    return { action: undefined, optionString: arg, explicit: undefined };
  }

  private convert(a: Action, s: string): ArgValue {
    if (a.positional || a.type !== 'int') return s;
    const n = pyInt(s);
    if (!n.ok) throw argError(a, `invalid int value: ${pyRepr(s)}`);
    return n.value;
  }

  private check(a: Action, v: ArgValue): void {
    if (a.choices && typeof v === 'string' && !a.choices.includes(v)) throw argError(a, invalidChoiceMessage(v, a.choices));
  }

  private takeAction(a: Action, strings: string[]): void {
    this.seenActions.add(a);
    if (a.action === 'version') throw new Stop({ kind: 'version' });
    if (a.action === 'store_true' || a.action === 'store_false') {
      this.values.set(a.dest, a.action === 'store_true');
      this.seen.add(a.dest);
      return;
    }
    if (a.positional) {
      const dash = strings.indexOf('--');
      if (dash >= 0) strings.splice(dash, 1);
    }
    let value: ArgValue;
    if (strings.length === 0 && a.nargs === '?') {
      value = a.positional ? null : (a.const ?? null);
      if (typeof value === 'string') this.check(a, value);
    } else if (strings.length === 1 && (a.nargs === undefined || a.nargs === '?')) {
      value = this.convert(a, strings[0] ?? '');
      this.check(a, value);
    } else {
      value = strings;
      for (const v of strings) this.check(a, v);
    }
    this.values.set(a.dest, value);
    if (!a.positional || strings.length > 0) this.seen.add(a.dest);
  }

  private matchArgument(a: Action, pattern: string): number {
    const m = anchored(nargsPattern(a)).exec(pattern);
    // Only a single-value option can fail to match: `?` and `*` accept nothing.
    if (!m) throw argError(a, 'expected one argument');
    return (m[1] ?? '').length;
  }

  private consumeOptional(index: number, tuple: OptionTuple, pattern: string): number {
    const { action, explicit } = tuple;
    if (!action) {
      this.extras.push(this.args[index] ?? '');
      return index + 1;
    }
    if (explicit !== undefined) {
      const count = this.matchArgument(action, 'A');
      if (count !== 1) throw argError(action, `ignored explicit argument ${pyRepr(explicit)}`);
      this.takeAction(action, [explicit]);
      return index + 1;
    }
    const start = index + 1;
    const count = this.matchArgument(action, pattern.slice(start));
    this.takeAction(action, this.args.slice(start, start + count));
    return start + count;
  }

  private consumePositionals(index: number, pattern: string): number {
    const selected = pattern.slice(index);
    let counts: number[] = [];
    for (let i = this.positionals.length; i > 0; i -= 1) {
      const joined = this.positionals.slice(0, i).map(nargsPattern).join('');
      const m = anchored(joined).exec(selected);
      if (m) {
        counts = m.slice(1).map((g) => (g ?? '').length);
        break;
      }
    }
    counts.forEach((count, i) => {
      const a = this.positionals[i];
      if (!a) return;
      const strings = this.args.slice(index, index + count);
      index += count;
      this.takeAction(a, strings);
    });
    this.positionals = this.positionals.slice(counts.length);
    return index;
  }

  parse(): Parsed {
    const optionAt = new Map<number, OptionTuple>();
    let pattern = '';
    for (let i = 0; i < this.args.length; i += 1) {
      const arg = this.args[i] ?? '';
      if (arg === '--') {
        pattern += '-' + 'A'.repeat(this.args.length - i - 1);
        break;
      }
      const tuple = this.parseOptional(arg);
      if (tuple) optionAt.set(i, tuple);
      pattern += tuple ? 'O' : 'A';
    }
    const maxOption = optionAt.size ? Math.max(...optionAt.keys()) : -1;
    let start = 0;
    while (start <= maxOption) {
      let nextOption = start;
      while (nextOption <= maxOption && !optionAt.has(nextOption)) nextOption += 1;
      if (start !== nextOption) {
        const end = this.consumePositionals(start, pattern);
        if (end > start) {
          start = end;
          continue;
        }
      }
      if (!optionAt.has(start)) {
        this.extras.push(...this.args.slice(start, nextOption));
        start = nextOption;
      }
      const tuple = optionAt.get(start);
      if (!tuple) break;
      start = this.consumeOptional(start, tuple, pattern);
    }
    const stop = this.consumePositionals(start, pattern);
    this.extras.push(...this.args.slice(stop));
    const missing = this.actions.filter((a) => !this.seenActions.has(a) && (a.positional ? a.nargs === undefined : a.required));
    if (missing.length) throw argError(undefined, `the following arguments are required: ${missing.map(actionName).join(', ')}`);
    return { values: this.values, seen: this.seen, extras: this.extras };
  }
}
