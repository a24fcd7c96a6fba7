import { describe, expect, it } from 'vitest';
import type { InstanceStateChange } from '../models/ec2.types';
import { describeOne, expectFailure, launch, launchOne, setup, type Sim } from './__tests__/setup';

const state = (Code: number, Name: string) => ({ Code, Name });
const RUNNING = state(16, 'running');
const STOPPED = state(80, 'stopped');

/** Three running instances, the first with profile `web`. */
function running() {
  const sim = setup();
  const ids = [launchOne(sim, { IamInstanceProfile: { Name: 'web' } }), ...launch(sim, { MinCount: 2, MaxCount: 2 }).Instances].map((i) => i.InstanceId ?? '');
  sim.advance(5);
  return { sim, ids };
}

const changes = (sim: Sim, operation: string, key: string, InstanceIds: string[]) => {
  const answer = sim.ok<Record<string, InstanceStateChange[]>>('ec2', operation, { InstanceIds });
  expect(Object.keys(answer)).toEqual([key]);
  return answer[key] ?? [];
};

describe('StopInstances and StartInstances', () => {
  it('stops running → stopping → stopped, then starts stopped → pending → running', () => {
    const { sim, ids } = running();
    const [id = ''] = ids;
    const stopping = changes(sim, 'StopInstances', 'StoppingInstances', [id]);
    expect(stopping).toEqual([{ InstanceId: id, CurrentState: state(64, 'stopping'), PreviousState: RUNNING }]);
    expect(Object.keys(stopping[0] ?? {})).toEqual(['InstanceId', 'CurrentState', 'PreviousState']);
    expect(describeOne(sim, id)).toMatchObject({
      State: state(64, 'stopping'),
      StateTransitionReason: 'User initiated (2026-01-15 09:00:05 GMT)',
      StateReason: { Code: 'Client.UserInitiatedShutdown', Message: 'Client.UserInitiatedShutdown: User initiated shutdown' },
    });
    sim.advance(5);
    const stopped = describeOne(sim, id);
    expect(stopped.State).toEqual(STOPPED);
    expect(stopped).not.toHaveProperty('PublicIpAddress');
    expect(stopped.PublicDnsName).toBe('');
    // The profile stays attached through a stop.
    expect(stopped.IamInstanceProfile).toBeDefined();

    expect(changes(sim, 'StartInstances', 'StartingInstances', [id])).toEqual([{ InstanceId: id, CurrentState: state(0, 'pending'), PreviousState: STOPPED }]);
    expect(describeOne(sim, id)).toMatchObject({ State: state(0, 'pending'), StateTransitionReason: '' });
    sim.advance(5);
    const restarted = describeOne(sim, id);
    expect(restarted.State).toEqual(RUNNING);
    expect(restarted.PublicIpAddress).toMatch(/^54\./);
  });

  it('reports an instance already where the request leads with CurrentState = PreviousState, in request order', () => {
    const { sim, ids } = running();
    const [a = '', b = '', c = ''] = ids;
    changes(sim, 'StopInstances', 'StoppingInstances', [b]);
    expect(changes(sim, 'StopInstances', 'StoppingInstances', [c, b, c])).toEqual([
      { InstanceId: c, CurrentState: state(64, 'stopping'), PreviousState: RUNNING },
      { InstanceId: b, CurrentState: state(64, 'stopping'), PreviousState: state(64, 'stopping') },
    ]);
    sim.advance(5);
    expect(changes(sim, 'StopInstances', 'StoppingInstances', [b]).map((s) => s.CurrentState)).toEqual([STOPPED]);
    expect(changes(sim, 'StartInstances', 'StartingInstances', [a])).toEqual([{ InstanceId: a, CurrentState: RUNNING, PreviousState: RUNNING }]);
  });

  it('accepts Force and Hibernate', () => {
    const { sim, ids } = running();
    const [id = ''] = ids;
    const answer = sim.ok<{ StoppingInstances: InstanceStateChange[] }>('ec2', 'StopInstances', { InstanceIds: [id], Force: true, Hibernate: true });
    expect(answer.StoppingInstances[0]?.CurrentState).toEqual(state(64, 'stopping'));
  });
});

