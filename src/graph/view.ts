import { EDGE_KINDS, NODE_KINDS, WARNING_CODES, type EdgeKind, type Graph, type NodeKind, type WarningCode } from './types';

/**
 * Pure helpers for the graph panel's filter and legend. Layout runs on the whole graph, so hiding
 * a kind and showing it again moves nothing.
 */

/**
 * The graph with only the nodes of the given kinds, the edges between them, and the warnings that
 * still sit on at least one shown node (cut down to the nodes and edges shown).
 */
export function filterGraph(graph: Graph, kinds: Iterable<NodeKind>): Graph {
  const shown = new Set(kinds);
  const nodes = graph.nodes.filter((n) => shown.has(n.kind));
  const nodeIds = new Set(nodes.map((n) => n.id));
  const edges = graph.edges.filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target));
  const edgeIds = new Set(edges.map((e) => e.id));
  const warnings = graph.warnings.flatMap((w) => {
    if (!w.nodeIds.some((id) => nodeIds.has(id))) return [];
    return [{ ...w, nodeIds: w.nodeIds.filter((id) => nodeIds.has(id)), edgeIds: w.edgeIds.filter((id) => edgeIds.has(id)) }];
  });
  return { nodes, edges, warnings };
}

export interface GraphSummary {
  nodes: Record<NodeKind, number>;
  edges: Record<EdgeKind, number>;
  warnings: Record<WarningCode, number>;
  /** Instances by state (`running`, `stopped` …), only the states present, in node order of first appearance. */
  instanceStates: Record<string, number>;
}

/** Counts per kind, every kind present (zero when absent), in the kinds' display order. */
export function summarizeGraph(graph: Graph): GraphSummary {
  const summary: GraphSummary = { nodes: zeros(NODE_KINDS), edges: zeros(EDGE_KINDS), warnings: zeros(WARNING_CODES), instanceStates: {} };
  for (const node of graph.nodes) {
    summary.nodes[node.kind]++;
    if (node.kind === 'instance') summary.instanceStates[node.state] = (summary.instanceStates[node.state] ?? 0) + 1;
  }
  for (const edge of graph.edges) summary.edges[edge.kind]++;
  for (const warning of graph.warnings) summary.warnings[warning.code]++;
  return summary;
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}
