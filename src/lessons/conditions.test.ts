import { describe, expect, it } from 'vitest';
import { emptyState, execute, nameKey, seededRandom, type SimState } from '../sim';
import { check, diagnoses, inOrder, need, roleUsed, type Condition } from './conditions';
import { EC2_TRUST } from './chapters/common';
import { startObserving, type Observations } from './observe';
import { checkContext } from './progress';
import type { MetError, Missing } from './types';

const contextOf = (sim: SimState, observations: Observations, clock = 0) => checkContext({ sim, clock, location: { type: 'local' } }, observations);
const withErrors = (errors: MetError[]): Observations => ({ ...startObserving(0), errors });

describe('diagnoses', () => {
  it.each<[string, MetError, Missing[]]>([
    [
      'a role ARN given as a profile ARN',
      { code: 'InvalidParameterValue', operation: 'RunInstances', message: 'Value (arn:aws:iam::123456789012:role/r) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN' },
      [need('missing.diagnosis.roleArnForProfile', { arn: 'arn:aws:iam::123456789012:role/r' })],
    ],
    [
      'a profile ARN that does not exist (no diagnosis: it is not a role ARN)',
      { code: 'InvalidParameterValue', operation: 'RunInstances', message: 'Value (arn:aws:iam::123456789012:instance-profile/p) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN' },
      [],
    ],
    [
      'an unknown profile name',
      { code: 'InvalidParameterValue', operation: 'AssociateIamInstanceProfile', message: 'Value (r) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name' },
      [need('missing.diagnosis.unknownProfileName', { name: 'r' })],
    ],
    [
      'a second association',
      { code: 'IncorrectState', operation: 'AssociateIamInstanceProfile', message: 'There is an existing association for instance i-0123456789abcdef0' },
      [need('missing.diagnosis.existingAssociation', { instance: 'i-0123456789abcdef0' })],
    ],
    [
      'a command run as an instance role (EC2 wording)',
      { code: 'UnauthorizedOperation', operation: 'StopInstances', message: 'You are not authorized to perform this operation. User: arn:aws:sts::123456789012:assumed-role/app-role/i-0123456789abcdef0 is not authorized to perform: ec2:StopInstances on resource: *' },
      [need('missing.diagnosis.ranAsRole', { role: 'app-role' })],
    ],
    [
      'a command run as an instance role (IAM wording)',
      { code: 'AccessDenied', operation: 'ListRoles', message: 'User: arn:aws:sts::123456789012:assumed-role/app-role/i-0123456789abcdef0 is not authorized to perform: iam:ListRoles on resource: *' },
      [need('missing.diagnosis.ranAsRole', { role: 'app-role' })],
    ],
    ['an access denial for the learner (no diagnosis)', { code: 'AccessDenied', operation: 'ListRoles', message: 'User: arn:aws:iam::123456789012:user/learner is not authorized' }, []],
    ['a policy sent as a file name', { code: 'MalformedPolicyDocument', operation: 'CreateRole', message: 'This policy contains invalid Json' }, [need('missing.diagnosis.policyNotJson')]],
    ['another malformed policy (no diagnosis)', { code: 'MalformedPolicyDocument', operation: 'CreateRole', message: 'Syntax errors in policy.' }, []],
    ['a second role in a profile', { code: 'LimitExceeded', operation: 'AddRoleToInstanceProfile', message: 'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1' }, [need('missing.diagnosis.profileFull')]],
    ['a role still in a profile', { code: 'DeleteConflict', operation: 'DeleteRole', message: 'Cannot delete entity, must remove roles from instance profile first.' }, [need('missing.diagnosis.removeRoleFirst')]],
    ['a role still with policies', { code: 'DeleteConflict', operation: 'DeleteRole', message: 'Cannot delete entity, must detach all policies first.' }, [need('missing.diagnosis.detachPoliciesFirst')]],
    ['an error no lesson explains', { code: 'NoSuchEntity', operation: 'GetRole', message: 'The role with name x cannot be found.' }, []],
  ])('%s', (_name, error, expected) => {
    expect(diagnoses([error])).toEqual(expected);
  });

  it('says each cause once, in the order first met', () => {
    const limit: MetError = { code: 'LimitExceeded', operation: 'AddRoleToInstanceProfile', message: 'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1' };
    const json: MetError = { code: 'MalformedPolicyDocument', operation: 'CreateRole', message: 'This policy contains invalid Json' };
    expect(diagnoses([limit, json, limit]).map((m) => m.key)).toEqual(['missing.diagnosis.profileFull', 'missing.diagnosis.policyNotJson']);
  });
});

describe('check', () => {
  const fails = (key: Missing['key']): Condition => () => [need(key)];
  const holds: Condition = () => [];
  const limit: MetError = { code: 'LimitExceeded', operation: 'AddRoleToInstanceProfile', message: 'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1' };

  it('passes when every condition holds, whatever errors were met on the way', () => {
    expect(check([holds, holds])(contextOf(emptyState(), withErrors([limit])))).toEqual({ passed: true });
  });

  it('lists what every condition misses, after what the errors met tell', () => {
    expect(check([fails('missing.profileMissing'), holds, fails('missing.roleMissing')])(contextOf(emptyState(), withErrors([limit])))).toEqual({
      passed: false,
      missing: [need('missing.diagnosis.profileFull'), need('missing.profileMissing'), need('missing.roleMissing')],
    });
  });

  it('leaves the errors out where meeting them is the point', () => {
    expect(check([fails('missing.profileMissing')], { diagnose: false })(contextOf(emptyState(), withErrors([limit])))).toEqual({ passed: false, missing: [need('missing.profileMissing')] });
  });

  it('stops an ordered group at the first condition that misses something', () => {
    expect(inOrder(holds, fails('missing.roleMissing'), fails('missing.profileMissing'))(contextOf(emptyState(), startObserving(0)))).toEqual([need('missing.roleMissing')]);
  });
});

describe('roleUsed', () => {
  function stateUsedAt(lastUsed: string | undefined): SimState {
    const state = emptyState();
    execute(state, { service: 'iam', operation: 'CreateRole', params: { RoleName: 'app-role', AssumeRolePolicyDocument: EC2_TRUST } }, { now: () => 0, random: seededRandom(1) });
    const role = state.tables.roles[nameKey('app-role')];
    if (!role) throw new Error('no role');
    role.RoleLastUsed = lastUsed === undefined ? {} : { LastUsedDate: lastUsed, Region: 'us-east-1' };
    return state;
  }
  const startedAt = Date.UTC(2026, 0, 15, 9, 0, 10, 500);

  it.each<[string, string | undefined, Missing[]]>([
    ['never used', undefined, [need('missing.roleNotUsed', { role: 'app-role' })]],
    ['used before the step', '2026-01-15T09:00:09Z', [need('missing.roleNotUsed', { role: 'app-role' })]],
    ['used in the second the step started', '2026-01-15T09:00:10Z', []],
    ['used later', '2026-01-15T09:05:00Z', []],
  ])('%s', (_name, lastUsed, missing) => {
    expect(roleUsed('app-role')(contextOf(stateUsedAt(lastUsed), startObserving(startedAt), startedAt + 60_000))).toEqual(missing);
  });

  it('says the role is missing when there is none', () => {
    expect(roleUsed('ghost')(contextOf(emptyState(), startObserving(0)))).toEqual([need('missing.roleMissing', { role: 'ghost' })]);
  });
});
