import { describe, expect, it } from 'vitest';
import { EC2_TRUST, makeSim } from '../__tests__/harness';

type Sim = ReturnType<typeof makeSim>;

const S3_WRITE = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::uploads/*' }] });
const S3_READ = JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' } });

function simWithRole(): Sim {
  const sim = makeSim();
  sim.ok('iam', 'CreateRole', { RoleName: 'web', AssumeRolePolicyDocument: EC2_TRUST });
  return sim;
}

function failure(sim: Sim, operation: string, params: Record<string, unknown>): string {
  const before = JSON.stringify(sim.state);
  const error = sim.fails('iam', operation, params);
  expect(JSON.stringify(sim.state)).toBe(before);
  return `${error.code}: ${error.message}`;
}

/** A valid document whose size without white space is exactly `size`. */
function documentOfSize(size: number): string {
  const base = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: '', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
  return base.replace('"Sid":""', `"Sid":"${'x'.repeat(size - base.length)}"`);
}

describe('PutRolePolicy, GetRolePolicy, ListRolePolicies, DeleteRolePolicy', () => {
  it('creates, replaces, reads, lists and deletes inline policies', () => {
    const sim = simWithRole();
    expect(sim.ok('iam', 'PutRolePolicy', { RoleName: 'web', PolicyName: 'S3-Permissions', PolicyDocument: S3_WRITE })).toEqual({});
    sim.ok('iam', 'PutRolePolicy', { RoleName: 'WEB', PolicyName: 'audit', PolicyDocument: S3_READ });
    sim.ok('iam', 'PutRolePolicy', { RoleName: 'web', PolicyName: 'S3-Permissions', PolicyDocument: S3_READ });
    const got = sim.ok('iam', 'GetRolePolicy', { RoleName: 'web', PolicyName: 'S3-Permissions' });
    expect(Object.keys(got)).toEqual(['RoleName', 'PolicyName', 'PolicyDocument']);
    expect(got).toEqual({ RoleName: 'web', PolicyName: 'S3-Permissions', PolicyDocument: S3_READ });
    expect(sim.ok('iam', 'ListRolePolicies', { RoleName: 'web' })).toEqual({ PolicyNames: ['audit', 'S3-Permissions'], IsTruncated: false });
    expect(sim.ok('iam', 'DeleteRolePolicy', { RoleName: 'web', PolicyName: 'audit' })).toEqual({});
    expect(sim.ok('iam', 'ListRolePolicies', { RoleName: 'web' })).toEqual({ PolicyNames: ['S3-Permissions'], IsTruncated: false });
  });

  it('pages the policy names', () => {
    const sim = simWithRole();
    for (const name of ['c', 'a', 'b']) sim.ok('iam', 'PutRolePolicy', { RoleName: 'web', PolicyName: name, PolicyDocument: S3_READ });
    const first = sim.ok<{ PolicyNames: string[]; IsTruncated: boolean; Marker: string }>('iam', 'ListRolePolicies', { RoleName: 'web', MaxItems: 2 });
    expect([first.PolicyNames, first.IsTruncated]).toEqual([['a', 'b'], true]);
    expect(sim.ok('iam', 'ListRolePolicies', { RoleName: 'web', Marker: first.Marker })).toEqual({ PolicyNames: ['c'], IsTruncated: false });
  });

  it('counts all inline policies of a role together, without white space, against 10,240 characters', () => {
    const sim = simWithRole();
    sim.ok('iam', 'PutRolePolicy', { RoleName: 'web', PolicyName: 'a', PolicyDocument: documentOfSize(6000) });
    sim.ok('iam', 'PutRolePolicy', { RoleName: 'web', PolicyName: 'b', PolicyDocument: `  ${documentOfSize(4240)}\n\n` });
    // Replacing a policy counts its new document, not both.
    sim.ok('iam', 'PutRolePolicy', { RoleName: 'web', PolicyName: 'a', PolicyDocument: documentOfSize(6000) });
    expect(failure(sim, 'PutRolePolicy', { RoleName: 'web', PolicyName: 'c', PolicyDocument: S3_READ })).toBe('LimitExceeded: Maximum policy size of 10240 bytes exceeded for role web');
  });

  it.each([
    ['PutRolePolicy', { RoleName: 'nope', PolicyName: 'p', PolicyDocument: S3_READ }, 'NoSuchEntity: The role with name nope cannot be found.'],
    ['PutRolePolicy', { RoleName: 'web', PolicyName: 'p', PolicyDocument: 'ec2-role-access-policy.json' }, 'MalformedPolicyDocument: This policy contains invalid Json'],
    ['PutRolePolicy', { RoleName: 'web', PolicyName: 'p', PolicyDocument: '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*"}}' }, 'MalformedPolicyDocument: Policy statement must contain resources.'],
    ['PutRolePolicy', { RoleName: 'web', PolicyName: 'bad name', PolicyDocument: S3_READ }, 'ValidationError: The specified value for policyName is invalid. It must contain only alphanumeric characters and/or the following: +=,.@_-'],
    ['PutRolePolicy', { RoleName: 'web', PolicyName: 'p', PolicyDocument: '{"Version":"2012-10-17","Statement":{"Sid":"あ","Effect":"Allow","Action":"s3:*","Resource":"*"}}' }, `ValidationError: 1 validation error detected: Value '{"Version":"2012-10-17","Statement":{"Sid":"あ","Effect":"Allow","Action":"s3:*","Resource":"*"}}' at 'policyDocument' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+`],
    ['PutRolePolicy', { RoleName: 'web', PolicyName: 'p', PolicyDocument: documentOfSize(10241) }, 'LimitExceeded: Maximum policy size of 10240 bytes exceeded for role web'],
    ['GetRolePolicy', { RoleName: 'web', PolicyName: 'missing' }, 'NoSuchEntity: The role policy with name missing cannot be found.'],
    ['GetRolePolicy', { RoleName: 'web', PolicyName: 'constructor' }, 'NoSuchEntity: The role policy with name constructor cannot be found.'],
    ['GetRolePolicy', { RoleName: 'nope', PolicyName: 'p' }, 'NoSuchEntity: The role with name nope cannot be found.'],
    ['ListRolePolicies', { RoleName: 'nope' }, 'NoSuchEntity: The role with name nope cannot be found.'],
    ['DeleteRolePolicy', { RoleName: 'web', PolicyName: 'missing' }, 'NoSuchEntity: The role policy with name missing cannot be found.'],
    ['DeleteRolePolicy', { RoleName: 'nope', PolicyName: 'p' }, 'NoSuchEntity: The role with name nope cannot be found.'],
  ])('%s %j fails', (operation, params, expected) => {
    expect(failure(simWithRole(), operation, params)).toBe(expected);
  });
});
