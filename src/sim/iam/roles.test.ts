import { describe, expect, it } from 'vitest';
import { EC2_TRUST, makeSim } from '../__tests__/harness';

describe('CreateRole and GetRole', () => {
  it('creates a role with AWS-shaped fields and returns it without RoleLastUsed', () => {
    const sim = makeSim();
    const { Role } = sim.ok<{ Role: Record<string, unknown> }>('iam', 'CreateRole', { RoleName: 's3access', AssumeRolePolicyDocument: EC2_TRUST });
    expect(Object.keys(Role)).toEqual(['Path', 'RoleName', 'RoleId', 'Arn', 'CreateDate', 'AssumeRolePolicyDocument']);
    expect(Role.Arn).toBe('arn:aws:iam::123456789012:role/s3access');
    expect(Role.RoleId).toMatch(/^AROA[A-Z0-9]{17}$/);
    expect(Role.CreateDate).toBe('2026-01-15T09:00:00Z');
    const got = sim.ok<{ Role: Record<string, unknown> }>('iam', 'GetRole', { RoleName: 'S3ACCESS' });
    expect(got.Role.MaxSessionDuration).toBe(3600);
    expect(got.Role.RoleLastUsed).toEqual({});
  });

  it.each([
    [{ RoleName: 'dup', AssumeRolePolicyDocument: EC2_TRUST }, 'EntityAlreadyExists', 'Role with name dup already exists.'],
    [{ RoleName: 'bad name!', AssumeRolePolicyDocument: EC2_TRUST }, 'ValidationError', 'The specified value for roleName is invalid. It must contain only alphanumeric characters and/or the following: +=,.@_-'],
    [{ RoleName: 'x'.repeat(65), AssumeRolePolicyDocument: EC2_TRUST }, 'ValidationError', `1 validation error detected: Value '${'x'.repeat(65)}' at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64`],
  ])('rejects %j with %s', (params, code, message) => {
    const sim = makeSim();
    sim.ok('iam', 'CreateRole', { RoleName: 'DUP', AssumeRolePolicyDocument: EC2_TRUST });
    const before = JSON.stringify(sim.state);
    const error = sim.fails('iam', 'CreateRole', params);
    expect({ code: error.code, message: error.message }).toEqual({ code, message });
    expect(JSON.stringify(sim.state)).toBe(before);
  });

  it('reports a missing role as NoSuchEntity', () => {
    const error = makeSim().fails('iam', 'GetRole', { RoleName: 'missing' });
    expect([error.code, error.message, error.httpStatus]).toEqual(['NoSuchEntity', 'The role with name missing cannot be found.', 404]);
  });
});
