import { describe, expect, it } from 'vitest';
import { EC2_TRUST, makeSim } from '../__tests__/harness';
import type { Caller } from '../core/operation';
import { decodeSessionToken } from './credentials';
import { base64Decode, base64Encode } from './encoding';

const trust = (principal: unknown, effect = 'Allow') =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: effect, Principal: principal, Action: 'sts:AssumeRole' }] });

const ACCOUNT_TRUST = trust({ AWS: 'arn:aws:iam::123456789012:root' });
const INSTANCE: Caller = { type: 'assumed-role', roleName: 'ec2role', sessionName: 'i-0123456789abcdef0' };

interface AssumeRoleOutput {
  Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string; Expiration: string };
  AssumedRoleUser: { AssumedRoleId: string; Arn: string };
}

function setup() {
  const sim = makeSim();
  sim.ok('iam', 'CreateRole', { RoleName: 'ec2role', AssumeRolePolicyDocument: EC2_TRUST });
  sim.ok('iam', 'CreateRole', { RoleName: 'Admin', Path: '/ops/', AssumeRolePolicyDocument: ACCOUNT_TRUST, MaxSessionDuration: 7200 });
  sim.ok('iam', 'CreateRole', { RoleName: 'locked', AssumeRolePolicyDocument: JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: '123456789012' }, Action: 'sts:AssumeRole' },
      { Effect: 'Deny', Principal: { AWS: 'arn:aws:iam::123456789012:user/learner' }, Action: 'sts:*' },
    ],
  }) });
  // The instance's role may itself call sts:AssumeRole (role chaining needs an identity-based allow).
  const ec2role = sim.state.tables.roles.ec2role;
  if (ec2role) ec2role.inlinePolicies.chain = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] });
  return sim;
}

