import { describe, expect, it } from 'vitest';
import { EC2_TRUST, START } from '../__tests__/harness';
import { emptyState, type SimState } from '../core/state';
import type { OpEnv } from '../core/operation';
import { AMI, PROFILE_ARN, describeOne, expectFailure, launch, launchOne, profileId, setup } from './__tests__/setup';
import { runInstances } from './launch';
import { defaultSubnetId, defaultVpcId, securityGroupId } from './network';

const timing = (overrides: Partial<SimState['account']['timing']>) => ({ timing: { ...emptyState().account.timing, ...overrides } });

describe('RunInstances', () => {
  it('answers with the reservation at top level and the instance in CLI ≥ 2.18 key order', () => {
    const sim = setup();
    const reservation = launch(sim, { InstanceType: 't3.micro', KeyName: 'my-key', ClientToken: 'tok-1', IamInstanceProfile: { Name: 'web' }, TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web-1' }] }] });
    expect(Object.keys(reservation)).toEqual(['ReservationId', 'OwnerId', 'Groups', 'Instances']);
    expect(reservation.ReservationId).toMatch(/^r-0[0-9a-f]{16}$/);
    expect(reservation.OwnerId).toBe('123456789012');
    expect(reservation.Groups).toEqual([]);
    const [instance] = reservation.Instances;
    expect(Object.keys(instance ?? {})).toEqual([
      'Architecture', 'ClientToken', 'EbsOptimized', 'EnaSupport', 'Hypervisor', 'IamInstanceProfile', 'RootDeviceName', 'RootDeviceType',
      'SecurityGroups', 'SourceDestCheck', 'StateReason', 'Tags', 'VirtualizationType', 'HibernationOptions', 'MetadataOptions', 'EnclaveOptions',
      'PlatformDetails', 'UsageOperation', 'UsageOperationUpdateTime', 'InstanceId', 'ImageId', 'State', 'PrivateDnsName', 'PublicDnsName',
      'StateTransitionReason', 'KeyName', 'AmiLaunchIndex', 'ProductCodes', 'InstanceType', 'LaunchTime', 'Placement', 'Monitoring',
      'SubnetId', 'VpcId', 'PrivateIpAddress',
    ]);
    expect(instance).toMatchObject({
      ClientToken: 'tok-1',
      IamInstanceProfile: { Arn: PROFILE_ARN('web'), Id: profileId(sim, 'web') },
      SecurityGroups: [{ GroupId: securityGroupId(sim.state.account, 'default'), GroupName: 'default' }],
      StateReason: { Code: 'pending', Message: 'pending' },
      Tags: [{ Key: 'Name', Value: 'web-1' }],
      MetadataOptions: { State: 'pending', HttpTokens: 'optional', HttpPutResponseHopLimit: 1, HttpEndpoint: 'enabled', HttpProtocolIpv6: 'disabled', InstanceMetadataTags: 'disabled' },
      ImageId: AMI,
      State: { Code: 0, Name: 'pending' },
      PublicDnsName: '',
      StateTransitionReason: '',
      KeyName: 'my-key',
      AmiLaunchIndex: 0,
      InstanceType: 't3.micro',
      LaunchTime: '2026-01-15T09:00:00Z',
      Placement: { GroupName: '', Tenancy: 'default', AvailabilityZone: 'us-east-1a' },
      Monitoring: { State: 'disabled' },
      SubnetId: defaultSubnetId(sim.state.account),
      VpcId: defaultVpcId(sim.state.account),
    });
    expect(instance?.InstanceId).toMatch(/^i-0[0-9a-f]{16}$/);
    expect(instance?.PrivateIpAddress).toMatch(/^172\.31\.([0-9]|1[0-5])\.\d+$/);
    expect(instance?.PrivateDnsName).toBe(`ip-${instance?.PrivateIpAddress?.replaceAll('.', '-')}.ec2.internal`);
    expect(instance?.IamInstanceProfile?.Id).toMatch(/^AIPA/);
  });

  it('defaults like AWS: m1.small, the default group, no tags, no profile, no key', () => {
    const instance = launchOne(setup());
    expect(instance).toMatchObject({ InstanceType: 'm1.small', SecurityGroups: [{ GroupName: 'default' }] });
    for (const absent of ['IamInstanceProfile', 'Tags', 'KeyName', 'ClientToken', 'PublicIpAddress']) expect(instance).not.toHaveProperty(absent);
  });

  it('goes pending → running after timing.instanceStartSeconds and then shows a public address', () => {
    const sim = setup({ account: timing({ instanceStartSeconds: 30 }) });
    const { InstanceId } = launchOne(sim);
    sim.advance(29);
    expect(describeOne(sim, InstanceId).State).toEqual({ Code: 0, Name: 'pending' });
    sim.advance(1);
    const running = describeOne(sim, InstanceId);
    expect(running.State).toEqual({ Code: 16, Name: 'running' });
    expect(running).not.toHaveProperty('StateReason');
    expect(running.MetadataOptions?.State).toBe('applied');
    expect(running.PublicIpAddress).toMatch(/^54\.\d+\.\d+\.\d+$/);
    expect(running.PublicDnsName).toBe(`ec2-${running.PublicIpAddress?.replaceAll('.', '-')}.compute-1.amazonaws.com`);
  });

  it('gives every instance of a three-instance launch the profile, each with its own association', () => {
    const sim = setup();
    const { Instances, ReservationId } = launch(sim, { MinCount: 3, MaxCount: 3, IamInstanceProfile: { Arn: PROFILE_ARN('web') } });
    expect(Instances.map((i) => i.AmiLaunchIndex)).toEqual([0, 1, 2]);
    expect(new Set(Instances.map((i) => i.InstanceId)).size).toBe(3);
    for (const instance of Instances) expect(instance.IamInstanceProfile).toEqual({ Arn: PROFILE_ARN('web'), Id: profileId(sim, 'web') });
    const records = Instances.map((i) => sim.state.tables.instances[i.InstanceId ?? '']);
    const associationIds = records.map((r) => r?.associationId);
    expect(new Set(associationIds).size).toBe(3);
    for (const [index, id] of associationIds.entries()) {
      expect(id).toMatch(/^iip-assoc-0[0-9a-f]{16}$/);
      expect(sim.state.tables.associations[id ?? '']).toMatchObject({ InstanceId: Instances[index]?.InstanceId, State: 'associating' });
    }
    expect(records.every((r) => r?.ReservationId === ReservationId)).toBe(true);
    sim.advance(3);
    const { IamInstanceProfileAssociations } = sim.ok<{ IamInstanceProfileAssociations: { State: string }[] }>('ec2', 'DescribeIamInstanceProfileAssociations');
    expect(IamInstanceProfileAssociations.map((a) => a.State)).toEqual(['associated', 'associated', 'associated']);
  });

  it('launches with an empty profile: the instance has the profile and no role to get credentials from', () => {
    const sim = setup();
    const instance = launchOne(sim, { IamInstanceProfile: { Name: 'empty' } });
    expect(instance.IamInstanceProfile).toEqual({ Arn: PROFILE_ARN('empty'), Id: profileId(sim, 'empty') });
    expect(sim.state.tables.instanceProfiles.empty?.roleName).toBeNull();
  });

  it('resolves profile names case-insensitively and ARNs with their path', () => {
    const sim = setup();
    sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: 'deep', Path: '/team/app/' });
    expect(launchOne(sim, { IamInstanceProfile: { Name: 'WEB' } }).IamInstanceProfile?.Arn).toBe(PROFILE_ARN('web'));
    expect(launchOne(sim, { IamInstanceProfile: { Arn: PROFILE_ARN('deep', '/team/app/') } }).IamInstanceProfile?.Arn).toBe(PROFILE_ARN('deep', '/team/app/'));
    expectFailure(sim, 'RunInstances', { ImageId: AMI, MinCount: 1, MaxCount: 1, IamInstanceProfile: { Arn: PROFILE_ARN('deep') } },
      'InvalidParameterValue', `Value (${PROFILE_ARN('deep')}) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN`);
  });

  it('treats an empty IamInstanceProfile as none, as the query protocol sends nothing for it', () => {
    expect(launchOne(setup(), { IamInstanceProfile: {} })).not.toHaveProperty('IamInstanceProfile');
  });

  it('uses the given groups, metadata options, key and subnet', () => {
    const sim = setup();
    const first = launchOne(sim, { SecurityGroups: ['my-security-group'], MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 2, HttpEndpoint: 'enabled' }, SubnetId: 'subnet-1a2b3c4d' });
    const groupId = securityGroupId(sim.state.account, 'my-security-group');
    expect(first.SecurityGroups).toEqual([{ GroupId: groupId, GroupName: 'my-security-group' }]);
    expect(groupId).toMatch(/^sg-0[0-9a-f]{16}$/);
    expect(first.MetadataOptions).toMatchObject({ HttpTokens: 'required', HttpPutResponseHopLimit: 2 });
    expect(first).toMatchObject({ SubnetId: 'subnet-1a2b3c4d', VpcId: defaultVpcId(sim.state.account) });
    // A group some instance already uses can be named by id; ids are the same in every simulator of the account.
    const second = launchOne(sim, { SecurityGroupIds: [groupId, securityGroupId(sim.state.account, 'default')] });
    expect(second.SecurityGroups?.map((g) => g.GroupName)).toEqual(['my-security-group', 'default']);
    expect(securityGroupId(setup().state.account, 'my-security-group')).toBe(groupId);
  });

  it('keeps only instance tags and lets a repeated key keep its last value', () => {
    const instance = launchOne(setup(), {
      TagSpecifications: [
        { ResourceType: 'volume', Tags: [{ Key: 'disk', Value: 'root' }] },
        { ResourceType: 'instance', Tags: [{ Key: 'env', Value: 'dev' }, { Key: 'Name', Value: 'a' }, { Key: 'env', Value: 'prod' }] },
      ],
    });
    expect(instance.Tags).toEqual([{ Key: 'env', Value: 'prod' }, { Key: 'Name', Value: 'a' }]);
  });

  it('answers a retried ClientToken with the first reservation and launches nothing more', () => {
    const sim = setup();
    const first = launch(sim, { MaxCount: 2, ClientToken: 'same' });
    const again = launch(sim, { MaxCount: 2, ClientToken: 'same' });
    expect(again.ReservationId).toBe(first.ReservationId);
    expect(again.Instances.map((i) => i.InstanceId)).toEqual(first.Instances.map((i) => i.InstanceId));
    expect(Object.keys(sim.state.tables.instances)).toHaveLength(2);
  });

  it('reports DryRunOperation for a request that would succeed, and launches nothing', () => {
    const sim = setup();
    expectFailure(sim, 'RunInstances', { ImageId: AMI, MinCount: 1, MaxCount: 1, IamInstanceProfile: { Name: 'web' }, DryRun: true },
      'DryRunOperation', 'Request would have succeeded, but DryRun flag is set.');
    expect(sim.fails('ec2', 'RunInstances', { ImageId: AMI, MinCount: 1, MaxCount: 1, DryRun: true }).httpStatus).toBe(412);
    // A dry run still validates: a bad request says what is wrong, not that it would succeed.
    expectFailure(sim, 'RunInstances', { ImageId: 'ami-1', MinCount: 1, MaxCount: 1, DryRun: true }, 'InvalidAMIID.Malformed', 'Invalid id: "ami-1" (expecting "ami-...")');
  });

  const base = { ImageId: AMI, MinCount: 1, MaxCount: 1 };
  it.each([
    [{ MinCount: 1, MaxCount: 1 }, 'MissingParameter', 'The request must contain the parameter ImageId'],
    [{ ImageId: AMI }, 'MissingParameter', 'The request must contain the parameter MaxCount'],
    [{ ...base, ImageId: 'ubuntu-22.04' }, 'InvalidAMIID.Malformed', 'Invalid id: "ubuntu-22.04" (expecting "ami-...")'],
    [{ ...base, ImageId: 'ami-0abc' }, 'InvalidAMIID.Malformed', 'Invalid id: "ami-0abc" (expecting "ami-...")'],
    [{ ...base, InstanceType: 't2.mikro' }, 'InvalidParameterValue', "Invalid value 't2.mikro' for InstanceType."],
    [{ ...base, MinCount: 0 }, 'InvalidParameterValue', 'Minimum instance count must be greater than zero'],
    [{ ...base, MaxCount: 0 }, 'InvalidParameterValue', 'Maximum instance count must be greater than zero'],
    [{ ...base, MinCount: 3, MaxCount: 2 }, 'InvalidParameterValue', 'Maximum instance count must not be smaller than minimum instance count'],
    [{ ...base, MetadataOptions: { HttpPutResponseHopLimit: 65 } }, 'InvalidParameterValue', 'Value (65) for parameter HttpPutResponseHopLimit is invalid. Expecting a value between 1 and 64.'],
    [{ ...base, MetadataOptions: { HttpPutResponseHopLimit: 0 } }, 'InvalidParameterValue', 'Value (0) for parameter HttpPutResponseHopLimit is invalid. Expecting a value between 1 and 64.'],
    [{ ...base, MetadataOptions: { HttpTokens: 'sometimes' } }, 'InvalidParameterValue', "Invalid value 'sometimes' for HttpTokens."],
    [{ ...base, SubnetId: 'subnet-nope' }, 'InvalidSubnetID.NotFound', "The subnet ID 'subnet-nope' does not exist"],
    [{ ...base, SecurityGroupIds: ['sg-0123456789abcdef0'] }, 'InvalidGroup.NotFound', "The security group 'sg-0123456789abcdef0' does not exist"],
    [{ ...base, TagSpecifications: [{ ResourceType: 'security-group', Tags: [{ Key: 'a', Value: 'b' }] }] }, 'InvalidParameterValue', "'security-group' is not a valid taggable resource type for this operation."],
    [{ ...base, IamInstanceProfile: { Name: 'web', Arn: PROFILE_ARN('web') } }, 'InvalidParameterCombination', 'The parameter iamInstanceProfile.name cannot be used with the parameter iamInstanceProfile.arn'],
    // The classic mistake: the role's name where the profile's belongs (there is no profile named `orphan`).
    [{ ...base, IamInstanceProfile: { Name: 'orphan' } }, 'InvalidParameterValue', 'Value (orphan) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name'],
    [{ ...base, IamInstanceProfile: { Name: 'missing' } }, 'InvalidParameterValue', 'Value (missing) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name'],
    [{ ...base, IamInstanceProfile: { Arn: PROFILE_ARN('missing') } }, 'InvalidParameterValue', `Value (${PROFILE_ARN('missing')}) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN`],
    [{ ...base, IamInstanceProfile: { Arn: 'arn:aws:iam::123456789012:role/s3access' } }, 'InvalidParameterValue', 'Value (arn:aws:iam::123456789012:role/s3access) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN'],
  ])('rejects %j with %s', (params, code, message) => {
    const sim = setup();
    expectFailure(sim, 'RunInstances', params, code, message);
    expect(sim.state.tables.instances).toEqual({});
  });

  it('does not see a new profile, or a role just added to one, until IAM has propagated', () => {
    const sim = setup({ account: timing({ profilePropagationSeconds: 5 }) });
    sim.ok('iam', 'CreateRole', { RoleName: 'late', AssumeRolePolicyDocument: EC2_TRUST });
    sim.advance(10);
    sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: 'late' });
    const params = { ImageId: AMI, MinCount: 1, MaxCount: 1, IamInstanceProfile: { Name: 'late' } };
    expectFailure(sim, 'RunInstances', params, 'InvalidParameterValue', 'Value (late) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name');
    sim.advance(5);
    sim.ok('iam', 'AddRoleToInstanceProfile', { InstanceProfileName: 'late', RoleName: 'late' });
    expectFailure(sim, 'RunInstances', params, 'InvalidParameterValue', `IAM Instance Profile "${PROFILE_ARN('late')}" has no associated IAM Roles`);
    sim.advance(5);
    expect(launchOne(sim, params).IamInstanceProfile?.Arn).toBe(PROFILE_ARN('late'));
  });

  describe('permissions', () => {
    const env = (state: SimState): OpEnv => ({ state, now: START, random: { nextUint32: () => 0 }, caller: { type: 'user' }, origin: 'cli' });
    it.each([
      [{ IamInstanceProfile: { Name: 'web' } }, [{ action: 'iam:PassRole', resource: 'arn:aws:iam::123456789012:role/s3access' }]],
      [{ IamInstanceProfile: { Arn: PROFILE_ARN('reports-profile') } }, [{ action: 'iam:PassRole', resource: 'arn:aws:iam::123456789012:role/reports' }]],
      [{ IamInstanceProfile: { Name: 'empty' } }, []],
      [{ IamInstanceProfile: { Name: 'missing' } }, []],
      [{}, []],
    ])('needs %j → %j beyond ec2:RunInstances on instance/*', (extra, permissions) => {
      const sim = setup();
      const input = { ImageId: AMI, MinCount: 1, MaxCount: 1, ...extra };
      expect(runInstances.extraPermissions?.(input, env(sim.state))).toEqual(permissions);
      expect(runInstances.resource?.(input, env(sim.state))).toBe('arn:aws:ec2:us-east-1:123456789012:instance/*');
    });
  });
});
