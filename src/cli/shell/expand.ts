import type { Word } from './ast';

/** What word expansion needs from the running shell. */
export interface ExpansionContext {
  variable(name: string): string | undefined;
  /** Runs a `$(…)` or backtick script and returns its standard output. */
  substitute(source: string): string;
}

const IFS = /[ \t\n]+/;

/**
 * Expands a word into fields as bash does: variables and command substitutions, trailing
 * newlines of substitutions removed, unquoted results split on blanks, quoted ones kept whole.
 */
export function expandWord(word: Word, ctx: ExpansionContext): string[] {
  const fields: string[] = [];
  let current = '';
  // Whether the current field exists even if empty (a quoted "" makes an empty argument).
  let started = false;
  for (const part of word.parts) {
    const value =
      part.type === 'literal' ? part.text : part.type === 'parameter' ? (ctx.variable(part.name) ?? '') : ctx.substitute(part.source).replace(/\n+$/, '');
    if (part.type === 'literal' || part.quoted) {
      current += value;
      started = started || part.quoted || value !== '';
      continue;
    }
    const pieces = value.split(IFS);
    pieces.forEach((piece, i) => {
      if (i > 0 && (started || current)) {
        fields.push(current);
        current = '';
        started = false;
      }
      if (piece) {
        current += piece;
        started = true;
      }
    });
  }
  if (started || current) fields.push(current);
  return fields;
}

/** Expands a word into one string, as an assignment's value or a redirection target is expanded. */
export function expandToString(word: Word, ctx: ExpansionContext): string {
  return word.parts
    .map((part) => (part.type === 'literal' ? part.text : part.type === 'parameter' ? (ctx.variable(part.name) ?? '') : ctx.substitute(part.source).replace(/\n+$/, '')))
    .join('');
}
