import { exhaustive } from '../sim/core/assert';
import type { Graph, GraphNode, NodeKind } from './types';

/**
 * Where each node goes: four columns that read left to right as the story does,
 *
 *   principals and policies │ roles │ instance profiles │ instances
 *
 * (who may assume a role and what it may do, beside the role; then the profile that holds it and
 * the instances that use the profile). Each role opens a band: its principals and policies, its
 * profiles and their instances start on the role's row and stack downwards in their columns.
 *
 * Why not dagre: @dagrejs/dagre 3.1.3 took 1–3 ms for a 5-node graph, 22 ms for 100 nodes and
 * 400–1,200 ms for 1,000 in this project's container, against a budget well under 100 ms for
 * 1,000; and a layout of the whole graph reorders everything when one node is added, so it would
 * still need a pass that keeps old positions and places new nodes around them. That pass, with
 * fixed columns, is a whole layout by itself: O(n log n), deterministic, and stable.
 *
 * Stability: a node with a previous position keeps it, exactly. A new node goes to its column, on
 * its anchor's row (the node that brought it into its band: a role for its policies, principals and
 * profiles, a profile for its instances; for a node that opens a band, a role, profile or instance
 * already placed and linked to it), or in the first free place below it. A new node with nothing
 * placed to anchor to opens a band below everything. Every previous position, including
 * those of nodes just deleted (which the UI may still be fading out), counts as occupied, and a
 * node dragged anywhere blocks every column it overlaps, so a new node never overlaps another.
 */

export interface Position {
  /** Left edge, as @xyflow/react positions nodes. */
  x: number;
  /** Top edge. */
  y: number;
}

/** Node id → position. */
export type Positions = Record<string, Position>;

export interface LayoutOptions {
  /** Every node's box; the UI should draw nodes no larger. */
  nodeWidth: number;
  nodeHeight: number;
  /** Horizontal space between columns. */
  columnGap: number;
  /** Vertical space between nodes in a column. */
  rowGap: number;
}

export const LAYOUT_DEFAULTS: LayoutOptions = { nodeWidth: 240, nodeHeight: 64, columnGap: 120, rowGap: 24 };

/** The column of each kind of node, left to right. */
export const COLUMN_OF: Record<NodeKind, number> = {
  principal: 0,
  'managed-policy': 0,
  'inline-policy': 0,
  role: 1,
  'instance-profile': 2,
  'deleted-profile': 2,
  instance: 3,
};

const COLUMNS = 4;

/**
 * One column's occupied stretches, as sorted, disjoint `[top, bottom)` intervals (each node with
 * the gap below it), so that finding room is a binary search and a short walk.
 */
class Column {
  private readonly tops: number[] = [];
  private readonly bottoms: number[] = [];

