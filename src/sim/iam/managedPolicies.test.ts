import { describe, expect, it } from 'vitest';
import { EC2_TRUST, makeSim } from '../__tests__/harness';
import { AWS_MANAGED_POLICIES } from './awsManagedPolicies';

type Sim = ReturnType<typeof makeSim>;
type PolicyOut = Record<string, unknown>;

const S3_READ = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
const SSM_CORE = 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore';
const LAMBDA_LOGS = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';
const MINE = 'arn:aws:iam::123456789012:policy/app/uploads';
const UPLOADS = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::uploads/*' }] });

function failure(sim: Sim, operation: string, params: Record<string, unknown>): string {
  const before = JSON.stringify(sim.state);
  const error = sim.fails('iam', operation, params);
  expect(JSON.stringify(sim.state)).toBe(before);
  return `${error.code}: ${error.message}`;
}

/** Roles `web` and `batch`, and the customer managed policy `uploads` under `/app/`. */
function setup(): Sim {
  const sim = makeSim();
  sim.ok('iam', 'CreateRole', { RoleName: 'web', AssumeRolePolicyDocument: EC2_TRUST });
  sim.ok('iam', 'CreateRole', { RoleName: 'batch', Path: '/jobs/', AssumeRolePolicyDocument: EC2_TRUST });
  sim.ok('iam', 'CreatePolicy', { PolicyName: 'uploads', Path: '/app/', PolicyDocument: UPLOADS, Description: 'Lets the app upload' });
  return sim;
}

