import { describe, expect, it } from 'vitest';
import { VERSION_TEXT } from './globals';
import type { CliGlobals, ParsedCommand } from './types';
import { ACCESS_POLICY, CLIENT_TOKEN, TRUST_POLICY, parse, usageError } from './__tests__/context';

/**
 * Every `aws …` line of the seed documents and of the spec, as the shell hands it over
 * (quotes removed; the seeds' one-line copies of multi-line commands without their `\`).
 * Expected requests were checked against the AWS CLI's own parser.
 */
const G: CliGlobals = {
  debug: false,
  paginate: true,
  verifySsl: true,
  signRequest: true,
  cliPager: true,
  color: 'auto',
  autoPrompt: 'off',
  errorFormat: 'enhanced',
};
const out = (output: CliGlobals['output']): CliGlobals => ({ ...G, output });

const call = (service: string, operation: string, params: object, globals: CliGlobals = G, pagination?: object): ParsedCommand =>
  ({ kind: 'call', service, operation, params, globals, ...(pagination ? { pagination } : {}) }) as ParsedCommand;
const wait = (service: string, waiter: string, operation: string, params: object): ParsedCommand =>
  ({ kind: 'wait', service, waiter, operation, params, globals: G }) as ParsedCommand;

const ROLE_ARN = 'arn:aws:iam::351611181035:role/SSMManagedInstanceCore';
const PROFILE_ARN = 'arn:aws:iam::XXXXXXXXXXXX:instance-profile/SSMManagedInstanceCore';
const ARN_QUERY = 'Reservations[].Instances[].IamInstanceProfile.Arn';
const COLUMNS_QUERY = 'Reservations[].Instances[].[InstanceId,InstanceType,State.Name]';