describe('TerminateInstances', () => {
  it('goes → shutting-down → terminated, drops the profile association, and is idempotent', () => {
    const { sim, ids } = running();
    const [id = ''] = ids;
    const associationId = sim.state.tables.instances[id]?.associationId ?? '';
    expect(sim.state.tables.associations[associationId]).toBeDefined();
    expect(changes(sim, 'TerminateInstances', 'TerminatingInstances', [id])).toEqual([{ InstanceId: id, CurrentState: state(32, 'shutting-down'), PreviousState: RUNNING }]);
    expect(describeOne(sim, id).StateTransitionReason).toBe('User initiated (2026-01-15 09:00:05 GMT)');
    expect(changes(sim, 'TerminateInstances', 'TerminatingInstances', [id])).toEqual([{ InstanceId: id, CurrentState: state(32, 'shutting-down'), PreviousState: state(32, 'shutting-down') }]);
    sim.advance(5);
    expect(changes(sim, 'TerminateInstances', 'TerminatingInstances', [id])).toEqual([{ InstanceId: id, CurrentState: state(48, 'terminated'), PreviousState: state(48, 'terminated') }]);
    expect(sim.state.tables.instances[id]?.associationId).toBeNull();
    expect(sim.state.tables.associations).toEqual({});
    expect(Object.keys(sim.state.tables.schedule)).toEqual([`instance-expire:${id}`]);
  });

  it('terminates a stopped instance', () => {
    const { sim, ids } = running();
    const [id = ''] = ids;
    changes(sim, 'StopInstances', 'StoppingInstances', [id]);
    sim.advance(5);
    expect(changes(sim, 'TerminateInstances', 'TerminatingInstances', [id])).toEqual([{ InstanceId: id, CurrentState: state(32, 'shutting-down'), PreviousState: STOPPED }]);
  });

  it('terminates nothing when one id is bad', () => {
    const { sim, ids } = running();
    expectFailure(sim, 'TerminateInstances', { InstanceIds: [...ids, 'i-0123456789abcdef0'] }, 'InvalidInstanceID.NotFound', "The instance ID 'i-0123456789abcdef0' does not exist");
    for (const id of ids) expect(describeOne(sim, id).State).toEqual(RUNNING);
  });
});

describe('RebootInstances', () => {
  it('answers with nothing and leaves a running or pending instance as it is', () => {
    const sim = setup();
    const { InstanceId } = launchOne(sim);
    expect(sim.ok('ec2', 'RebootInstances', { InstanceIds: [InstanceId] })).toEqual({});
    sim.advance(5);
    expect(sim.ok('ec2', 'RebootInstances', { InstanceIds: [InstanceId] })).toEqual({});
    expect(describeOne(sim, InstanceId).State).toEqual(RUNNING);
  });
});

describe('instance state errors', () => {
  /** a: running, b: stopping, c: terminated, p: pending, s: stopped. */
  function mixed() {
    const { sim, ids } = running();
    const [a = '', b = '', c = ''] = ids;
    const [s = ''] = launch(sim).Instances.map((i) => i.InstanceId ?? '');
    sim.advance(5);
    sim.ok('ec2', 'TerminateInstances', { InstanceIds: [c] });
    sim.ok('ec2', 'StopInstances', { InstanceIds: [s] });
    sim.advance(5);
    sim.ok('ec2', 'StopInstances', { InstanceIds: [b] });
    const p = launchOne(sim).InstanceId;
    return { sim, ids: { a, b, c, p, s } };
  }
  type Key = 'a' | 'b' | 'c' | 'p' | 's';

  it.each<[string, Key[], string, string]>([
    ['StartInstances', ['c'], 'IncorrectInstanceState', "The instance '{c}' is not in a state from which it can be started."],
    ['StartInstances', ['s', 'b'], 'IncorrectInstanceState', "The instance '{b}' is not in a state from which it can be started."],
    ['StopInstances', ['p'], 'IncorrectInstanceState', "This instance '{p}' is not in a state from which it can be stopped."],
    ['StopInstances', ['a', 'c'], 'IncorrectInstanceState', "This instance '{c}' is not in a state from which it can be stopped."],
    ['RebootInstances', ['s'], 'IncorrectInstanceState', "The instance '{s}' is not in a state from which it can be rebooted."],
    ['RebootInstances', ['c'], 'IncorrectInstanceState', "The instance '{c}' is not in a state from which it can be rebooted."],
  ])('%s %j fails with %s', (operation, keys, code, template) => {
    const { sim, ids } = mixed();
    const message = template.replace(/\{(\w)\}/g, (_m, k: Key) => ids[k]);
    expectFailure(sim, operation, { InstanceIds: keys.map((k) => ids[k]) }, code, message);
  });

  it.each(['StartInstances', 'StopInstances', 'TerminateInstances', 'RebootInstances'])('%s checks ids and honours DryRun', (operation) => {
    const { sim, ids } = running();
    expectFailure(sim, operation, { InstanceIds: ['i-bad'] }, 'InvalidInstanceID.Malformed', 'Invalid id: "i-bad"');
    expectFailure(sim, operation, { InstanceIds: ['i-1234abcd', 'i-0123456789abcdef0'] }, 'InvalidInstanceID.NotFound', "The instance IDs 'i-1234abcd, i-0123456789abcdef0' do not exist");
    expectFailure(sim, operation, { InstanceIds: [] }, 'MissingParameter', 'The request must contain the parameter InstanceId');
    expectFailure(sim, operation, {}, 'MissingParameter', 'The request must contain the parameter InstanceIds');
    expectFailure(sim, operation, { InstanceIds: ids, DryRun: true }, 'DryRunOperation', 'Request would have succeeded, but DryRun flag is set.');
  });
});

