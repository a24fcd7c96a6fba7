import type { SimEvent } from '../sim';
import type { MetError } from './types';

/**
 * What happened since a step started: the simulator's events and the service errors the
 * learner met. The UI feeds it every published change (a command's requests, a console action's
 * calls, the clock's events); the headless runner feeds it the same things.
 */
export interface Observations {
  /** Simulated time when the step started, epoch ms. */
  startedAt: number;
  events: readonly SimEvent[];
  errors: readonly MetError[];
}

export const startObserving = (clock: number): Observations => ({ startedAt: clock, events: [], errors: [] });

/**
 * One API request and how AWS answered it: a terminal command's (`requests`) or a console
 * action's (`calls`). Data the simulator produced, so what the terminal printed plays no part.
 */
export interface ObservedRequest {
  operation: string;
  outcome: { ok: true } | { ok: false; error: { code: string; message: string } };
}

/** One published change, shaped as the worker publishes it (every part optional). */
export interface ObservedChange {
  events?: readonly SimEvent[];
  output?: { requests: readonly ObservedRequest[] };
  console?: { calls: readonly ObservedRequest[] };
}

export function observe(observations: Observations, change: ObservedChange): Observations {
  const errors = errorsMet([...(change.output?.requests ?? []), ...(change.console?.calls ?? [])]);
  if (!change.events?.length && !errors.length) return observations;
  return { startedAt: observations.startedAt, events: [...observations.events, ...(change.events ?? [])], errors: [...observations.errors, ...errors] };
}

/** The requests that failed, each as the error AWS answered with and the operation it answered. */
export const errorsMet = (requests: readonly ObservedRequest[]): MetError[] =>
  requests.flatMap((r) => (r.outcome.ok ? [] : [{ code: r.outcome.error.code, message: r.outcome.error.message, operation: r.operation }]));
