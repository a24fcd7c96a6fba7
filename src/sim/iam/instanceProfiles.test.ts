import { describe, expect, it } from 'vitest';
import { EC2_TRUST, makeSim, START } from '../__tests__/harness';
import { execute } from '../execute';
import { emptyState, nameKey, type InstanceProfileRecord } from '../core/state';
import { findProfileByArn, findProfileById, findProfileByName, profilesForRole } from './instanceProfiles';

type Profile = Record<string, unknown> & { Roles: Record<string, unknown>[]; Tags?: unknown[] };

const EKS_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** A simulator with role `s3access`, profile `web` holding it, empty profile `empty` and role `other`. */
function setup(account?: Parameters<typeof makeSim>[0]) {
  const sim = makeSim(account);
  sim.ok('iam', 'CreateRole', { RoleName: 's3access', AssumeRolePolicyDocument: EC2_TRUST });
  sim.ok('iam', 'CreateRole', { RoleName: 'other', AssumeRolePolicyDocument: EC2_TRUST });
  sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: 'web' });
  sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: 'empty', Tags: [{ Key: 'team', Value: 'web' }] });
  sim.ok('iam', 'AddRoleToInstanceProfile', { InstanceProfileName: 'web', RoleName: 's3access' });
  return sim;
}

/** Runs a request that must fail, and checks it changed nothing. */
function expectFailure(sim: ReturnType<typeof makeSim>, operation: string, params: Record<string, unknown>, code: string, message: string) {
  const before = JSON.stringify(sim.state);
  const error = sim.fails('iam', operation, params);
  expect({ code: error.code, message: error.message }).toEqual({ code, message });
  expect(JSON.stringify(sim.state)).toBe(before);
}

describe('CreateInstanceProfile', () => {
  it('creates an empty profile in AWS field order', () => {
    const sim = makeSim();
    const { InstanceProfile } = sim.ok<{ InstanceProfile: Profile }>('iam', 'CreateInstanceProfile', { InstanceProfileName: 'MyProfile', Path: '/app/' });
    expect(Object.keys(InstanceProfile)).toEqual(['Path', 'InstanceProfileName', 'InstanceProfileId', 'Arn', 'CreateDate', 'Roles']);
    expect(InstanceProfile).toMatchObject({
      Path: '/app/',
      InstanceProfileName: 'MyProfile',
      Arn: 'arn:aws:iam::123456789012:instance-profile/app/MyProfile',
      CreateDate: '2026-01-15T09:00:00Z',
      Roles: [],
    });
    expect(InstanceProfile.InstanceProfileId).toMatch(/^AIPA[A-Z2-7]{17}$/);
    const record = sim.state.tables.instanceProfiles.myprofile;
    expect(record).toMatchObject({ createdBy: 'api', roleName: null, visibleToEc2At: START, roleVisibleToEc2At: START });
  });

  it('records that the console made a profile', () => {
    const sim = makeSim();
    const result = execute(sim.state, { service: 'iam', operation: 'CreateInstanceProfile', params: { InstanceProfileName: 'c' }, origin: 'console' }, sim.ctx);
    expect(result.outcome.ok).toBe(true);
    expect(sim.state.tables.instanceProfiles.c?.createdBy).toBe('console');
  });

  it('returns the tags it was given and delays EC2 visibility by the propagation time', () => {
    const sim = makeSim({ account: { timing: { ...emptyState().account.timing, profilePropagationSeconds: 8 } } });
    const { InstanceProfile } = sim.ok<{ InstanceProfile: Profile }>('iam', 'CreateInstanceProfile', { InstanceProfileName: 'p', Tags: [{ Key: 'env', Value: 'dev' }] });
    expect(InstanceProfile.Tags).toEqual([{ Key: 'env', Value: 'dev' }]);
    expect(Object.keys(InstanceProfile).at(-1)).toBe('Tags');
    expect(sim.state.tables.instanceProfiles.p).toMatchObject({ visibleToEc2At: START + 8000, roleVisibleToEc2At: START + 8000 });
  });

  it.each([
    [{ InstanceProfileName: 'WEB' }, 'EntityAlreadyExists', 'Instance Profile WEB already exists.'],
    [{ InstanceProfileName: 'bad name' }, 'ValidationError', 'The specified value for instanceProfileName is invalid. It must contain only alphanumeric characters and/or the following: +=,.@_-'],
    [{ InstanceProfileName: 'x'.repeat(129) }, 'ValidationError', `1 validation error detected: Value '${'x'.repeat(129)}' at 'instanceProfileName' failed to satisfy constraint: Member must have length less than or equal to 128`],
    [{ InstanceProfileName: 'p', Path: 'nope' }, 'ValidationError', 'The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.'],
    [{ InstanceProfileName: 'p', Tags: [{ Key: 'a', Value: '1' }, { Key: 'A', Value: '2' }] }, 'InvalidInput', 'Duplicate tag keys found. Please note that Tag keys are case insensitive.'],
  ])('rejects %j with %s', (params, code, message) => {
    expectFailure(setup(), 'CreateInstanceProfile', params, code, message);
  });

  it('stops at 1,000 profiles per account', () => {
    const state = emptyState();
    for (let i = 0; i < 1000; i++) state.tables.instanceProfiles[`p${i}`] = profileRecord(`p${i}`, i);
    expectFailure(makeSim({ state }), 'CreateInstanceProfile', { InstanceProfileName: 'one-more' }, 'LimitExceeded', 'Cannot exceed quota for InstanceProfilesPerAccount: 1000');
  });

  it('does not mistake names that are properties of plain objects for profiles or roles', () => {
    const sim = setup();
    expect(sim.fails('iam', 'GetInstanceProfile', { InstanceProfileName: 'toString' }).message).toBe('Instance Profile toString cannot be found.');
    expect(sim.fails('iam', 'AddRoleToInstanceProfile', { InstanceProfileName: 'empty', RoleName: 'hasOwnProperty' }).message).toBe('The role with name hasOwnProperty cannot be found.');
    expect(sim.fails('iam', 'ListInstanceProfilesForRole', { RoleName: 'constructor' }).message).toBe('The role with name constructor cannot be found.');
  });

  it('follows the account quota a scenario sets', () => {
    const state = emptyState({ quotas: { ...emptyState().account.quotas, instanceProfilesPerAccount: 1 } });
    const sim = makeSim({ state });
    sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: 'only' });
    expectFailure(sim, 'CreateInstanceProfile', { InstanceProfileName: 'second' }, 'LimitExceeded', 'Cannot exceed quota for InstanceProfilesPerAccount: 1');
  });
});

