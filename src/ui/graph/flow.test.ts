import { describe, expect, it } from 'vitest';
import { newWorkspace, runCommand, type Workspace } from '../../cli/terminal';
import { LAYOUT_DEFAULTS } from '../../graph/layout';
import { LiveGraph } from '../../worker/liveGraph';
import type { PublishedGraph } from '../../worker/protocol';
import { buildFlow, emptyCache, NODE_HEIGHT, NODE_WIDTH, withDragged, type FlowInput } from './flow';
import { addChanges, NO_HIGHLIGHTS } from './highlights';

const SEED_004 = [
  'aws iam create-role --role-name s3access --assume-role-policy-document file://ec2-role-trust-policy.json',
  'aws iam put-role-policy --role-name s3access --policy-name S3-Permissions --policy-document file://ec2-role-access-policy.json',
  'aws iam create-instance-profile --instance-profile-name s3access-profile',
  'aws iam add-role-to-instance-profile --instance-profile-name s3access-profile --role-name s3access',
  'aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=s3access-profile',
];

/** A lab and the graphs the worker would publish after each line. */
function lab() {
  const ws: Workspace = newWorkspace();
  const live = new LiveGraph();
  let revision = 0;
  live.update(ws.sim, [], revision);
  return {
    ws,
    run(line: string): PublishedGraph {
      const result = runCommand(ws, line, { language: 'en' });
      return live.update(ws.sim, result.events, ++revision);
    },
  };
}

const labels = { language: 'en', node: (n: { id: string }) => `node ${n.id}`, edge: (e: { id: string }) => `edge ${e.id}`, nameOf: (id: string) => id };
const input = (graph: PublishedGraph, extra: Partial<FlowInput> = {}): FlowInput => ({ graph, hidden: new Set(), highlights: NO_HIGHLIGHTS, selectedId: undefined, labels, ...extra });

describe('buildFlow', () => {
  it('draws nodes at the size the layout spaces them for', () => {
    expect([NODE_WIDTH, NODE_HEIGHT]).toEqual([LAYOUT_DEFAULTS.nodeWidth, LAYOUT_DEFAULTS.nodeHeight]);
  });

  it('places every node where the worker put it, draws edges left to right, and marks the selection', () => {
    const l = lab();
    let graph = l.run(SEED_004[0]!);
    for (const line of SEED_004.slice(1)) graph = l.run(line);
    const { nodes, edges } = buildFlow(input(graph, { selectedId: 'role:s3access' }), emptyCache());
    expect(nodes.map((n) => [n.id, n.type, n.position])).toEqual(graph.nodes.map((n) => [n.id, n.kind, graph.positions[n.id]]));
    expect(nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['role:s3access']);
    expect(nodes.every((n) => n.width === NODE_WIDTH && n.height === NODE_HEIGHT && n.ariaLabel === `node ${n.id}`)).toBe(true);
    const instance = graph.nodes.find((n) => n.kind === 'instance')!.id;
    // Drawn from the column on the left: policy → role → profile → instance, and the principal → role with an arrow.
    expect(Object.fromEntries(edges.map((e) => [e.data!.edge.kind, [e.source, e.target, e.markerEnd !== undefined]]))).toEqual({
      'may-assume': ['principal:service:ec2.amazonaws.com', 'role:s3access', true],
      'has-inline-policy': ['inline:s3access/S3-Permissions', 'role:s3access', false],
      'contains-role': ['role:s3access', 'profile:s3access-profile', false],
      'uses-profile': ['profile:s3access-profile', instance, false],
    });
  });

  it('reuses what did not change, so React Flow and the node components skip it', () => {
    const l = lab();
    l.run(SEED_004[0]!);
    const first = l.run(SEED_004[2]!);
    const before = buildFlow(input(first), emptyCache());
    const second = l.run('aws iam create-instance-profile --instance-profile-name other');
    const after = buildFlow(input(second), before.cache);
    const byId = new Map(before.nodes.map((n) => [n.id, n]));
    expect(after.nodes.filter((n) => byId.get(n.id) === n).map((n) => n.id)).toEqual(['principal:service:ec2.amazonaws.com', 'role:s3access', 'profile:s3access-profile']);
    expect(after.edges[0]).toBe(before.edges[0]);
    // Selecting a node rebuilds that node only.
    const selected = buildFlow(input(second, { selectedId: 'profile:other' }), after.cache);
    expect(selected.nodes.filter((n, i) => n !== after.nodes[i]).map((n) => n.id)).toEqual(['profile:other']);
  });

  it('names only what it rebuilds (translating is the slow part), and everything again in another language', () => {
    const l = lab();
    l.run(SEED_004[0]!);
    const graph = l.run(SEED_004[2]!);
    const named: string[] = [];
    const counting = (language: string) => ({ ...labels, language, node: (n: { id: string }) => (named.push(n.id), n.id), edge: (e: { id: string }) => (named.push(e.id), e.id) });
    const first = buildFlow(input(graph, { labels: counting('en') }), emptyCache());
    expect(named).toHaveLength(4);
    named.length = 0;
    buildFlow(input(graph, { labels: counting('en'), selectedId: 'role:s3access' }), first.cache);
    expect(named).toEqual(['role:s3access']);
    named.length = 0;
    buildFlow(input(graph, { labels: counting('ja') }), first.cache);
    expect(named).toHaveLength(4);
  });

  it('hides the kinds filtered out with their edges and warnings, moving nothing', () => {
    const l = lab();
    const graph = l.run(SEED_004[0]!);
    expect(graph.warnings.map((w) => w.code)).toEqual(['ec2-role-without-profile']);
    const { nodes, edges } = buildFlow(input(graph, { hidden: new Set(['principal']) }), emptyCache());
    expect(nodes.map((n) => [n.id, n.position, n.data.warnings.map((w) => w.code)])).toEqual([['role:s3access', graph.positions['role:s3access'], ['ec2-role-without-profile']]]);
    expect(edges).toEqual([]);
  });

  it('flags what the last command made, and draws what it deleted fading out where it was', () => {
    const l = lab();
    l.run(SEED_004[0]!);
    const made = l.run(SEED_004[2]!);
    const lit = buildFlow(input(made, { highlights: addChanges(NO_HIGHLIGHTS, made, 0) }), emptyCache());
    expect(lit.nodes.find((n) => n.id === 'profile:s3access-profile')?.className).toBe('lab-node is-created');
    expect(lit.nodes.find((n) => n.id === 'role:s3access')?.className).toBe('lab-node has-warning');

    const deleted = l.run('aws iam delete-instance-profile --instance-profile-name s3access-profile');
    const faded = buildFlow(input(deleted, { highlights: addChanges(NO_HIGHLIGHTS, deleted, 0) }), emptyCache());
    const ghost = faded.nodes.find((n) => n.id === 'profile:s3access-profile');
    expect(ghost).toMatchObject({ className: 'lab-node is-fading', position: made.positions['profile:s3access-profile'], draggable: false, selectable: false, focusable: false });
    expect(ghost?.data.fading).toBe(true);
  });

  it('lays dragged positions over the built nodes without touching the others', () => {
    const l = lab();
    const graph = l.run(SEED_004[0]!);
    const { nodes } = buildFlow(input(graph), emptyCache());
    const moved = withDragged(nodes, new Map([['role:s3access', { x: 5, y: 6 }]]));
    expect(moved.map((n) => n.position)).toEqual([nodes[0]!.position, { x: 5, y: 6 }]);
    expect(moved[0]).toBe(nodes[0]);
    expect(withDragged(nodes, new Map())).toBe(nodes);
  });
});
