import { describe, expect, it } from 'vitest';
import { EC2_TRUST, START } from '../__tests__/harness';
import type { IamInstanceProfileAssociation } from '../models/ec2.types';
import type { OpEnv } from '../core/operation';
import type { SimState } from '../core/state';
import { PROFILE_ARN, describeOne, expectFailure, launch, launchOne, profileId, setup, type Sim } from './__tests__/setup';
import { associateIamInstanceProfile, replaceIamInstanceProfileAssociation } from './associations';

type One = { IamInstanceProfileAssociation: IamInstanceProfileAssociation };
type Many = { IamInstanceProfileAssociations: IamInstanceProfileAssociation[]; NextToken?: string };

/** Every instance has at most one association, and `associationId` names exactly that one. */
function expectConsistent(sim: Sim) {
  const { instances, associations } = sim.state.tables;
  for (const instance of Object.values(instances)) {
    const own = Object.values(associations).filter((a) => a.InstanceId === instance.InstanceId);
    expect(own.length).toBeLessThanOrEqual(1);
    expect(instance.associationId).toBe(own[0]?.AssociationId ?? null);
  }
  for (const association of Object.values(associations)) expect(instances[association.InstanceId]?.associationId).toBe(association.AssociationId);
}

/** A running instance with no profile. */
function runningInstance(sim: Sim = setup()) {
  const { InstanceId } = launchOne(sim);
  sim.advance(5);
  return { sim, id: InstanceId };
}

/** Runs `act`, which must leave the state as it found it (transitions already due are settled first). */
function expectUnchanged(sim: Sim, act: () => void) {
  sim.ok('ec2', 'DescribeIamInstanceProfileAssociations');
  const before = JSON.stringify(sim.state);
  act();
  expect(JSON.stringify(sim.state)).toBe(before);
}

const describeAll = (sim: Sim, params: Record<string, unknown> = {}) => sim.ok<Many>('ec2', 'DescribeIamInstanceProfileAssociations', params);

describe('the seed flow: associate → describe → replace → disassociate (aws-behaviour.md §4.4)', () => {
  it('attaches, swaps and detaches a profile over the clock', () => {
    const sim = setup();
    sim.ok('iam', 'CreateRole', { RoleName: 'TestRole-1', AssumeRolePolicyDocument: EC2_TRUST });
    sim.ok('iam', 'CreateRole', { RoleName: 'TestRole-2', AssumeRolePolicyDocument: EC2_TRUST });
    for (const name of ['TestRole-1', 'TestRole-2']) {
      sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: name });
      sim.ok('iam', 'AddRoleToInstanceProfile', { InstanceProfileName: name, RoleName: name });
    }
    const { id } = runningInstance(sim);

    const associated = sim.ok<One>('ec2', 'AssociateIamInstanceProfile', { InstanceId: id, IamInstanceProfile: { Name: 'TestRole-1' } });
    expect(Object.keys(associated)).toEqual(['IamInstanceProfileAssociation']);
    const first = associated.IamInstanceProfileAssociation;
    expect(Object.keys(first)).toEqual(['AssociationId', 'InstanceId', 'IamInstanceProfile', 'State']);
    expect(first).toEqual({ AssociationId: expect.stringMatching(/^iip-assoc-0[0-9a-f]{16}$/), InstanceId: id, IamInstanceProfile: { Arn: PROFILE_ARN('TestRole-1'), Id: profileId(sim, 'TestRole-1') }, State: 'associating' });
    expect(Object.keys(first.IamInstanceProfile ?? {})).toEqual(['Arn', 'Id']);
    expect(describeAll(sim).IamInstanceProfileAssociations).toEqual([first]);
    expect(describeOne(sim, id).IamInstanceProfile).toEqual(first.IamInstanceProfile);
    expectConsistent(sim);

    sim.advance(3);
    expect(describeAll(sim).IamInstanceProfileAssociations).toEqual([{ ...first, State: 'associated' }]);

    const replaced = sim.ok<One>('ec2', 'ReplaceIamInstanceProfileAssociation', { AssociationId: first.AssociationId, IamInstanceProfile: { Arn: PROFILE_ARN('TestRole-2') } });
    const second = replaced.IamInstanceProfileAssociation;
    expect(second).toEqual({ AssociationId: expect.stringMatching(/^iip-assoc-/), InstanceId: id, IamInstanceProfile: { Arn: PROFILE_ARN('TestRole-2'), Id: profileId(sim, 'TestRole-2') }, State: 'associating' });
    expect(second.AssociationId).not.toBe(first.AssociationId);
    expect(describeAll(sim).IamInstanceProfileAssociations).toEqual([second]);
    expectFailure(sim, 'DescribeIamInstanceProfileAssociations', { AssociationIds: [first.AssociationId] }, 'InvalidAssociationID.NotFound', `An invalid association-id of '${first.AssociationId}' was given`);
    expect(describeOne(sim, id).IamInstanceProfile?.Arn).toBe(PROFILE_ARN('TestRole-2'));
    expectConsistent(sim);
    sim.advance(3);
    expect(describeAll(sim).IamInstanceProfileAssociations.map((a) => a.State)).toEqual(['associated']);

    const detached = sim.ok<One>('ec2', 'DisassociateIamInstanceProfile', { AssociationId: second.AssociationId });
    expect(detached.IamInstanceProfileAssociation).toEqual({ ...second, State: 'disassociating' });
    expect(describeAll(sim, { Filters: [{ Name: 'state', Values: ['disassociating'] }] }).IamInstanceProfileAssociations).toHaveLength(1);
    sim.advance(3);
    expect(describeAll(sim).IamInstanceProfileAssociations).toEqual([]);
    expect(describeOne(sim, id)).not.toHaveProperty('IamInstanceProfile');
    expect(sim.state.tables.instances[id]?.associationId).toBeNull();
    expect(sim.state.tables.schedule).toEqual({});
  });
});

