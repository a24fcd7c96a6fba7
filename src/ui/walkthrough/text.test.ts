import { describe, expect, it } from 'vitest';
import { isCommand, plainText, richText, type Values } from './text';

/** A stand-in for i18next's `t`: fills `{{name}}` from the values it is given. */
const template = (text: string) => (values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');

describe('richText', () => {
  it.each<[string, string, Values, unknown]>([
    ['plain text', 'Open the console.', {}, [[{ kind: 'text', text: 'Open the console.' }]]],
    [
      'code between backticks',
      'Run `aws iam list-roles` now.',
      {},
      [[{ kind: 'text', text: 'Run ' }, { kind: 'code', text: 'aws iam list-roles' }, { kind: 'text', text: ' now.' }]],
    ],
    ['paragraphs', 'One.\nTwo `x`', {}, [[{ kind: 'text', text: 'One.' }], [{ kind: 'text', text: 'Two ' }, { kind: 'code', text: 'x' }]]],
    ['a value inside code', 'No role `{{role}}` yet.', { role: 'web' }, [[{ kind: 'text', text: 'No role ' }, { kind: 'code', text: 'web' }, { kind: 'text', text: ' yet.' }]]],
    [
      'a value with backticks stays inside its code span',
      'No instance `{{name}}`.',
      { name: 'a`b<i>c</i>' },
      [[{ kind: 'text', text: 'No instance ' }, { kind: 'code', text: 'a`b<i>c</i>' }, { kind: 'text', text: '.' }]],
    ],
    ['a value with a line break stays in its paragraph', '{{state}} now', { state: 'x\ny' }, [[{ kind: 'text', text: 'x\ny now' }]]],
    ['numbers', '{{n}} of {{total}}', { n: 2, total: 5 }, [[{ kind: 'text', text: '2 of 5' }]]],
    ['an unclosed backtick makes the rest code', 'a `b', {}, [[{ kind: 'text', text: 'a ' }, { kind: 'code', text: 'b' }]]],
    ['a value that looks like a marker is kept as it is', '{{a}}', { a: '\uE0009\uE001' }, [[{ kind: 'text', text: '\uE0009\uE001' }]]],
  ])('%s', (_name, text, values, expected) => {
    expect(richText(template(text), values)).toEqual(expected);
  });

  it('plainText drops the backticks only', () => {
    expect(plainText(richText(template('Run `ls`.\nThen `{{x}}`'), { x: 'y' }))).toBe('Run ls.\nThen y');
  });
});

describe('isCommand', () => {
  it.each([
    ['aws iam create-instance-profile --instance-profile-name app-profile', true],
    ['aws ec2 run-instances … --iam-instance-profile Name=app-role', true],
    ['curl http://169.254.169.254/latest/meta-data/iam/info', true],
    ['TOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H "X-aws-ec2-metadata-token-ttl-seconds: 21600")', true],
    ['ssh i-…', true],
    ['exit', true],
    ['lab-web-role', false],
    ['"Roles": []', false],
    ['An error occurred (NoSuchEntity) …', false],
    ['awsome', false],
    ['--iam-instance-profile Name=app-role', false],
  ])('%s → %s', (code, expected) => {
    expect(isCommand(code)).toBe(expected);
  });
});