describe('ModifyInstanceMetadataOptions', () => {
  it('changes the named options, keeps the rest, and answers with them pending', () => {
    const { sim, ids } = running();
    const [id = ''] = ids;
    const answer = sim.ok<Record<string, Record<string, unknown>>>('ec2', 'ModifyInstanceMetadataOptions', { InstanceId: id, HttpTokens: 'required', HttpPutResponseHopLimit: 2 });
    expect(Object.keys(answer)).toEqual(['InstanceId', 'InstanceMetadataOptions']);
    expect(answer.InstanceId).toBe(id);
    expect(answer.InstanceMetadataOptions).toEqual({ State: 'pending', HttpTokens: 'required', HttpPutResponseHopLimit: 2, HttpEndpoint: 'enabled', HttpProtocolIpv6: 'disabled', InstanceMetadataTags: 'disabled' });
    expect(Object.keys(answer.InstanceMetadataOptions ?? {})).toEqual(['State', 'HttpTokens', 'HttpPutResponseHopLimit', 'HttpEndpoint', 'HttpProtocolIpv6', 'InstanceMetadataTags']);
    sim.ok('ec2', 'ModifyInstanceMetadataOptions', { InstanceId: id, HttpEndpoint: 'disabled' });
    expect(describeOne(sim, id).MetadataOptions).toEqual({ State: 'applied', HttpTokens: 'required', HttpPutResponseHopLimit: 2, HttpEndpoint: 'disabled', HttpProtocolIpv6: 'disabled', InstanceMetadataTags: 'disabled' });
  });

  it.each<[Record<string, unknown>, string, string]>([
    [{ HttpPutResponseHopLimit: 65 }, 'InvalidParameterValue', 'Value (65) for parameter HttpPutResponseHopLimit is invalid. Expecting a value between 1 and 64.'],
    [{ HttpTokens: 'maybe' }, 'InvalidParameterValue', "Invalid value 'maybe' for HttpTokens."],
    [{ HttpEndpoint: 'on' }, 'InvalidParameterValue', "Invalid value 'on' for HttpEndpoint."],
    [{ InstanceId: undefined }, 'MissingParameter', 'The request must contain the parameter InstanceId'],
    [{ InstanceId: 'i-xyz' }, 'InvalidInstanceID.Malformed', 'Invalid id: "i-xyz"'],
    [{ InstanceId: 'i-0123456789abcdef0' }, 'InvalidInstanceID.NotFound', "The instance ID 'i-0123456789abcdef0' does not exist"],
    [{ DryRun: true, HttpTokens: 'required' }, 'DryRunOperation', 'Request would have succeeded, but DryRun flag is set.'],
  ])('rejects %j with %s', (params, code, message) => {
    const { sim, ids } = running();
    expectFailure(sim, 'ModifyInstanceMetadataOptions', { InstanceId: ids[0], ...params }, code, message);
  });

  it('refuses a terminated instance', () => {
    const { sim, ids } = running();
    const [id = ''] = ids;
    sim.ok('ec2', 'TerminateInstances', { InstanceIds: [id] });
    expectFailure(sim, 'ModifyInstanceMetadataOptions', { InstanceId: id, HttpTokens: 'required' }, 'IncorrectInstanceState', `The instance '${id}' is not in a valid state for this operation.`);
  });
});