describe('GetInstanceProfile', () => {
  it('shows the role with the fields AWS lists inside a profile, and the tags', () => {
    const sim = setup();
    const web = sim.ok<{ InstanceProfile: Profile }>('iam', 'GetInstanceProfile', { InstanceProfileName: 'Web' }).InstanceProfile;
    expect(web.Roles).toHaveLength(1);
    expect(Object.keys(web.Roles[0] ?? {})).toEqual(['Path', 'RoleName', 'RoleId', 'Arn', 'CreateDate', 'AssumeRolePolicyDocument']);
    expect(web.Roles[0]).toMatchObject({ RoleName: 's3access', Arn: 'arn:aws:iam::123456789012:role/s3access', AssumeRolePolicyDocument: EC2_TRUST });
    expect(web).not.toHaveProperty('Tags');
    const empty = sim.ok<{ InstanceProfile: Profile }>('iam', 'GetInstanceProfile', { InstanceProfileName: 'empty' }).InstanceProfile;
    expect(empty.Roles).toEqual([]);
    expect(empty.Tags).toEqual([{ Key: 'team', Value: 'web' }]);
  });

  it('reports a missing profile', () => {
    expectFailure(setup(), 'GetInstanceProfile', { InstanceProfileName: 'nope' }, 'NoSuchEntity', 'Instance Profile nope cannot be found.');
  });
});