describe('seed documents', () => {
  it.each<[string, string[], ParsedCommand]>([
    ['000 list profiles', ['iam', 'list-instance-profiles'], call('iam', 'ListInstanceProfiles', {}, G, {})],
    ['000 create profile', ['iam', 'create-instance-profile', '--instance-profile-name', 'sample-profile'], call('iam', 'CreateInstanceProfile', { InstanceProfileName: 'sample-profile' })],
    ['001 profile ARNs', ['ec2', 'describe-instances', '--query', ARN_QUERY], call('ec2', 'DescribeInstances', {}, { ...G, query: ARN_QUERY }, {})],
    ['002 create profile', ['iam', 'create-instance-profile', '--instance-profile-name', 'test-profile-1113'], call('iam', 'CreateInstanceProfile', { InstanceProfileName: 'test-profile-1113' })],
    [
      '002 add an EKS role',
      ['iam', 'add-role-to-instance-profile', '--instance-profile-name', 'test-profile-1113', '--role-name', 'test-eks-role'],
      call('iam', 'AddRoleToInstanceProfile', { InstanceProfileName: 'test-profile-1113', RoleName: 'test-eks-role' }),
    ],
    ['002 delete profile', ['iam', 'delete-instance-profile', '--instance-profile-name', 'test-profile-1113'], call('iam', 'DeleteInstanceProfile', { InstanceProfileName: 'test-profile-1113' })],
    ['002 delete role', ['iam', 'delete-role', '--role-name', 'test-profile-1113'], call('iam', 'DeleteRole', { RoleName: 'test-profile-1113' })],
    [
      '002 remove role',
      ['iam', 'remove-role-from-instance-profile', '--instance-profile-name', 'test-profile-1113', '--role-name', 'test-dynamodb-role'],
      call('iam', 'RemoveRoleFromInstanceProfile', { InstanceProfileName: 'test-profile-1113', RoleName: 'test-dynamodb-role' }),
    ],
    [
      '002 tag role',
      ['iam', 'tag-role', '--role-name', 'SSMManagedInstanceCore', '--tags', 'Key=test,Value=role-tag'],
      call('iam', 'TagRole', { RoleName: 'SSMManagedInstanceCore', Tags: [{ Key: 'test', Value: 'role-tag' }] }),
    ],
    [
      '002 tag role through the tagging API',
      ['resourcegroupstaggingapi', 'tag-resources', '--resource-arn-list', ROLE_ARN, '--tags', 'test=role-tag'],
      call('resourcegroupstaggingapi', 'TagResources', { ResourceARNList: [ROLE_ARN], Tags: { test: 'role-tag' } }),
    ],
    [
      '002 tag profile',
      ['iam', 'tag-instance-profile', '--instance-profile-name', 'SSMManagedInstanceCore', '--tags', 'Key=test2,Value=Instanceprofile-tag'],
      call('iam', 'TagInstanceProfile', { InstanceProfileName: 'SSMManagedInstanceCore', Tags: [{ Key: 'test2', Value: 'Instanceprofile-tag' }] }),
    ],
    [
      '002 tag profile through the tagging API',
      ['resourcegroupstaggingapi', 'tag-resources', '--resource-arn-list', PROFILE_ARN, '--tags', 'test2=Instanceprofile'],
      call('resourcegroupstaggingapi', 'TagResources', { ResourceARNList: [PROFILE_ARN], Tags: { test2: 'Instanceprofile' } }),
    ],
    [
      '004 create role from a file',
      ['iam', 'create-role', '--role-name', 's3access', '--assume-role-policy-document', 'file://ec2-role-trust-policy.json'],
      call('iam', 'CreateRole', { RoleName: 's3access', AssumeRolePolicyDocument: TRUST_POLICY }),
    ],
    [
      '004 inline policy from a file',
      ['iam', 'put-role-policy', '--role-name', 's3access', '--policy-name', 'S3-Permissions', '--policy-document', 'file://ec2-role-access-policy.json'],
      call('iam', 'PutRolePolicy', { RoleName: 's3access', PolicyName: 'S3-Permissions', PolicyDocument: ACCESS_POLICY }),
    ],
    ['004 create profile', ['iam', 'create-instance-profile', '--instance-profile-name', 's3access-profile'], call('iam', 'CreateInstanceProfile', { InstanceProfileName: 's3access-profile' })],
    [
      '004 add role',
      ['iam', 'add-role-to-instance-profile', '--instance-profile-name', 's3access-profile', '--role-name', 's3access'],
      call('iam', 'AddRoleToInstanceProfile', { InstanceProfileName: 's3access-profile', RoleName: 's3access' }),
    ],
    [
      '004 launch with a profile',
      ['ec2', 'run-instances', '--image-id', 'ami-11aa22bb', '--iam-instance-profile', 'Name=s3access-profile', '--key-name', 'my-key-pair', '--security-groups', 'my-security-group', '--subnet-id', 'subnet-1a2b3c4d'],
      call('ec2', 'RunInstances', {
        ImageId: 'ami-11aa22bb',
        KeyName: 'my-key-pair',
        SecurityGroups: ['my-security-group'],
        SubnetId: 'subnet-1a2b3c4d',
        IamInstanceProfile: { Name: 's3access-profile' },
        MaxCount: 1,
        MinCount: 1,
        ClientToken: CLIENT_TOKEN,
      }),
    ],
    ['004 describe instances', ['ec2', 'describe-instances'], call('ec2', 'DescribeInstances', {}, G, {})],
    [
      '004 attach',
      ['ec2', 'associate-iam-instance-profile', '--instance-id', 'i-1234567890abcdef0', '--iam-instance-profile', 'Name=TestRole-1'],
      call('ec2', 'AssociateIamInstanceProfile', { IamInstanceProfile: { Name: 'TestRole-1' }, InstanceId: 'i-1234567890abcdef0' }),
    ],
    ['004 list associations', ['ec2', 'describe-iam-instance-profile-associations'], call('ec2', 'DescribeIamInstanceProfileAssociations', {}, G, {})],
    [
      '004 replace',
      ['ec2', 'replace-iam-instance-profile-association', '--association-id', 'iip-assoc-0044d817db6c0a4ba', '--iam-instance-profile', 'Name=TestRole-2'],
      call('ec2', 'ReplaceIamInstanceProfileAssociation', { IamInstanceProfile: { Name: 'TestRole-2' }, AssociationId: 'iip-assoc-0044d817db6c0a4ba' }),
    ],
    [
      '004 detach',
      ['ec2', 'disassociate-iam-instance-profile', '--association-id', 'iip-assoc-0044d817db6c0a4ba'],
      call('ec2', 'DisassociateIamInstanceProfile', { AssociationId: 'iip-assoc-0044d817db6c0a4ba' }),
    ],
  ])('%s', (_name, argv, expected) => {
    expect(parse(argv)).toEqual(expected);
  });
});