describe('GetCallerIdentity', () => {
  it('names the learner as an IAM user', () => {
    const res = makeSim().ok('sts', 'GetCallerIdentity');
    expect(res).toEqual({ UserId: 'AIDAQLEARNEREXAMPLE01', Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/learner' });
    expect(Object.keys(res)).toEqual(['UserId', 'Account', 'Arn']);
  });

  it('names an instance as an assumed-role session of its role, without the path', () => {
    const sim = makeSim();
    const { Role } = sim.ok<{ Role: { RoleId: string } }>('iam', 'CreateRole', { RoleName: 'EC2Role', Path: '/app/', AssumeRolePolicyDocument: EC2_TRUST });
    expect(sim.ok('sts', 'GetCallerIdentity', {}, INSTANCE)).toEqual({
      UserId: `${Role.RoleId}:i-0123456789abcdef0`,
      Account: '123456789012',
      Arn: 'arn:aws:sts::123456789012:assumed-role/EC2Role/i-0123456789abcdef0',
    });
  });

  it('refuses a session whose role is gone', () => {
    const error = makeSim().fails('sts', 'GetCallerIdentity', {}, INSTANCE);
    expect([error.code, error.message, error.httpStatus]).toEqual(['InvalidClientTokenId', 'The security token included in the request is invalid.', 400]);
  });
});

describe('AssumeRole', () => {
  it('returns temporary credentials and the assumed-role user', () => {
    const sim = setup();
    const before = JSON.stringify(sim.state);
    const res = sim.ok<AssumeRoleOutput>('sts', 'AssumeRole', { RoleArn: 'arn:aws:iam::123456789012:role/ops/Admin', RoleSessionName: 'debug', DurationSeconds: 7200 });
    expect(Object.keys(res)).toEqual(['Credentials', 'AssumedRoleUser']);
    expect(Object.keys(res.Credentials)).toEqual(['AccessKeyId', 'SecretAccessKey', 'SessionToken', 'Expiration']);
    expect(res.Credentials.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(res.Credentials.SecretAccessKey).toHaveLength(40);
    expect(res.Credentials.Expiration).toBe('2026-01-15T11:00:00Z');
    const roleId = sim.state.tables.roles.admin?.RoleId;
    expect(res.AssumedRoleUser).toEqual({ AssumedRoleId: `${roleId}:debug`, Arn: 'arn:aws:sts::123456789012:assumed-role/Admin/debug' });
    expect(decodeSessionToken(res.Credentials.SessionToken)).toEqual({ accountId: '123456789012', roleName: 'Admin', sessionName: 'debug', expiresAt: Date.UTC(2026, 0, 15, 11) });
    expect(JSON.stringify(sim.state)).toBe(before);
  });

  it('defaults to one hour, and lets a role session chain into another role for up to an hour', () => {
    const sim = setup();
    const res = sim.ok<AssumeRoleOutput>('sts', 'AssumeRole', { RoleArn: 'arn:aws:iam::123456789012:role/ops/Admin', RoleSessionName: 'chained' }, INSTANCE);
    expect(res.Credentials.Expiration).toBe('2026-01-15T10:00:00Z');
    expect(res.AssumedRoleUser.Arn).toBe('arn:aws:sts::123456789012:assumed-role/Admin/chained');
  });

  const denied = (caller: string, role: string, tail = ' because no role trust policy allows the sts:AssumeRole action') =>
    `User: ${caller} is not authorized to perform: sts:AssumeRole on resource: ${role}${tail}`;
  const LEARNER_ARN = 'arn:aws:iam::123456789012:user/learner';

  it.each<[string, Record<string, unknown>, Caller | undefined, string, string]>([
    ['a trust policy for EC2 only', { RoleArn: 'arn:aws:iam::123456789012:role/ec2role', RoleSessionName: 's1' }, undefined, 'AccessDenied', denied(LEARNER_ARN, 'arn:aws:iam::123456789012:role/ec2role')],
    ['an explicit deny', { RoleArn: 'arn:aws:iam::123456789012:role/locked', RoleSessionName: 's1' }, undefined, 'AccessDenied', denied(LEARNER_ARN, 'arn:aws:iam::123456789012:role/locked', ' with an explicit deny in a resource-based policy')],
    ['a missing role', { RoleArn: 'arn:aws:iam::123456789012:role/ghost', RoleSessionName: 's1' }, undefined, 'AccessDenied', denied(LEARNER_ARN, 'arn:aws:iam::123456789012:role/ghost')],
    ['a role named like an object property', { RoleArn: 'arn:aws:iam::123456789012:role/constructor', RoleSessionName: 's1' }, undefined, 'AccessDenied', denied(LEARNER_ARN, 'arn:aws:iam::123456789012:role/constructor')],
    ['the wrong path', { RoleArn: 'arn:aws:iam::123456789012:role/Admin', RoleSessionName: 's1' }, undefined, 'AccessDenied', denied(LEARNER_ARN, 'arn:aws:iam::123456789012:role/Admin')],
    ['another account', { RoleArn: 'arn:aws:iam::999999999999:role/ops/Admin', RoleSessionName: 's1' }, undefined, 'AccessDenied', denied(LEARNER_ARN, 'arn:aws:iam::999999999999:role/ops/Admin')],
    ['an instance session not trusted', { RoleArn: 'arn:aws:iam::123456789012:role/ec2role', RoleSessionName: 's1' }, INSTANCE, 'AccessDenied', denied('arn:aws:sts::123456789012:assumed-role/ec2role/i-0123456789abcdef0', 'arn:aws:iam::123456789012:role/ec2role')],
    ['a role name instead of an ARN', { RoleArn: 'arn:aws:iam::123456789012:user/learner', RoleSessionName: 's1' }, undefined, 'ValidationError', 'Request ARN is invalid'],
    ['more than the role allows', { RoleArn: 'arn:aws:iam::123456789012:role/ops/Admin', RoleSessionName: 's1', DurationSeconds: 7201 }, undefined, 'ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'],
    ['more than an hour when chaining', { RoleArn: 'arn:aws:iam::123456789012:role/ops/Admin', RoleSessionName: 's1', DurationSeconds: 3601 }, INSTANCE, 'ValidationError', 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.'],
    ['a duration under 900', { RoleArn: 'arn:aws:iam::123456789012:role/ops/Admin', RoleSessionName: 's1', DurationSeconds: 899 }, undefined, 'ValidationError', "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"],
    ['a duration over 43200', { RoleArn: 'arn:aws:iam::123456789012:role/ops/Admin', RoleSessionName: 's1', DurationSeconds: 43201 }, undefined, 'ValidationError', "1 validation error detected: Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200"],
    ['a bad session name', { RoleArn: 'arn:aws:iam::123456789012:role/ops/Admin', RoleSessionName: 'my session' }, undefined, 'ValidationError', "1 validation error detected: Value 'my session' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*"],
    ['a one-letter session name', { RoleArn: 'arn:aws:iam::123456789012:role/ops/Admin', RoleSessionName: 'x' }, undefined, 'ValidationError', "1 validation error detected: Value 'x' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2"],
    ['a short ARN', { RoleArn: 'admin', RoleSessionName: 's1' }, undefined, 'ValidationError', "1 validation error detected: Value 'admin' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20"],
  ])('refuses %s', (_name, params, caller, code, message) => {
    const sim = setup();
    const before = JSON.stringify(sim.state);
    const error = sim.fails('sts', 'AssumeRole', params, caller);
    expect({ code: error.code, message: error.message }).toEqual({ code, message });
    expect(JSON.stringify(sim.state)).toBe(before);
  });

  it('reports AccessDenied as HTTP 403', () => {
    expect(setup().fails('sts', 'AssumeRole', { RoleArn: 'arn:aws:iam::123456789012:role/ec2role', RoleSessionName: 's1' }).httpStatus).toBe(403);
  });
});

describe('session tokens', () => {
  it('round-trip base64', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'abcd', '123456789012|role|i-0abc|1768467600']) expect(base64Decode(base64Encode(text))).toBe(text);
    expect(base64Encode('ab')).toBe('YWI=');
    expect(base64Decode('not base64!')).toBeUndefined();
  });

  it('refuse tokens this simulator did not issue or that were edited', () => {
    const sim = setup();
    const { SessionToken } = sim.ok<AssumeRoleOutput>('sts', 'AssumeRole', { RoleArn: 'arn:aws:iam::123456789012:role/ops/Admin', RoleSessionName: 'debug' }).Credentials;
    expect(decodeSessionToken('FwoGZXIvYXdzEJr//////////wEaDM')).toBeUndefined();
    expect(decodeSessionToken(`${SessionToken.slice(0, 20)}A${SessionToken.slice(21)}`)).toBeUndefined();
  });
});