describe('ListInstanceProfiles', () => {
  it('lists by name case-insensitively, without tags, filtered by path prefix', () => {
    const sim = setup();
    sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: 'Alpha', Path: '/team/' });
    const all = sim.ok<{ InstanceProfiles: Profile[]; IsTruncated: boolean }>('iam', 'ListInstanceProfiles');
    expect(all.InstanceProfiles.map((p) => p.InstanceProfileName)).toEqual(['Alpha', 'empty', 'web']);
    expect(all.InstanceProfiles.every((p) => !('Tags' in p))).toBe(true);
    expect(all.IsTruncated).toBe(false);
    expect(all).not.toHaveProperty('Marker');
    const team = sim.ok<{ InstanceProfiles: Profile[] }>('iam', 'ListInstanceProfiles', { PathPrefix: '/team' });
    expect(team.InstanceProfiles.map((p) => p.InstanceProfileName)).toEqual(['Alpha']);
  });

  it('pages through 10,000 profiles with Marker and MaxItems, in a stable order', () => {
    const state = emptyState();
    for (let i = 0; i < 10_000; i++) {
      const name = `${i % 2 ? 'P' : 'p'}${String(i).padStart(5, '0')}`;
      state.tables.instanceProfiles[nameKey(name)] = profileRecord(name, i);
    }
    const sim = makeSim({ state });
    const names: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const res = sim.ok<{ InstanceProfiles: Profile[]; IsTruncated: boolean; Marker?: string }>('iam', 'ListInstanceProfiles', { MaxItems: 1000, ...(marker ? { Marker: marker } : {}) });
      names.push(...res.InstanceProfiles.map((p) => String(p.InstanceProfileName)));
      marker = res.IsTruncated ? res.Marker : undefined;
      pages++;
    } while (marker);
    expect(pages).toBe(10);
    expect(names).toHaveLength(10_000);
    expect(names.slice(0, 3)).toEqual(['p00000', 'P00001', 'p00002']);
    expect(new Set(names).size).toBe(10_000);
  });

  it('returns 100 items by default', () => {
    const state = emptyState();
    for (let i = 0; i < 150; i++) state.tables.instanceProfiles[`p${String(i).padStart(3, '0')}`] = profileRecord(`p${String(i).padStart(3, '0')}`, i);
    const sim = makeSim({ state });
    const res = sim.ok<{ InstanceProfiles: Profile[]; IsTruncated: boolean; Marker: string }>('iam', 'ListInstanceProfiles');
    expect([res.InstanceProfiles.length, res.IsTruncated]).toEqual([100, true]);
    const rest = sim.ok<{ InstanceProfiles: Profile[]; IsTruncated: boolean }>('iam', 'ListInstanceProfiles', { Marker: res.Marker });
    expect([rest.InstanceProfiles[0]?.InstanceProfileName, rest.InstanceProfiles.length, rest.IsTruncated]).toEqual(['p100', 50, false]);
  });

  it.each([
    [{ MaxItems: 0 }, "1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1"],
    [{ PathPrefix: 'x' }, 'The specified value for pathPrefix is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.'],
    [{ Marker: '!!' }, 'Invalid Marker.'],
  ])('rejects %j', (params, message) => {
    expectFailure(setup(), 'ListInstanceProfiles', params, 'ValidationError', message);
  });
});

describe('ListInstanceProfilesForRole', () => {
  it('lists the profiles holding the role, or none', () => {
    const sim = setup();
    sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: 'also' });
    sim.ok('iam', 'AddRoleToInstanceProfile', { InstanceProfileName: 'also', RoleName: 'S3ACCESS' });
    const res = sim.ok<{ InstanceProfiles: Profile[] }>('iam', 'ListInstanceProfilesForRole', { RoleName: 's3access' });
    expect(res.InstanceProfiles.map((p) => p.InstanceProfileName)).toEqual(['also', 'web']);
    expect(sim.ok<{ InstanceProfiles: Profile[] }>('iam', 'ListInstanceProfilesForRole', { RoleName: 'other' }).InstanceProfiles).toEqual([]);
  });

  it('reports a missing role', () => {
    expectFailure(setup(), 'ListInstanceProfilesForRole', { RoleName: 'ghost' }, 'NoSuchEntity', 'The role with name ghost cannot be found.');
  });
});

