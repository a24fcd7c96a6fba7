import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serviceModels } from '../../sim/core/model';
import { context } from './__tests__/context';
import { parseAwsArgs } from './parse';
import type { ParsedCommand } from './types';
import { xformName } from './xform';

/** Whatever is typed, the parser answers with a request or an error, and never throws. */
const SEEDS: string[][] = [
  ['iam', 'create-role', '--role-name', 's3access', '--assume-role-policy-document', 'file://ec2-role-trust-policy.json', '--tags', 'Key=a,Value=b'],
  ['ec2', 'run-instances', '--image-id', 'ami-11aa22bb', '--iam-instance-profile', 'Name=s3access-profile', '--count', '1:2', '--associate-public-ip-address'],
  ['ec2', 'describe-instances', '--filters', 'Name=tag:Name,Values=web,db', '--query', 'Reservations[].Instances[].InstanceId', '--max-items', '5'],
  ['ec2', 'associate-iam-instance-profile', '--instance-id', 'i-1', '--iam-instance-profile', '{"Arn": "arn:aws:iam::1:instance-profile/x"}'],
  ['resourcegroupstaggingapi', 'tag-resources', '--resource-arn-list', 'arn:aws:iam::1:role/r', '--tags', 'team=web,env=dev'],
  ['iam', 'wait', 'instance-profile-exists', '--instance-profile-name', 'p'],
  ['iam', 'create-role', '--cli-input-json', '{"RoleName":"x","AssumeRolePolicyDocument":"{}"}', '--generate-cli-skeleton', 'output'],
  ['sts', 'assume-role', '--role-arn', 'arn:aws:iam::1:role/r', '--role-session-name', 'ss', '--duration-seconds', '900'],
];

const models = Object.values(serviceModels);
const VOCABULARY = [
  ...Object.keys(serviceModels),
  ...models.flatMap((m) => Object.keys(m.operations).map((op) => xformName(op))),
  ...models.flatMap((m) => Object.values(m.shapes).flatMap((s) => Object.keys(s.members ?? {}).map((k) => `--${xformName(k)}`))),
  ...models.flatMap((m) => Object.keys(m.waiters).map((w) => xformName(w))),
  'wait', 'help', '--', '-', '', '=', '--output', 'json', 'yaml', '--query', '[', '{', '--no-paginate', '--max-items', '--page-size', '--starting-token',
  '--cli-input-json', '--cli-input-yaml', '--generate-cli-skeleton', 'output', 'yaml-input', '--count', '--dry-run', '--no-dry-run',
  '--cli-error-format', '--version', 'file://ec2-role-trust-policy.json', 'file://missing', 'fileb://name.txt', 'Name=x', 'Key=a,Value=b',
  'a=[b,{c=d}]', '{"a":1}', '[1,', "'", '"', '\\', '日本', '😀', '-1', '1:2', 'x'.repeat(300),
];

const token = fc.oneof(fc.constantFrom(...VOCABULARY), fc.string(), fc.string({ unit: 'grapheme' }));

const mutate = (argv: string[], edits: { kind: number; at: number; word: string }[]): string[] => {
  const out = [...argv];
  for (const { kind, at, word } of edits) {
    const i = out.length ? at % out.length : 0;
    const current = out[i] ?? '';
    if (kind === 0) out.splice(i, 1);
    else if (kind === 1) out.splice(i, 0, word);
    else if (kind === 2) out[i] = word;
    else if (kind === 3) out[i] = current.slice(0, Math.max(0, current.length - 1 - (at % 3)));
    else out.splice(i, 0, current);
  }
  return out;
};

const edit = fc.record({ kind: fc.integer({ min: 0, max: 4 }), at: fc.nat(), word: token });

function checkResult(result: ParsedCommand): void {
  switch (result.kind) {
    case 'error':
      expect([252, 255]).toContain(result.exitCode);
      // Empty only when --query selects nothing from a structured error document.
      expect(typeof result.stderr).toBe('string');
      return;
    case 'call':
    case 'wait':
      expect(serviceModels[result.service].operations[result.operation]).toBeDefined();
      expect(() => JSON.stringify(result.params)).not.toThrow();
      return;
    case 'help':
    case 'version':
    case 'skeleton':
    case 'sample-output':
      return;
  }
}

describe('any argument vector', () => {
  const formats = fc.constantFrom(undefined, 'legacy', 'json', 'yaml', 'text', 'table', 'enhanced', 'bogus');

  it('random words never throw', () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 12 }), formats, (argv, format) => {
        checkResult(parseAwsArgs(argv, context(format ? { AWS_CLI_ERROR_FORMAT: format } : {})));
      }),
      { numRuns: 400 },
    );
  });

  it('mutated real commands never throw', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.array(edit, { minLength: 1, maxLength: 4 }), formats, (seed, edits, format) => {
        checkResult(parseAwsArgs(mutate(seed, edits), context(format ? { AWS_CLI_ERROR_FORMAT: format } : {})));
      }),
      { numRuns: 600 },
    );
  });

  it('every enhanced error starts on a fresh line with the aws: [ERROR]: prefix or the usage block', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.array(edit, { minLength: 1, maxLength: 3 }), (seed, edits) => {
        const result = parseAwsArgs(mutate(seed, edits), context());
        if (result.kind !== 'error') return;
        expect(result.stderr).toMatch(/^\n(aws: \[ERROR\]: |usage: aws )/);
        expect(result.stderr.endsWith('\n')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