describe('AssociateIamInstanceProfile', () => {
  it('attaches to a stopped instance, and attaches an empty profile', () => {
    const { sim, id } = runningInstance();
    sim.ok('ec2', 'StopInstances', { InstanceIds: [id] });
    sim.advance(5);
    const { IamInstanceProfileAssociation } = sim.ok<One>('ec2', 'AssociateIamInstanceProfile', { InstanceId: id, IamInstanceProfile: { Name: 'empty' } });
    expect(IamInstanceProfileAssociation.IamInstanceProfile).toEqual({ Arn: PROFILE_ARN('empty'), Id: profileId(sim, 'empty') });
    expectConsistent(sim);
  });

  it.each<[string, (ids: { running: string; pending: string; terminated: string; withProfile: string }) => Record<string, unknown>, string, string]>([
    ['an instance that has one', (i) => ({ InstanceId: i.withProfile, IamInstanceProfile: { Name: 'reports-profile' } }), 'IncorrectState', 'There is an existing association for instance {withProfile}'],
    ['a pending instance', (i) => ({ InstanceId: i.pending, IamInstanceProfile: { Name: 'web' } }), 'IncorrectInstanceState', "The instance '{pending}' is not in the 'running' or 'stopped' states."],
    ['a terminated instance', (i) => ({ InstanceId: i.terminated, IamInstanceProfile: { Name: 'web' } }), 'IncorrectInstanceState', "The instance '{terminated}' is not in the 'running' or 'stopped' states."],
    ['a role name for a profile name', (i) => ({ InstanceId: i.running, IamInstanceProfile: { Name: 'orphan' } }), 'InvalidParameterValue', 'Value (orphan) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name'],
    ['an unknown ARN', (i) => ({ InstanceId: i.running, IamInstanceProfile: { Arn: PROFILE_ARN('nope') } }), 'InvalidParameterValue', `Value (${PROFILE_ARN('nope')}) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN`],
    ['both Name and Arn', (i) => ({ InstanceId: i.running, IamInstanceProfile: { Name: 'web', Arn: PROFILE_ARN('web') } }), 'InvalidParameterCombination', 'The parameter iamInstanceProfile.name cannot be used with the parameter iamInstanceProfile.arn'],
    ['neither Name nor Arn', (i) => ({ InstanceId: i.running, IamInstanceProfile: {} }), 'MissingParameter', 'The request must contain the parameter IamInstanceProfile'],
    ['no profile at all', (i) => ({ InstanceId: i.running }), 'MissingParameter', 'The request must contain the parameter IamInstanceProfile'],
    ['no instance id', () => ({ IamInstanceProfile: { Name: 'web' } }), 'MissingParameter', 'The request must contain the parameter InstanceId'],
    ['a malformed instance id', () => ({ InstanceId: 'i-0abc', IamInstanceProfile: { Name: 'web' } }), 'InvalidInstanceID.Malformed', 'Invalid id: "i-0abc"'],
    ['an unknown instance', () => ({ InstanceId: 'i-0123456789abcdef0', IamInstanceProfile: { Name: 'web' } }), 'InvalidInstanceID.NotFound', "The instance ID 'i-0123456789abcdef0' does not exist"],
  ])('refuses %s', (_label, params, code, template) => {
    const sim = setup();
    const ids = {
      running: launchOne(sim).InstanceId,
      withProfile: launchOne(sim, { IamInstanceProfile: { Name: 'web' } }).InstanceId,
      terminated: launchOne(sim).InstanceId,
      pending: '',
    };
    sim.advance(5);
    sim.ok('ec2', 'TerminateInstances', { InstanceIds: [ids.terminated] });
    sim.advance(5);
    ids.pending = launchOne(sim).InstanceId;
    const message = template.replace(/\{(\w+)\}/g, (_m, k: keyof typeof ids) => ids[k]);
    expectFailure(sim, 'AssociateIamInstanceProfile', params(ids), code, message);
  });
});

