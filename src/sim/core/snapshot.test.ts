import { describe, expect, it } from 'vitest';
import { EC2_TRUST, makeSim } from '../__tests__/harness';
import { describeSnapshotProblem, parseSimState } from './snapshot';
import { SCHEMA_VERSION } from './state';

function populated() {
  const sim = makeSim();
  sim.ok('iam', 'CreateRole', { RoleName: '__proto__', AssumeRolePolicyDocument: EC2_TRUST });
  sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: 'constructor' });
  sim.ok('iam', 'AddRoleToInstanceProfile', { InstanceProfileName: 'constructor', RoleName: '__proto__' });
  sim.ok('ec2', 'RunInstances', { ImageId: 'ami-0abcdef1234567890', MinCount: 2, MaxCount: 2, IamInstanceProfile: { Name: 'constructor' } });
  return JSON.parse(JSON.stringify(sim.state)) as Record<string, unknown>;
}

describe('parseSimState', () => {
  it('loads a saved state exactly, names like __proto__ included, with prototype-free tables', () => {
    const saved = populated();
    const loaded = parseSimState(saved);
    if (!loaded.ok) throw new Error(describeSnapshotProblem(loaded.error));
    expect(JSON.stringify(loaded.value)).toBe(JSON.stringify(saved));
    expect(Object.getPrototypeOf(loaded.value.tables.roles)).toBeNull();
    expect(Object.keys(loaded.value.tables.roles)).toEqual(['__proto__']);
  });

  it.each([
    ['a list', [], 'not an IAM Lab state (expected a JSON object)'],
    ['null', null, 'not an IAM Lab state (expected a JSON object)'],
    ['a future version', { schemaVersion: SCHEMA_VERSION + 1 }, `made by a newer IAM Lab (state version ${SCHEMA_VERSION + 1}; this one reads ${SCHEMA_VERSION})`],
    ['no version', { tables: {} }, 'not an IAM Lab state (schemaVersion undefined)'],
  ])('refuses %s', (_, value, message) => {
    const loaded = parseSimState(value);
    expect(loaded.ok ? 'loaded' : describeSnapshotProblem(loaded.error)).toBe(message);
  });

  it('says where a damaged record is wrong', () => {
    const saved = populated() as { tables: { roles: Record<string, Record<string, unknown>>; instances: Record<string, Record<string, unknown>> } };
    const role = saved.tables.roles.__proto__;
    if (!role) throw new Error('fixture');
    role.MaxSessionDuration = 'long';
    const loaded = parseSimState(saved);
    expect(loaded.ok ? 'loaded' : describeSnapshotProblem(loaded.error)).toMatch(/^invalid at tables\.roles\.__proto__\.MaxSessionDuration: /);
  });

  it('refuses unknown fields and unknown tables', () => {
    const extraField = populated() as { tables: { instances: Record<string, Record<string, unknown>> } };
    const [id] = Object.keys(extraField.tables.instances);
    (extraField.tables.instances[id ?? ''] as Record<string, unknown>).Payload = '<img src=x onerror=alert(1)>';
    expect(parseSimState(extraField).ok).toBe(false);
    const extraTable = populated() as { tables: Record<string, unknown> };
    extraTable.tables.users = {};
    expect(parseSimState(extraTable).ok).toBe(false);
  });
});
