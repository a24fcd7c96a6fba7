import { describe, expect, it } from 'vitest';
import { EC2_TRUST, makeSim } from '../__tests__/harness';
import { nameKey, type RoleRecord, type SimState } from '../core/state';

type Sim = ReturnType<typeof makeSim>;
type RoleOut = Record<string, unknown>;

const TRUST_LAMBDA = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const S3_READ = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';

/** Runs a request that must fail, checks it changed nothing, and returns `code: message`. */
function failure(sim: Sim, operation: string, params: Record<string, unknown>): string {
  const before = JSON.stringify(sim.state);
  const error = sim.fails('iam', operation, params);
  expect(JSON.stringify(sim.state)).toBe(before);
  return `${error.code}: ${error.message}`;
}

function simWithRole(name = 'web'): Sim {
  const sim = makeSim();
  sim.ok('iam', 'CreateRole', { RoleName: name, AssumeRolePolicyDocument: EC2_TRUST });
  return sim;
}

/** Fills the roles table directly: the account quota keeps CreateRole below these sizes. */
function addRoles(state: SimState, names: string[]): void {
  for (const name of names) {
    const role: RoleRecord = {
      Path: name.startsWith('app') ? '/app/' : '/',
      RoleName: name,
      RoleId: `AROA${name.toUpperCase().padEnd(17, 'X').slice(0, 17)}`,
      Arn: `arn:aws:iam::123456789012:role/${name}`,
      CreateDate: '2026-01-01T00:00:00Z',
      AssumeRolePolicyDocument: EC2_TRUST,
      MaxSessionDuration: 3600,
      Tags: [],
      RoleLastUsed: {},
      inlinePolicies: {},
      attachedPolicyArns: [],
    };
    state.tables.roles[nameKey(name)] = role;
  }
}