describe('AddRoleToInstanceProfile', () => {
  it('accepts a role whose trust policy is not for EC2, and resets its EC2 visibility', () => {
    const sim = makeSim({ account: { timing: { ...emptyState().account.timing, profilePropagationSeconds: 5 } } });
    sim.ok('iam', 'CreateRole', { RoleName: 'eks-cluster', AssumeRolePolicyDocument: EKS_TRUST });
    sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: 'eks' });
    sim.advance(60);
    expect(sim.ok('iam', 'AddRoleToInstanceProfile', { InstanceProfileName: 'eks', RoleName: 'eks-cluster' })).toEqual({});
    expect(sim.state.tables.instanceProfiles.eks).toMatchObject({ roleName: 'eks-cluster', visibleToEc2At: START + 5000, roleVisibleToEc2At: START + 65_000 });
  });

  it.each([
    [{ InstanceProfileName: 'nope', RoleName: 's3access' }, 'NoSuchEntity', 'Instance Profile nope cannot be found.'],
    [{ InstanceProfileName: 'empty', RoleName: 'ghost' }, 'NoSuchEntity', 'The role with name ghost cannot be found.'],
    [{ InstanceProfileName: 'web', RoleName: 'other' }, 'LimitExceeded', 'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1'],
    [{ InstanceProfileName: 'web', RoleName: 's3access' }, 'LimitExceeded', 'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1'],
  ])('rejects %j with %s', (params, code, message) => {
    expectFailure(setup(), 'AddRoleToInstanceProfile', params, code, message);
  });
});

describe('RemoveRoleFromInstanceProfile', () => {
  it('empties the profile and keeps the role', () => {
    const sim = setup();
    expect(sim.ok('iam', 'RemoveRoleFromInstanceProfile', { InstanceProfileName: 'web', RoleName: 'S3Access' })).toEqual({});
    expect(sim.state.tables.instanceProfiles.web?.roleName).toBeNull();
    expect(sim.state.tables.roles.s3access).toBeDefined();
  });

  it.each([
    [{ InstanceProfileName: 'nope', RoleName: 's3access' }, 'NoSuchEntity', 'Instance Profile nope cannot be found.'],
    [{ InstanceProfileName: 'web', RoleName: 'ghost' }, 'NoSuchEntity', 'The role with name ghost cannot be found.'],
    [{ InstanceProfileName: 'web', RoleName: 'other' }, 'NoSuchEntity', 'The role with name other cannot be found in instance profile web.'],
    [{ InstanceProfileName: 'empty', RoleName: 'other' }, 'NoSuchEntity', 'The role with name other cannot be found in instance profile empty.'],
  ])('rejects %j with %s', (params, code, message) => {
    expectFailure(setup(), 'RemoveRoleFromInstanceProfile', params, code, message);
  });
});

describe('DeleteInstanceProfile', () => {
  it('deletes an empty profile, even one an instance still uses', () => {
    const sim = setup();
    sim.state.tables.associations['iip-assoc-0123456789abcdef0'] = {
      AssociationId: 'iip-assoc-0123456789abcdef0',
      InstanceId: 'i-0123456789abcdef0',
      IamInstanceProfile: { Arn: sim.state.tables.instanceProfiles.empty?.Arn ?? '', Id: sim.state.tables.instanceProfiles.empty?.InstanceProfileId ?? '' },
      State: 'associated',
      Timestamp: '2026-01-15T09:00:00Z',
    };
    expect(sim.ok('iam', 'DeleteInstanceProfile', { InstanceProfileName: 'EMPTY' })).toEqual({});
    expect(sim.state.tables.instanceProfiles.empty).toBeUndefined();
  });

  it.each([
    [{ InstanceProfileName: 'nope' }, 'NoSuchEntity', 'Instance Profile nope cannot be found.'],
    [{ InstanceProfileName: 'web' }, 'DeleteConflict', 'Cannot delete entity, must remove roles from instance profile first.'],
  ])('rejects %j with %s', (params, code, message) => {
    expectFailure(setup(), 'DeleteInstanceProfile', params, code, message);
  });
});