describe('spec: recorded output layouts', () => {
  const formats = ['table', 'text', 'yaml'] as const;
  it.each<[string[], string, string, object, boolean]>([
    [['iam', 'get-instance-profile', '--instance-profile-name', 's3access-profile'], 'iam', 'GetInstanceProfile', { InstanceProfileName: 's3access-profile' }, false],
    [['iam', 'list-instance-profiles'], 'iam', 'ListInstanceProfiles', {}, true],
    [['iam', 'list-instance-profiles-for-role', '--role-name', 's3access'], 'iam', 'ListInstanceProfilesForRole', { RoleName: 's3access' }, true],
    [['iam', 'list-roles'], 'iam', 'ListRoles', {}, true],
    [['iam', 'list-role-tags', '--role-name', 's3access'], 'iam', 'ListRoleTags', { RoleName: 's3access' }, true],
    [['ec2', 'describe-iam-instance-profile-associations'], 'ec2', 'DescribeIamInstanceProfileAssociations', {}, true],
    [['ec2', 'describe-instances', '--instance-ids', 'i-7f33e8ca8ca0d972c'], 'ec2', 'DescribeInstances', { InstanceIds: ['i-7f33e8ca8ca0d972c'] }, true],
  ])('%j', (argv, service, operation, params, paginated) => {
    for (const format of formats) {
      expect(parse([...argv, '--output', format])).toEqual(call(service, operation, params, out(format), paginated ? {} : undefined));
    }
  });

  it.each([ARN_QUERY, COLUMNS_QUERY])('describe-instances --query %s', (query) => {
    for (const format of ['table', 'text', 'yaml'] as const) {
      expect(parse(['ec2', 'describe-instances', '--query', query, '--output', format])).toEqual(call('ec2', 'DescribeInstances', {}, { ...out(format), query }, {}));
    }
  });
});

describe('spec: waiters, help, version', () => {
  it.each<[string[], ParsedCommand]>([
    [['iam', 'wait', 'instance-profile-exists', '--instance-profile-name', 's3access-profile'], wait('iam', 'InstanceProfileExists', 'GetInstanceProfile', { InstanceProfileName: 's3access-profile' })],
    [['iam', 'wait', 'role-exists', '--role-name', 's3access'], wait('iam', 'RoleExists', 'GetRole', { RoleName: 's3access' })],
    [['ec2', 'wait', 'instance-running', '--instance-ids', 'i-1'], wait('ec2', 'InstanceRunning', 'DescribeInstances', { InstanceIds: ['i-1'] })],
    [['ec2', 'wait', 'instance-stopped', '--instance-ids', 'i-1', 'i-2'], wait('ec2', 'InstanceStopped', 'DescribeInstances', { InstanceIds: ['i-1', 'i-2'] })],
    [['ec2', 'wait', 'instance-terminated', '--instance-ids', 'i-1'], wait('ec2', 'InstanceTerminated', 'DescribeInstances', { InstanceIds: ['i-1'] })],
    [['ec2', 'wait', 'instance-exists', '--instance-ids', 'i-1'], wait('ec2', 'InstanceExists', 'DescribeInstances', { InstanceIds: ['i-1'] })],
    [
      ['ec2', 'wait', 'instance-running', '--filters', 'Name=tag:Name,Values=web'],
      wait('ec2', 'InstanceRunning', 'DescribeInstances', { Filters: [{ Name: 'tag:Name', Values: ['web'] }] }),
    ],
    [['iam', 'wait', 'instance-profile-exists'], { kind: 'error', ...usageError('the following arguments are required: --instance-profile-name') }],
    [['help'], { kind: 'help', topic: { level: 'aws' } }],
    [['help', 'topics'], { kind: 'help', topic: { level: 'aws', topic: 'topics' } }],
    [['iam', 'help'], { kind: 'help', topic: { level: 'service', service: 'iam' } }],
    [['iam', 'create-role', 'help'], { kind: 'help', topic: { level: 'operation', service: 'iam', operation: 'CreateRole' } }],
    [['iam', 'get-role', '--role-name', 'x', 'help'], { kind: 'help', topic: { level: 'operation', service: 'iam', operation: 'GetRole' } }],
    [['ec2', 'wait', 'help'], { kind: 'help', topic: { level: 'wait', service: 'ec2' } }],
    [['ec2', 'wait', 'instance-running', 'help'], { kind: 'help', topic: { level: 'waiter', service: 'ec2', waiter: 'instance-running' } }],
    [['--version'], { kind: 'version', text: VERSION_TEXT }],
    [['iam', 'list-roles', '--version'], { kind: 'version', text: VERSION_TEXT }],
    [['sts', 'get-caller-identity'], call('sts', 'GetCallerIdentity', {})],
    // Not among IAM Lab's STS operations, so the CLI here does not know it.
    [['sts', 'decode-authorization-message', '--encoded-message', 'x'], { kind: 'error', ...usageError("argument operation: Found invalid choice 'decode-authorization-message'") }],
  ])('%j', (argv, expected) => {
    expect(parse(argv)).toEqual(expected);
  });
});