describe('CreatePolicy, GetPolicy, GetPolicyVersion, DeletePolicy', () => {
  it('creates a customer managed policy with AWS-shaped fields', () => {
    const sim = makeSim();
    const { Policy } = sim.ok<{ Policy: PolicyOut }>('iam', 'CreatePolicy', { PolicyName: 'uploads', Path: '/app/', PolicyDocument: UPLOADS, Description: 'd', Tags: [{ Key: 'team', Value: 'web' }] });
    expect(Object.keys(Policy)).toEqual(['PolicyName', 'PolicyId', 'Arn', 'Path', 'DefaultVersionId', 'AttachmentCount', 'PermissionsBoundaryUsageCount', 'IsAttachable', 'CreateDate', 'UpdateDate', 'Tags']);
    expect(Policy).toMatchObject({ PolicyName: 'uploads', Arn: MINE, Path: '/app/', DefaultVersionId: 'v1', AttachmentCount: 0, IsAttachable: true, CreateDate: '2026-01-15T09:00:00Z' });
    expect(Policy.PolicyId).toMatch(/^ANPA[A-Z0-9]{17}$/);
    const got = sim.ok<{ Policy: PolicyOut }>('iam', 'GetPolicy', { PolicyArn: MINE });
    expect(Object.keys(got.Policy)).toEqual(['PolicyName', 'PolicyId', 'Arn', 'Path', 'DefaultVersionId', 'AttachmentCount', 'PermissionsBoundaryUsageCount', 'IsAttachable', 'Description', 'CreateDate', 'UpdateDate', 'Tags']);
    expect(sim.ok('iam', 'GetPolicyVersion', { PolicyArn: MINE, VersionId: 'v1' })).toEqual({
      PolicyVersion: { Document: UPLOADS, VersionId: 'v1', IsDefaultVersion: true, CreateDate: '2026-01-15T09:00:00Z' },
    });
  });

  it('describes AWS managed policies, counting the roles they are attached to', () => {
    const sim = setup();
    sim.ok('iam', 'AttachRolePolicy', { RoleName: 'web', PolicyArn: S3_READ });
    sim.ok('iam', 'AttachRolePolicy', { RoleName: 'batch', PolicyArn: S3_READ });
    expect(sim.ok('iam', 'GetPolicy', { PolicyArn: S3_READ })).toEqual({
      Policy: {
        PolicyName: 'AmazonS3ReadOnlyAccess', PolicyId: 'ANPAIZTJ4DXE7G6AGAE6M', Arn: S3_READ, Path: '/', DefaultVersionId: 'v3',
        AttachmentCount: 2, PermissionsBoundaryUsageCount: 0, IsAttachable: true,
        Description: 'Provides read only access to all buckets via the AWS Management Console.',
        CreateDate: '2015-02-06T18:40:00Z', UpdateDate: '2023-08-10T21:31:39Z', Tags: [],
      },
    });
    const version = sim.ok<{ PolicyVersion: { Document: string; VersionId: string } }>('iam', 'GetPolicyVersion', { PolicyArn: S3_READ, VersionId: 'v3' }).PolicyVersion;
    expect([version.VersionId, JSON.parse(version.Document).Statement[0].Action[0]]).toEqual(['v3', 's3:Get*']);
  });

  it('deletes a policy once nothing uses it', () => {
    const sim = setup();
    sim.ok('iam', 'AttachRolePolicy', { RoleName: 'web', PolicyArn: MINE });
    expect(failure(sim, 'DeletePolicy', { PolicyArn: MINE })).toBe('DeleteConflict: Cannot delete a policy attached to entities.');
    sim.ok('iam', 'DetachRolePolicy', { RoleName: 'web', PolicyArn: MINE });
    expect(sim.ok('iam', 'DeletePolicy', { PolicyArn: MINE })).toEqual({});
    expect(sim.state.tables.policies).toEqual({});
  });

  it.each([
    ['CreatePolicy', { PolicyName: 'UPLOADS', PolicyDocument: UPLOADS }, 'EntityAlreadyExists: A policy called UPLOADS already exists. Duplicate names are not allowed.'],
    ['CreatePolicy', { PolicyName: 'p', PolicyDocument: 'policy.json' }, 'MalformedPolicyDocument: This policy contains invalid Json'],
    ['CreatePolicy', { PolicyName: 'p', PolicyDocument: '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}}' }, 'MalformedPolicyDocument: Policy document should not specify a principal.'],
    ['CreatePolicy', { PolicyName: 'p', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: { Sid: 'x'.repeat(6100), Effect: 'Allow', Action: 's3:*', Resource: '*' } }) }, 'LimitExceeded: Cannot exceed quota for PolicySize: 6144'],
    ['CreatePolicy', { PolicyName: 'p', PolicyDocument: UPLOADS, Tags: [{ Key: 'a', Value: '' }, { Key: 'a', Value: '' }] }, 'InvalidInput: Duplicate tag keys found. Please note that Tag keys are case insensitive.'],
    ['GetPolicy', { PolicyArn: 'arn:aws:iam::123456789012:policy/none' }, 'NoSuchEntity: Policy arn:aws:iam::123456789012:policy/none was not found.'],
    ['GetPolicyVersion', { PolicyArn: S3_READ, VersionId: 'v1' }, `NoSuchEntity: Policy ${S3_READ} version v1 does not exist or is not attachable.`],
    ['GetPolicyVersion', { PolicyArn: MINE, VersionId: 'one' }, "ValidationError: 1 validation error detected: Value 'one' at 'versionId' failed to satisfy constraint: Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?"],
    ['DeletePolicy', { PolicyArn: 'arn:aws:iam::123456789012:policy/none' }, 'NoSuchEntity: Policy arn:aws:iam::123456789012:policy/none was not found.'],
    ['DeletePolicy', { PolicyArn: S3_READ }, `NoSuchEntity: Policy ${S3_READ} was not found.`],
  ])('%s %j fails', (operation, params, expected) => {
    expect(failure(setup(), operation, params)).toBe(expected);
  });
});

