import { describe, expect, it } from 'vitest';
import { runConsoleAction, seededRandom } from '../sim';
import { newWorkspace, runCommand } from '../cli/terminal';
import { OBSERVED_LIMITS, errorsMet, observe, readObservations, startObserving, type Observations } from './observe';
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

describe('observe keeps its record bounded, losing nothing a check reads', () => {
  const failed = (operation: string, code: string, message: string) => ({ operation, outcome: { ok: false as const, error: { code, message } } });
  const created = (id: string) => ({ kind: 'created', resource: { type: 'role', id }, cause: { type: 'request', service: 'iam', operation: 'CreateRole' } }) as const;

  it('an error met again adds nothing: it stays where it was first met', () => {
    const once = observe(startObserving(0), { output: { requests: [failed('GetRole', 'NoSuchEntity', 'a'), failed('DeleteRole', 'DeleteConflict', 'b')] } });
    expect(observe(once, { output: { requests: [failed('GetRole', 'NoSuchEntity', 'a')] } })).toBe(once);
    const again = observe(once, { console: { calls: [failed('DeleteRole', 'DeleteConflict', 'b'), failed('GetRole', 'NoSuchEntity', 'c')] } });
    expect(again.errors.map((e) => e.message)).toEqual(['a', 'b', 'c']);
  });

  it('keeps the latest events and distinct errors past the bounds, and long messages cut', () => {
    let observations: Observations = startObserving(0);
    for (let i = 0; i < 130; i++) observations = observe(observations, { events: [created(`r${i}`)], output: { requests: [failed('GetRole', 'NoSuchEntity', `role ${i}`)] } });
    expect(observations.events).toHaveLength(OBSERVED_LIMITS.events);
    expect(observations.events[0]).toEqual(created('r30'));
    expect(observations.errors).toHaveLength(OBSERVED_LIMITS.errors);
    expect(observations.errors[0]?.message).toBe('role 80');
    expect(errorsMet([failed('RunInstances', 'InvalidParameterValue', 'x'.repeat(5000))])[0]?.message).toHaveLength(OBSERVED_LIMITS.messageLength);
  });
});

describe('readObservations', () => {
  const event = { kind: 'deleted', resource: { type: 'instance-profile', id: 'p' }, cause: { type: 'request', service: 'iam', operation: 'DeleteInstanceProfile' } } as const;
  const error = { code: 'DeleteConflict', operation: 'DeleteRole', message: 'Cannot delete entity, must remove roles from instance profile first.' };

  it('reads back what was saved', () => {
    const observations: Observations = { startedAt: 1234, events: [event, { kind: 'updated', resource: { type: 'instance', id: 'i-1' }, cause: { type: 'clock' } }], errors: [error] };
    expect(readObservations(JSON.parse(JSON.stringify(observations)))).toEqual(observations);
  });

  it.each<[string, unknown]>([
    ['nothing', undefined],
    ['a list', []],
    ['no start time', { events: [], errors: [] }],
    ['a start time that is no number', { startedAt: '5', events: [], errors: [] }],
  ])('gives nothing for %s', (_name, saved) => {
    expect(readObservations(saved)).toBeUndefined();
  });

  it('drops damaged events and errors, and what a saved record holds beyond the bounds', () => {
    const saved = {
      startedAt: 7,
      events: [event, { ...event, kind: 'renamed' }, { ...event, resource: { type: 'bucket', id: 'b' } }, { ...event, cause: { type: 'request', service: 's3', operation: 'X' } }, null, { ...event, extra: 1 }],
      errors: [error, { code: 'X' }, 'text', { ...error, operation: 3 }, ...Array.from({ length: 60 }, (_, i) => ({ ...error, message: `m${i}` }))],
    };
    const read = readObservations(saved);
    expect(read?.events).toEqual([event, event]);
    expect(read?.errors).toHaveLength(OBSERVED_LIMITS.errors);
    expect(read?.errors[0]?.message).toBe('m10');
  });
});
