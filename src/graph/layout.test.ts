import { describe, expect, it } from 'vitest';
import { deriveGraph } from './derive';
import { LAYOUT_DEFAULTS, layoutGraph, type Positions } from './layout';
import { graphSim, overlaps } from './__tests__/helpers';
import type { Graph } from './types';

const S3_FULL = 'arn:aws:iam::aws:policy/AmazonS3FullAccess';
const EC2 = 'principal:service:ec2.amazonaws.com';
const { nodeWidth: W, nodeHeight: H, columnGap, rowGap } = LAYOUT_DEFAULTS;
const col = (n: number) => n * (W + columnGap);
const row = (n: number) => n * (H + rowGap);

const kept = (previous: Positions, next: Positions) => Object.fromEntries(Object.keys(previous).filter((id) => id in next).map((id) => [id, next[id]]));
const positioned = (graph: Graph, positions: Positions) => graph.nodes.map((n) => n.id).filter((id) => !(id in positions));

describe('layoutGraph', () => {
  it('lays out the seed scenario in columns: EC2 and the policy | the role | its profile | the instance', () => {
    const { sim, consoleEc2Role, launch } = graphSim();
    consoleEc2Role('s3-FullAccess');
    const id = launch('s3-FullAccess', 'web');
    expect(layoutGraph(deriveGraph(sim.state))).toEqual({
      'role:s3-FullAccess': { x: col(1), y: row(0) },
      [EC2]: { x: col(0), y: row(0) },
      [`policy:${S3_FULL}`]: { x: col(0), y: row(1) },
      'profile:s3-FullAccess': { x: col(2), y: row(0) },
      [`instance:${id}`]: { x: col(3), y: row(0) },
    });
  });

  it('gives each role a band that starts below everything placed before it; a shared principal stays in the first band', () => {
    const { sim, consoleEc2Role, createRole, putPolicy, createProfile, launch } = graphSim();
    consoleEc2Role('a');
    const a1 = launch('a');
    const a2 = launch('a');
    createRole('b');
    putPolicy('b');
    createProfile('lonely');
    const positions = layoutGraph(deriveGraph(sim.state));
    const [first, second] = [a1, a2].sort();
    expect(positions).toEqual({
      'role:a': { x: col(1), y: row(0) },
      [EC2]: { x: col(0), y: row(0) },
      [`policy:${S3_FULL}`]: { x: col(0), y: row(1) },
      'profile:a': { x: col(2), y: row(0) },
      [`instance:${first}`]: { x: col(3), y: row(0) },
      [`instance:${second}`]: { x: col(3), y: row(1) },
      'role:b': { x: col(1), y: row(2) },
      'inline:b/S3-Permissions': { x: col(0), y: row(2) },
      'profile:lonely': { x: col(2), y: row(3) },
    });
  });

  it('keeps every position it was given and places new nodes around them, step by step through a CLI session', () => {
    const env = graphSim();
    const steps: (() => unknown)[] = [
      () => env.createRole('s3access'),
      () => env.putPolicy('s3access'),
      () => env.createProfile('s3access-profile'),
      () => env.addRole('s3access-profile', 's3access'),
      () => env.launch('s3access-profile', 'web'),
      () => env.consoleEc2Role('other'),
      () => env.sim.ok('iam', 'AttachRolePolicy', { RoleName: 's3access', PolicyArn: S3_FULL }),
      () => env.putPolicy('s3access', 'More'),
      () => env.launch('other'),
      () => env.createProfile('sample-profile'),
      () => env.launch('sample-profile'),
    ];
    let positions: Positions = {};
    for (const step of steps) {
      step();
      const graph = deriveGraph(env.sim.state);
      const next = layoutGraph(graph, positions);
      expect(kept(positions, next)).toEqual(Object.fromEntries(Object.keys(positions).map((id) => [id, positions[id]])));
      expect(positioned(graph, next)).toEqual([]);
      expect(Object.keys(next).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
      expect(overlaps(next)).toEqual([]);
      positions = next;
    }
    // New nodes went to their anchor's row or the first free place below it.
    expect(positions['inline:s3access/More']).toEqual({ x: col(0), y: row(2) });
    // AmazonS3FullAccess came with the console's role 'other' (row 3), and stayed there when attached to s3access too.
    expect(positions['role:other']).toEqual({ x: col(1), y: row(3) });
    expect(positions[`policy:${S3_FULL}`]).toEqual({ x: col(0), y: row(3) });
  });

  it('is deterministic, whatever the order of the previous positions', () => {
    const { sim, consoleEc2Role, launch, createRole } = graphSim();
    consoleEc2Role('app');
    const before = layoutGraph(deriveGraph(sim.state));
    launch('app');
    createRole('db');
    const graph = deriveGraph(sim.state);
    const reversed = Object.fromEntries(Object.entries(before).reverse());
    expect(layoutGraph(graph, reversed)).toEqual(layoutGraph(graph, before));
    expect(JSON.stringify(layoutGraph(graph, before))).toBe(JSON.stringify(layoutGraph(graph, before)));
  });

  it('treats a node dragged anywhere as occupying every column it overlaps', () => {
    const { sim, consoleEc2Role, createProfile } = graphSim();
    consoleEc2Role('app');
    const positions = layoutGraph(deriveGraph(sim.state));
    createProfile('next');
    // The role dragged across the profile column, where the new profile's band would start.
    const dragged = { ...positions, 'role:app': { x: col(2) - W / 2, y: row(2) + 10 } };
    const next = layoutGraph(deriveGraph(sim.state), dragged);
    expect(next['role:app']).toEqual(dragged['role:app']);
    expect(next['profile:next']).toEqual({ x: col(2), y: row(3) + 10 });
    expect(overlaps(next)).toEqual([]);
  });

  it('keeps the place of a node deleted in this command free (the UI is fading it out), and reuses it the next time', () => {
    const { sim, createProfile } = graphSim();
    createProfile('old');
    const first = layoutGraph(deriveGraph(sim.state));
    sim.ok('iam', 'DeleteInstanceProfile', { InstanceProfileName: 'old' });
    createProfile('new');
    const second = layoutGraph(deriveGraph(sim.state), first);
    expect(second).toEqual({ 'profile:new': { x: col(2), y: row(1) } });
    sim.ok('iam', 'DeleteInstanceProfile', { InstanceProfileName: 'new' });
    createProfile('newer');
    expect(layoutGraph(deriveGraph(sim.state), second)).toEqual({ 'profile:newer': { x: col(2), y: row(2) } });
    expect(layoutGraph(deriveGraph(sim.state), {})).toEqual({ 'profile:newer': { x: col(2), y: row(0) } });
  });

  it('anchors a deleted-profile marker to its instance', () => {
    const { sim, act, consoleEc2Role, launch, wait } = graphSim();
    consoleEc2Role('app');
    const id = launch('app');
    wait(5);
    const positions = layoutGraph(deriveGraph(sim.state));
    const profileId = sim.state.tables.instanceProfiles.app!.InstanceProfileId;
    act({ type: 'iam.deleteRole', roleName: 'app' });
    const next = layoutGraph(deriveGraph(sim.state), positions);
    // The deleted profile's own place is still taken (fading out), so the marker goes just below it.
    expect(next).toEqual({ [`deleted-profile:${profileId}`]: { x: col(2), y: row(1) }, [`instance:${id}`]: positions[`instance:${id}`] });
  });

  it('anchors a new role to the profile it already sits in (several commands between two layouts)', () => {
    const { sim, createProfile, createRole, addRole } = graphSim();
    createProfile('first');
    createProfile('p');
    const positions = layoutGraph(deriveGraph(sim.state));
    expect(positions['profile:p']).toEqual({ x: col(2), y: row(1) });
    createRole('r');
    addRole('p', 'r');
    expect(layoutGraph(deriveGraph(sim.state), positions)).toEqual({
      ...positions,
      'role:r': { x: col(1), y: row(1) },
      [EC2]: { x: col(0), y: row(1) },
    });
  });

  it('ignores previous positions that are not finite numbers and places those nodes afresh', () => {
    const { sim, createRole } = graphSim();
    createRole('app');
    const next = layoutGraph(deriveGraph(sim.state), { 'role:app': { x: Number.NaN, y: 0 } });
    expect(next['role:app']).toEqual({ x: col(1), y: row(0) });
  });

  it('uses the node size and gaps it is given, and opens a new stack of columns when one is full', () => {
    const env = graphSim();
    // pitch 150, slot 50, a stack 4 × 150 + 200 = 800 wide and full at 100 (two rows).
    const options = { nodeWidth: 100, nodeHeight: 40, columnGap: 50, rowGap: 10, stackHeight: 100, stackGap: 200 };
    env.consoleEc2Role('app');
    let positions = layoutGraph(deriveGraph(env.sim.state), {}, options);
    expect(positions).toEqual({ 'role:app': { x: 150, y: 0 }, [EC2]: { x: 0, y: 0 }, [`policy:${S3_FULL}`]: { x: 0, y: 50 }, 'profile:app': { x: 300, y: 0 } });
    const grow = (step: () => unknown) => {
      step();
      const next = layoutGraph(deriveGraph(env.sim.state), positions, options);
      expect(overlaps(next, options)).toEqual([]);
      const added = Object.fromEntries(Object.entries(next).filter(([id]) => !(id in positions)));
      positions = next;
      return added;
    };
    expect(grow(() => env.createRole('db'))).toEqual({ 'role:db': { x: 950, y: 0 } });
    expect(grow(() => env.putPolicy('db'))).toEqual({ 'inline:db/S3-Permissions': { x: 800, y: 0 } });
    expect(grow(() => env.createProfile('p'))).toEqual({ 'profile:p': { x: 1100, y: 50 } });
    expect(grow(() => env.createProfile('q'))).toEqual({ 'profile:q': { x: 1900, y: 0 } });
    // A new node with an anchor stays in its anchor's stack, full or not.
    expect(grow(() => env.putPolicy('app'))).toEqual({ 'inline:app/S3-Permissions': { x: 0, y: 100 } });
    expect(grow(() => env.launch('p'))).toEqual({ [`instance:${Object.keys(env.sim.state.tables.instances)[0]}`]: { x: 1250, y: 50 } });
  });

  it('opens no stack for a node dragged far off the grid', () => {
    const { sim, createProfile } = graphSim();
    createProfile('a');
    const dragged = { 'profile:a': { x: 50_000.5, y: 7 } };
    createProfile('b');
    expect(layoutGraph(deriveGraph(sim.state), dragged)).toEqual({ 'profile:a': { x: 50_000.5, y: 7 }, 'profile:b': { x: col(2), y: row(0) } });
  });

  it('orders a new band with dagre: each profile beside the middle of its instances, on the column grid', () => {
    const env = graphSim();
    env.createRole('r');
    env.putPolicy('r');
    env.createProfile('a');
    env.createProfile('b');
    env.addRole('a', 'r');
    env.addRole('b', 'r');
    const a = [env.launch('a'), env.launch('a'), env.launch('a')].sort();
    const b = env.launch('b');
    const graph = deriveGraph(env.sim.state);
    const positions = layoutGraph(graph);
    const at = (id: string) => positions[id]!;
    // The role between its two profiles, its trust and permissions beside it.
    expect(at('role:r')).toEqual({ x: col(1), y: row(2) });
    expect([EC2, 'inline:r/S3-Permissions'].map(at)).toEqual([{ x: col(0), y: row(1) }, { x: col(0), y: row(2) }]);
    expect(['profile:a', 'profile:b'].map(at)).toEqual([{ x: col(2), y: row(1) }, { x: col(2), y: row(3) }]);
    expect([...a, b].map((id) => at(`instance:${id}`))).toEqual([0, 1, 2, 3].map((n) => ({ x: col(3), y: row(n) })));
    expect(overlaps(positions)).toEqual([]);

    // The same graph with too many new nodes for dagre: the columns alone, every band from its role's row.
    const columns = layoutGraph(graph, {}, { ...LAYOUT_DEFAULTS, bandLayoutLimit: 5 });
    expect(['role:r', 'profile:a', 'profile:b'].map((id) => columns[id])).toEqual([{ x: col(1), y: row(0) }, { x: col(2), y: row(0) }, { x: col(2), y: row(1) }]);
    expect(overlaps(columns)).toEqual([]);
  });

  it('lays out with dagre only the nodes that are new, around those already placed', () => {
    const env = graphSim();
    env.consoleEc2Role('first');
    const before = layoutGraph(deriveGraph(env.sim.state));
    env.consoleEc2Role('second');
    const id = env.launch('second');
    const next = layoutGraph(deriveGraph(env.sim.state), before);
    expect(kept(before, next)).toEqual(before);
    // EC2 and AmazonS3FullAccess stay in the first band; the new band is the role, its profile and the instance.
    expect(['role:second', 'profile:second', `instance:${id}`].map((n) => next[n])).toEqual([1, 2, 3].map((c) => ({ x: col(c), y: row(2) })));
    expect(overlaps(next)).toEqual([]);
  });

  it('stays stable and free of overlaps as a large account grows', () => {
    const env = graphSim();
    let positions: Positions = {};
    for (let i = 0; i < 40; i++) {
      env.createRole(`role-${i}`);
      if (i % 3 === 0) env.putPolicy(`role-${i}`);
      env.createProfile(`profile-${i}`);
      if (i % 2 === 0) env.addRole(`profile-${i}`, `role-${i}`);
      if (i % 4 === 0) env.launch(`profile-${i}`);
      const next = layoutGraph(deriveGraph(env.sim.state), positions);
      expect(kept(positions, next)).toEqual(positions);
      positions = next;
    }
    expect(Object.keys(positions)).toHaveLength(deriveGraph(env.sim.state).nodes.length);
    expect(overlaps(positions)).toEqual([]);
  });
});
