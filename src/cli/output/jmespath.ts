import jmespath from 'jmespath';
import { err, ok, type Result } from '../../sim/core/result';
import { pyStr, type JsonValue } from './python';

/**
 * `--query`, evaluated with the `jmespath` library. The CLI compiles the expression while parsing its
 * arguments (a bad one stops the command before any request, rc 252) and searches the response just
 * before formatting (a failing function call is an uncaught error, rc 255). Messages are reshaped into
 * the Python jmespath wording the CLI prints.
 */
export interface QueryError {
  readonly message: string;
  readonly exitCode: 252 | 255;
}

export interface Query {
  readonly expression: string;
}

interface Token {
  type: string;
  value: JsonValue;
  start: number;
}

// @types/jmespath declares only `search`; the library also exports its parser and lexer.
const lib = jmespath as unknown as {
  compile(expression: string): unknown;
  tokenize(expression: string): Token[];
  search(data: JsonValue, expression: string): JsonValue;
};

export function parseQuery(expression: string): Result<Query, QueryError> {
  if (expression === '') return err(badValue(expression, 'Invalid JMESPath expression: cannot be empty.'));
  // Python's lexer and parser refuse a few things the library lets through.
  const lexical = lexicalError(expression);
  if (lexical !== undefined) return err(badValue(expression, lexical));
  if (expression.trimEnd().endsWith('.')) return err(badValue(expression, parseMessage(expression, `Expecting: ${DOT_RHS}, got: eof`, { type: 'EOF', value: '', start: expression.length })));
  const failure = compileError(expression);
  return failure === undefined ? ok({ expression }) : err(badValue(expression, describeCompileError(expression, failure)));
}

export function runQuery(query: Query, value: JsonValue): Result<JsonValue, QueryError> {
  try {
    const result = lib.search(value, query.expression);
    // The library answers `undefined` where Python's jmespath answers None.
    return ok(result === undefined ? null : result);
  } catch (e) {
    return err({ message: describeRuntimeError(e instanceof Error ? e.message : String(e)), exitCode: 255 });
  }
}

const badValue = (expression: string, message: string): QueryError => ({ message: `Bad value for --query ${expression}: ${message}`, exitCode: 252 });

function compileError(expression: string): Error | undefined {
  try {
    lib.compile(expression);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

const DOT_RHS = "['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace']";

function describeCompileError(expression: string, e: Error): string {
  if (e.name === 'LexerError') {
    const ch = e.message.replace(/^Unknown character:/, '');
    const at = firstLexFailure(expression);
    return lexerMessage(expression, `Unknown token ${ch === '=' ? "'='" : ch}`, at);
  }
  if (e.name !== 'ParserError') {
    // [BEL] A closed but malformed JSON literal or quoted identifier: Python says `Bad token <lexeme>`.
    return lexerMessage(expression, `Bad token ${expression}`, 0);
  }
  if (/\bEOF\b/.test(e.message)) {
    return `Invalid jmespath expression: Incomplete expression:\n"${expression}"\n${' '.repeat(expression.length + 1)}^`;
  }
  const tokens = safeTokens(expression);
  const index = offendingToken(expression, tokens, e.message);
  const token = tokens[index] ?? { type: 'EOF', value: '', start: expression.length };
  const expected = /^Expected (\w+), got: /.exec(e.message);
  let reason = 'invalid token';
  if (tokens[index - 1]?.type === 'Dot') reason = `Expecting: ${DOT_RHS}, got: ${pythonType(token.type).toLowerCase()}`;
  else if (e.message.startsWith('Unexpected token type')) reason = `Unexpected token: ${pyStr(token.value)}`;
  else if (expected) reason = `Expecting: ${pythonType(expected[1] ?? '').toLowerCase()}, got: ${pythonType(token.type).toLowerCase()}`;
  return parseMessage(expression, reason, token);
}

function parseMessage(expression: string, reason: string, token: Token): string {
  return `${reason}: Parse error at column ${token.start}, token "${pyStr(token.value)}" (${pythonType(token.type)}), for expression:\n"${expression}"\n${' '.repeat(token.start + 1)}^`;
}

const lexerMessage = (expression: string, message: string, at: number): string => `Bad jmespath expression: ${message}:\n${expression}\n${' '.repeat(at)}^`;

/** `UnquotedIdentifier` → `UNQUOTED_IDENTIFIER`, as Python's token types print. */
const pythonType = (type: string): string => type.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();

function safeTokens(expression: string): Token[] {
  try {
    return lib.tokenize(expression);
  } catch {
    return [];
  }
}

/** The token the parser choked on: the shortest prefix ending with it already fails the same way. */
function offendingToken(expression: string, tokens: Token[], message: string): number {
  for (let i = 0; i < tokens.length; i++) {
    const end = tokens[i + 1]?.start ?? expression.length;
    if (compileError(expression.slice(0, end))?.message === message) return i;
  }
  return tokens.length;
}

function firstLexFailure(expression: string): number {
  for (let i = 1; i <= expression.length; i++) {
    try {
      lib.tokenize(expression.slice(0, i));
    } catch (e) {
      if (e instanceof Error && e.name === 'LexerError') return i - 1;
    }
  }
  return 0;
}

/** Python's lexer stops at a delimiter left open, or at a `=` that is not part of `==`, `!=`, `<=`, `>=`. */
function lexicalError(expression: string): string | undefined {
  for (let i = 0; i < expression.length; i++) {
    const ch = expression[i] ?? '';
    if (ch === '"' || ch === "'" || ch === '`') {
      let j = i + 1;
      while (j < expression.length && expression[j] !== ch) j += expression[j] === '\\' ? 2 : 1;
      if (j >= expression.length) return lexerMessage(expression, `Unclosed ${ch} delimiter`, i);
      i = j;
    } else if (ch === '=') {
      if (expression[i + 1] === '=') i += 1;
      else if (!'!<>'.includes(expression[i - 1] ?? '')) return lexerMessage(expression, "Unknown token '='", i);
    }
  }
  return undefined;
}

/** The library's function-call errors, worded as Python's jmespath words them. */
function describeRuntimeError(message: string): string {
  const arity = /^ArgumentError: (\w+)\(\) takes (at least ?)?(\d+) (arguments?) but received (\d+)$/.exec(message);
  if (arity) return `Expected ${arity[2] ? 'at least ' : ''}${arity[3]} ${arity[4]} for function ${arity[1]}(), received ${arity[5]}`;
  const type = /^TypeError: (\w+)\(\) expected argument \d+ to be type ([\w,]+) but received type (\w+) instead\.$/.exec(message);
  if (type) {
    // [BEL] Python also prints the offending value, which the library's message does not carry.
    const expected = (type[2] ?? '').split(',').map((t) => `'${t}'`).join(', ');
    return `In function ${type[1]}(), invalid type for value: ?, expected one of: [${expected}], received: "${type[3]}"`;
  }
  return message;
}
