import { describe, expect, it } from 'vitest';
import { runConsoleAction, seededRandom } from '../sim';
import { newWorkspace, runCommand } from '../cli/terminal';
import { errorsInCalls, errorsInOutput, observe, startObserving } from './observe';
import type { MetError } from './types';

const printedBy = (line: string) => runCommand(newWorkspace(), line, { language: 'en' });

describe('errorsInOutput reads the service errors the CLI printed', () => {
  it.each<[string, string, MetError[]]>([
    [
      'the enhanced format (the default)',
      'aws iam get-role --role-name missing',
      [{ code: 'NoSuchEntity', operation: 'GetRole', message: 'The role with name missing cannot be found.' }],
    ],
    [
      'the legacy format',
      'aws iam get-role --role-name missing --cli-error-format legacy',
      [{ code: 'NoSuchEntity', operation: 'GetRole', message: 'The role with name missing cannot be found.' }],
    ],
    ['the json format, which names no operation', 'aws iam get-role --role-name missing --cli-error-format json', [{ code: 'NoSuchEntity', message: 'The role with name missing cannot be found.' }]],
    ['a json message with escaped quotes', 'aws ec2 describe-instances --instance-ids i-bad --cli-error-format json', [{ code: 'InvalidInstanceID.Malformed', message: 'Invalid id: "i-bad"' }]],
    ['the yaml format, which it does not read', 'aws iam get-role --role-name missing --cli-error-format yaml', []],
    [
      'two failing commands in one line',
      'aws iam get-role --role-name a; aws iam delete-instance-profile --instance-profile-name b',
      [
        { code: 'NoSuchEntity', operation: 'GetRole', message: 'The role with name a cannot be found.' },
        { code: 'NoSuchEntity', operation: 'DeleteInstanceProfile', message: 'Instance Profile b cannot be found.' },
      ],
    ],
    ['a usage error, which is no service error', 'aws iam get-role', []],
    ['a success', 'aws iam list-roles', []],
  ])('%s', (_name, line, errors) => {
    expect(errorsInOutput(printedBy(line).chunks)).toEqual(errors);
  });

  it('ignores error-like text on standard output', () => {
    expect(errorsInOutput([{ stream: 'stdout', text: 'An error occurred (X) when calling the Y operation: z\n' }])).toEqual([]);
  });
});

describe('errorsInCalls reads the errors of a console action', () => {
  it('takes each failed call with its operation, and skips the calls that worked', () => {
    const state = newWorkspace().sim;
    const result = runConsoleAction(state, { type: 'ec2.launchInstance', imageId: 'ami-0abcdef1234567890', instanceType: 't3.micro', instanceProfileName: 'nothing' }, { now: () => 0, random: seededRandom(1) });
    expect(result.calls.map((c) => c.operation)).toEqual(['ListInstanceProfiles', 'RunInstances']);
    expect(errorsInCalls(result.calls)).toEqual([
      { code: 'InvalidParameterValue', operation: 'RunInstances', message: 'Value (nothing) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name' },
    ]);
  });
});

describe('observe', () => {
  const event = { kind: 'created', resource: { type: 'role', id: 'r' }, cause: { type: 'clock' } } as const;

  it('adds events and errors in order, keeping when the step started', () => {
    const first = observe(startObserving(1000), { events: [event], output: { chunks: [{ stream: 'stderr', text: 'An error occurred (A) when calling the B operation: c\n' }] } });
    const second = observe(first, { console: { calls: [{ operation: 'D', outcome: { ok: false, error: { service: 'iam', code: 'E', message: 'f', httpStatus: 400 } } }] } });
    expect(second).toEqual({ startedAt: 1000, events: [event], errors: [{ code: 'A', operation: 'B', message: 'c' }, { code: 'E', operation: 'D', message: 'f' }] });
  });

  it('returns the same record when nothing was observed', () => {
    const start = startObserving(5);
    expect(observe(start, { events: [], output: { chunks: [{ stream: 'stdout', text: '{}' }] } })).toBe(start);
  });
});
