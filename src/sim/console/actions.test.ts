import { describe, expect, it } from 'vitest';
import { EC2_TRUST, makeSim } from '../__tests__/harness';
import { runConsoleAction, type ConsoleAction } from './actions';

function consoleSim() {
  const sim = makeSim();
  const act = (action: ConsoleAction) => runConsoleAction(sim.state, action, sim.ctx);
  const ops = (result: ReturnType<typeof act>) => result.calls.map((c) => `${c.operation}${c.outcome.ok ? '' : ` ✗ ${c.outcome.error.code}`}`);
  return { sim, act, ops };
}

const createEc2Role = (roleName: string): ConsoleAction => ({
  type: 'iam.createServiceRole',
  useCase: 'ec2',
  roleName,
  managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonS3FullAccess'],
  tags: [],
});

describe('console: create role for an AWS service', () => {
  it('for EC2 makes four API calls, and the profile it makes silently has the role in it', () => {
    const { sim, act, ops } = consoleSim();
    const result = act(createEc2Role('s3-FullAccess'));
    expect(result.error).toBeUndefined();
    expect(ops(result)).toEqual(['CreateRole', 'AttachRolePolicy', 'CreateInstanceProfile', 'AddRoleToInstanceProfile']);
    const profile = sim.ok<{ InstanceProfile: { Roles: { RoleName: string }[] } }>('iam', 'GetInstanceProfile', { InstanceProfileName: 's3-FullAccess' });
    expect(profile.InstanceProfile.Roles.map((r) => r.RoleName)).toEqual(['s3-FullAccess']);
    expect(sim.state.tables.instanceProfiles['s3-fullaccess']?.createdBy).toBe('console');
    const role = sim.ok<{ Role: { Description: string; AssumeRolePolicyDocument: string } }>('iam', 'GetRole', { RoleName: 's3-FullAccess' });
    expect(role.Role.Description).toBe('Allows EC2 instances to call AWS services on your behalf.');
    expect(JSON.parse(role.Role.AssumeRolePolicyDocument).Statement[0].Principal).toEqual({ Service: ['ec2.amazonaws.com'] });
    expect(result.events.map((e) => `${e.kind} ${e.resource.type} ${e.resource.id}`)).toEqual([
      'created role s3-FullAccess',
      'updated role s3-FullAccess',
      'created instance-profile s3-FullAccess',
      'updated instance-profile s3-FullAccess',
    ]);
  });

  it('for Lambda makes no instance profile', () => {
    const { sim, act, ops } = consoleSim();
    const result = act({ type: 'iam.createServiceRole', useCase: 'lambda', roleName: 'fn-role', managedPolicyArns: [], tags: [{ Key: 'team', Value: 'web' }] });
    expect(ops(result)).toEqual(['CreateRole']);
    expect(sim.state.tables.instanceProfiles).toEqual({});
  });

  it('stops at the first failing call and keeps what was already made, as the real console does', () => {
    const { sim, act, ops } = consoleSim();
    sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: 'web' });
    const result = act(createEc2Role('web'));
    expect(ops(result)).toEqual(['CreateRole', 'AttachRolePolicy', 'CreateInstanceProfile ✗ EntityAlreadyExists']);
    expect(result.error?.message).toBe('Instance Profile web already exists.');
    expect(sim.state.tables.roles.web).toBeDefined();
  });
});

describe('console: delete role', () => {
  it('removes the role from its profiles, deletes them, clears its policies, then deletes it', () => {
    const { sim, act, ops } = consoleSim();
    act(createEc2Role('app'));
    sim.ok('iam', 'PutRolePolicy', { RoleName: 'app', PolicyName: 'inline', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }) });
    const result = act({ type: 'iam.deleteRole', roleName: 'app' });
    expect(result.error).toBeUndefined();
    expect(ops(result)).toEqual([
      'ListInstanceProfilesForRole', 'RemoveRoleFromInstanceProfile', 'DeleteInstanceProfile',
      'ListAttachedRolePolicies', 'DetachRolePolicy', 'ListRolePolicies', 'DeleteRolePolicy', 'DeleteRole',
    ]);
    expect(sim.state.tables.roles).toEqual({});
    expect(sim.state.tables.instanceProfiles).toEqual({});
  });

  it('where the CLI refuses with DeleteConflict', () => {
    const { sim, act } = consoleSim();
    act(createEc2Role('app'));
    expect(sim.fails('iam', 'DeleteRole', { RoleName: 'app' }).message).toBe('Cannot delete entity, must remove roles from instance profile first.');
  });
});

describe('console: launch instance and modify IAM role', () => {
  it('lists profiles for the dropdown and launches with the chosen profile, empty ones included', () => {
    const { sim, act, ops } = consoleSim();
    sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: 'sample-profile' });
    const result = act({ type: 'ec2.launchInstance', name: 'web-1', imageId: 'ami-0abcdef1234567890', instanceType: 't3.micro', instanceProfileName: 'sample-profile' });
    expect(ops(result)).toEqual(['ListInstanceProfiles', 'RunInstances']);
    const run = result.calls[1];
    expect(run?.params.IamInstanceProfile).toEqual({ Arn: 'arn:aws:iam::123456789012:instance-profile/sample-profile' });
    const [instance] = Object.values(sim.state.tables.instances);
    expect(instance?.Tags).toEqual([{ Key: 'Name', Value: 'web-1' }]);
    expect(instance?.associationId).toBeTruthy();
  });

  it('associates, replaces and detaches as the instance needs', () => {
    const { sim, act, ops } = consoleSim();
    act(createEc2Role('one'));
    act(createEc2Role('two'));
    act({ type: 'ec2.launchInstance', imageId: 'ami-0abcdef1234567890', instanceType: 't3.micro' });
    const instanceId = Object.keys(sim.state.tables.instances)[0] ?? '';
    sim.advance(10);
    expect(ops(act({ type: 'ec2.modifyIamRole', instanceId, instanceProfileName: 'one' }))).toEqual(['DescribeIamInstanceProfileAssociations', 'ListInstanceProfiles', 'AssociateIamInstanceProfile']);
    sim.advance(10);
    expect(ops(act({ type: 'ec2.modifyIamRole', instanceId, instanceProfileName: 'two' }))).toEqual(['DescribeIamInstanceProfileAssociations', 'ListInstanceProfiles', 'ReplaceIamInstanceProfileAssociation']);
    sim.advance(10);
    expect(ops(act({ type: 'ec2.modifyIamRole', instanceId, instanceProfileName: null }))).toEqual(['DescribeIamInstanceProfileAssociations', 'DisassociateIamInstanceProfile']);
    sim.advance(10);
    sim.ok('ec2', 'DescribeInstances'); // time moves the state only when a request arrives
    expect(sim.state.tables.instances[instanceId]?.associationId).toBeNull();
  });

  it('starts, stops and terminates', () => {
    const { sim, act, ops } = consoleSim();
    sim.ok('iam', 'CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: EC2_TRUST });
    act({ type: 'ec2.launchInstance', imageId: 'ami-0abcdef1234567890', instanceType: 't3.micro' });
    const instanceIds = Object.keys(sim.state.tables.instances);
    sim.advance(10);
    expect(ops(act({ type: 'ec2.stopInstances', instanceIds }))).toEqual(['StopInstances']);
    sim.advance(10);
    sim.ok('ec2', 'DescribeInstances');
    expect(sim.state.tables.instances[instanceIds[0] ?? '']?.State.Name).toBe('stopped');
    expect(ops(act({ type: 'ec2.terminateInstances', instanceIds }))).toEqual(['TerminateInstances']);
  });
});
