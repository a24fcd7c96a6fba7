import { findIds, type IdRef } from './ids';

/**
 * Turns output text into typed segments the terminal renders as text nodes (never as markup):
 * JSON is split into keys, strings, numbers, literals and punctuation; resource ids and ARNs
 * anywhere become `id` segments. Segments concatenate back to exactly the input.
 */
export type Segment =
  | { kind: 'plain' | 'key' | 'string' | 'number' | 'literal' | 'punct'; text: string }
  | { kind: 'id'; text: string; ref: IdRef; within: 'plain' | 'key' | 'string' };

type TokenKind = Exclude<Segment['kind'], 'id'>;
interface Token {
  kind: TokenKind;
  text: string;
}

const JSON_TOKEN = /\s+|[{}[\],:]|"(?:[^"\\\n]|\\.)*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/**
 * A lexer, not a parser: it accepts what the CLI prints (a JSON document, possibly followed by
 * another, as paginated or waiter output can be) and returns undefined for anything else.
 */
export function tokenizeJson(text: string): Token[] | undefined {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return undefined;
  const tokens: Token[] = [];
  JSON_TOKEN.lastIndex = 0;
  while (JSON_TOKEN.lastIndex < text.length) {
    const m = JSON_TOKEN.exec(text);
    if (!m) return undefined;
    const t = m[0];
    const c = t[0];
    const kind: TokenKind = /\s/.test(c ?? '') ? 'plain' : c === '"' ? 'string' : '{}[],:'.includes(c ?? '') ? 'punct' : /[-\d]/.test(c ?? '') ? 'number' : 'literal';
    tokens.push({ kind, text: t });
  }
  // A string followed by a colon is a key.
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]?.kind !== 'string') continue;
    let j = i + 1;
    while (tokens[j]?.kind === 'plain') j++;
    const next = tokens[j];
    if (next?.kind === 'punct' && next.text === ':') tokens[i] = { kind: 'key', text: tokens[i]?.text ?? '' };
  }
  return tokens;
}

function withIds(token: Token, into: Segment[]): void {
  if (token.kind !== 'plain' && token.kind !== 'string' && token.kind !== 'key') {
    into.push(token);
    return;
  }
  const within = token.kind;
  let at = 0;
  for (const id of findIds(token.text)) {
    if (id.start > at) into.push({ kind: within, text: token.text.slice(at, id.start) });
    into.push({ kind: 'id', text: token.text.slice(id.start, id.end), ref: id.ref, within });
    at = id.end;
  }
  if (at < token.text.length) into.push({ kind: within, text: token.text.slice(at) });
}

/** Past this size output stays one plain text node: thousands of spans would slow every render. */
export const MAX_STYLED_LENGTH = 200_000;

/** Segments for one block of standard output or error (`json` only for standard output). */
export function segment(text: string, json: boolean): Segment[] {
  if (text.length > MAX_STYLED_LENGTH) return [{ kind: 'plain', text }];
  const tokens = (json ? tokenizeJson(text) : undefined) ?? [{ kind: 'plain', text }];
  const segments: Segment[] = [];
  for (const token of tokens) withIds(token, segments);
  return segments;
}
