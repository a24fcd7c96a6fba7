import type {
  InstanceStateChange,
  RebootInstancesRequest,
  StartInstancesRequest,
  StartInstancesResult,
  StopInstancesRequest,
  StopInstancesResult,
  TerminateInstancesRequest,
  TerminateInstancesResult,
} from '../models/ec2.types';
import { exhaustive } from '../core/assert';
import { put, type Change } from '../core/changes';
import type { AwsError } from '../core/errors';
import { defineOperation, done, fail, type OpEnv, type OpResult } from '../core/operation';
import type { InstanceRecord, InstanceStateName, Timing } from '../core/state';
import { isoSeconds } from '../core/time';
import { schedule } from '../clock';
import { ec2Errors } from './errors';
import { stateChange } from './instanceView';
import { findInstances, instancesResource } from './lookup';
import { publicIpAddress } from './network';
import { instanceState } from './states';

/**
 * Start, stop, terminate and reboot. Every id is checked before anything changes: one bad id
 * or one instance in the wrong state fails the whole request. An instance already where the
 * request would take it is reported with CurrentState equal to PreviousState [BEL].
 */

/** What a request does to one instance: nothing, a move into a transient state, or an error. */
type Plan = 'unchanged' | { to: InstanceStateName; then: InstanceStateName; delay: keyof Timing } | AwsError;

const refusal = (plan: Plan): plan is AwsError => typeof plan === 'object' && 'code' in plan;

/** `User initiated (2026-01-15 09:00:00 GMT)`, as EC2 words a user's stop or terminate. */
export const userInitiated = (now: number): string => `User initiated (${isoSeconds(now).replace('T', ' ').replace('Z', ' GMT')})`;

const USER_SHUTDOWN = { Code: 'Client.UserInitiatedShutdown', Message: 'Client.UserInitiatedShutdown: User initiated shutdown' };

function planStart(instance: InstanceRecord): Plan {
  switch (instance.State.Name) {
    case 'stopped':
      return { to: 'pending', then: 'running', delay: 'instanceStartSeconds' };
    case 'pending':
    case 'running':
      return 'unchanged';
    case 'stopping':
    case 'shutting-down':
    case 'terminated':
      return ec2Errors.cannotStart(instance.InstanceId);
    default:
      return exhaustive(instance.State.Name);
  }
}

function planStop(instance: InstanceRecord): Plan {
  switch (instance.State.Name) {
    case 'running':
      return { to: 'stopping', then: 'stopped', delay: 'instanceStopSeconds' };
    case 'stopping':
    case 'stopped':
      return 'unchanged';
    case 'pending':
    case 'shutting-down':
    case 'terminated':
      return ec2Errors.cannotStop(instance.InstanceId);
    default:
      return exhaustive(instance.State.Name);
  }
}

function planTerminate(instance: InstanceRecord): Plan {
  const name = instance.State.Name;
  return name === 'shutting-down' || name === 'terminated' ? 'unchanged' : { to: 'shutting-down', then: 'terminated', delay: 'instanceTerminateSeconds' };
}

/** The instance after the move, with the bookkeeping EC2 shows for it. */
function moved(env: OpEnv, instance: InstanceRecord, to: InstanceStateName): InstanceRecord {
  const next: InstanceRecord = { ...instance, State: instanceState(to) };
  if (to === 'pending') {
    // A restarted instance gets a fresh public address (the old one was released at stop).
    next.StateTransitionReason = '';
    delete next.StateReason;
    if (instance.PublicIpAddress !== undefined) next.PublicIpAddress = publicIpAddress(env.random);
  } else {
    next.StateTransitionReason = userInitiated(env.now);
    next.StateReason = { ...USER_SHUTDOWN };
  }
  return next;
}

function changeStates(
  env: OpEnv,
  ids: readonly string[],
  dryRun: boolean | undefined,
  plan: (instance: InstanceRecord) => Plan,
): OpResult<InstanceStateChange[]> {
  if (!ids.length) return fail(ec2Errors.missingParameter('InstanceId')); // [BEL] an empty list is not sent at all
  const found = findInstances(env, ids);
  if (!found.ok) return fail(found.error);
  const plans = found.value.map((instance) => ({ instance, plan: plan(instance) }));
  const refused = plans.map((p) => p.plan).find(refusal);
  if (refused) return fail(refused);
  if (dryRun) return fail(ec2Errors.dryRun());
  const changes: Change[] = [];
  const report = plans.map(({ instance, plan: p }) => {
    if (p === 'unchanged' || refusal(p)) return stateChange(instance.InstanceId, instance.State, instance.State);
    const next = moved(env, instance, p.to);
    const at = env.now + env.state.account.timing[p.delay] * 1000;
    changes.push(put('instances', instance.InstanceId, next), schedule({ kind: 'instance-state', at, instanceId: instance.InstanceId, to: p.then }));
    return stateChange(instance.InstanceId, instance.State, next.State);
  });
  return done(report, changes);
}

function withKey<K extends string>(key: K, result: OpResult<InstanceStateChange[]>): OpResult<Record<K, InstanceStateChange[]>> {
  if (!result.ok) return result;
  return done({ [key]: result.value.response } as Record<K, InstanceStateChange[]>, result.value.changes);
}

export const startInstances = defineOperation({
  service: 'ec2',
  name: 'StartInstances',
  resource: (input: StartInstancesRequest, env) => instancesResource(env, input.InstanceIds),
  handler: (input: StartInstancesRequest, env): OpResult<StartInstancesResult> =>
    withKey('StartingInstances', changeStates(env, input.InstanceIds, input.DryRun, planStart)),
});

/** `Force` and `Hibernate` are accepted; the simulated instance stops the same way either way. */
export const stopInstances = defineOperation({
  service: 'ec2',
  name: 'StopInstances',
  resource: (input: StopInstancesRequest, env) => instancesResource(env, input.InstanceIds),
  handler: (input: StopInstancesRequest, env): OpResult<StopInstancesResult> =>
    withKey('StoppingInstances', changeStates(env, input.InstanceIds, input.DryRun, planStop)),
});

/** Idempotent: terminating a terminated (or terminating) instance reports it unchanged. */
export const terminateInstances = defineOperation({
  service: 'ec2',
  name: 'TerminateInstances',
  resource: (input: TerminateInstancesRequest, env) => instancesResource(env, input.InstanceIds),
  handler: (input: TerminateInstancesRequest, env): OpResult<TerminateInstancesResult> =>
    withKey('TerminatingInstances', changeStates(env, input.InstanceIds, input.DryRun, planTerminate)),
});

/** A reboot keeps the instance `running`, so nothing in the state changes and the answer is empty. */
export const rebootInstances = defineOperation({
  service: 'ec2',
  name: 'RebootInstances',
  resource: (input: RebootInstancesRequest, env) => instancesResource(env, input.InstanceIds),
  handler(input: RebootInstancesRequest, env): OpResult<Record<string, never>> {
    // [BEL] a pending instance may be rebooted; anything not on its way up or running may not.
    const planReboot = (i: InstanceRecord): Plan => (i.State.Name === 'running' || i.State.Name === 'pending' ? 'unchanged' : ec2Errors.cannotReboot(i.InstanceId));
    const result = changeStates(env, input.InstanceIds, input.DryRun, planReboot);
    return result.ok ? done({}) : result;
  },
});
