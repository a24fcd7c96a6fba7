import { exhaustive } from '../sim/core/assert';
import { bandRows } from './band';
import type { Graph, GraphNode, NodeKind } from './types';

/**
 * Where each node goes: four columns that read left to right as the story does,
 *
 *   principals and policies │ roles │ instance profiles │ instances
 *
 * (who may assume a role and what it may do, beside the role; then the profile that holds it and
 * the instances that use the profile). Each role opens a band: its principals and policies, its
 * profiles and their instances start on the role's row and stack downwards in their columns.
 * Bands follow one another down a stack of the four columns; once a stack is `stackHeight` tall,
 * the next band opens a new stack to its right, so a large account fills a wide sheet rather than
 * one endless strip (with the defaults, 500 nodes fill about 6,400 × 3,500 px, close to 16:9).
 *
 * Where dagre serves: a band that is new in this layout (a command's or a console action's new
 * role, or every band of a small lab laid out for the first time) is ordered by @dagrejs/dagre
 * (`band.ts`), which balances it (a profile beside the middle of its instances) and keeps it free of
 * crossings; its rows are then snapped back onto the columns. Why not dagre for the whole graph:
 * `bench/graph.ts` times it at about 60 ms for 50 nodes, 180 ms for 100 and 300 ms for 200, and
 * over 10 s for 1,000 (a service principal trusted by hundreds of roles is a worst case for its
 * ranking), against a budget well under 100 ms for 1,000; and a layout of the whole graph reorders
 * everything when one node is added. Dagre also costs a couple of milliseconds for even a tiny band,
 * so with more than `bandLayoutLimit` new nodes (a large lab opened without positions) the columns
 * alone place them: O(n log n), deterministic and stable.
 *
 * Stability: a node with a previous position keeps it, exactly. A new node goes to its column, on
 * the row dagre gave it in a new band, otherwise on its anchor's row (the node that brought it into its band: a role for its policies, principals and
 * profiles, a profile for its instances; for a node that opens a band, a role, profile or instance
 * already placed and linked to it), or in the first free place below it, in the anchor's stack. A
 * new node with nothing placed to anchor to opens a band below the last stack's nodes. Every
 * previous position, including those of nodes just deleted (which the UI may still be fading
 * out), counts as occupied, and a node dragged anywhere blocks every column it overlaps, so a new
 * node never overlaps another.
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
  /** A band that would start this far down opens a new stack of columns to the right instead. */
  stackHeight: number;
  /** Horizontal space between stacks. */
  stackGap: number;
  /**
   * New bands are ordered by @dagrejs/dagre when at most this many nodes are new in one layout
   * (default `BAND_LAYOUT_LIMIT`); beyond it (a large lab opened without positions), by the
   * columns alone, which is faster by far.
   */
  bandLayoutLimit?: number;
}

/** About a dozen bands: dagre takes a couple of milliseconds for each (see `bench/graph.ts`). */
export const BAND_LAYOUT_LIMIT = 60;

/** 40 rows to a stack: lessons (a few dozen nodes) stay in one; 1,000 nodes make a sheet about 16:9. */
export const LAYOUT_DEFAULTS: LayoutOptions = { nodeWidth: 240, nodeHeight: 64, columnGap: 120, rowGap: 24, stackHeight: 40 * (64 + 24), stackGap: 240 };

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

/**
 * The page the layout fills: stacks of four columns side by side, each knowing what is taken in
 * its columns and how far down it is used.
 */
class Sheet {
  private readonly stacks = new Map<number, { columns: Column[]; bottom: number }>();
  /** The rightmost stack holding a node set on its grid (a node dragged off the grid opens none). */
  private last = 0;
  private readonly pitch: number;
  private readonly slot: number;
  private readonly stackPitch: number;

  constructor(private readonly options: LayoutOptions) {
    this.pitch = options.nodeWidth + options.columnGap;
    this.slot = options.nodeHeight + options.rowGap;
    this.stackPitch = COLUMNS * this.pitch + options.stackGap;
  }

  private stack(index: number): { columns: Column[]; bottom: number } {
    let stack = this.stacks.get(index);
    if (!stack) this.stacks.set(index, (stack = { columns: Array.from({ length: COLUMNS }, () => new Column()), bottom: 0 }));
    return stack;
  }

  /** Marks a node's box as taken in every column it overlaps. */
  occupy(at: Position): void {
    const { nodeWidth } = this.options;
    const first = Math.max(0, Math.floor(at.x / this.stackPitch));
    const last = Math.floor((at.x + nodeWidth) / this.stackPitch);
    for (let s = first; s <= last; s++) {
      for (let c = 0; c < COLUMNS; c++) {
        const left = s * this.stackPitch + c * this.pitch;
        if (at.x >= left + nodeWidth || at.x + nodeWidth <= left) continue;
        const stack = this.stack(s);
        stack.columns[c]?.occupy(at.y, at.y + this.slot);
        stack.bottom = Math.max(stack.bottom, at.y + this.slot);
        if (at.x === left) this.last = Math.max(this.last, s);
      }
    }
  }

