import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settle } from '../clock';
import { execute } from '../execute';
import { seededRandom } from '../core/random';
import { emptyState } from '../core/state';
import { parseSimState } from '../core/snapshot';
import { isAwsManagedPolicyArn } from '../iam/awsManagedPolicies';
import { brokenInvariants } from './invariants';
import { step, type Step } from './requests';
import { START } from './harness';

/** Runs a random session; after every step the invariants hold and a failed request changed nothing. */
function runSession(steps: Step[], seed: number): { state: ReturnType<typeof emptyState>; log: string[] } {
  let now = START;
  const ctx = { now: () => now, random: seededRandom(seed) };
  const state = emptyState();
  const log: string[] = [];
  for (const s of steps) {
    if (s.type === 'wait') {
      now += s.seconds * 1000;
      continue;
    }
    const request = s.template(state);
    // Transitions due by now are not part of the request: settle them first, then compare.
    settle(state, now);
    const before = JSON.stringify(state);
    const result = execute(state, request, ctx);
    log.push(`${request.operation} ${JSON.stringify(request.params)} → ${result.outcome.ok ? 'ok' : result.outcome.error.code}`);
    if (!result.outcome.ok) expect(JSON.stringify(state), `failed ${request.operation} changed the state`).toBe(before);
    expect(brokenInvariants(state, isAwsManagedPolicyArn), log.join('\n')).toEqual([]);
    now += 1000;
  }
  return { state, log };
}

describe('simulator properties', () => {
  it('keeps its invariants over random sessions of 50–200 requests, and failed requests change nothing', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 50, maxLength: 200 }), fc.integer(), (steps, seed) => {
        const { state } = runSession(steps, seed);
        // snapshot → JSON → snapshot is lossless, and the loaded snapshot passes validation
        const reloaded = parseSimState(JSON.parse(JSON.stringify(state)));
        expect(reloaded.ok && JSON.stringify(reloaded.value)).toBe(JSON.stringify(state));
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic: the same session gives the same state byte for byte', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 80 }), fc.integer(), (steps, seed) => {
        expect(JSON.stringify(runSession(steps, seed).state)).toBe(JSON.stringify(runSession(steps, seed).state));
      }),
      { numRuns: 20 },
    );
  });
});
