import { describe, expect, it } from 'vitest';
import { EC2_TRUST, makeSim } from '../__tests__/harness';

type Sim = ReturnType<typeof makeSim>;

function simWithRole(): Sim {
  const sim = makeSim();
  sim.ok('iam', 'CreateRole', { RoleName: 'web', AssumeRolePolicyDocument: EC2_TRUST, Tags: [{ Key: 'team', Value: 'web' }] });
  return sim;
}

function failure(sim: Sim, operation: string, params: Record<string, unknown>): string {
  const before = JSON.stringify(sim.state);
  const error = sim.fails('iam', operation, params);
  expect(JSON.stringify(sim.state)).toBe(before);
  return `${error.code}: ${error.message}`;
}

const tags = (count: number, prefix = 'k') => Array.from({ length: count }, (_, i) => ({ Key: `${prefix}${i}`, Value: String(i) }));

describe('TagRole, UntagRole, ListRoleTags', () => {
  it('adds tags, overwrites a key in place whatever its case, and removes keys', () => {
    const sim = simWithRole();
    expect(sim.ok('iam', 'TagRole', { RoleName: 'web', Tags: [{ Key: 'env', Value: 'dev' }, { Key: 'TEAM', Value: 'ops' }] })).toEqual({});
    expect(sim.ok('iam', 'ListRoleTags', { RoleName: 'WEB' })).toEqual({ Tags: [{ Key: 'TEAM', Value: 'ops' }, { Key: 'env', Value: 'dev' }], IsTruncated: false });
    expect(sim.ok('iam', 'UntagRole', { RoleName: 'web', TagKeys: ['team', 'absent'] })).toEqual({});
    expect(sim.ok('iam', 'ListRoleTags', { RoleName: 'web' })).toEqual({ Tags: [{ Key: 'env', Value: 'dev' }], IsTruncated: false });
    expect(sim.ok<{ Role: Record<string, unknown> }>('iam', 'GetRole', { RoleName: 'web' }).Role.Tags).toEqual([{ Key: 'env', Value: 'dev' }]);
  });

  it('allows fifty tags in all and pages them', () => {
    const sim = simWithRole();
    sim.ok('iam', 'TagRole', { RoleName: 'web', Tags: tags(49) });
    const first = sim.ok<{ Tags: unknown[]; IsTruncated: boolean; Marker: string }>('iam', 'ListRoleTags', { RoleName: 'web', MaxItems: 30 });
    expect([first.Tags.length, first.IsTruncated]).toEqual([30, true]);
    const rest = sim.ok<{ Tags: unknown[]; IsTruncated: boolean }>('iam', 'ListRoleTags', { RoleName: 'web', Marker: first.Marker });
    expect([rest.Tags.length, rest.IsTruncated]).toEqual([20, false]);
    expect(failure(sim, 'TagRole', { RoleName: 'web', Tags: [{ Key: 'one-more', Value: '' }] })).toBe('LimitExceeded: The number of tags has reached the maximum limit.');
  });

  it.each([
    ['TagRole', { RoleName: 'nope', Tags: [{ Key: 'a', Value: 'b' }] }, 'NoSuchEntity: The role with name nope cannot be found.'],
    ['TagRole', { RoleName: 'web', Tags: [{ Key: 'a', Value: '1' }, { Key: 'A', Value: '2' }] }, 'InvalidInput: Duplicate tag keys found. Please note that Tag keys are case insensitive.'],
    ['TagRole', { RoleName: 'web', Tags: [{ Key: 'a!', Value: '1' }] }, "ValidationError: 1 validation error detected: Value 'a!' at 'tags.1.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+"],
    ['TagRole', { RoleName: 'web', Tags: [{ Key: 'k'.repeat(129), Value: '1' }] }, `ValidationError: 1 validation error detected: Value '${'k'.repeat(129)}' at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128`],
    ['UntagRole', { RoleName: 'nope', TagKeys: ['a'] }, 'NoSuchEntity: The role with name nope cannot be found.'],
    ['ListRoleTags', { RoleName: 'nope' }, 'NoSuchEntity: The role with name nope cannot be found.'],
  ])('%s %j fails', (operation, params, expected) => {
    expect(failure(simWithRole(), operation, params)).toBe(expected);
  });
});