describe('instance profile tags', () => {
  it('adds, overwrites case-insensitively, lists and removes tags', () => {
    const sim = setup();
    sim.ok('iam', 'TagInstanceProfile', { InstanceProfileName: 'empty', Tags: [{ Key: 'TEAM', Value: 'ops' }, { Key: 'env', Value: 'dev' }] });
    expect(sim.ok('iam', 'ListInstanceProfileTags', { InstanceProfileName: 'empty' })).toEqual({
      Tags: [{ Key: 'TEAM', Value: 'ops' }, { Key: 'env', Value: 'dev' }],
      IsTruncated: false,
    });
    sim.ok('iam', 'UntagInstanceProfile', { InstanceProfileName: 'empty', TagKeys: ['team', 'absent'] });
    expect(sim.ok('iam', 'ListInstanceProfileTags', { InstanceProfileName: 'empty' })).toEqual({ Tags: [{ Key: 'env', Value: 'dev' }], IsTruncated: false });
  });

  it('pages tags with MaxItems', () => {
    const sim = setup();
    sim.ok('iam', 'TagInstanceProfile', { InstanceProfileName: 'web', Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }, { Key: 'c', Value: '3' }] });
    const first = sim.ok<{ Tags: unknown[]; IsTruncated: boolean; Marker: string }>('iam', 'ListInstanceProfileTags', { InstanceProfileName: 'web', MaxItems: 2 });
    expect([first.Tags.length, first.IsTruncated]).toEqual([2, true]);
    const second = sim.ok('iam', 'ListInstanceProfileTags', { InstanceProfileName: 'web', MaxItems: 2, Marker: first.Marker });
    expect(second).toEqual({ Tags: [{ Key: 'c', Value: '3' }], IsTruncated: false });
  });

  const fifty = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));

  it.each([
    ['TagInstanceProfile', { InstanceProfileName: 'nope', Tags: [{ Key: 'a', Value: 'b' }] }, 'NoSuchEntity', 'Instance Profile nope cannot be found.'],
    ['TagInstanceProfile', { InstanceProfileName: 'empty', Tags: fifty }, 'LimitExceeded', 'The number of tags has reached the maximum limit.'],
    ['TagInstanceProfile', { InstanceProfileName: 'empty', Tags: [{ Key: 'x', Value: '1' }, { Key: 'X', Value: '2' }] }, 'InvalidInput', 'Duplicate tag keys found. Please note that Tag keys are case insensitive.'],
    ['TagInstanceProfile', { InstanceProfileName: 'empty', Tags: [{ Key: 'x'.repeat(129), Value: '1' }] }, 'ValidationError', `1 validation error detected: Value '${'x'.repeat(129)}' at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128`],
    ['UntagInstanceProfile', { InstanceProfileName: 'nope', TagKeys: ['a'] }, 'NoSuchEntity', 'Instance Profile nope cannot be found.'],
    ['ListInstanceProfileTags', { InstanceProfileName: 'nope' }, 'NoSuchEntity', 'Instance Profile nope cannot be found.'],
  ])('%s %j fails with %s', (operation, params, code, message) => {
    expectFailure(setup(), operation, params, code, message);
  });
});

describe('look-up helpers', () => {
  it('find profiles by name, ARN and id, and the profiles holding a role', () => {
    const sim = setup();
    sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: 'deep', Path: '/a/b/' });
    const deep = findProfileByName(sim.state, 'DEEP') as InstanceProfileRecord;
    expect(deep.Arn).toBe('arn:aws:iam::123456789012:instance-profile/a/b/deep');
    expect(findProfileByArn(sim.state, deep.Arn)).toBe(deep);
    expect(findProfileByArn(sim.state, 'arn:aws:iam::123456789012:instance-profile/deep')).toBeUndefined();
    expect(findProfileByArn(sim.state, 'arn:aws:iam::123456789012:role/deep')).toBeUndefined();
    expect(findProfileByArn(sim.state, 'not an arn')).toBeUndefined();
    expect(findProfileById(sim.state, deep.InstanceProfileId)).toBe(deep);
    expect(findProfileById(sim.state, 'AIPANOTHERE')).toBeUndefined();
    expect(profilesForRole(sim.state, 'S3ACCESS').map((p) => p.InstanceProfileName)).toEqual(['web']);
  });
});

function profileRecord(name: string, i: number): InstanceProfileRecord {
  return {
    Path: '/',
    InstanceProfileName: name,
    InstanceProfileId: `AIPA${String(i).padStart(17, '0')}`,
    Arn: `arn:aws:iam::123456789012:instance-profile/${name}`,
    CreateDate: '2026-01-01T00:00:00Z',
    Tags: [],
    roleName: null,
    createdBy: 'api',
    visibleToEc2At: 0,
    roleVisibleToEc2At: 0,
  };
}
