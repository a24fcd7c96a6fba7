import { describe, expect, it } from 'vitest';
import { emptyState, type SimState } from '../../sim';
import { findIds, nodeIdFor, type IdRef } from './ids';

const found = (text: string) => findIds(text).map((m) => [text.slice(m.start, m.end), m.ref]);

describe('findIds', () => {
  it.each<[string, string, [string, IdRef][]]>([
    ['a role ARN in JSON', '"Arn": "arn:aws:iam::123456789012:role/s3access",', [['arn:aws:iam::123456789012:role/s3access', { kind: 'role', name: 's3access' }]]],
    ['a role ARN with a path', 'arn:aws:iam::123456789012:role/service-role/My.Role@x', [['arn:aws:iam::123456789012:role/service-role/My.Role@x', { kind: 'role', name: 'My.Role@x' }]]],
    ['a profile ARN inside an error message', 'Value (arn:aws:iam::123456789012:instance-profile/web) for parameter', [['arn:aws:iam::123456789012:instance-profile/web', { kind: 'profile', name: 'web' }]]],
    ['an ARN ending a sentence', 'is arn:aws:iam::123456789012:role/app.', [['arn:aws:iam::123456789012:role/app', { kind: 'role', name: 'app' }]]],
    ['an assumed-role ARN', 'User: arn:aws:sts::123456789012:assumed-role/app/i-0123456789abcdef0 is not authorized', [['arn:aws:sts::123456789012:assumed-role/app/i-0123456789abcdef0', { kind: 'role', name: 'app' }]]],
    ['an instance ARN', 'arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0', [['arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0', { kind: 'instance', id: 'i-0123456789abcdef0' }]]],
    ['instance ids, long and short', 'i-0123456789abcdef0\ti-1234abcd', [['i-0123456789abcdef0', { kind: 'instance', id: 'i-0123456789abcdef0' }], ['i-1234abcd', { kind: 'instance', id: 'i-1234abcd' }]]],
    ['an association id', '"AssociationId": "iip-assoc-0123456789abcdef0"', [['iip-assoc-0123456789abcdef0', { kind: 'association', id: 'iip-assoc-0123456789abcdef0' }]]],
    ['unique ids', 'AROAQ3EGRBKL7HXAMPLE1 AIPAQ3EGRBKL7HXAMPLE2', [['AROAQ3EGRBKL7HXAMPLE1', { kind: 'roleId', id: 'AROAQ3EGRBKL7HXAMPLE1' }], ['AIPAQ3EGRBKL7HXAMPLE2', { kind: 'profileId', id: 'AIPAQ3EGRBKL7HXAMPLE2' }]]],
    ['not inside other words', 'multi-0123456789abcdef0 xAROAQ3EGRBKL7HXAMPLE1 i-0123456789abcdef0123', []],
    ['not an id with too few digits', 'i-1234 ami-0abcdef1234567890', []],
    ['plain text', 'Nothing to see here.', []],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

function stateWith(): SimState {
  const sim = emptyState();
  Object.assign(sim.tables.roles, { app: { RoleName: 'App', RoleId: 'AROAQ3EGRBKL7HXAMPLE1' } });
  Object.assign(sim.tables.instanceProfiles, { web: { InstanceProfileName: 'Web', InstanceProfileId: 'AIPAQ3EGRBKL7HXAMPLE2' } });
  Object.assign(sim.tables.associations, { 'iip-assoc-0123456789abcdef0': { AssociationId: 'iip-assoc-0123456789abcdef0', InstanceId: 'i-0123456789abcdef0' } });
  return sim;
}

describe('nodeIdFor', () => {
  const sim = stateWith();
  it.each<[IdRef, string | undefined]>([
    [{ kind: 'role', name: 'App' }, 'role:App'],
    [{ kind: 'profile', name: 'Web' }, 'profile:Web'],
    [{ kind: 'instance', id: 'i-0123456789abcdef0' }, 'instance:i-0123456789abcdef0'],
    [{ kind: 'roleId', id: 'AROAQ3EGRBKL7HXAMPLE1' }, 'role:App'],
    [{ kind: 'profileId', id: 'AIPAQ3EGRBKL7HXAMPLE2' }, 'profile:Web'],
    [{ kind: 'association', id: 'iip-assoc-0123456789abcdef0' }, 'instance:i-0123456789abcdef0'],
    [{ kind: 'roleId', id: 'AROAQ3EGRBKL7HXAMPLE9' }, undefined],
    [{ kind: 'association', id: 'iip-assoc-fffffffffffffffff' }, undefined],
    [{ kind: 'association', id: 'constructor' }, undefined],
  ])('%j → %s', (ref, expected) => {
    expect(nodeIdFor(ref, sim)).toBe(expected);
  });

  it('finds nothing by unique id before the lab is loaded', () => {
    expect(nodeIdFor({ kind: 'roleId', id: 'AROAQ3EGRBKL7HXAMPLE1' }, undefined)).toBeUndefined();
  });
});
