import { describe, expect, it } from 'vitest';
import { parseQuery, runQuery } from './query';
import type { JsonValue } from './python';

// Expected texts are what AWS CLI prints (Python jmespath's messages after `Bad value for --query EXPR: `).
const BAD: readonly (readonly [string, string])[] = [
  ['Roles[?RoleName==`x`', 'Invalid jmespath expression: Incomplete expression:\n"Roles[?RoleName==`x`"\n                     ^'],
  ['Roles[', 'Invalid jmespath expression: Incomplete expression:\n"Roles["\n       ^'],
  ['a.[', 'Invalid jmespath expression: Incomplete expression:\n"a.["\n    ^'],
  ['a || ', 'Invalid jmespath expression: Incomplete expression:\n"a || "\n      ^'],
  ['[a', 'Invalid jmespath expression: Incomplete expression:\n"[a"\n   ^'],
  ['a[0]]', 'Unexpected token: ]: Parse error at column 4, token "]" (RBRACKET), for expression:\n"a[0]]"\n     ^'],
  ['a.1', 'Expecting: [\'quoted_identifier\', \'unquoted_identifier\', \'lbracket\', \'lbrace\'], got: number: Parse error at column 2, token "1" (NUMBER), for expression:\n"a.1"\n   ^'],
  ['a.b.', 'Expecting: [\'quoted_identifier\', \'unquoted_identifier\', \'lbracket\', \'lbrace\'], got: eof: Parse error at column 4, token "" (EOF), for expression:\n"a.b."\n     ^'],
  ['a ^ b', 'Bad jmespath expression: Unknown token ^:\na ^ b\n  ^'],
  ['a = b', "Bad jmespath expression: Unknown token '=':\na = b\n  ^"],
  ['"abc', 'Bad jmespath expression: Unclosed " delimiter:\n"abc\n^'],
  ["'abc", "Bad jmespath expression: Unclosed ' delimiter:\n'abc\n^"],
  ['', 'Invalid JMESPath expression: cannot be empty.'],
];

describe('parseQuery', () => {
  it.each(BAD)('rejects %j as the CLI does (rc 252)', (expression, message) => {
    expect(parseQuery(expression)).toEqual({ ok: false, error: { message: `Bad value for --query ${expression}: ${message}`, exitCode: 252 } });
  });

  it.each(['Roles[].RoleName', 'Reservations[].Instances[].[InstanceId,State.Name]', "Roles[?RoleName=='web'] | [0]", 'length(Roles)'])('accepts %j', (expression) => {
    expect(parseQuery(expression)).toEqual({ ok: true, value: { expression } });
  });
});

const ROLES: JsonValue = { Roles: [{ RoleName: 'web', MaxSessionDuration: 3600 }, { RoleName: 'db', MaxSessionDuration: 7200 }] };

function run(expression: string, value: JsonValue = ROLES) {
  const query = parseQuery(expression);
  if (!query.ok) throw new Error(query.error.message);
  return runQuery(query.value, value);
}

describe('runQuery', () => {
  it.each([
    ['Roles[].RoleName', ['web', 'db']],
    ["Roles[?RoleName=='db'].MaxSessionDuration | [0]", 7200],
    ['Roles[0]', { RoleName: 'web', MaxSessionDuration: 3600 }],
    ['length(Roles)', 2],
    ['Missing', null],
    ['Roles[5]', null],
  ] as const)('%s', (expression, expected) => {
    expect(run(expression)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['foo(@)', 'Unknown function: foo()'],
    ['length(Roles, Roles)', 'Expected 1 argument for function length(), received 2'],
  ])('fails at search time like the CLI (rc 255): %s', (expression, message) => {
    expect(run(expression)).toEqual({ ok: false, error: { message, exitCode: 255 } });
  });
});
