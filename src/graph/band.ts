import { dagre } from './dagre';

/** A node of a band being laid out for the first time, with the column its kind goes to. */
export interface BandNode {
  id: string;
  column: number;
}

/**
 * The rows of a band that is new in this layout: a role with the principals, policies, profiles
 * and instances placed for the first time along with it. @dagrejs/dagre orders and balances them
 * (a profile beside the middle of its instances, the role beside the middle of its profiles), and
 * the result is snapped back onto the column grid: each node keeps its kind's column, and its row
 * is where dagre put it, counted in whole rows from the band's top, never two nodes on one row of
 * a column. Edges go left to right (`[from, to]`), so dagre's ranks are the columns.
 *
 * Dagre costs a couple of milliseconds even for a handful of nodes, so `layoutGraph` calls this
 * only when few nodes are new (a command, a console action, the first layout of a small lab).
 */
export function bandRows(nodes: readonly BandNode[], edges: readonly (readonly [string, string])[], size: { width: number; height: number; columnGap: number; rowGap: number }): Map<string, number> {
  const engine = dagre();
  const g = new engine.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: size.rowGap, ranksep: size.columnGap, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  // Dagre's first ordering lists a rank's nodes in reverse insertion order: inserted last to first,
  // a band with no crossings keeps the graph's order (trust before permissions, instances by id).
  for (const node of [...nodes].reverse()) g.setNode(node.id, { width: size.width, height: size.height });
  for (const [from, to] of [...edges].reverse()) g.setEdge(from, to);
  engine.layout(g);

  const slot = size.height + size.rowGap;
  const tops = nodes.map((node) => ({ node, top: g.node(node.id).y - size.height / 2 }));
  const minTop = Math.min(...tops.map((t) => t.top));
  const rows = new Map<string, number>();
  const lastRow = new Map<number, number>();
  // Within a column, in dagre's order; a node that would share a row with the one above moves down one.
  tops.sort((a, b) => a.top - b.top || (a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0));
  for (const { node, top } of tops) {
    const wanted = Math.floor((top - minTop) / slot + 1e-6);
    const previous = lastRow.get(node.column);
    const row = previous === undefined ? wanted : Math.max(wanted, previous + 1);
    rows.set(node.id, row);
    lastRow.set(node.column, row);
  }
  return rows;
}
