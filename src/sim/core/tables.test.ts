import { describe, expect, it } from 'vitest';
import { EC2_TRUST, makeSim } from '../__tests__/harness';

describe('tables', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('treat the IAM name %s as a plain key', (name) => {
    const sim = makeSim();
    expect(sim.fails('iam', 'GetRole', { RoleName: name }).code).toBe('NoSuchEntity');
    sim.ok('iam', 'CreateRole', { RoleName: name, AssumeRolePolicyDocument: EC2_TRUST });
    sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: name });
    sim.ok('iam', 'AddRoleToInstanceProfile', { InstanceProfileName: name, RoleName: name });
    sim.ok('iam', 'PutRolePolicy', { RoleName: name, PolicyName: name, PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }) });
    expect(sim.ok<{ PolicyNames: string[] }>('iam', 'ListRolePolicies', { RoleName: name }).PolicyNames).toEqual([name]);
    expect(sim.ok<{ Roles: { RoleName: string }[] }>('iam', 'ListRoles').Roles.map((r) => r.RoleName)).toEqual([name]);
    expect(Object.keys(sim.state.tables.roles)).toEqual([name.toLowerCase()]);
    const copy = JSON.parse(JSON.stringify(sim.state)) as typeof sim.state;
    expect(Object.keys(copy.tables.instanceProfiles)).toEqual([name.toLowerCase()]);
  });
});
