import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type AriaLabelConfig,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Position, Positions } from '../../graph/layout';
import type { GraphNode, NodeKind } from '../../graph/types';
import type { PublishedGraph } from '../../worker/protocol';
import { useLab, useLabActions, useLabStore } from '../app/LabContext';
import { EDGE_TYPES } from './edges';
import { buildFlow, emptyCache, NODE_HEIGHT, NODE_WIDTH, withDragged, type FlowInput, type FlowLabels, type LabFlowNode } from './flow';
import { Legend } from './Legend';
import { NODE_TYPES } from './nodes';
import { makeLabeler, nodeName } from './text';
import { HighlightTracker } from './tracker';
import { FIT, inView, startView, viewForNew } from './viewport';
import { WarningsList } from './WarningsList';
import './graph.css';

const EMPTY: PublishedGraph = {
  nodes: [],
  edges: [],
  warnings: [],
  positions: {},
  changes: { nodes: { created: [], updated: [], deleted: [] }, edges: { created: [], updated: [], deleted: [] } },
  removed: { nodes: [], edges: [], positions: {} },
};

const MINIMAP_COLOURS: Readonly<Record<NodeKind, string>> = {
  principal: '#8c959f',
  role: '#0a58b8',
  'managed-policy': '#8250df',
  'inline-policy': '#8250df',
  'instance-profile': '#bf8700',
  'deleted-profile': '#cf222e',
  instance: '#1a7f37',
};

/** A lesson's few nodes fit the view, where a mini-map would only cover some; a larger lab gets one. */
const MINIMAP_FROM = 20;

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Builds the flow only when its inputs change, reusing what it built last time (derived state, kept between renders). */
function useFlow(input: FlowInput | undefined) {
  const [built, setBuilt] = useState(() => ({ input, ...(input ? buildFlow(input, emptyCache()) : { nodes: [], edges: [], cache: emptyCache() }) }));
  if (built.input !== input) {
    const next = { input, ...(input ? buildFlow(input, built.cache) : { nodes: [], edges: [], cache: emptyCache() }) };
    setBuilt(next);
    return next;
  }
  return built;
}

/**
 * The live graph: what the worker derived and laid out, drawn with @xyflow/react. Clicking a
 * node (or Enter on a focused one) selects it for the details panel; dragging moves it for good
 * (the worker keeps the place). What the last command made or changed lights up for a moment,
 * what it deleted fades out. Only the nodes in view are rendered, so 500 resources stay smooth.
 */
