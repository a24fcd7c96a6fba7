import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../sim/core/changes';
import { seededRandom } from '../sim/core/random';
import { emptyState, type SimState } from '../sim/core/state';
import { execute } from '../sim/execute';
import { runConsoleAction, type ConsoleAction } from '../sim/console/actions';
import { START } from '../sim/__tests__/harness';
import { step as apiStep, type Step } from '../sim/__tests__/requests';
import { deriveGraph } from './derive';
import { graphChanges } from './highlight';
import { layoutGraph, type Positions } from './layout';
import { filterGraph } from './view';
import { overlaps } from './__tests__/helpers';
import { NODE_KINDS, type Graph } from './types';

/** Console actions with the same small name pool as the API requests, so they meet the same resources. */
const NAMES = ['web', 'app', 's3access', 's3access-profile'];
const nthInstance = (state: SimState, n: number) => Object.keys(state.tables.instances).sort()[n] ?? 'i-0123456789abcdef0';
type ConsoleTemplate = (state: SimState) => ConsoleAction;
const consoleAction: fc.Arbitrary<ConsoleTemplate> = fc.oneof(
  fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom('ec2', 'eks') as fc.Arbitrary<'ec2' | 'eks'>).map(([roleName, useCase]): ConsoleTemplate => () => ({ type: 'iam.createServiceRole', useCase, roleName, managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'], tags: [] })),
  fc.constantFrom(...NAMES).map((roleName): ConsoleTemplate => () => ({ type: 'iam.deleteRole', roleName })),
  fc.option(fc.constantFrom(...NAMES), { nil: undefined }).map((instanceProfileName): ConsoleTemplate => () => ({ type: 'ec2.launchInstance', imageId: 'ami-0abcdef1234567890', instanceType: 't3.micro', name: 'lab', ...(instanceProfileName ? { instanceProfileName } : {}) })),
  fc.tuple(fc.nat(4), fc.option(fc.constantFrom(...NAMES), { nil: null })).map(([n, instanceProfileName]): ConsoleTemplate => (state) => ({ type: 'ec2.modifyIamRole', instanceId: nthInstance(state, n), instanceProfileName })),
);

type SessionStep = Step | { type: 'console'; template: ConsoleTemplate };
const sessionStep: fc.Arbitrary<SessionStep> = fc.oneof(
  { weight: 5, arbitrary: apiStep },
  { weight: 1, arbitrary: consoleAction.map((template): SessionStep => ({ type: 'console', template })) },
);

/** What must hold of any graph: unique ids, edges and warnings that refer to what exists. */
function brokenGraphInvariants(graph: Graph): string[] {
  const broken: string[] = [];
  const nodes = new Set(graph.nodes.map((n) => n.id));
  const edges = new Set(graph.edges.map((e) => e.id));
  if (nodes.size !== graph.nodes.length) broken.push('duplicate node ids');
  if (edges.size !== graph.edges.length) broken.push('duplicate edge ids');
  if (new Set(graph.warnings.map((w) => w.id)).size !== graph.warnings.length) broken.push('duplicate warning ids');
  for (const edge of graph.edges) {
    if (!nodes.has(edge.source) || !nodes.has(edge.target)) broken.push(`edge ${edge.id} has a missing end`);
  }
  for (const warning of graph.warnings) {
    if (warning.nodeIds.length === 0) broken.push(`warning ${warning.id} sits on no node`);
    for (const id of warning.nodeIds) if (!nodes.has(id)) broken.push(`warning ${warning.id} names missing node ${id}`);
    for (const id of warning.edgeIds) if (!edges.has(id)) broken.push(`warning ${warning.id} names missing edge ${id}`);
  }
  return broken;
}

describe('graph properties over random simulator sessions', () => {
  it('edges and warnings refer to existing nodes; layouts keep old positions and never overlap; highlights name real ids', () => {
    fc.assert(
      fc.property(fc.array(sessionStep, { minLength: 20, maxLength: 80 }), fc.integer(), (steps, seed) => {
        let now = START;
        const ctx = { now: () => now, random: seededRandom(seed) };
        const state = emptyState();
        let graph = deriveGraph(state);
        let positions: Positions = {};
        const log: string[] = [];
        for (const s of steps) {
          let events: SimEvent[];
          if (s.type === 'wait') {
            now += s.seconds * 1000;
            continue;
          } else if (s.type === 'request') {
            const request = s.template(state);
            events = execute(state, request, ctx).events;
            log.push(`${request.operation} ${JSON.stringify(request.params)}`);
          } else {
            const action = s.template(state);
            events = runConsoleAction(state, action, ctx).events;
            log.push(`console ${JSON.stringify(action)}`);
          }
          now += 1000;
          const next = deriveGraph(state);
          const where = log.join('\n');
          expect(brokenGraphInvariants(next), where).toEqual([]);
          expect(JSON.stringify(deriveGraph(state)), where).toBe(JSON.stringify(next));

          const changes = graphChanges(graph, next, events);
          const nextIds = new Set([...next.nodes, ...next.edges].map((x) => x.id));
          const previousIds = new Set([...graph.nodes, ...graph.edges].map((x) => x.id));
          for (const set of [changes.nodes, changes.edges]) {
            expect([...set.created, ...set.updated].filter((id) => !nextIds.has(id)), where).toEqual([]);
            expect(set.deleted.filter((id) => !previousIds.has(id) || nextIds.has(id)), where).toEqual([]);
          }

          const laidOut = layoutGraph(next, positions);
          expect(Object.keys(laidOut).sort(), where).toEqual(next.nodes.map((n) => n.id).sort());
          for (const [id, at] of Object.entries(positions)) if (id in laidOut) expect(laidOut[id], `${where}\n${id} moved`).toEqual(at);
          expect(overlaps(laidOut), where).toEqual([]);
          graph = next;
          positions = laidOut;
        }
        return true;
      }),
      { numRuns: 40 },
    );
  });

  it('a filtered graph keeps the same invariants', () => {
    fc.assert(
      fc.property(fc.array(sessionStep, { minLength: 20, maxLength: 60 }), fc.integer(), fc.subarray([...NODE_KINDS]), (steps, seed, kinds) => {
        let now = START;
        const ctx = { now: () => now, random: seededRandom(seed) };
        const state = emptyState();
        for (const s of steps) {
          if (s.type === 'wait') now += s.seconds * 1000;
          else if (s.type === 'request') execute(state, s.template(state), ctx);
          else runConsoleAction(state, s.template(state), ctx);
          now += 1000;
        }
        const filtered = filterGraph(deriveGraph(state), kinds);
        expect(brokenGraphInvariants(filtered)).toEqual([]);
        expect(filtered.nodes.every((n) => kinds.includes(n.kind))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
