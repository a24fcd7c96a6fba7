import { execute, type ExecuteResult, type Request } from '../execute';
import type { AwsError, ServiceName } from '../core/errors';
import { LEARNER, type Caller, type Ctx } from '../core/operation';
import { seededRandom } from '../core/random';
import { emptyState, type AccountSettings, type SimState } from '../core/state';

export const START = Date.UTC(2026, 0, 15, 9, 0, 0);

/** A simulator with a manual clock and a seeded random source, for tests. */
export function makeSim(options: { seed?: number; account?: Partial<AccountSettings>; state?: SimState } = {}) {
  let now = START;
  const ctx: Ctx = { now: () => now, random: seededRandom(options.seed ?? 1) };
  const state = options.state ?? emptyState(options.account);
  let last: ExecuteResult | undefined;

  const run = (service: ServiceName, operation: string, params: Record<string, unknown> = {}, caller: Caller = LEARNER): ExecuteResult => {
    const request: Request = { service, operation, params, caller };
    last = execute(state, request, ctx);
    return last;
  };

  return {
    state,
    ctx,
    run,
    /** Runs a request that must succeed and returns its response. */
    ok<T = Record<string, unknown>>(service: ServiceName, operation: string, params: Record<string, unknown> = {}, caller?: Caller): T {
      const result = run(service, operation, params, caller);
      if (!result.outcome.ok) throw new Error(`${operation} failed: ${result.outcome.error.code}: ${result.outcome.error.message}`);
      return result.outcome.response as T;
    },
    /** Runs a request that must fail and returns its error. */
    fails(service: ServiceName, operation: string, params: Record<string, unknown> = {}, caller?: Caller): AwsError {
      const result = run(service, operation, params, caller);
      if (result.outcome.ok) throw new Error(`${operation} unexpectedly succeeded: ${JSON.stringify(result.outcome.response)}`);
      return result.outcome.error;
    },
    advance(seconds: number) {
      now += seconds * 1000;
    },
    now: () => now,
    last: () => last,
  };
}

export const EC2_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});