function GraphCanvas() {
  const { t } = useTranslation('graph');
  const store = useLabStore();
  const graph = useLab((s) => s.published?.graph) ?? EMPTY;
  const selectedId = useLab((s) => s.selectedNodeId);
  const theme = useLab((s) => s.prefs.theme);
  const { selectNode, moveNodes } = useLabActions();
  const [tracker] = useState(() => new HighlightTracker(store));
  const highlights = useSyncExternalStore(tracker.subscribe, tracker.snapshot);
  const [hidden, setHidden] = useState<ReadonlySet<NodeKind>>(() => new Set());
  const [dragged, setDragged] = useState<ReadonlyMap<string, Position>>(() => new Map());
  const flow = useReactFlow<LabFlowNode>();
  const box = useRef<HTMLDivElement>(null);

  const language = useLab((s) => s.prefs.language);
  const labels = useMemo<FlowLabels>(() => {
    const byId = new Map<string, GraphNode>(graph.nodes.map((n) => [n.id, n]));
    const nameOf = (id: string) => {
      const node = byId.get(id);
      return node ? nodeName(node) : id;
    };
    return { language, nameOf, ...makeLabeler(t, nameOf) };
  }, [t, graph, language]);
  const input = useMemo<FlowInput>(() => ({ graph, hidden, highlights, selectedId, labels }), [graph, hidden, highlights, selectedId, labels]);
  const built = useFlow(input);
  const nodes = useMemo(() => withDragged(built.nodes, dragged), [built.nodes, dragged]);

  const onNodesChange = useCallback(
    (changes: NodeChange<LabFlowNode>[]) => {
      const moving = new Map<string, Position>();
      const placed: Positions = {};
      let chosen: string | undefined;
      let cleared: string | undefined;
      for (const change of changes) {
        if (change.type === 'position' && change.position) {
          if (change.dragging) moving.set(change.id, change.position);
          else placed[change.id] = change.position;
        } else if (change.type === 'select') {
          if (change.selected) chosen = change.id;
          else cleared = change.id;
        }
      }
      if (chosen !== undefined) selectNode(chosen);
      else if (cleared !== undefined && cleared === store.getState().selectedNodeId) selectNode(undefined);
      const ids = Object.keys(placed);
      if (moving.size === 0 && ids.length === 0) return;
      setDragged((current) => new Map([...current, ...moving, ...Object.entries(placed)]));
      if (ids.length === 0) return;
      // Dropped: the worker keeps the place; the local copy goes once the lab has it.
      void moveNodes(placed).finally(() =>
        setDragged((current) => {
          const next = new Map(current);
          for (const id of ids) if (next.get(id) === placed[id]) next.delete(id);
          return next;
        }),
      );
    },
    [moveNodes, selectNode, store],
  );

  // What a command made comes into view; a new lab (the first nodes, an import) is shown whole.
  const count = graph.nodes.length;
  const shownIds = useRef<ReadonlySet<string>>(new Set());
  const follow = useEffectEvent((next: PublishedGraph) => {
    const before = shownIds.current;
    const ids = next.nodes.map((n) => n.id);
    shownIds.current = new Set(ids);
    const el = box.current;
    if (!el || ids.length === 0) return;
    const size = { width: el.clientWidth, height: el.clientHeight };
    const view = ids.some((id) => before.has(id)) ? viewForNew(next.positions, next.changes.nodes.created, flow.getViewport(), size) : startView(next.positions, size);
    if (view) void flow.setViewport(view, { duration: reducedMotion() ? 0 : 250 });
  });
  useEffect(() => follow(graph), [graph]);

  // A node selected from elsewhere (the terminal's ids, the warnings list) is brought into view.
  const bringIntoView = useEffectEvent((id: string) => {
    const at = Object.hasOwn(graph.positions, id) ? graph.positions[id] : undefined;
    const el = box.current;
    if (!at || !el) return;
    const viewport = flow.getViewport();
    if (inView(at, viewport, { width: el.clientWidth, height: el.clientHeight })) return;
    void flow.setCenter(at.x + NODE_WIDTH / 2, at.y + NODE_HEIGHT / 2, { zoom: viewport.zoom, duration: reducedMotion() ? 0 : 300 });
  });
  useEffect(() => {
    if (selectedId !== undefined) bringIntoView(selectedId);
  }, [selectedId]);

  const ariaLabelConfig = useMemo<Partial<AriaLabelConfig>>(
    () => ({
      'node.a11yDescription.default': t('flow.nodeHelp'),
      'node.a11yDescription.keyboardDisabled': t('flow.nodeHelpKeyboardDisabled'),
      'node.a11yDescription.ariaLiveMessage': ({ direction }) => t('flow.moved', { direction: isDirection(direction) ? t(`flow.directions.${direction}`) : direction }),
      'edge.a11yDescription.default': t('flow.edgeHelp'),
      'controls.ariaLabel': t('flow.controls'),
      'controls.zoomIn.ariaLabel': t('flow.zoomIn'),
      'controls.zoomOut.ariaLabel': t('flow.zoomOut'),
      'controls.fitView.ariaLabel': t('flow.fitView'),
      'controls.interactive.ariaLabel': t('flow.interactive'),
      'minimap.ariaLabel': t('flow.minimap'),
      'handle.ariaLabel': t('flow.handle'),
    }),
    [t],
  );

  return (
    <div className="graph" ref={box} data-testid="graph" aria-label={t('region')} role="group">
      <ReactFlow<LabFlowNode>
        nodes={nodes}
        edges={built.edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={onNodesChange}
        onPaneClick={() => selectNode(undefined)}
        onlyRenderVisibleElements
        nodesConnectable={false}
        edgesFocusable={false}
        edgesReconnectable={false}
        selectNodesOnDrag={false}
        multiSelectionKeyCode={null}
        selectionKeyCode={null}
        deleteKeyCode={null}
        minZoom={0.1}
        maxZoom={2}
        colorMode={theme}
        ariaLabelConfig={ariaLabelConfig}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} size={1.5} />
        <Controls showInteractive={false} fitViewOptions={FIT} />
        {count > MINIMAP_FROM && <MiniMap pannable zoomable nodeColor={(node) => MINIMAP_COLOURS[(node.type as NodeKind | undefined) ?? 'role']} nodeStrokeWidth={0} />}
        <WarningsList warnings={graph.warnings} />
        <Legend hidden={hidden} onToggle={(kind) => setHidden((current) => toggled(current, kind))} />
      </ReactFlow>
      {count === 0 && highlights.fadingNodes.size === 0 && (
        <div className="graph-empty" data-testid="graph.empty">
          <p className="graph-empty-title">{t('empty.title')}</p>
          <p>{t('empty.body')}</p>
        </div>
      )}
    </div>
  );
}

const isDirection = (value: string): value is 'up' | 'down' | 'left' | 'right' => value === 'up' || value === 'down' || value === 'left' || value === 'right';

function toggled(set: ReadonlySet<NodeKind>, kind: NodeKind): ReadonlySet<NodeKind> {
  const next = new Set(set);
  if (next.has(kind)) next.delete(kind);
  else next.add(kind);
  return next;
}

export default function GraphView() {
  return (
    <ReactFlowProvider>
      <GraphCanvas />
    </ReactFlowProvider>
  );
}
