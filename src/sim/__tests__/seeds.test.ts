import { describe, expect, it } from 'vitest';
import { runConsoleAction } from '../console/actions';
import { EC2_TRUST, makeSim } from './harness';

/**
 * The source documents' transcripts replayed against the simulator: the same requests give
 * responses of the same shape (ids and dates aside). Expected shapes are written from the
 * transcripts in shared/seeds (000: a blog post's CLI session, 002: an article's session,
 * 004: the EC2 user guide's example responses).
 */
type Shape = string | Shape[] | { [key: string]: Shape };

/** A value's shape: objects keep their keys in order, arrays the shape of each item, scalars their type. */
function shape(value: unknown): Shape {
  if (Array.isArray(value)) return value.map(shape);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  return typeof value;
}

/** The same, with keys sorted: the user guide's example responses come from an old CLI that did not keep AWS's order. */
function unorderedShape(value: unknown): Shape {
  if (Array.isArray(value)) return value.map(unorderedShape);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, unorderedShape(v)]));
  return typeof value;
}

const trustString = EC2_TRUST;

describe('seed 000: the console made a profile, the CLI makes an empty one', () => {
  it('list-instance-profiles shows the console profile holding its role and the new one with no roles, in the CLI key order', () => {
    const sim = makeSim();
    runConsoleAction(sim.state, { type: 'iam.createServiceRole', useCase: 'ec2', roleName: 's3-FullAccess', managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonS3FullAccess'], tags: [] }, sim.ctx);
    const created = sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: 'sample-profile' });
    expect(shape(created)).toEqual({
      InstanceProfile: { Path: 'string', InstanceProfileName: 'string', InstanceProfileId: 'string', Arn: 'string', CreateDate: 'string', Roles: [] },
    });
    const listed = sim.ok<{ InstanceProfiles: unknown[] }>('iam', 'ListInstanceProfiles');
    expect(shape(listed.InstanceProfiles)).toEqual([
      {
        Path: 'string', InstanceProfileName: 'string', InstanceProfileId: 'string', Arn: 'string', CreateDate: 'string',
        Roles: [{ Path: 'string', RoleName: 'string', RoleId: 'string', Arn: 'string', CreateDate: 'string', AssumeRolePolicyDocument: 'string' }],
      },
      { Path: 'string', InstanceProfileName: 'string', InstanceProfileId: 'string', Arn: 'string', CreateDate: 'string', Roles: [] },
    ]);
    expect(listed.InstanceProfiles.map((p) => (p as { InstanceProfileName: string }).InstanceProfileName)).toEqual(['s3-FullAccess', 'sample-profile']);
  });
});

describe('seed 002: profiles and roles are separate objects with their own deletion rules', () => {
  it('replays the session: empty profile, a non-EC2 role added, DeleteConflict both ways, remove then delete', () => {
    const sim = makeSim();
    const eksTrust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    sim.ok('iam', 'CreateRole', { RoleName: 'test-eks-role', AssumeRolePolicyDocument: eksTrust });
    expect(shape(sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: 'test-profile-1113' }))).toEqual({
      InstanceProfile: { Path: 'string', InstanceProfileName: 'string', InstanceProfileId: 'string', Arn: 'string', CreateDate: 'string', Roles: [] },
    });
    expect(sim.ok('iam', 'AddRoleToInstanceProfile', { InstanceProfileName: 'test-profile-1113', RoleName: 'test-eks-role' })).toEqual({});
    const conflict = 'Cannot delete entity, must remove roles from instance profile first.';
    expect(sim.fails('iam', 'DeleteInstanceProfile', { InstanceProfileName: 'test-profile-1113' })).toMatchObject({ code: 'DeleteConflict', message: conflict });
    expect(sim.fails('iam', 'DeleteRole', { RoleName: 'test-eks-role' })).toMatchObject({ code: 'DeleteConflict', message: conflict });
    sim.ok('iam', 'RemoveRoleFromInstanceProfile', { InstanceProfileName: 'test-profile-1113', RoleName: 'test-eks-role' });
    sim.ok('iam', 'DeleteInstanceProfile', { InstanceProfileName: 'test-profile-1113' });
    expect(sim.ok<{ Role: { RoleName: string } }>('iam', 'GetRole', { RoleName: 'test-eks-role' }).Role.RoleName).toBe('test-eks-role');
  });

  it('tags a role with tag-role and the tagging API, and a profile with tag-instance-profile; a repeated key overwrites', () => {
    const sim = makeSim();
    runConsoleAction(sim.state, { type: 'iam.createServiceRole', useCase: 'ec2', roleName: 'SSMManagedInstanceCore', managedPolicyArns: [], tags: [] }, sim.ctx);
    sim.ok('iam', 'TagRole', { RoleName: 'SSMManagedInstanceCore', Tags: [{ Key: 'test', Value: 'role-tag' }] });
    sim.ok('resourcegroupstaggingapi', 'TagResources', { ResourceARNList: ['arn:aws:iam::123456789012:role/SSMManagedInstanceCore'], Tags: { test: 'role-tag-2' } });
    expect(sim.ok('iam', 'ListRoleTags', { RoleName: 'SSMManagedInstanceCore' })).toMatchObject({ Tags: [{ Key: 'test', Value: 'role-tag-2' }] });
    sim.ok('iam', 'TagInstanceProfile', { InstanceProfileName: 'SSMManagedInstanceCore', Tags: [{ Key: 'test2', Value: 'Instanceprofile-tag' }] });
    sim.ok('resourcegroupstaggingapi', 'TagResources', { ResourceARNList: ['arn:aws:iam::123456789012:instance-profile/SSMManagedInstanceCore'], Tags: { test2: 'Instanceprofile' } });
    expect(sim.ok('iam', 'ListInstanceProfileTags', { InstanceProfileName: 'SSMManagedInstanceCore' })).toMatchObject({ Tags: [{ Key: 'test2', Value: 'Instanceprofile' }] });
    expect(sim.ok('resourcegroupstaggingapi', 'GetResources', {})).toMatchObject({ ResourceTagMappingList: [] });
  });
});

