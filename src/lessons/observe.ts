import type { ConsoleApiCall, SimEvent } from '../sim';
import type { OutputChunk } from '../cli/shell/session';
import type { MetError } from './types';

/**
 * What happened since a step started: the simulator's events and the service errors the
 * learner met. The UI feeds it every published change (a command's output, a console action's
 * calls, the clock's events); the headless runner feeds it the same things.
 */
export interface Observations {
  /** Simulated time when the step started, epoch ms. */
  startedAt: number;
  events: readonly SimEvent[];
  errors: readonly MetError[];
}

export const startObserving = (clock: number): Observations => ({ startedAt: clock, events: [], errors: [] });

/** One published change, shaped as the worker publishes it (every part optional). */
export interface ObservedChange {
  events?: readonly SimEvent[];
  output?: { chunks: readonly OutputChunk[] };
  console?: { calls: readonly Pick<ConsoleApiCall, 'operation' | 'outcome'>[] };
}

export function observe(observations: Observations, change: ObservedChange): Observations {
  const errors = [...(change.output ? errorsInOutput(change.output.chunks) : []), ...(change.console ? errorsInCalls(change.console.calls) : [])];
  if (!change.events?.length && !errors.length) return observations;
  return { startedAt: observations.startedAt, events: [...observations.events, ...(change.events ?? [])], errors: [...observations.errors, ...errors] };
}

export function errorsInCalls(calls: readonly Pick<ConsoleApiCall, 'operation' | 'outcome'>[]): MetError[] {
  return calls.flatMap((call) => (call.outcome.ok ? [] : [{ code: call.outcome.error.code, message: call.outcome.error.message, operation: call.operation }]));
}

// The CLI's enhanced and legacy formats: one sentence per error, up to the end of the line.
const SENTENCE = /An error occurred \(([\w.]+)\) when calling the (\w+) operation: ([^\n]*)/g;
// `--cli-error-format json` writes `{"Code": …, "Message": …}`; the other formats are not read.
const JSON_ERROR = /"Code": "([\w.]+)",\s*"Message": ("(?:[^"\\]|\\.)*")/g;

/** The service errors in what the terminal printed to standard error. */
export function errorsInOutput(chunks: readonly OutputChunk[]): MetError[] {
  const stderr = chunks.filter((c) => c.stream === 'stderr').map((c) => c.text).join('');
  const errors: MetError[] = [];
  for (const [, code = '', operation = '', message = ''] of stderr.matchAll(SENTENCE)) errors.push({ code, message, operation });
  for (const [, code = '', quoted = '""'] of stderr.matchAll(JSON_ERROR)) errors.push({ code, message: JSON.parse(quoted) as string });
  return errors;
}