describe('AttachRolePolicy, DetachRolePolicy, ListAttachedRolePolicies, ListEntitiesForPolicy', () => {
  it('attaches in order, ignores a second attach, and detaches', () => {
    const sim = setup();
    for (const arn of [SSM_CORE, MINE, SSM_CORE, LAMBDA_LOGS]) expect(sim.ok('iam', 'AttachRolePolicy', { RoleName: 'web', PolicyArn: arn })).toEqual({});
    expect(sim.ok('iam', 'ListAttachedRolePolicies', { RoleName: 'web' })).toEqual({
      AttachedPolicies: [
        { PolicyName: 'AmazonSSMManagedInstanceCore', PolicyArn: SSM_CORE },
        { PolicyName: 'uploads', PolicyArn: MINE },
        { PolicyName: 'AWSLambdaBasicExecutionRole', PolicyArn: LAMBDA_LOGS },
      ],
      IsTruncated: false,
    });
    expect(sim.ok('iam', 'ListAttachedRolePolicies', { RoleName: 'web', PathPrefix: '/service-role/' })).toEqual({
      AttachedPolicies: [{ PolicyName: 'AWSLambdaBasicExecutionRole', PolicyArn: LAMBDA_LOGS }],
      IsTruncated: false,
    });
    const first = sim.ok<{ AttachedPolicies: unknown[]; Marker: string }>('iam', 'ListAttachedRolePolicies', { RoleName: 'web', MaxItems: 2 });
    expect(sim.ok('iam', 'ListAttachedRolePolicies', { RoleName: 'web', Marker: first.Marker })).toEqual({
      AttachedPolicies: [{ PolicyName: 'AWSLambdaBasicExecutionRole', PolicyArn: LAMBDA_LOGS }],
      IsTruncated: false,
    });
    expect(sim.ok('iam', 'DetachRolePolicy', { RoleName: 'web', PolicyArn: MINE })).toEqual({});
    expect(sim.state.tables.roles.web?.attachedPolicyArns).toEqual([SSM_CORE, LAMBDA_LOGS]);
  });

  it('allows ten managed policies per role, and re-attaching one of them', () => {
    const sim = setup();
    const arns = [MINE, ...AWS_MANAGED_POLICIES.map((p) => p.Arn)];
    for (const arn of arns.slice(0, 10)) sim.ok('iam', 'AttachRolePolicy', { RoleName: 'web', PolicyArn: arn });
    sim.ok('iam', 'AttachRolePolicy', { RoleName: 'web', PolicyArn: MINE });
    sim.ok('iam', 'CreatePolicy', { PolicyName: 'eleventh', PolicyDocument: UPLOADS });
    expect(failure(sim, 'AttachRolePolicy', { RoleName: 'web', PolicyArn: 'arn:aws:iam::123456789012:policy/eleventh' })).toBe('LimitExceeded: Cannot exceed quota for PoliciesPerRole: 10');
  });

  it('lists the roles a policy is attached to', () => {
    const sim = setup();
    sim.ok('iam', 'AttachRolePolicy', { RoleName: 'web', PolicyArn: S3_READ });
    sim.ok('iam', 'AttachRolePolicy', { RoleName: 'batch', PolicyArn: S3_READ });
    const web = sim.state.tables.roles.web?.RoleId;
    const batch = sim.state.tables.roles.batch?.RoleId;
    expect(sim.ok('iam', 'ListEntitiesForPolicy', { PolicyArn: S3_READ })).toEqual({
      PolicyGroups: [], PolicyUsers: [], PolicyRoles: [{ RoleName: 'batch', RoleId: batch }, { RoleName: 'web', RoleId: web }], IsTruncated: false,
    });
    expect(sim.ok<{ PolicyRoles: unknown[] }>('iam', 'ListEntitiesForPolicy', { PolicyArn: S3_READ, PathPrefix: '/jobs/' }).PolicyRoles).toEqual([{ RoleName: 'batch', RoleId: batch }]);
    expect(sim.ok<{ PolicyRoles: unknown[] }>('iam', 'ListEntitiesForPolicy', { PolicyArn: S3_READ, EntityFilter: 'User' }).PolicyRoles).toEqual([]);
    expect(sim.ok<{ PolicyRoles: unknown[] }>('iam', 'ListEntitiesForPolicy', { PolicyArn: MINE }).PolicyRoles).toEqual([]);
  });

  it.each([
    ['AttachRolePolicy', { RoleName: 'web', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3FullAcces' }, 'NoSuchEntity: Policy arn:aws:iam::aws:policy/AmazonS3FullAcces does not exist or is not attachable.'],
    ['AttachRolePolicy', { RoleName: 'nope', PolicyArn: S3_READ }, 'NoSuchEntity: The role with name nope cannot be found.'],
    ['AttachRolePolicy', { RoleName: 'web', PolicyArn: 'short' }, "ValidationError: 1 validation error detected: Value 'short' at 'policyArn' failed to satisfy constraint: Member must have length greater than or equal to 20"],
    ['DetachRolePolicy', { RoleName: 'web', PolicyArn: S3_READ }, `NoSuchEntity: Policy ${S3_READ} was not found.`],
    ['DetachRolePolicy', { RoleName: 'web', PolicyArn: 'arn:aws:iam::123456789012:policy/none' }, 'NoSuchEntity: Policy arn:aws:iam::123456789012:policy/none was not found.'],
    ['DetachRolePolicy', { RoleName: 'nope', PolicyArn: S3_READ }, 'NoSuchEntity: The role with name nope cannot be found.'],
    ['ListAttachedRolePolicies', { RoleName: 'nope' }, 'NoSuchEntity: The role with name nope cannot be found.'],
    ['ListAttachedRolePolicies', { RoleName: 'web', Marker: 'bm9uZQ==' }, 'ValidationError: Invalid Marker.'],
    ['ListEntitiesForPolicy', { PolicyArn: 'arn:aws:iam::123456789012:policy/none' }, 'NoSuchEntity: Policy arn:aws:iam::123456789012:policy/none was not found.'],
  ])('%s %j fails', (operation, params, expected) => {
    expect(failure(setup(), operation, params)).toBe(expected);
  });
});

describe('ListPolicies', () => {
  const names = (response: { Policies: PolicyOut[] }) => response.Policies.map((p) => p.PolicyName);

  it('lists AWS and customer policies by name, without Description or Tags', () => {
    const sim = setup();
    const all = sim.ok<{ Policies: PolicyOut[]; IsTruncated: boolean }>('iam', 'ListPolicies');
    expect(names(all)).toEqual([...AWS_MANAGED_POLICIES.map((p) => p.PolicyName), 'uploads'].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(Object.keys(all.Policies[0] ?? {})).toEqual(['PolicyName', 'PolicyId', 'Arn', 'Path', 'DefaultVersionId', 'AttachmentCount', 'PermissionsBoundaryUsageCount', 'IsAttachable', 'CreateDate', 'UpdateDate']);
    expect(all.IsTruncated).toBe(false);
  });

  it('filters by scope, attachment, path and usage', () => {
    const sim = setup();
    sim.ok('iam', 'AttachRolePolicy', { RoleName: 'web', PolicyArn: SSM_CORE });
    sim.ok('iam', 'AttachRolePolicy', { RoleName: 'web', PolicyArn: MINE });
    expect(names(sim.ok('iam', 'ListPolicies', { Scope: 'Local' }))).toEqual(['uploads']);
    expect(names(sim.ok('iam', 'ListPolicies', { Scope: 'AWS' }))).not.toContain('uploads');
    expect(names(sim.ok('iam', 'ListPolicies', { OnlyAttached: true }))).toEqual(['AmazonSSMManagedInstanceCore', 'uploads']);
    expect(names(sim.ok('iam', 'ListPolicies', { Scope: 'AWS', OnlyAttached: true }))).toEqual(['AmazonSSMManagedInstanceCore']);
    expect(names(sim.ok('iam', 'ListPolicies', { PathPrefix: '/service-role/' }))).toEqual(['AWSLambdaBasicExecutionRole']);
    expect(names(sim.ok('iam', 'ListPolicies', { PolicyUsageFilter: 'PermissionsBoundary' }))).toEqual([]);
    const attached = sim.ok<{ Policies: PolicyOut[] }>('iam', 'ListPolicies', { Scope: 'Local' }).Policies[0];
    expect(attached?.AttachmentCount).toBe(1);
  });

  it('pages through every policy exactly once', () => {
    const sim = setup();
    const seen: unknown[] = [];
    let marker: string | undefined;
    do {
      const page = sim.ok<{ Policies: PolicyOut[]; Marker?: string }>('iam', 'ListPolicies', { MaxItems: 3, ...(marker ? { Marker: marker } : {}) });
      seen.push(...names(page));
      marker = page.Marker;
    } while (marker);
    expect(seen).toEqual(names(sim.ok('iam', 'ListPolicies')));
  });

  it.each([
    [{ Scope: 'Mine' }, "ValidationError: 1 validation error detected: Value 'Mine' at 'scope' failed to satisfy constraint: Member must satisfy enum value set: [All, AWS, Local]"],
    [{ Marker: '%%%' }, 'ValidationError: Invalid Marker.'],
  ])('rejects %j', (params, expected) => {
    expect(failure(setup(), 'ListPolicies', params)).toBe(expected);
  });
});