describe('seed 004: the EC2 user guide, command line', () => {
  it('create-role, put-role-policy, create-instance-profile, add-role, run-instances with the profile', () => {
    const sim = makeSim();
    const role = sim.ok('iam', 'CreateRole', { RoleName: 's3access', AssumeRolePolicyDocument: trustString });
    expect(unorderedShape(role)).toEqual(unorderedShape({ Role: { AssumeRolePolicyDocument: '', RoleId: '', CreateDate: '', RoleName: '', Path: '', Arn: '' } }));
    sim.ok('iam', 'PutRolePolicy', { RoleName: 's3access', PolicyName: 'S3-Permissions', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:*'], Resource: ['*'] }] }) });
    const profile = sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: 's3access-profile' });
    expect(unorderedShape(profile)).toEqual(unorderedShape({ InstanceProfile: { InstanceProfileId: '', Roles: [], CreateDate: '', InstanceProfileName: '', Path: '', Arn: '' } }));
    sim.ok('iam', 'AddRoleToInstanceProfile', { InstanceProfileName: 's3access-profile', RoleName: 's3access' });
    const launched = sim.ok<{ Instances: { IamInstanceProfile?: { Arn: string } }[] }>('ec2', 'RunInstances', {
      ImageId: 'ami-11aa22bb', IamInstanceProfile: { Name: 's3access-profile' }, KeyName: 'my-key-pair', SecurityGroups: ['my-security-group'], SubnetId: 'subnet-1a2b3c4d', MinCount: 1, MaxCount: 1,
    });
    expect(launched.Instances[0]?.IamInstanceProfile?.Arn).toBe('arn:aws:iam::123456789012:instance-profile/s3access-profile');
  });

  it('attach, describe, replace and detach with the example response shapes', () => {
    const sim = makeSim();
    for (const name of ['TestRole-1', 'TestRole-2']) {
      runConsoleAction(sim.state, { type: 'iam.createServiceRole', useCase: 'ec2', roleName: name, managedPolicyArns: [], tags: [] }, sim.ctx);
    }
    const { Instances } = sim.ok<{ Instances: { InstanceId: string }[] }>('ec2', 'RunInstances', { ImageId: 'ami-11aa22bb', MinCount: 1, MaxCount: 1 });
    const instanceId = Instances[0]?.InstanceId ?? '';
    sim.advance(30);
    const association = { InstanceId: '', State: '', AssociationId: '', IamInstanceProfile: { Id: '', Arn: '' } };
    const associated = sim.ok<{ IamInstanceProfileAssociation: { AssociationId: string; State: string } }>('ec2', 'AssociateIamInstanceProfile', { InstanceId: instanceId, IamInstanceProfile: { Name: 'TestRole-1' } });
    expect(unorderedShape(associated)).toEqual(unorderedShape({ IamInstanceProfileAssociation: association }));
    expect(associated.IamInstanceProfileAssociation.State).toBe('associating');
    sim.advance(30);
    const described = sim.ok<{ IamInstanceProfileAssociations: { State: string }[] }>('ec2', 'DescribeIamInstanceProfileAssociations');
    expect(unorderedShape(described)).toEqual(unorderedShape({ IamInstanceProfileAssociations: [association] }));
    expect(described.IamInstanceProfileAssociations[0]?.State).toBe('associated');
    const replaced = sim.ok<{ IamInstanceProfileAssociation: { AssociationId: string } }>('ec2', 'ReplaceIamInstanceProfileAssociation', {
      AssociationId: associated.IamInstanceProfileAssociation.AssociationId, IamInstanceProfile: { Name: 'TestRole-2' },
    });
    expect(unorderedShape(replaced)).toEqual(unorderedShape({ IamInstanceProfileAssociation: association }));
    expect(replaced.IamInstanceProfileAssociation.AssociationId).not.toBe(associated.IamInstanceProfileAssociation.AssociationId);
    sim.advance(30);
    const detached = sim.ok<{ IamInstanceProfileAssociation: { State: string } }>('ec2', 'DisassociateIamInstanceProfile', { AssociationId: replaced.IamInstanceProfileAssociation.AssociationId });
    expect(unorderedShape(detached)).toEqual(unorderedShape({ IamInstanceProfileAssociation: association }));
    expect(detached.IamInstanceProfileAssociation.State).toBe('disassociating');
  });
});