describe('DescribeIamInstanceProfileAssociations', () => {
  it('filters by instance-id and state, and finds associations by id', () => {
    const sim = setup();
    const [a = '', b = ''] = launch(sim, { MinCount: 2, MaxCount: 2, IamInstanceProfile: { Name: 'web' } }).Instances.map((i) => i.InstanceId ?? '');
    sim.advance(5);
    const c = launchOne(sim, { IamInstanceProfile: { Name: 'reports-profile' } }).InstanceId;
    const byInstance = (id: string) => sim.state.tables.instances[id]?.associationId ?? '';
    const ids = (answer: Many) => answer.IamInstanceProfileAssociations.map((x) => x.InstanceId);
    expect(ids(describeAll(sim, { Filters: [{ Name: 'instance-id', Values: [b, c] }] }))).toEqual([b, c]);
    expect(ids(describeAll(sim, { Filters: [{ Name: 'state', Values: ['associated'] }] }))).toEqual([a, b]);
    expect(ids(describeAll(sim, { Filters: [{ Name: 'state', Values: ['associat*'] }, { Name: 'instance-id', Values: [c] }] }))).toEqual([c]);
    expect(ids(describeAll(sim, { AssociationIds: [byInstance(c), byInstance(a)] }))).toEqual([c, a]);
  });

  it('pages with MaxResults and NextToken', () => {
    const sim = setup();
    const instances = launch(sim, { MinCount: 12, MaxCount: 12, IamInstanceProfile: { Name: 'web' } }).Instances.map((i) => i.InstanceId);
    const seen: (string | undefined)[] = [];
    let token: string | undefined;
    const sizes: number[] = [];
    do {
      const page = describeAll(sim, { MaxResults: 5, ...(token ? { NextToken: token } : {}) });
      seen.push(...page.IamInstanceProfileAssociations.map((a) => a.InstanceId));
      sizes.push(page.IamInstanceProfileAssociations.length);
      if (page.NextToken) expect(Object.keys(page)).toEqual(['IamInstanceProfileAssociations', 'NextToken']);
      token = page.NextToken;
    } while (token);
    expect(sizes).toEqual([5, 5, 2]);
    expect(seen).toEqual(instances);
  });

  it.each([
    [{ AssociationIds: ['iip-assoc-0123456789abcdef0'] }, 'InvalidAssociationID.NotFound', "An invalid association-id of 'iip-assoc-0123456789abcdef0' was given"],
    [{ Filters: [{ Name: 'instance-state-name', Values: ['running'] }] }, 'InvalidParameterValue', "The filter 'instance-state-name' is invalid"],
    [{ MaxResults: 4 }, 'InvalidParameterValue', 'Value ( 4 ) for parameter maxResults is invalid. Expecting a value greater than 5.'],
    [{ MaxResults: 1001 }, 'InvalidParameterValue', 'Value ( 1001 ) for parameter maxResults is invalid. Expecting a value less than 1000.'],
    [{ NextToken: '@@' }, 'InvalidNextToken', "The token '@@' is invalid"],
  ])('rejects %j with %s', (params, code, message) => {
    const sim = setup();
    launchOne(sim, { IamInstanceProfile: { Name: 'web' } });
    expectFailure(sim, 'DescribeIamInstanceProfileAssociations', params, code, message);
  });
});

