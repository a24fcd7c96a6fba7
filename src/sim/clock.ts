import { dueScheduleKeys } from './core/indexes';
import { commit, eventsOf, put, remove, type AppliedChange, type Change, type SimEvent } from './core/changes';
import { exhaustive } from './core/assert';
import type { ScheduledTransition, SimState } from './core/state';
import { instanceState } from './ec2/states';

/** Schedule-table key for a resource's pending transition: one at a time per resource. */
export const scheduleKey = (kind: ScheduledTransition['kind'], id: string): string => `${kind}:${id}`;

export function schedule(transition: ScheduledTransition): Change {
  const id = transition.kind === 'association-state' ? transition.associationId : transition.instanceId;
  return put('schedule', scheduleKey(transition.kind, id), transition);
}

/**
 * Brings the state up to `now`: every transition that has come due is applied, in time order.
 * Nothing in the core runs on timers; time moves only when a request (or the host) calls this.
 * A transition may schedule another that is already due (a terminated instance kept for 0 s),
 * so this repeats until nothing is due.
 */
export function settle(state: SimState, now: number): { applied: AppliedChange[]; events: SimEvent[] } {
  const applied: AppliedChange[] = [];
  for (let due = dueTransitions(state, now); due.length; due = dueTransitions(state, now)) {
    for (const [key, transition] of due) {
      // One applied earlier in this pass may have replaced or removed this one.
      if (state.tables.schedule[key] !== transition) continue;
      applied.push(...commit(state, [remove('schedule', key), ...transitionChanges(state, transition)]));
    }
  }
  return { applied, events: eventsOf(applied, { type: 'clock' }) };
}

function dueTransitions(state: SimState, now: number): [string, ScheduledTransition][] {
  return dueScheduleKeys(state, now).flatMap((key) => {
    const transition = state.tables.schedule[key];
    return transition ? [[key, transition] as [string, ScheduledTransition]] : [];
  });
}

function transitionChanges(state: SimState, t: ScheduledTransition): Change[] {
  const { instances, associations } = state.tables;
  switch (t.kind) {
    case 'instance-state': {
      const instance = instances[t.instanceId];
      if (!instance) return [];
      const changes: Change[] = [];
      const next = { ...instance, State: instanceState(t.to) };
      if (t.to === 'terminated') {
        // A terminated instance loses its profile association and later disappears from listings.
        if (instance.associationId) {
          changes.push(remove('associations', instance.associationId), remove('schedule', scheduleKey('association-state', instance.associationId)));
        }
        next.associationId = null;
        changes.push(schedule({ kind: 'instance-expire', at: t.at + state.account.timing.terminatedRetentionSeconds * 1000, instanceId: t.instanceId }));
      }
      if (t.to === 'stopped') {
        next.StateReason = { Code: 'Client.UserInitiatedShutdown', Message: 'Client.UserInitiatedShutdown: User initiated shutdown' };
      }
      if (t.to === 'running') {
        next.StateTransitionReason = '';
        delete next.StateReason;
      }
      return [put('instances', t.instanceId, next), ...changes];
    }
    case 'instance-expire':
      return instances[t.instanceId] ? [remove('instances', t.instanceId)] : [];
    case 'association-state': {
      const association = associations[t.associationId];
      if (!association) return [];
      if (t.to === 'associated') return [put('associations', t.associationId, { ...association, State: 'associated' })];
      const instance = instances[association.InstanceId];
      const changes: Change[] = [remove('associations', t.associationId)];
      if (instance && instance.associationId === t.associationId) changes.push(put('instances', instance.InstanceId, { ...instance, associationId: null }));
      return changes;
    }
    default:
      return exhaustive(t);
  }
}