describe('CreateRole and GetRole', () => {
  it('creates a role with AWS-shaped fields and returns it without RoleLastUsed', () => {
    const sim = makeSim();
    const { Role } = sim.ok<{ Role: RoleOut }>('iam', 'CreateRole', { RoleName: 's3access', AssumeRolePolicyDocument: EC2_TRUST });
    expect(Object.keys(Role)).toEqual(['Path', 'RoleName', 'RoleId', 'Arn', 'CreateDate', 'AssumeRolePolicyDocument']);
    expect(Role.Arn).toBe('arn:aws:iam::123456789012:role/s3access');
    expect(Role.RoleId).toMatch(/^AROA[A-Z0-9]{17}$/);
    expect(Role.CreateDate).toBe('2026-01-15T09:00:00Z');
    const got = sim.ok<{ Role: RoleOut }>('iam', 'GetRole', { RoleName: 'S3ACCESS' });
    expect(Object.keys(got.Role)).toEqual(['Path', 'RoleName', 'RoleId', 'Arn', 'CreateDate', 'AssumeRolePolicyDocument', 'MaxSessionDuration', 'RoleLastUsed']);
    expect(got.Role.MaxSessionDuration).toBe(3600);
    expect(got.Role.RoleLastUsed).toEqual({});
  });

  it('keeps the path, description, session duration and tags it was given', () => {
    const sim = makeSim();
    const tags = [{ Key: 'team', Value: 'web' }];
    const { Role } = sim.ok<{ Role: RoleOut }>('iam', 'CreateRole', {
      RoleName: 'RDSAccess', Path: '/application_abc/component_xyz/', AssumeRolePolicyDocument: EC2_TRUST,
      Description: 'Allows EC2 instances to call AWS services on your behalf.', MaxSessionDuration: 43200, Tags: tags,
    });
    expect(Object.keys(Role)).toEqual(['Path', 'RoleName', 'RoleId', 'Arn', 'CreateDate', 'AssumeRolePolicyDocument', 'Description', 'Tags']);
    expect(Role.Arn).toBe('arn:aws:iam::123456789012:role/application_abc/component_xyz/RDSAccess');
    const got = sim.ok<{ Role: RoleOut }>('iam', 'GetRole', { RoleName: 'rdsaccess' });
    expect([got.Role.MaxSessionDuration, got.Role.Tags, got.Role.Description]).toEqual([43200, tags, 'Allows EC2 instances to call AWS services on your behalf.']);
  });

  it('accepts a trust policy naming an existing role of the account', () => {
    const sim = simWithRole('admin');
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:role/admin' }, Action: 'sts:AssumeRole' }] });
    expect(sim.ok<{ Role: RoleOut }>('iam', 'CreateRole', { RoleName: 'delegate', AssumeRolePolicyDocument: trust }).Role.RoleName).toBe('delegate');
  });

  const bigTrust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'x'.repeat(2000), Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
  it.each([
    [{ RoleName: 'dup', AssumeRolePolicyDocument: EC2_TRUST }, 'EntityAlreadyExists: Role with name dup already exists.'],
    [{ RoleName: 'bad name!', AssumeRolePolicyDocument: EC2_TRUST }, 'ValidationError: The specified value for roleName is invalid. It must contain only alphanumeric characters and/or the following: +=,.@_-'],
    [{ RoleName: 'x'.repeat(65), AssumeRolePolicyDocument: EC2_TRUST }, `ValidationError: 1 validation error detected: Value '${'x'.repeat(65)}' at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64`],
    [{ RoleName: 'r', Path: 'app', AssumeRolePolicyDocument: EC2_TRUST }, 'ValidationError: The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.'],
    [{ RoleName: 'r', MaxSessionDuration: 60, AssumeRolePolicyDocument: EC2_TRUST }, "ValidationError: 1 validation error detected: Value '60' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600"],
    [{ RoleName: 'r', MaxSessionDuration: 43201, AssumeRolePolicyDocument: EC2_TRUST }, "ValidationError: 1 validation error detected: Value '43201' at 'maxSessionDuration' failed to satisfy constraint: Member must have value less than or equal to 43200"],
    [{ RoleName: 'r', AssumeRolePolicyDocument: 'ec2-role-trust-policy.json' }, 'MalformedPolicyDocument: This policy contains invalid Json'],
    [{ RoleName: 'r', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.co' }, Action: 'sts:AssumeRole' }] }) }, 'MalformedPolicyDocument: Invalid principal in policy: "SERVICE":"ec2.amazonaws.co"'],
    [{ RoleName: 'r', AssumeRolePolicyDocument: bigTrust }, 'LimitExceeded: Cannot exceed quota for ACLSizePerRole: 2048'],
    [{ RoleName: 'r', AssumeRolePolicyDocument: EC2_TRUST, Tags: [{ Key: 'a', Value: '1' }, { Key: 'A', Value: '2' }] }, 'InvalidInput: Duplicate tag keys found. Please note that Tag keys are case insensitive.'],
  ])('rejects %j', (params, expected) => {
    expect(failure(simWithRole('DUP'), 'CreateRole', params)).toBe(expected);
  });

  it('counts roles against the account quota', () => {
    const sim = makeSim({ account: { quotas: { rolesPerAccount: 2, instanceProfilesPerAccount: 1000 } } });
    sim.ok('iam', 'CreateRole', { RoleName: 'a', AssumeRolePolicyDocument: EC2_TRUST });
    sim.ok('iam', 'CreateRole', { RoleName: 'b', AssumeRolePolicyDocument: EC2_TRUST });
    expect(failure(sim, 'CreateRole', { RoleName: 'c', AssumeRolePolicyDocument: EC2_TRUST })).toBe('LimitExceeded: Cannot exceed quota for RolesPerAccount: 2');
    expect(makeSim().state.account.quotas.rolesPerAccount).toBe(1000);
  });

  it('reports a missing role as NoSuchEntity', () => {
    const error = makeSim().fails('iam', 'GetRole', { RoleName: 'missing' });
    expect([error.code, error.message, error.httpStatus]).toEqual(['NoSuchEntity', 'The role with name missing cannot be found.', 404]);
  });

  it('does not mistake names of built-in object properties for roles', () => {
    const sim = makeSim();
    expect(failure(sim, 'GetRole', { RoleName: 'constructor' })).toBe('NoSuchEntity: The role with name constructor cannot be found.');
    expect(sim.ok<{ Role: RoleOut }>('iam', 'CreateRole', { RoleName: 'constructor', AssumeRolePolicyDocument: EC2_TRUST }).Role.RoleName).toBe('constructor');
  });
});

describe('UpdateRole and UpdateAssumeRolePolicy', () => {
  it('changes the description and the session duration, answering with nothing', () => {
    const sim = simWithRole();
    expect(sim.ok('iam', 'UpdateRole', { RoleName: 'web', Description: 'web servers', MaxSessionDuration: 7200 })).toEqual({});
    const { Role } = sim.ok<{ Role: RoleOut }>('iam', 'GetRole', { RoleName: 'web' });
    expect([Role.Description, Role.MaxSessionDuration]).toEqual(['web servers', 7200]);
    sim.ok('iam', 'UpdateRole', { RoleName: 'web' });
    expect(sim.ok<{ Role: RoleOut }>('iam', 'GetRole', { RoleName: 'web' }).Role.MaxSessionDuration).toBe(7200);
  });

  it('replaces the trust policy', () => {
    const sim = simWithRole();
    expect(sim.ok('iam', 'UpdateAssumeRolePolicy', { RoleName: 'web', PolicyDocument: TRUST_LAMBDA })).toEqual({});
    expect(sim.ok<{ Role: RoleOut }>('iam', 'GetRole', { RoleName: 'web' }).Role.AssumeRolePolicyDocument).toBe(TRUST_LAMBDA);
  });

  it.each([
    ['UpdateRole', { RoleName: 'nope' }, 'NoSuchEntity: The role with name nope cannot be found.'],
    ['UpdateRole', { RoleName: 'web', MaxSessionDuration: 50000 }, "ValidationError: 1 validation error detected: Value '50000' at 'maxSessionDuration' failed to satisfy constraint: Member must have value less than or equal to 43200"],
    ['UpdateAssumeRolePolicy', { RoleName: 'nope', PolicyDocument: EC2_TRUST }, 'NoSuchEntity: The role with name nope cannot be found.'],
    ['UpdateAssumeRolePolicy', { RoleName: 'web', PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Resource":"*"}]}' }, 'MalformedPolicyDocument: Has prohibited field Resource'],
    ['UpdateAssumeRolePolicy', { RoleName: 'web', PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/ghost"},"Action":"sts:AssumeRole"}]}' }, 'MalformedPolicyDocument: Invalid principal in policy: "AWS":"arn:aws:iam::123456789012:role/ghost"'],
  ])('%s %j fails', (operation, params, expected) => {
    expect(failure(simWithRole(), operation, params)).toBe(expected);
  });
});

describe('DeleteRole', () => {
  it('deletes a role with nothing attached', () => {
    const sim = simWithRole();
    expect(sim.ok('iam', 'DeleteRole', { RoleName: 'WEB' })).toEqual({});
    expect(sim.state.tables.roles).toEqual({});
  });

  it('reports conflicts in order: instance profile, managed policies, inline policies', () => {
    const sim = simWithRole();
    sim.ok('iam', 'PutRolePolicy', { RoleName: 'web', PolicyName: 'p', PolicyDocument: '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}' });
    sim.ok('iam', 'AttachRolePolicy', { RoleName: 'web', PolicyArn: S3_READ });
    sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: 'web-profile' });
    sim.ok('iam', 'AddRoleToInstanceProfile', { InstanceProfileName: 'web-profile', RoleName: 'web' });
    expect(failure(sim, 'DeleteRole', { RoleName: 'web' })).toBe('DeleteConflict: Cannot delete entity, must remove roles from instance profile first.');
    sim.ok('iam', 'RemoveRoleFromInstanceProfile', { InstanceProfileName: 'web-profile', RoleName: 'web' });
    expect(failure(sim, 'DeleteRole', { RoleName: 'web' })).toBe('DeleteConflict: Cannot delete entity, must detach all policies first.');
    sim.ok('iam', 'DetachRolePolicy', { RoleName: 'web', PolicyArn: S3_READ });
    expect(failure(sim, 'DeleteRole', { RoleName: 'web' })).toBe('DeleteConflict: Cannot delete entity, must delete policies first.');
    sim.ok('iam', 'DeleteRolePolicy', { RoleName: 'web', PolicyName: 'p' });
    sim.ok('iam', 'DeleteRole', { RoleName: 'web' });
    expect(failure(sim, 'DeleteRole', { RoleName: 'web' })).toBe('NoSuchEntity: The role with name web cannot be found.');
  });
});

describe('ListRoles', () => {
  it('lists roles without Tags, PermissionsBoundary or RoleLastUsed, by name ignoring case', () => {
    const sim = makeSim();
    sim.ok('iam', 'CreateRole', { RoleName: 'beta', AssumeRolePolicyDocument: EC2_TRUST, Tags: [{ Key: 'k', Value: 'v' }], Description: 'b' });
    sim.ok('iam', 'CreateRole', { RoleName: 'Alpha', AssumeRolePolicyDocument: EC2_TRUST });
    sim.ok('iam', 'CreateRole', { RoleName: 'gamma', Path: '/app/', AssumeRolePolicyDocument: EC2_TRUST });
    const all = sim.ok<{ Roles: RoleOut[]; IsTruncated: boolean }>('iam', 'ListRoles');
    expect(Object.keys(all)).toEqual(['Roles', 'IsTruncated']);
    expect(all.Roles.map((r) => r.RoleName)).toEqual(['Alpha', 'beta', 'gamma']);
    expect(Object.keys(all.Roles[1] ?? {})).toEqual(['Path', 'RoleName', 'RoleId', 'Arn', 'CreateDate', 'AssumeRolePolicyDocument', 'Description', 'MaxSessionDuration']);
    expect(all.IsTruncated).toBe(false);
    expect(sim.ok<{ Roles: RoleOut[] }>('iam', 'ListRoles', { PathPrefix: '/app/' }).Roles.map((r) => r.RoleName)).toEqual(['gamma']);
    expect(sim.ok<{ Roles: RoleOut[] }>('iam', 'ListRoles', { PathPrefix: '/none/' }).Roles).toEqual([]);
  });

  it('pages through 2,500 roles, each exactly once and in order, 100 at a time by default', () => {
    const sim = makeSim();
    const names = Array.from({ length: 2500 }, (_, i) => `role-${String(i).padStart(4, '0')}`);
    addRoles(sim.state, [...names].reverse());
    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = sim.ok<{ Roles: RoleOut[]; IsTruncated: boolean; Marker?: string }>('iam', 'ListRoles', marker ? { Marker: marker } : {});
      expect(page.Roles.length).toBe(100);
      expect(page.IsTruncated).toBe(page.Marker !== undefined);
      seen.push(...page.Roles.map((r) => String(r.RoleName)));
      marker = page.Marker;
      pages++;
    } while (marker);
    expect(pages).toBe(25);
    expect(seen).toEqual(names);
  });

  it('honours MaxItems and resumes after a role removed between pages', () => {
    const sim = makeSim();
    addRoles(sim.state, ['a', 'b', 'c', 'd', 'e']);
    const first = sim.ok<{ Roles: RoleOut[]; Marker: string }>('iam', 'ListRoles', { MaxItems: 2 });
    expect(first.Roles.map((r) => r.RoleName)).toEqual(['a', 'b']);
    expect(first.Marker).not.toContain('b');
    sim.ok('iam', 'DeleteRole', { RoleName: 'b' });
    const second = sim.ok<{ Roles: RoleOut[]; IsTruncated: boolean }>('iam', 'ListRoles', { MaxItems: 3, Marker: first.Marker });
    expect([second.Roles.map((r) => r.RoleName), second.IsTruncated]).toEqual([['c', 'd', 'e'], false]);
  });

  it('stays fast with 10,000 roles', () => {
    const sim = makeSim();
    addRoles(sim.state, Array.from({ length: 10000 }, (_, i) => `r${i}`));
    const started = performance.now();
    const page = sim.ok<{ Roles: RoleOut[]; Marker: string }>('iam', 'ListRoles', { MaxItems: 1000 });
    sim.ok('iam', 'ListRoles', { MaxItems: 1000, Marker: page.Marker });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it.each([
    [{ Marker: '!!!' }, 'ValidationError: Invalid Marker.'],
    [{ MaxItems: 0 }, "ValidationError: 1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1"],
    [{ PathPrefix: 'app' }, 'ValidationError: The specified value for pathPrefix is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.'],
  ])('rejects %j', (params, expected) => {
    expect(failure(simWithRole(), 'ListRoles', params)).toBe(expected);
  });
});