describe('ReplaceIamInstanceProfileAssociation and DisassociateIamInstanceProfile', () => {
  /** i: running with profile web (associated); s: stopped with web; p: pending with web. */
  function attached() {
    const sim = setup();
    const [i = '', s = ''] = launch(sim, { MinCount: 2, MaxCount: 2, IamInstanceProfile: { Name: 'web' } }).Instances.map((x) => x.InstanceId ?? '');
    sim.advance(5);
    sim.ok('ec2', 'StopInstances', { InstanceIds: [s] });
    sim.advance(5);
    const p = launchOne(sim, { IamInstanceProfile: { Name: 'web' } }).InstanceId;
    const assoc = (id: string) => sim.state.tables.instances[id]?.associationId ?? '';
    return { sim, i: assoc(i), s: assoc(s), p: assoc(p), instance: { i, s, p } };
  }

  it('refuses to replace on a stopped instance, an association being removed, and bad profiles', () => {
    const { sim, i, s, instance } = attached();
    const replace = (AssociationId: string, IamInstanceProfile: Record<string, string> = { Name: 'reports-profile' }) => ({ AssociationId, IamInstanceProfile });
    expectFailure(sim, 'ReplaceIamInstanceProfileAssociation', replace(s), 'IncorrectInstanceState', `The instance '${instance.s}' is not in the 'running' state.`);
    expectFailure(sim, 'ReplaceIamInstanceProfileAssociation', replace('iip-assoc-0123456789abcdef0'), 'InvalidAssociationID.NotFound', "An invalid association-id of 'iip-assoc-0123456789abcdef0' was given");
    expectFailure(sim, 'ReplaceIamInstanceProfileAssociation', replace(i, { Name: 'orphan' }), 'InvalidParameterValue', 'Value (orphan) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name');
    expectFailure(sim, 'ReplaceIamInstanceProfileAssociation', { AssociationId: i }, 'MissingParameter', 'The request must contain the parameter IamInstanceProfile');
    sim.ok('ec2', 'DisassociateIamInstanceProfile', { AssociationId: i });
    expectFailure(sim, 'ReplaceIamInstanceProfileAssociation', replace(i), 'InvalidAssociationID.NotFound', `An invalid association-id of '${i}' was given`);
    expectConsistent(sim);
  });

  it('detaches from a stopped instance, repeats harmlessly, and refuses a pending one', () => {
    const { sim, s, p, instance } = attached();
    const first = sim.ok<One>('ec2', 'DisassociateIamInstanceProfile', { AssociationId: s });
    expect(first.IamInstanceProfileAssociation.State).toBe('disassociating');
    // Associating again while the old one is on its way out still meets it.
    expectFailure(sim, 'AssociateIamInstanceProfile', { InstanceId: instance.s, IamInstanceProfile: { Name: 'web' } }, 'IncorrectState', `There is an existing association for instance ${instance.s}`);
    expectUnchanged(sim, () => expect(sim.ok<One>('ec2', 'DisassociateIamInstanceProfile', { AssociationId: s })).toEqual(first));
    expectFailure(sim, 'DisassociateIamInstanceProfile', { AssociationId: p }, 'IncorrectInstanceState', `The instance '${instance.p}' is not in the 'running' or 'stopped' states.`);
    expectFailure(sim, 'DisassociateIamInstanceProfile', { AssociationId: 'iip-assoc-0123456789abcdef0' }, 'InvalidAssociationID.NotFound', "An invalid association-id of 'iip-assoc-0123456789abcdef0' was given");
    expectFailure(sim, 'DisassociateIamInstanceProfile', {}, 'MissingParameter', 'The request must contain the parameter AssociationId');
    sim.advance(3);
    sim.ok('ec2', 'AssociateIamInstanceProfile', { InstanceId: instance.s, IamInstanceProfile: { Name: 'reports-profile' } });
    expectConsistent(sim);
  });
});

describe('permissions', () => {
  const env = (state: SimState): OpEnv => ({ state, now: START, random: { nextUint32: () => 0 }, caller: { type: 'user' }, origin: 'cli' });
  it('asks for iam:PassRole on the role inside the profile when associating or replacing, on the instance', () => {
    const { sim, id } = runningInstance();
    const passReports = [{ action: 'iam:PassRole', resource: 'arn:aws:iam::123456789012:role/reports' }];
    const associate = { InstanceId: id, IamInstanceProfile: { Name: 'reports-profile' } };
    expect(associateIamInstanceProfile.extraPermissions?.(associate, env(sim.state))).toEqual(passReports);
    expect(associateIamInstanceProfile.extraPermissions?.({ InstanceId: id, IamInstanceProfile: { Name: 'empty' } }, env(sim.state))).toEqual([]);
    expect(associateIamInstanceProfile.resource?.(associate, env(sim.state))).toBe(`arn:aws:ec2:us-east-1:123456789012:instance/${id}`);
    const { IamInstanceProfileAssociation } = sim.ok<One>('ec2', 'AssociateIamInstanceProfile', { InstanceId: id, IamInstanceProfile: { Name: 'web' } });
    const replace = { AssociationId: IamInstanceProfileAssociation.AssociationId ?? '', IamInstanceProfile: { Arn: PROFILE_ARN('reports-profile') } };
    expect(replaceIamInstanceProfileAssociation.extraPermissions?.(replace, env(sim.state))).toEqual(passReports);
    expect(replaceIamInstanceProfileAssociation.resource?.(replace, env(sim.state))).toBe(`arn:aws:ec2:us-east-1:123456789012:instance/${id}`);
  });
});
