import type { SimEvent, SimState } from '../sim';
import { deriveGraph, graphChanges, layoutGraph, type Graph, type Positions } from '../graph';
import type { PublishedGraph } from './protocol';

const noChanges = (): PublishedGraph['changes'] => ({
  nodes: { created: [], updated: [], deleted: [] },
  edges: { created: [], updated: [], deleted: [] },
});
const NO_CHANGES: PublishedGraph['changes'] = Object.freeze(noChanges());
const NOTHING_REMOVED: PublishedGraph['removed'] = Object.freeze({ nodes: [], edges: [], positions: {} });

/** The graph of an empty lab (for test fixtures of a `Published`). */
export const emptyPublishedGraph = (): PublishedGraph => ({ nodes: [], edges: [], warnings: [], positions: {}, changes: noChanges(), removed: { nodes: [], edges: [], positions: {} } });

/** The positions of the given node ids only, in a table without a prototype. */
function pick(positions: Readonly<Positions>, ids: Iterable<string>): Positions {
  const picked = Object.create(null) as Positions;
  for (const id of ids) {
    const at = Object.hasOwn(positions, id) ? positions[id] : undefined;
    if (at) picked[id] = at;
  }
  return picked;
}

/**
 * The worker's side of the live graph: the graph derived after the last change and where each of
 * its nodes sits. Each change derives the graph again, compares it with the last one for the
 * highlights, and lays it out around the positions it already had (and those the learner dragged),
 * so the picture never jumps. Position tables are never changed in place: undo steps keep them.
 */
export class LiveGraph {
  private graph: Graph | undefined;
  private positions: Positions = Object.create(null) as Positions;
  /** The last graph handed out, and the state revision it was derived from. */
  private published: { graph: PublishedGraph; revision: number } | undefined;

  /** Where every node sits now (saved with the lab). */
  get layout(): Positions {
    return this.positions;
  }

  /**
   * A new lab (reset, import, reload): no previous graph to compare with, so nothing is
   * highlighted, and the positions it came with (a saved or shared layout) are kept.
   */
  restart(layout: Readonly<Positions> = {}): void {
    this.graph = undefined;
    this.published = undefined;
    this.positions = pick(layout, Object.keys(layout));
  }

  /** After an undo: nodes the undo brings back return to where they were before the undone step. */
  restore(before: Readonly<Positions>): void {
    this.published = undefined;
    this.positions = Object.assign(Object.create(null) as Positions, before, this.positions);
  }

  /** Records dragged positions for nodes of the current graph; other ids are ignored. Returns how many it kept. */
  move(moved: Readonly<Positions>): number {
    const known = new Set(this.graph?.nodes.map((n) => n.id));
    const kept = pick(moved, Object.keys(moved).filter((id) => known.has(id)));
    const count = Object.keys(kept).length;
    if (count > 0) {
      this.positions = Object.assign(Object.create(null) as Positions, this.positions, kept);
      this.published = undefined;
    }
    return count;
  }

  /**
   * Derives, compares and lays out the graph for the state as it is after a change with these
   * events. `revision` names the state's contents: while it and the positions stay the same, the
   * graph cannot have changed, so the last one comes back (the same object, nothing highlighted)
   * without deriving anything, and the UI can tell at a glance that there is nothing to redraw.
   */
  update(state: SimState, events: readonly SimEvent[], revision: number): PublishedGraph {
    if (this.published?.revision === revision) return this.quiet(this.published.graph, revision);
    const published = this.derive(state, events);
    this.published = { graph: published, revision };
    return published;
  }

  /** The last graph with its highlights spent. */
  private quiet(graph: PublishedGraph, revision: number): PublishedGraph {
    const spent = graph.changes === NO_CHANGES && graph.removed === NOTHING_REMOVED;
    if (spent) return graph;
    const quiet = { ...graph, changes: NO_CHANGES, removed: NOTHING_REMOVED };
    this.published = { graph: quiet, revision };
    return quiet;
  }

  private derive(state: SimState, events: readonly SimEvent[]): PublishedGraph {
    const previous = this.graph;
    const next = deriveGraph(state);
    // A layout read from a file may name nodes that do not exist; only real nodes keep a place.
    const before = previous ? this.positions : pick(this.positions, next.nodes.map((n) => n.id));
    const positions = layoutGraph(next, before);
    const changes = previous ? graphChanges(previous, next, events) : noChanges();
    const deletedNodes = new Set(changes.nodes.deleted);
    const deletedEdges = new Set(changes.edges.deleted);
    const removedNodes = previous?.nodes.filter((n) => deletedNodes.has(n.id)) ?? [];
    this.graph = next;
    this.positions = positions;
    return {
      nodes: next.nodes,
      edges: next.edges,
      warnings: next.warnings,
      positions,
      changes,
      removed: {
        nodes: removedNodes,
        edges: previous?.edges.filter((e) => deletedEdges.has(e.id)) ?? [],
        positions: pick(before, removedNodes.map((n) => n.id)),
      },
    };
  }

  /** A node of the graph last published. */
  node(id: string): Graph['nodes'][number] | undefined {
    return this.graph?.nodes.find((n) => n.id === id);
  }
}
