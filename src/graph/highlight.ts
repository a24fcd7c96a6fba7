import type { SimEvent } from '../sim/core/changes';
import { exhaustive } from '../sim/core/assert';
import { edgeId, nodeId, type Graph } from './types';

/** Ids that appeared, changed or disappeared, for nodes and for edges. */
export interface ChangeSet {
  created: string[];
  updated: string[];
  deleted: string[];
}

/**
 * What the last command did to the graph: created and updated ids to highlight, deleted ids to
 * fade out (the UI still holds the previous graph to draw them). Lists follow graph order:
 * `next`'s for created and updated, `previous`'s for deleted.
 */
export interface GraphChanges {
  nodes: ChangeSet;
  edges: ChangeSet;
}

/** The node or edge a simulator resource is drawn as. An association is an edge, not a node. */
export function eventTarget(resource: SimEvent['resource']): { node: string } | { edge: string } {
  switch (resource.type) {
    case 'role':
      return { node: nodeId.role(resource.id) };
    case 'instance-profile':
      return { node: nodeId.profile(resource.id) };
    case 'policy':
      return { node: nodeId.policy(resource.id) };
    case 'instance':
      return { node: nodeId.instance(resource.id) };
    case 'iam-instance-profile-association':
      return { edge: edgeId.association(resource.id) };
    default:
      return exhaustive(resource.type);
  }
}

/**
 * Graph against graph. A node or edge counts as updated when any of its data changed (a role's
 * trust policy, an association's state, a profile's role …). Nodes are built field by field in a
 * fixed order, so comparing their JSON is exact.
 */
export function diffGraph(previous: Graph, next: Graph): GraphChanges {
  return { nodes: diffItems(previous.nodes, next.nodes), edges: diffItems(previous.edges, next.edges) };
}

function diffItems<T extends { id: string }>(previous: readonly T[], next: readonly T[]): ChangeSet {
  const before = new Map(previous.map((item) => [item.id, item]));
  const nextIds = new Set(next.map((item) => item.id));
  const created: string[] = [];
  const updated: string[] = [];
  for (const item of next) {
    const old = before.get(item.id);
    if (!old) created.push(item.id);
    else if (old !== item && JSON.stringify(old) !== JSON.stringify(item)) updated.push(item.id);
  }
  return { created, updated, deleted: previous.filter((item) => !nextIds.has(item.id)).map((item) => item.id) };
}

/**
 * Highlight data for one command: the graph diff, plus what the simulator's events name that the
 * diff cannot see (a role whose last-used date changed, a resource deleted and re-made with the same
 * data). Policy nodes appear in the diff only: attaching or putting a policy is a role `updated`
 * event. Without a previous graph (the first publish), the events alone decide.
 */
export function graphChanges(previous: Graph | undefined, next: Graph, events: readonly SimEvent[]): GraphChanges {
  const diff = previous ? diffGraph(previous, next) : { nodes: emptySet(), edges: emptySet() };
  const touched = { nodes: new Map<string, SimEvent['kind']>(), edges: new Map<string, SimEvent['kind']>() };
  for (const event of events) {
    const target = eventTarget(event.resource);
    const [map, id] = 'node' in target ? [touched.nodes, target.node] : [touched.edges, target.edge];
    map.set(id, fold(map.get(id), event.kind));
  }
  return {
    nodes: merge(diff.nodes, touched.nodes, previous?.nodes, next.nodes),
    edges: merge(diff.edges, touched.edges, previous?.edges, next.edges),
  };
}

/** Several events on one resource (a console action makes several calls): where it ended up. */
function fold(earlier: SimEvent['kind'] | undefined, later: SimEvent['kind']): SimEvent['kind'] {
  if (earlier === undefined || later === 'deleted') return later;
  if (earlier === 'created') return 'created';
  return earlier === 'deleted' ? 'updated' : later;
}

const emptySet = (): ChangeSet => ({ created: [], updated: [], deleted: [] });

function merge(diff: ChangeSet, touched: ReadonlyMap<string, SimEvent['kind']>, previous: readonly { id: string }[] | undefined, next: readonly { id: string }[]): ChangeSet {
  const created = new Set(diff.created);
  const updated = new Set(diff.updated);
  const deleted = new Set(diff.deleted);
  const inNext = new Set(next.map((item) => item.id));
  for (const [id, kind] of touched) {
    if (!inNext.has(id)) {
      if (!previous && kind === 'deleted') deleted.add(id);
    } else if (!previous && kind === 'created') created.add(id);
    else if (!created.has(id)) updated.add(id);
  }
  const inOrder = (items: readonly { id: string }[], set: ReadonlySet<string>) => items.filter((item) => set.has(item.id)).map((item) => item.id);
  return {
    created: inOrder(next, created),
    updated: inOrder(next, updated),
    deleted: previous ? inOrder(previous, deleted) : [...deleted].sort(),
  };
}