  /** The first index whose interval ends after `y` (or at it, with `touching`). */
  private after(y: number, touching: boolean): number {
    let lo = 0;
    let hi = this.bottoms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const bottom = this.bottoms[mid] as number;
      if (bottom < y || (!touching && bottom === y)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  occupy(top: number, bottom: number): void {
    const first = this.after(top, true);
    let last = first;
    let newTop = top;
    let newBottom = bottom;
    while (last < this.tops.length && (this.tops[last] as number) <= bottom) {
      newTop = Math.min(newTop, this.tops[last] as number);
      newBottom = Math.max(newBottom, this.bottoms[last] as number);
      last++;
    }
    this.tops.splice(first, last - first, newTop);
    this.bottoms.splice(first, last - first, newBottom);
  }

  /** The smallest y ≥ `from` where a stretch of `height` is free. */
  firstFree(from: number, height: number): number {
    let y = from;
    for (let i = this.after(from, false); i < this.tops.length && (this.tops[i] as number) < y + height; i++) {
      y = Math.max(y, this.bottoms[i] as number);
    }
    return y;
  }
}

/** Positions for every node of `graph`; nodes in `previous` keep theirs. Deterministic. */
export function layoutGraph(graph: Graph, previous: Readonly<Positions> = {}, options: LayoutOptions = LAYOUT_DEFAULTS): Positions {
  const { nodeWidth, nodeHeight, columnGap, rowGap } = options;
  const pitch = nodeWidth + columnGap;
  const slot = nodeHeight + rowGap;
  const columns = Array.from({ length: COLUMNS }, () => new Column());
  let bottom = 0;
  const occupy = (at: Position): void => {
    for (let c = 0; c < COLUMNS; c++) {
      if (at.x < c * pitch + nodeWidth && at.x + nodeWidth > c * pitch) columns[c]?.occupy(at.y, at.y + slot);
    }
    bottom = Math.max(bottom, at.y + slot);
  };
  for (const id of Object.keys(previous)) {
    const at = previous[id];
    if (at && Number.isFinite(at.x) && Number.isFinite(at.y)) occupy(at);
  }

  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const links = linksOf(graph);
  const positions: Positions = {};
  for (const node of graph.nodes) {
    const at = Object.hasOwn(previous, node.id) ? previous[node.id] : undefined;
    if (at && Number.isFinite(at.x) && Number.isFinite(at.y)) positions[node.id] = { x: at.x, y: at.y };
  }

  const visited = new Set<string>();
  /** Visits a node once, placing it if it has no position yet; false when already visited. */
  const visit = (node: GraphNode, anchor: string | undefined): boolean => {
    if (visited.has(node.id)) return false;
    visited.add(node.id);
    if (Object.hasOwn(positions, node.id)) return true;
    const anchorId = anchor ?? links.spine.get(node.id)?.find((id) => Object.hasOwn(positions, id));
    const from = anchorId === undefined ? bottom : (positions[anchorId] as Position).y;
    const column = COLUMN_OF[node.kind];
    const at = { x: column * pitch, y: (columns[column] as Column).firstFree(from, slot) };
    positions[node.id] = at;
    occupy(at);
    return true;
  };
  const visitAll = (ids: readonly string[] | undefined, anchor: string): void => {
    for (const id of ids ?? []) {
      const node = nodes.get(id);
      if (node) visit(node, anchor);
    }
  };
  const visitProfileBand = (profile: GraphNode, anchor: string | undefined): void => {
    if (visit(profile, anchor)) visitAll(links.instances.get(profile.id), profile.id);
  };

  for (const node of graph.nodes) {
    if (node.kind !== 'role' || !visit(node, undefined)) continue;
    visitAll(links.principals.get(node.id), node.id);
    visitAll(links.policies.get(node.id), node.id);
    for (const id of links.profiles.get(node.id) ?? []) {
      const profile = nodes.get(id);
      if (profile) visitProfileBand(profile, node.id);
    }
  }
  for (const node of graph.nodes) if (node.kind === 'instance-profile' || node.kind === 'deleted-profile') visitProfileBand(node, undefined);
  for (const node of graph.nodes) visit(node, undefined);
  return positions;
}

interface Links {
  principals: Map<string, string[]>;
  policies: Map<string, string[]>;
  profiles: Map<string, string[]>;
  instances: Map<string, string[]>;
  /**
   * Neighbours along role – profile – instance, in edge order: what a new node with no band of its
   * own anchors to. Not principals or policies: one service principal may trust hundreds of roles,
   * and anchoring a new role to it would pull the role into another role's band.
   */
  spine: Map<string, string[]>;
}

function linksOf(graph: Graph): Links {
  const links: Links = { principals: new Map(), policies: new Map(), profiles: new Map(), instances: new Map(), spine: new Map() };
  for (const edge of graph.edges) {
    if (edge.kind === 'contains-role' || edge.kind === 'uses-profile') {
      push(links.spine, edge.source, edge.target);
      push(links.spine, edge.target, edge.source);
    }
    switch (edge.kind) {
      case 'may-assume':
        push(links.principals, edge.target, edge.source);
        break;
      case 'has-managed-policy':
      case 'has-inline-policy':
        push(links.policies, edge.source, edge.target);
        break;
      case 'contains-role':
        push(links.profiles, edge.target, edge.source);
        break;
      case 'uses-profile':
        push(links.instances, edge.target, edge.source);
        break;
      default:
        exhaustive(edge);
    }
  }
  // Within a band, nodes follow the graph's order (instances by id, not by association id).
  const rank = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const byRank = (a: string, b: string) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0);
  for (const map of [links.principals, links.policies, links.profiles, links.instances]) for (const list of map.values()) list.sort(byRank);
  return links;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
