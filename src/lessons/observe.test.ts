import { describe, expect, it } from 'vitest';
import { runConsoleAction, seededRandom } from '../sim';
import { newWorkspace, runCommand } from '../cli/terminal';
import { errorsMet, observe, startObserving } from './observe';
import type { MetError } from './types';

const metBy = (line: string) => errorsMet(runCommand(newWorkspace(), line, { language: 'en' }).requests);

const NO_ROLE: MetError = { code: 'NoSuchEntity', operation: 'GetRole', message: 'The role with name missing cannot be found.' };

describe('errorsMet reads the service errors from the requests a command sent, never from its text', () => {
  it.each<[string, string, MetError[]]>([
    ['the enhanced format (the default)', 'aws iam get-role --role-name missing', [NO_ROLE]],
    ['the legacy format', 'aws iam get-role --role-name missing --cli-error-format legacy', [NO_ROLE]],
    ['the json format', 'aws iam get-role --role-name missing --cli-error-format json', [NO_ROLE]],
    ['the yaml format', 'aws iam get-role --role-name missing --cli-error-format yaml', [NO_ROLE]],
    ['the text format', 'aws iam get-role --role-name missing --cli-error-format text', [NO_ROLE]],
    ['standard error thrown away', 'aws iam get-role --role-name missing 2>/dev/null', [NO_ROLE]],
    ['standard error in a file', 'aws iam get-role --role-name missing 2> err.txt', [NO_ROLE]],
    ['inside a command substitution', 'ROLE=$(aws iam get-role --role-name missing --query Role.Arn --output text 2>/dev/null)', [NO_ROLE]],
    ['a message with quotes in it', 'aws ec2 describe-instances --instance-ids i-bad --cli-error-format json', [{ code: 'InvalidInstanceID.Malformed', operation: 'DescribeInstances', message: 'Invalid id: "i-bad"' }]],
    [
      'two failing commands in one line',
      'aws iam get-role --role-name missing; aws iam delete-instance-profile --instance-profile-name b',
      [NO_ROLE, { code: 'NoSuchEntity', operation: 'DeleteInstanceProfile', message: 'Instance Profile b cannot be found.' }],
    ],
    ['a dry run, which AWS answers with an error', 'aws ec2 run-instances --image-id ami-11aa22bb --dry-run', [{ code: 'DryRunOperation', operation: 'RunInstances', message: 'Request would have succeeded, but DryRun flag is set.' }]],
    ['a usage error, which sends nothing', 'aws iam get-role', []],
    ['a success', 'aws iam list-roles', []],
    ['error-like text on standard output', 'echo "An error occurred (InvalidParameterValue) when calling the RunInstances operation: x"', []],
    ['error-like text on standard error', 'cat "An error occurred (InvalidParameterValue) when calling the RunInstances operation: x"', []],
  ])('%s', (_name, line, errors) => {
    expect(metBy(line)).toEqual(errors);
  });

  it('takes each failed call of a console action with its operation, and skips the calls that worked', () => {
    const state = newWorkspace().sim;
    const result = runConsoleAction(state, { type: 'ec2.launchInstance', imageId: 'ami-0abcdef1234567890', instanceType: 't3.micro', instanceProfileName: 'nothing' }, { now: () => 0, random: seededRandom(1) });
    expect(result.calls.map((c) => c.operation)).toEqual(['ListInstanceProfiles', 'RunInstances']);
    expect(errorsMet(result.calls)).toEqual([
      { code: 'InvalidParameterValue', operation: 'RunInstances', message: 'Value (nothing) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name' },
    ]);
  });
});

describe('observe', () => {
  const event = { kind: 'created', resource: { type: 'role', id: 'r' }, cause: { type: 'clock' } } as const;
  const failed = (operation: string, code: string, message: string) => ({ operation, outcome: { ok: false as const, error: { code, message } } });

  it('adds events and errors in order, keeping when the step started', () => {
    const first = observe(startObserving(1000), { events: [event], output: { requests: [{ operation: 'ListRoles', outcome: { ok: true } }, failed('B', 'A', 'c')] } });
    const second = observe(first, { console: { calls: [failed('D', 'E', 'f')] } });
    expect(second).toEqual({ startedAt: 1000, events: [event], errors: [{ code: 'A', operation: 'B', message: 'c' }, { code: 'E', operation: 'D', message: 'f' }] });
  });

  it('returns the same record when nothing was observed', () => {
    const start = startObserving(5);
    expect(observe(start, { events: [], output: { requests: [{ operation: 'ListRoles', outcome: { ok: true } }] } })).toBe(start);
  });
});