  /** Where a band with nothing to anchor to starts: below the last stack's nodes, or atop a new stack. */
  bandStart(): { stack: number; y: number } {
    let s = this.last;
    while (this.stack(s).bottom >= this.options.stackHeight) s++;
    return { stack: s, y: this.stack(s).bottom };
  }

  stackOf(x: number): number {
    return Math.max(0, Math.floor(x / this.stackPitch));
  }

  /** The first free place in a stack's column at or below `from`, taken. */
  place(stack: number, column: number, from: number): Position {
    const at = { x: stack * this.stackPitch + column * this.pitch, y: (this.stack(stack).columns[column] as Column).firstFree(from, this.slot) };
    this.occupy(at);
    return at;
  }
}

/** Positions for every node of `graph`; nodes in `previous` keep theirs. Deterministic. */
export function layoutGraph(graph: Graph, previous: Readonly<Positions> = {}, options: LayoutOptions = LAYOUT_DEFAULTS): Positions {
  const sheet = new Sheet(options);
  for (const id of Object.keys(previous)) {
    const at = previous[id];
    if (at && Number.isFinite(at.x) && Number.isFinite(at.y)) sheet.occupy(at);
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
    const anchorAt = anchorId === undefined ? undefined : positions[anchorId];
    const start = anchorAt ? { stack: sheet.stackOf(anchorAt.x), y: anchorAt.y } : sheet.bandStart();
    positions[node.id] = sheet.place(start.stack, COLUMN_OF[node.kind], start.y);
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

  const slot = options.nodeHeight + options.rowGap;
  /** A new role's band, laid out by dagre: the role and the nodes new with it, in rows from where the band starts. */
  const placeBand = (role: GraphNode): void => {
    const isNew = (id: string) => !visited.has(id) && !Object.hasOwn(positions, id) && nodes.has(id);
    const members = new Set<string>();
    const edges: [string, string][] = [];
    for (const id of [...(links.principals.get(role.id) ?? []), ...(links.policies.get(role.id) ?? [])]) {
      if (!isNew(id)) continue;
      members.add(id);
      edges.push([id, role.id]);
    }
    for (const profile of links.profiles.get(role.id) ?? []) {
      if (!isNew(profile)) continue;
      members.add(profile);
      edges.push([role.id, profile]);
      for (const id of links.instances.get(profile) ?? []) {
        if (!isNew(id) || members.has(id)) continue;
        members.add(id);
        edges.push([profile, id]);
      }
    }
    const band = [role.id, ...members].map((id) => ({ id, column: COLUMN_OF[(nodes.get(id) as GraphNode).kind] }));
    if (!worthDagre(band)) return;
    const rows = bandRows(band, edges, { width: options.nodeWidth, height: options.nodeHeight, columnGap: options.columnGap, rowGap: options.rowGap });
    const anchorId = links.spine.get(role.id)?.find((id) => Object.hasOwn(positions, id));
    const anchorAt = anchorId === undefined ? undefined : positions[anchorId];
    // Anchored to a profile already on the sheet, the role goes on its row (or the first free one below).
    const start = anchorAt ? { stack: sheet.stackOf(anchorAt.x), y: Math.max(0, anchorAt.y - (rows.get(role.id) ?? 0) * slot) } : sheet.bandStart();
    for (const { id, column } of band) positions[id] = sheet.place(start.stack, column, start.y + (rows.get(id) ?? 0) * slot);
  };
  const fresh = graph.nodes.reduce((count, node) => count + (Object.hasOwn(positions, node.id) ? 0 : 1), 0);
  const refine = fresh <= (options.bandLayoutLimit ?? BAND_LAYOUT_LIMIT);

  for (const node of graph.nodes) {
    if (node.kind !== 'role' || visited.has(node.id)) continue;
    if (refine && !Object.hasOwn(positions, node.id)) placeBand(node);
    if (!visit(node, undefined)) continue;
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

/**
 * Whether dagre would place a new band otherwise than the columns do: not when the role has at most
 * two new neighbours on its left (dagre too puts the first on the role's row) and at most one new
 * node in each column to its right (all on the role's row). Most commands add such a band, and
 * dagre costs milliseconds even then.
 */
function worthDagre(band: readonly { column: number }[]): boolean {
  const perColumn = [0, 0, 0, 0];
  for (const { column } of band) perColumn[column] = (perColumn[column] ?? 0) + 1;
  return (perColumn[0] ?? 0) > 2 || perColumn.slice(1).some((count) => count > 1);
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
