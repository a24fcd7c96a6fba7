import { describe, expect, it } from 'vitest';
import type { Reservation } from '../models/ec2.types';
import { emptyState } from '../core/state';
import { AMI, PROFILE_ARN, expectFailure, launch, launchOne, profileId, setup, type Sim } from './__tests__/setup';
import { defaultSubnetId, defaultVpcId } from './network';

type Answer = { Reservations: Reservation[]; NextToken?: string };

const describeIds = (sim: Sim, params: Record<string, unknown> = {}): string[] =>
  sim.ok<Answer>('ec2', 'DescribeInstances', params).Reservations.flatMap((r) => (r.Instances ?? []).map((i) => i.InstanceId ?? ''));

describe('DescribeInstances', () => {
  it('groups instances by reservation, in launch order', () => {
    const sim = setup();
    const first = launch(sim, { MinCount: 2, MaxCount: 2 });
    const second = launch(sim);
    const answer = sim.ok<Answer>('ec2', 'DescribeInstances');
    expect(Object.keys(answer)).toEqual(['Reservations']);
    expect(answer.Reservations.map((r) => Object.keys(r))).toEqual([
      ['ReservationId', 'OwnerId', 'Groups', 'Instances'],
      ['ReservationId', 'OwnerId', 'Groups', 'Instances'],
    ]);
    expect(answer.Reservations.map((r) => [r.ReservationId, r.Instances?.length])).toEqual([[first.ReservationId, 2], [second.ReservationId, 1]]);
    expect(describeIds(sim, { InstanceIds: [second.Instances[0]?.InstanceId] })).toEqual([second.Instances[0]?.InstanceId]);
  });

  it('keeps a terminated instance listed for timing.terminatedRetentionSeconds, without its network', () => {
    const sim = setup({ account: { timing: { ...emptyState().account.timing, terminatedRetentionSeconds: 60 } } });
    const { InstanceId } = launchOne(sim, { IamInstanceProfile: { Name: 'web' } });
    sim.advance(5);
    sim.ok('ec2', 'TerminateInstances', { InstanceIds: [InstanceId] });
    sim.advance(5);
    const [instance] = sim.ok<Answer>('ec2', 'DescribeInstances', { InstanceIds: [InstanceId] }).Reservations[0]?.Instances ?? [];
    expect(instance).toMatchObject({ State: { Code: 48, Name: 'terminated' }, PrivateDnsName: '', PublicDnsName: '', SecurityGroups: [] });
    for (const gone of ['IamInstanceProfile', 'SubnetId', 'VpcId', 'PrivateIpAddress', 'PublicIpAddress']) expect(instance).not.toHaveProperty(gone);
    sim.advance(60);
    expect(describeIds(sim)).toEqual([]);
    expectFailure(sim, 'DescribeInstances', { InstanceIds: [InstanceId] }, 'InvalidInstanceID.NotFound', `The instance ID '${InstanceId}' does not exist`);
  });

  it.each([
    [{ InstanceIds: ['i-bad'] }, 'InvalidInstanceID.Malformed', 'Invalid id: "i-bad"'],
    [{ InstanceIds: ['i-0123456789abcdef'] }, 'InvalidInstanceID.Malformed', 'Invalid id: "i-0123456789abcdef"'],
    [{ InstanceIds: ['i-0123456789ABCDEF0'] }, 'InvalidInstanceID.Malformed', 'Invalid id: "i-0123456789ABCDEF0"'],
    [{ InstanceIds: ['i-0123456789abcdef0'] }, 'InvalidInstanceID.NotFound', "The instance ID 'i-0123456789abcdef0' does not exist"],
    [{ InstanceIds: ['i-0123456789abcdef0', 'i-1234abcd'] }, 'InvalidInstanceID.NotFound', "The instance IDs 'i-0123456789abcdef0, i-1234abcd' do not exist"],
    [{ InstanceIds: ['i-0123456789abcdef0'], MaxResults: 10 }, 'InvalidParameterCombination', 'The parameter instancesSet cannot be used with the parameter maxResults'],
    [{ MaxResults: 4 }, 'InvalidParameterValue', 'Value ( 4 ) for parameter maxResults is invalid. Expecting a value greater than 5.'],
    [{ MaxResults: 1001 }, 'InvalidParameterValue', 'Value ( 1001 ) for parameter maxResults is invalid. Expecting a value less than 1000.'],
    [{ Filters: [{ Name: 'instance-state', Values: ['running'] }] }, 'InvalidParameterValue', "The filter 'instance-state' is invalid"],
    [{ Filters: [{ Values: ['running'] }] }, 'InvalidParameterValue', "The filter 'null' is invalid"],
    [{ NextToken: 'not a token' }, 'InvalidNextToken', "The token 'not a token' is invalid"],
    [{ DryRun: true }, 'DryRunOperation', 'Request would have succeeded, but DryRun flag is set.'],
  ])('rejects %j with %s', (params, code, message) => {
    const sim = setup();
    launchOne(sim);
    expectFailure(sim, 'DescribeInstances', params, code, message);
  });

  it('names every missing id but reports a malformed one first', () => {
    const sim = setup();
    const { InstanceId } = launchOne(sim);
    expectFailure(sim, 'DescribeInstances', { InstanceIds: [InstanceId, 'i-0123456789abcdef0', 'i-nope'] }, 'InvalidInstanceID.Malformed', 'Invalid id: "i-nope"');
    expectFailure(sim, 'DescribeInstances', { InstanceIds: [InstanceId, 'i-0123456789abcdef0'] }, 'InvalidInstanceID.NotFound', "The instance ID 'i-0123456789abcdef0' does not exist");
  });

  describe('filters', () => {
    // a: running with profile web; b: stopped with reports-profile; c: terminated, no profile.
    function fleet() {
      const sim = setup();
      const a = launchOne(sim, { InstanceType: 't3.micro', KeyName: 'k1', IamInstanceProfile: { Name: 'web' }, TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web-1' }, { Key: 'env', Value: 'prod' }] }] });
      const b = launchOne(sim, { InstanceType: 't3.small', IamInstanceProfile: { Name: 'reports-profile' }, TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web-2' }, { Key: 'env', Value: 'dev' }] }] });
      const c = launchOne(sim, { InstanceType: 'm5.large', KeyName: 'k2' });
      sim.advance(5);
      sim.ok('ec2', 'StopInstances', { InstanceIds: [b.InstanceId] });
      sim.ok('ec2', 'TerminateInstances', { InstanceIds: [c.InstanceId] });
      sim.advance(5);
      return { sim, ids: { a: a.InstanceId, b: b.InstanceId, c: c.InstanceId }, reservation: a.InstanceId && sim.state.tables.instances[a.InstanceId]?.ReservationId };
    }

    const f = (Name: string, ...Values: string[]) => ({ Name, Values });
    it.each([
      ['instance-state-name', [f('instance-state-name', 'running')], ['a']],
      ['several values (OR)', [f('instance-state-name', 'stopped', 'terminated')], ['b', 'c']],
      ['instance-state-code', [f('instance-state-code', '16')], ['a']],
      ['instance-type with *', [f('instance-type', 't3.*')], ['a', 'b']],
      ['instance-type with ?', [f('instance-type', '?5.large')], ['c']],
      ['image-id', [f('image-id', AMI)], ['a', 'b', 'c']],
      ['iam-instance-profile.arn', [f('iam-instance-profile.arn', PROFILE_ARN('web'))], ['a']],
      ['iam-instance-profile.arn with *', [f('iam-instance-profile.arn', '*:instance-profile/*')], ['a', 'b']],
      ['key-name', [f('key-name', 'k*')], ['a', 'c']],
      ['tag:KEY', [f('tag:Name', 'web-*')], ['a', 'b']],
      ['tag:KEY is case-sensitive', [f('tag:name', 'web-*')], []],
      ['tag-key', [f('tag-key', 'env')], ['a', 'b']],
      ['tag-value', [f('tag-value', 'dev')], ['b']],
      ['an escaped * is literal', [f('tag:Name', 'web-\\*')], []],
      ['filters combine (AND)', [f('instance-state-name', 'running', 'stopped'), f('tag:env', 'prod')], ['a']],
      ['a filter with no values matches nothing', [f('instance-type')], []],
    ])('%s', (_label, Filters, expected) => {
      const { sim, ids } = fleet();
      expect(describeIds(sim, { Filters })).toEqual(expected.map((k) => ids[k as keyof typeof ids]));
    });

    it('filters by reservation, profile id, subnet and VPC', () => {
      const { sim, ids, reservation } = fleet();
      const { account } = sim.state;
      expect(describeIds(sim, { Filters: [f('reservation-id', reservation ?? '')] })).toEqual([ids.a]);
      expect(describeIds(sim, { Filters: [f('iam-instance-profile.id', profileId(sim, 'reports-profile'))] })).toEqual([ids.b]);
      // A terminated instance has left its subnet and VPC.
      expect(describeIds(sim, { Filters: [f('subnet-id', defaultSubnetId(account))] })).toEqual([ids.a, ids.b]);
      expect(describeIds(sim, { Filters: [f('vpc-id', defaultVpcId(account))] })).toEqual([ids.a, ids.b]);
      expect(describeIds(sim, { InstanceIds: [ids.c, ids.a], Filters: [f('instance-state-name', 'running')] })).toEqual([ids.a]);
    });
  });

  describe('paging', () => {
    it('splits a reservation across pages when MaxResults falls inside it', () => {
      const sim = setup();
      launch(sim, { MinCount: 4, MaxCount: 4 });
      launch(sim, { MinCount: 4, MaxCount: 4 });
      const first = sim.ok<Answer>('ec2', 'DescribeInstances', { MaxResults: 5 });
      expect(Object.keys(first)).toEqual(['NextToken', 'Reservations']);
      expect(first.Reservations.map((r) => r.Instances?.length)).toEqual([4, 1]);
      const second = sim.ok<Answer>('ec2', 'DescribeInstances', { MaxResults: 5, NextToken: first.NextToken });
      expect(second).not.toHaveProperty('NextToken');
      expect(second.Reservations.map((r) => [r.ReservationId, r.Instances?.length])).toEqual([[first.Reservations[1]?.ReservationId, 3]]);
    });

    it('resumes after the last instance seen even when earlier ones have expired', () => {
      const sim = setup({ account: { timing: { ...emptyState().account.timing, terminatedRetentionSeconds: 0 } } });
      const ids = launch(sim, { MinCount: 10, MaxCount: 10 }).Instances.map((i) => i.InstanceId ?? '');
      const first = sim.ok<Answer>('ec2', 'DescribeInstances', { MaxResults: 5 });
      sim.advance(5);
      sim.ok('ec2', 'TerminateInstances', { InstanceIds: ids.slice(0, 2) });
      sim.advance(5);
      expect(describeIds(sim)).toEqual(ids.slice(2));
      expect(describeIds(sim, { MaxResults: 5, NextToken: first.NextToken })).toEqual(ids.slice(5));
    });

    it('returns each of 10,000 instances exactly once, page by page', () => {
      const sim = setup();
      for (let i = 0; i < 10; i++) launch(sim, { MinCount: 1000, MaxCount: 1000 });
      const seen: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const page = sim.ok<Answer>('ec2', 'DescribeInstances', { MaxResults: 1000, ...(token ? { NextToken: token } : {}) });
        seen.push(...page.Reservations.flatMap((r) => (r.Instances ?? []).map((i) => i.InstanceId ?? '')));
        token = page.NextToken;
        pages++;
      } while (token);
      expect(pages).toBe(10);
      expect(seen).toHaveLength(10_000);
      expect(new Set(seen).size).toBe(10_000);
      expect(seen).toEqual(Object.keys(sim.state.tables.instances));
      // A filtered listing pages the same way.
      const tagged = describeIds(sim, { Filters: [{ Name: 'ami-launch-index', Values: ['99?'] }] });
      expect(tagged).toHaveLength(100);
    });
  });
});
