import { describe, expect, it } from 'vitest';
import { runConsoleAction, type ConsoleAction } from '../../../sim';
import { EC2_TRUST, makeSim } from '../../../sim/__tests__/harness';
import { ID_PATTERNS } from '../../../sim/ec2/network';
import { AMI_CHOICES, DEFAULT_LAUNCH_FORM, findInstance, instanceRows, launchAction, profileOptions, stateActions, type InstanceRow } from './ec2';

const published = (sim: ReturnType<typeof makeSim>) => structuredClone(sim.state);

function act(sim: ReturnType<typeof makeSim>, action: ConsoleAction) {
  const result = runConsoleAction(sim.state, action, sim.ctx);
  if (result.error) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result;
}

const launched = (sim: ReturnType<typeof makeSim>, action: Omit<Extract<ConsoleAction, { type: 'ec2.launchInstance' }>, 'type' | 'imageId' | 'instanceType'>): string => {
  const result = act(sim, { type: 'ec2.launchInstance', imageId: AMI_CHOICES[0].id, instanceType: 't3.micro', ...action });
  const run = result.calls.find((c) => c.operation === 'RunInstances');
  return (run?.outcome.ok ? (run.outcome.response as { Instances: { InstanceId: string }[] }).Instances[0]?.InstanceId : undefined) ?? '';
};

describe('the IAM role of an instance (F5)', () => {
  const sim = makeSim();
  act(sim, { type: 'iam.createServiceRole', useCase: 'ec2', roleName: 'web', managedPolicyArns: [], tags: [] });
  sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: 'sample-profile' });
  sim.ok('iam', 'CreateRole', { RoleName: 'other', AssumeRolePolicyDocument: EC2_TRUST });
  sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: 'Different-Name' });
  sim.ok('iam', 'AddRoleToInstanceProfile', { InstanceProfileName: 'Different-Name', RoleName: 'other' });
  sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: 'doomed' });
  const withRole = launched(sim, { name: 'web-1', instanceProfileName: 'web' });
  const empty = launched(sim, { instanceProfileName: 'sample-profile' });
  const other = launched(sim, { instanceProfileName: 'Different-Name', keyName: 'mykey', httpTokens: 'required' });
  const gone = launched(sim, { instanceProfileName: 'doomed' });
  sim.ok('iam', 'DeleteInstanceProfile', { InstanceProfileName: 'doomed' });
  sim.advance(1);
  const bare = launched(sim, {});
  const state = published(sim);

  it.each([
    ['the role inside the profile', withRole, { kind: 'role', roleName: 'web', profileName: 'web' }],
    ['an empty profile, named', empty, { kind: 'emptyProfile', profileName: 'sample-profile' }],
    ['a profile whose name differs from its role', other, { kind: 'role', roleName: 'other', profileName: 'Different-Name' }],
    ['a profile deleted after it was attached', gone, { kind: 'missingProfile', profileName: 'doomed' }],
    ['no profile', bare, { kind: 'none' }],
  ])('%s', (_name, instanceId, cell) => {
    expect(findInstance(state, instanceId)?.iamRole).toEqual(cell);
  });

  it('lists instances newest first, with their Name tag and launch settings', () => {
    const rows = instanceRows(state);
    expect(rows[0]?.instanceId).toBe(bare);
    expect(rows).toHaveLength(5);
    const web = rows.find((r) => r.instanceId === withRole);
    expect(web).toMatchObject({ name: 'web-1', state: 'pending', instanceType: 't3.micro', imageId: AMI_CHOICES[0].id, httpTokens: 'optional', instanceProfileArn: 'arn:aws:iam::123456789012:instance-profile/web' });
    expect(web).not.toHaveProperty('publicIp');
    expect(findInstance(state, other)).toMatchObject({ keyName: 'mykey', httpTokens: 'required' });
    expect(findInstance(state, bare)).not.toHaveProperty('instanceProfileArn');
  });

  it('searches by id or Name', () => {
    expect(instanceRows(state, 'WEB-').map((r) => r.instanceId)).toEqual([withRole]);
    expect(instanceRows(state, bare.slice(0, 8)).map((r) => r.instanceId)).toContain(bare);
    expect(instanceRows(state, 'nothing')).toEqual([]);
  });

  it('never finds Object\'s own properties', () => {
    expect(findInstance(state, 'constructor')).toBeUndefined();
    expect(findInstance(state, '__proto__')).toBeUndefined();
  });

  it('offers every profile by name for the dropdowns, empty ones included', () => {
    expect(profileOptions(state)).toEqual([
      { name: 'Different-Name', arn: 'arn:aws:iam::123456789012:instance-profile/Different-Name', roleName: 'other' },
      { name: 'sample-profile', arn: 'arn:aws:iam::123456789012:instance-profile/sample-profile', roleName: null },
      { name: 'web', arn: 'arn:aws:iam::123456789012:instance-profile/web', roleName: 'web' },
    ]);
  });

  it('shows a running instance\'s public address', () => {
    sim.advance(60);
    sim.ok('ec2', 'DescribeInstances', {});
    expect(findInstance(published(sim), withRole)).toMatchObject({ state: 'running', publicIp: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/) });
  });
});

describe('the launch form', () => {
  it('has AMI ids EC2 accepts', () => {
    for (const ami of AMI_CHOICES) expect(ami.id).toMatch(ID_PATTERNS.image);
  });

  it.each([
    ['the defaults', DEFAULT_LAUNCH_FORM, { type: 'ec2.launchInstance', imageId: AMI_CHOICES[0].id, instanceType: 't3.micro' }],
    [
      'every field, trimmed',
      { name: ' web ', imageId: 'ami-0e2c8caa4b6378d8c', instanceType: 't2.micro', keyName: ' k ', instanceProfileName: 'sample-profile', httpTokens: 'required' as const },
      { type: 'ec2.launchInstance', imageId: 'ami-0e2c8caa4b6378d8c', instanceType: 't2.micro', name: 'web', keyName: 'k', instanceProfileName: 'sample-profile', httpTokens: 'required' },
    ],
    ['blank name and key left out', { ...DEFAULT_LAUNCH_FORM, name: '  ', keyName: ' ' }, { type: 'ec2.launchInstance', imageId: AMI_CHOICES[0].id, instanceType: 't3.micro' }],
  ])('%s', (_name, form, action) => {
    expect(launchAction(form)).toEqual(action);
  });
});

describe('stateActions', () => {
  const row = (state: InstanceRow['state']) => ({ state }) as InstanceRow;
  it.each([
    [[], { start: false, stop: false, terminate: false }],
    [[row('running')], { start: false, stop: true, terminate: true }],
    [[row('stopped')], { start: true, stop: false, terminate: true }],
    [[row('pending')], { start: false, stop: true, terminate: true }],
    [[row('terminated'), row('shutting-down')], { start: false, stop: false, terminate: false }],
    [[row('running'), row('stopped')], { start: true, stop: true, terminate: true }],
  ])('%j', (rows, expected) => {
    expect(stateActions(rows)).toEqual(expected);
  });
});
