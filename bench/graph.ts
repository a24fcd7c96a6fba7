import dagre from '@dagrejs/dagre';
import { emptyState, execute, seededRandom, type Request, type SimState } from '../src/sim';
import { BAND_LAYOUT_LIMIT, deriveGraph, graphChanges, layoutGraph, LAYOUT_DEFAULTS, type Graph, type Positions } from '../src/graph';
import { fmt, percentile, report, timeOnce } from './stats';

const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });

function sim() {
  let now = Date.UTC(2026, 0, 15, 9);
  const ctx = { now: () => (now += 10), random: seededRandom(11) };
  const state = emptyState();
  return { state, run: (request: Request) => execute(state, request, ctx) };
}

/** One role's band: the role, an inline policy, a shared managed policy on every other role, a profile, an instance. */
function addBand(run: (r: Request) => unknown, i: number): void {
  const name = `app-${i}`;
  run({ service: 'iam', operation: 'CreateRole', params: { RoleName: name, AssumeRolePolicyDocument: TRUST } });
  run({ service: 'iam', operation: 'PutRolePolicy', params: { RoleName: name, PolicyName: 's3', PolicyDocument: POLICY } });
  if (i % 2 === 0) run({ service: 'iam', operation: 'AttachRolePolicy', params: { RoleName: name, PolicyArn: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore' } });
  run({ service: 'iam', operation: 'CreateInstanceProfile', params: { InstanceProfileName: `${name}-profile` } });
  run({ service: 'iam', operation: 'AddRoleToInstanceProfile', params: { InstanceProfileName: `${name}-profile`, RoleName: name } });
  run({ service: 'ec2', operation: 'RunInstances', params: { ImageId: 'ami-0abcdef1234567890', MinCount: 1, MaxCount: 1, IamInstanceProfile: { Name: `${name}-profile` } } });
}

/**
 * A band dagre orders (more than one new node in a column right of the role): the role, three
 * policies, two profiles with two instances each.
 */
function addWideBand(run: (r: Request) => unknown, i: number): void {
  const name = `wide-${i}`;
  run({ service: 'iam', operation: 'CreateRole', params: { RoleName: name, AssumeRolePolicyDocument: TRUST } });
  run({ service: 'iam', operation: 'PutRolePolicy', params: { RoleName: name, PolicyName: 's3', PolicyDocument: POLICY } });
  run({ service: 'iam', operation: 'AttachRolePolicy', params: { RoleName: name, PolicyArn: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore' } });
  for (const suffix of ['a', 'b']) {
    const profile = `${name}-${suffix}`;
    run({ service: 'iam', operation: 'CreateInstanceProfile', params: { InstanceProfileName: profile } });
    run({ service: 'iam', operation: 'AddRoleToInstanceProfile', params: { InstanceProfileName: profile, RoleName: name } });
    run({ service: 'ec2', operation: 'RunInstances', params: { ImageId: 'ami-0abcdef1234567890', MinCount: 2, MaxCount: 2, IamInstanceProfile: { Name: profile } } });
  }
}

/** An account whose graph has about `nodes` nodes (four per band, plus EC2 and the shared policy). */
function account(nodes: number): { state: SimState; run: (r: Request) => unknown; bands: number } {
  const s = sim();
  const bands = Math.round((nodes - 2) / 4);
  for (let i = 0; i < bands; i++) addBand(s.run, i);
  return { ...s, bands };
}

/** Median and p95 of `runs` timings of `fn`, in ms, after a few warm-up runs. */
function timed(runs: number, fn: () => unknown): string {
  for (let i = 0; i < 3; i++) fn();
  const ms = Array.from({ length: runs }, () => timeOnce(fn).ms).sort((a, b) => a - b);
  return `median ${fmt(percentile(ms, 50))} ms, p95 ${fmt(percentile(ms, 95))} ms`;
}

function extent(positions: Positions): string {
  const all = Object.values(positions);
  const width = Math.max(...all.map((p) => p.x)) + LAYOUT_DEFAULTS.nodeWidth;
  const height = Math.max(...all.map((p) => p.y)) + LAYOUT_DEFAULTS.nodeHeight;
  return `${fmt(width, 0)} × ${fmt(height, 0)} px`;
}

/** The layout dagre would give the whole graph, for comparison only (the graph layer gives it one new band at a time). */
function dagreLayout(graph: Graph): void {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: LAYOUT_DEFAULTS.rowGap, ranksep: LAYOUT_DEFAULTS.columnGap });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { width: LAYOUT_DEFAULTS.nodeWidth, height: LAYOUT_DEFAULTS.nodeHeight });
  for (const edge of graph.edges) g.setEdge(edge.source, edge.target);
  dagre.layout(g);
}

export function benchGraph(): void {
  for (const size of [500, 1000]) {
    const { state, run, bands } = account(size);
    const graph = deriveGraph(state);
    const scratch = layoutGraph(graph);

    // One more command: a new band, laid out around the existing positions (by the columns: one
    // node per column beside the role is what most commands add), then a wide band (by dagre).
    addBand(run, bands);
    const after = deriveGraph(state);
    const afterLayout = layoutGraph(after, scratch);
    addWideBand(run, 0);
    const wide = deriveGraph(state);
    let events: ReturnType<typeof execute>['events'] = [];
    const last = (r: Request) => (events = execute(state, r, { now: () => Date.UTC(2026, 0, 16), random: seededRandom(1) }).events);
    last({ service: 'iam', operation: 'TagRole', params: { RoleName: 'app-0', Tags: [{ Key: 'team', Value: 'web' }] } });
    const tagged = deriveGraph(state);

    report(`Live graph — ${graph.nodes.length} nodes, ${graph.edges.length} edges, ${graph.warnings.length} warnings`, [
      ['deriveGraph', timed(20, () => deriveGraph(state)), size === 1000 ? '< 20 ms' : undefined],
      ['layoutGraph from scratch (too many new nodes for dagre: columns alone)', timed(20, () => layoutGraph(graph)), size === 1000 ? 'well under 100 ms' : undefined],
      ['layoutGraph, one new band (columns)', timed(20, () => layoutGraph(after, scratch))],
      ['layoutGraph, one wide new band (ordered by dagre)', timed(20, () => layoutGraph(wide, afterLayout))],
      ['graphChanges after one command', timed(20, () => graphChanges(wide, tagged, events))],
      ['layout extent', extent(scratch)],
    ]);
  }
  // A small lab laid out for the first time: every band wide enough for dagre.
  const lab = sim();
  for (let i = 0; i * 11 + 1 <= BAND_LAYOUT_LIMIT - 11; i++) addWideBand(lab.run, i);
  const small = deriveGraph(lab.state);
  report(`Live graph — a small lab, ${small.nodes.length} nodes, first layout`, [['layoutGraph from scratch (every band ordered by dagre)', timed(20, () => layoutGraph(small))]]);
  // Why the graph layer does not give dagre the whole graph: the layout grows far past the budget.
  const rows: [string, string][] = [];
  for (const size of [50, 100, 200]) {
    const graph = deriveGraph(account(size).state);
    rows.push([`${graph.nodes.length} nodes`, `${fmt(timeOnce(() => dagreLayout(graph)).ms)} ms`]);
  }
  report('For comparison: @dagrejs/dagre laying out the whole graph at once (not used)', rows);
}