describe('spec: examples in the text (§1.3, §4.3, §9)', () => {
  const runInstances = (extra: object) => ({ ImageId: 'ami-1', ...extra, MaxCount: 1, MinCount: 1, ClientToken: CLIENT_TOKEN });
  it.each<[string[], ParsedCommand]>([
    [['iam', 'get-role', '--role', 'X'], call('iam', 'GetRole', { RoleName: 'X' })],
    [['ec2', 'run-instances', '--image-id', 'ami-1', '--iam-instance-profile', 'Name=foo'], call('ec2', 'RunInstances', runInstances({ IamInstanceProfile: { Name: 'foo' } }))],
    [
      ['ec2', 'run-instances', '--image-id', 'ami-1', '--iam-instance-profile', 'Arn=arn:aws:iam::123456789012:instance-profile/foo'],
      call('ec2', 'RunInstances', runInstances({ IamInstanceProfile: { Arn: 'arn:aws:iam::123456789012:instance-profile/foo' } })),
    ],
    [
      ['ec2', 'run-instances', '--image-id', 'ami-1', '--metadata-options', 'HttpTokens=required,HttpPutResponseHopLimit=2,HttpEndpoint=enabled'],
      call('ec2', 'RunInstances', runInstances({ MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 2, HttpEndpoint: 'enabled' } })),
    ],
    [['iam', 'tag-role', '--role-name', 'r', '--tags', 'Key=a,Value=b', 'Key=c,Value=d'], call('iam', 'TagRole', { RoleName: 'r', Tags: [{ Key: 'a', Value: 'b' }, { Key: 'c', Value: 'd' }] })],
    [['iam', 'tag-role', '--role-name', 'r', '--tags', '[{"Key":"a","Value":"b"}]'], call('iam', 'TagRole', { RoleName: 'r', Tags: [{ Key: 'a', Value: 'b' }] })],
    [
      ['resourcegroupstaggingapi', 'tag-resources', '--resource-arn-list', 'arn:aws:iam::123456789012:role/r', '--tags', 'team=web,env=dev'],
      call('resourcegroupstaggingapi', 'TagResources', { ResourceARNList: ['arn:aws:iam::123456789012:role/r'], Tags: { team: 'web', env: 'dev' } }),
    ],
    [
      ['resourcegroupstaggingapi', 'untag-resources', '--resource-arn-list', 'arn:aws:iam::123456789012:role/r', '--tag-keys', 'k1', 'k2'],
      call('resourcegroupstaggingapi', 'UntagResources', { ResourceARNList: ['arn:aws:iam::123456789012:role/r'], TagKeys: ['k1', 'k2'] }),
    ],
    [
      ['resourcegroupstaggingapi', 'get-resources', '--tag-filters', 'Key=k,Values=v1,v2', '--resource-type-filters', 'ec2:instance'],
      call('resourcegroupstaggingapi', 'GetResources', { TagFilters: [{ Key: 'k', Values: ['v1', 'v2'] }], ResourceTypeFilters: ['ec2:instance'] }, G, {}),
    ],
    [
      ['resourcegroupstaggingapi', 'get-resources', '--resource-arn-list', 'arn:aws:iam::1:role/a', 'arn:aws:iam::1:role/b'],
      call('resourcegroupstaggingapi', 'GetResources', { ResourceARNList: ['arn:aws:iam::1:role/a', 'arn:aws:iam::1:role/b'] }, G, {}),
    ],
    [['iam', 'list-roles', '--no-paginate'], call('iam', 'ListRoles', {}, { ...G, paginate: false })],
    [['iam', 'list-roles', '--max-items', '2'], call('iam', 'ListRoles', {}, G, { maxItems: 2 })],
    [['ec2', 'run-instances', '--image-id', 'ami-1', '--dry-run'], call('ec2', 'RunInstances', runInstances({ DryRun: true }))],
    [['ec2', 'describe-instances', '--dry-run'], call('ec2', 'DescribeInstances', { DryRun: true }, G, {})],
    [['ec2', 'start-instances', '--instance-ids', 'i-1', '--dry-run'], call('ec2', 'StartInstances', { InstanceIds: ['i-1'], DryRun: true })],
    [['ec2', 'stop-instances', '--instance-ids', 'i-1', '--dry-run'], call('ec2', 'StopInstances', { InstanceIds: ['i-1'], DryRun: true })],
    [['ec2', 'terminate-instances', '--instance-ids', 'i-1', '--dry-run'], call('ec2', 'TerminateInstances', { InstanceIds: ['i-1'], DryRun: true })],
    [
      ['iam', 'list-roles', '--query', 'Roles[?RoleName==`x`'],
      { kind: 'error', exitCode: 252, stderr: '\naws: [ERROR]: An error occurred (ParamValidation): Bad value for --query Roles[?RoleName==`x`: Invalid jmespath expression: Incomplete expression:\n"Roles[?RoleName==`x`"\n                     ^\n' },
    ],
  ])('%j', (argv, expected) => {
    expect(parse(argv)).toEqual(expected);
  });
});
