import { MarkerType, Position as Side, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import type { Position } from '../../graph/layout';
import { NODE_KINDS, type EdgeKind, type GraphEdge, type GraphNode, type GraphWarning, type NodeKind } from '../../graph/types';
import { filterGraph } from '../../graph/view';
import type { PublishedGraph } from '../../worker/protocol';
import type { Highlights } from './highlights';

/** Every node is drawn exactly this size: the worker's layout (`LAYOUT_DEFAULTS`) spaces nodes for it. */
export const NODE_WIDTH = 240;
export const NODE_HEIGHT = 64;

export interface LabNodeData extends Record<string, unknown> {
  node: GraphNode;
  /** The warnings drawn on this node. */
  warnings: readonly GraphWarning[];
  /** Deleted by the last change: drawn fading out, not interactive. */
  fading: boolean;
}
export type LabFlowNode = Node<LabNodeData, NodeKind>;

export interface LabEdgeData extends Record<string, unknown> {
  edge: GraphEdge;
  warnings: readonly GraphWarning[];
  fading: boolean;
}
export type LabFlowEdge = Edge<LabEdgeData, 'lab'>;

/**
 * Accessible names, in the learner's language (the caller translates). Translating is slow next
 * to the rest, so names are made only for what is rebuilt: `language` tells when all must be.
 */
export interface FlowLabels {
  language: string;
  node(node: GraphNode, warnings: readonly GraphWarning[]): string;
  edge(edge: GraphEdge): string;
  /** The name a node id is shown by (an edge's name holds those of its two ends). */
  nameOf(id: string): string;
}

export interface FlowInput {
  graph: PublishedGraph;
  hidden: ReadonlySet<NodeKind>;
  highlights: Highlights;
  selectedId: string | undefined;
  labels: FlowLabels;
}

const SIZE = { width: NODE_WIDTH, height: NODE_HEIGHT };

/** Each node's box has one target on its left edge and one source on its right, known without measuring the DOM. */
const HANDLES: NodeHandle[] = [
  { type: 'target', position: Side.Left, x: 0, y: NODE_HEIGHT / 2 - 1, width: 1, height: 2 },
  { type: 'source', position: Side.Right, x: NODE_WIDTH - 1, y: NODE_HEIGHT / 2 - 1, width: 1, height: 2 },
];

/**
 * Edges are drawn left to right, as the columns read, whatever way the relation points: a
 * policy and its role, a role and the profile holding it, a profile and the instances using it.
 * Only trust keeps an arrow (principal → role: "may assume").
 */
const DRAWN_REVERSED: Readonly<Record<EdgeKind, boolean>> = {
  'may-assume': false,
  'has-managed-policy': true,
  'has-inline-policy': true,
  'contains-role': true,
  'uses-profile': true,
};

/** Built nodes and edges by id, with the key of what they were built from, so unchanged ones are reused as they are. */
export interface FlowCache {
  nodes: Map<string, { key: string; node: LabFlowNode }>;
  edges: Map<string, { key: string; edge: LabFlowEdge }>;
}

export const emptyCache = (): FlowCache => ({ nodes: new Map(), edges: new Map() });

const flashClass = (highlights: Highlights, id: string): string => {
  const flash = highlights.flash.get(id);
  return flash ? ` is-${flash.kind}` : '';
};

/**
 * The published graph as @xyflow/react nodes and edges: the kinds the learner hides left out,
 * what the last change deleted added back to fade out, what it made or changed flagged for a
 * highlight. A node or edge whose inputs did not change is the very object built last time,
 * so React Flow and the memoized node components skip it (what keeps 500 resources smooth).
 */
export function buildFlow(input: FlowInput, cache: FlowCache): { nodes: LabFlowNode[]; edges: LabFlowEdge[]; cache: FlowCache } {
  const { graph, hidden, highlights, selectedId, labels } = input;
  const shown = filterGraph(graph, NODE_KINDS.filter((kind) => !hidden.has(kind)));
  const warningsOn = new Map<string, GraphWarning[]>();
  for (const warning of shown.warnings) for (const id of [...warning.nodeIds, ...warning.edgeIds]) push(warningsOn, id, warning);

  const next: FlowCache = emptyCache();
  const nodes: LabFlowNode[] = [];
  const place = (node: GraphNode, position: Position, fading: boolean): void => {
    const warnings = fading ? [] : (warningsOn.get(node.id) ?? []);
    const className = `lab-node${flashClass(highlights, node.id)}${fading ? ' is-fading' : ''}${warnings.length ? ' has-warning' : ''}`;
    const selected = !fading && node.id === selectedId;
    const key = JSON.stringify([position.x, position.y, className, selected, labels.language, warnings.map((w) => w.id), node]);
    const old = cache.nodes.get(node.id);
    const built: LabFlowNode =
      old && old.key === key
        ? old.node
        : {
            id: node.id,
            type: node.kind,
            position: { x: position.x, y: position.y },
            data: { node, warnings, fading },
            // Known without measuring: React Flow can place edges and cull off-screen nodes at once.
            width: NODE_WIDTH,
            height: NODE_HEIGHT,
            measured: SIZE,
            handles: HANDLES,
            className,
            selected,
            ariaLabel: labels.node(node, warnings),
            connectable: false,
            deletable: false,
            ...(fading ? { draggable: false, selectable: false, focusable: false, domAttributes: { 'aria-hidden': true } } : {}),
          };
    next.nodes.set(node.id, { key, node: built });
    nodes.push(built);
  };
  for (const node of shown.nodes) place(node, Object.hasOwn(graph.positions, node.id) ? (graph.positions[node.id] as Position) : { x: 0, y: 0 }, false);
  for (const [id, fading] of highlights.fadingNodes) if (!hidden.has(fading.node.kind) && !next.nodes.has(id)) place(fading.node, fading.position, true);

  const edges: LabFlowEdge[] = [];
  const draw = (edge: GraphEdge, fading: boolean): void => {
    if (!next.nodes.has(edge.source) || !next.nodes.has(edge.target)) return;
    const warnings = fading ? [] : (warningsOn.get(edge.id) ?? []);
    const className = `lab-edge edge-${edge.kind}${flashClass(highlights, edge.id)}${fading ? ' is-fading' : ''}${warnings.length ? ' has-warning' : ''}`;
    const key = JSON.stringify([className, labels.language, labels.nameOf(edge.source), labels.nameOf(edge.target), warnings.map((w) => w.id), edge]);
    const old = cache.edges.get(edge.id);
    const [source, target] = DRAWN_REVERSED[edge.kind] ? [edge.target, edge.source] : [edge.source, edge.target];
    const built: LabFlowEdge =
      old && old.key === key
        ? old.edge
        : {
            id: edge.id,
            type: 'lab',
            source,
            target,
            data: { edge, warnings, fading },
            className,
            ariaLabel: labels.edge(edge),
            selectable: false,
            focusable: false,
            deletable: false,
            ...(edge.kind === 'may-assume' ? { markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 } } : {}),
          };
    next.edges.set(edge.id, { key, edge: built });
    edges.push(built);
  };
  for (const edge of shown.edges) draw(edge, false);
  for (const [id, fading] of highlights.fadingEdges) if (!next.edges.has(id)) draw(fading.edge, true);
  return { nodes, edges, cache: next };
}

/** The nodes with the positions of nodes being dragged (the worker hears of them when the drag ends). */
export function withDragged(nodes: readonly LabFlowNode[], dragged: ReadonlyMap<string, Position>): LabFlowNode[] {
  if (dragged.size === 0) return nodes as LabFlowNode[];
  return nodes.map((node) => {
    const at = dragged.get(node.id);
    return at && (at.x !== node.position.x || at.y !== node.position.y) ? { ...node, position: at } : node;
  });
}


function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
