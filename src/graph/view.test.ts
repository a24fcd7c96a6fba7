import { describe, expect, it } from 'vitest';
import { deriveGraph } from './derive';
import { filterGraph, summarizeGraph } from './view';
import { edgeIds, graphSim, nodeIds } from './__tests__/helpers';

const S3_FULL = 'arn:aws:iam::aws:policy/AmazonS3FullAccess';

/** The console's role in use by an instance, plus a CLI-made empty profile on another instance. */
function scenario() {
  const env = graphSim();
  env.consoleEc2Role('app');
  const web = env.launch('app', 'web');
  env.createProfile('sample-profile');
  const bare = env.launch('sample-profile');
  env.wait(5);
  env.sim.ok('ec2', 'StopInstances', { InstanceIds: [bare] });
  return { graph: deriveGraph(env.sim.state), web, bare, env };
}

describe('filterGraph', () => {
  it('keeps the chosen kinds, the edges between them, and the warnings that still sit on a shown node', () => {
    const { graph, web, bare, env } = scenario();
    const association = env.associationOf(bare);
    const profilesAndInstances = filterGraph(graph, ['instance-profile', 'instance']);
    expect(nodeIds(profilesAndInstances)).toEqual(['profile:app', 'profile:sample-profile', ...[`instance:${web}`, `instance:${bare}`].sort()]);
    expect(edgeIds(profilesAndInstances)).toEqual([`uses-profile:${env.associationOf(web)}`, `uses-profile:${association}`].sort());
    expect(profilesAndInstances.warnings).toEqual(graph.warnings);

    const instancesOnly = filterGraph(graph, new Set(['instance'] as const));
    expect(instancesOnly.edges).toEqual([]);
    expect(instancesOnly.warnings).toEqual([
      { id: `empty-profile-attached:${association}`, code: 'empty-profile-attached', nodeIds: [`instance:${bare}`], edgeIds: [], params: { instance: bare, profile: 'sample-profile' } },
    ]);

    expect(filterGraph(graph, ['role', 'managed-policy'])).toEqual({
      nodes: graph.nodes.filter((n) => n.kind === 'role' || n.kind === 'managed-policy'),
      edges: graph.edges.filter((e) => e.id === `has-managed-policy:role:app->policy:${S3_FULL}`),
      warnings: [],
    });
  });

  it('shows nothing when no kind is chosen, and everything when every kind is', () => {
    const { graph } = scenario();
    expect(filterGraph(graph, [])).toEqual({ nodes: [], edges: [], warnings: [] });
    expect(filterGraph(graph, graph.nodes.map((n) => n.kind))).toEqual(graph);
  });
});

describe('summarizeGraph', () => {
  it('counts nodes, edges and warnings per kind, zero for the kinds absent, and instances per state', () => {
    expect(summarizeGraph(scenario().graph)).toEqual({
      nodes: { principal: 1, role: 1, 'managed-policy': 1, 'inline-policy': 0, 'instance-profile': 2, 'deleted-profile': 0, instance: 2 },
      edges: { 'may-assume': 1, 'has-managed-policy': 1, 'has-inline-policy': 0, 'contains-role': 1, 'uses-profile': 2 },
      warnings: {
        'empty-profile-attached': 1,
        'association-profile-deleted': 0,
        'profile-role-not-trusted-by-ec2': 0,
        'ec2-role-without-profile': 0,
        'same-name-not-linked': 0,
        'role-without-permissions': 0,
      },
      instanceStates: { running: 1, stopping: 1 },
    });
  });
});
