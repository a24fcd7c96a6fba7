import type { ResourceType, ServiceName, SimEvent } from '../sim';
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

/**
 * Bounds that keep a step's observations small enough to save after every change (the UI keeps
 * them across a reload) while keeping what checks read: an error met again adds nothing (checks
 * ask whether one was met, diagnoses list each cause once in the order first met), and past the
 * bounds the oldest go first. Applied here, so what is saved is exactly what is held.
 */
export const OBSERVED_LIMITS = { events: 100, errors: 50, messageLength: 1000 } as const;

export function observe(observations: Observations, change: ObservedChange): Observations {
  const events = change.events ?? [];
  const errors = [...observations.errors];
  for (const error of errorsMet([...(change.output?.requests ?? []), ...(change.console?.calls ?? [])])) {
    if (!errors.some((e) => e.code === error.code && e.operation === error.operation && e.message === error.message)) errors.push(error);
  }
  if (!events.length && errors.length === observations.errors.length) return observations;
  return {
    startedAt: observations.startedAt,
    events: [...observations.events, ...events].slice(-OBSERVED_LIMITS.events),
    errors: errors.slice(-OBSERVED_LIMITS.errors),
  };
}

/** The requests that failed, each as the error AWS answered with and the operation it answered. */
export const errorsMet = (requests: readonly ObservedRequest[]): MetError[] =>
  requests.flatMap((r) => (r.outcome.ok ? [] : [{ code: r.outcome.error.code, message: r.outcome.error.message.slice(0, OBSERVED_LIMITS.messageLength), operation: r.operation }]));

// Every value a saved event may hold; a `Record` so a new resource type or service must be added here.
const RESOURCE_TYPES: Record<ResourceType, true> = { role: true, 'instance-profile': true, policy: true, instance: true, 'iam-instance-profile-association': true };
const SERVICES: Record<ServiceName, true> = { iam: true, ec2: true, sts: true, resourcegroupstaggingapi: true };
const EVENT_KINDS: Record<SimEvent['kind'], true> = { created: true, updated: true, deleted: true };

/**
 * Saved observations read back: undefined unless it has a start time; events and errors that are
 * damaged are dropped, and the bounds hold whatever was saved.
 */
export function readObservations(value: unknown): Observations | undefined {
  if (!isObject(value) || typeof value.startedAt !== 'number' || !Number.isFinite(value.startedAt)) return undefined;
  const events = Array.isArray(value.events) ? value.events.filter(isEvent) : [];
  const errors = Array.isArray(value.errors) ? value.errors.filter(isError) : [];
  return {
    startedAt: value.startedAt,
    events: events.slice(-OBSERVED_LIMITS.events).map((e) => ({ kind: e.kind, resource: { type: e.resource.type, id: e.resource.id }, cause: e.cause.type === 'clock' ? { type: 'clock' } : { type: 'request', service: e.cause.service, operation: e.cause.operation } })),
    errors: errors.slice(-OBSERVED_LIMITS.errors).map((e) => ({ code: e.code, message: e.message.slice(0, OBSERVED_LIMITS.messageLength), operation: e.operation })),
  };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const known = <K extends string>(table: Record<K, true>, value: unknown): value is K => typeof value === 'string' && Object.hasOwn(table, value);

function isEvent(value: unknown): value is SimEvent {
  if (!isObject(value) || !known(EVENT_KINDS, value.kind) || !isObject(value.resource) || !isObject(value.cause)) return false;
  const { resource, cause } = value;
  if (!known(RESOURCE_TYPES, resource.type) || typeof resource.id !== 'string') return false;
  return cause.type === 'clock' || (cause.type === 'request' && known(SERVICES, cause.service) && typeof cause.operation === 'string');
}

const isError = (value: unknown): value is MetError =>
  isObject(value) && typeof value.code === 'string' && typeof value.message === 'string' && typeof value.operation === 'string';
