import type { GraphEdge, GraphNode } from '../../graph/types';
import type { Position } from '../../graph/layout';
import type { PublishedGraph } from '../../worker/protocol';

/** How long what a command created or changed stays highlighted, and how long what it deleted takes to fade out. */
export const FLASH_MS = 2400;
export const FADE_MS = 1600;

export type FlashKind = 'created' | 'updated';

/**
 * What the graph is highlighting right now. Each id keeps its own expiry, so a second change
 * (a tick that settles an association a second later) adds to the highlights instead of cutting
 * the first ones short. Node and edge ids never collide (their prefixes differ), so one map holds both.
 */
export interface Highlights {
  flash: ReadonlyMap<string, { kind: FlashKind; until: number }>;
  fadingNodes: ReadonlyMap<string, { node: GraphNode; position: Position; until: number }>;
  fadingEdges: ReadonlyMap<string, { edge: GraphEdge; until: number }>;
}

export const NO_HIGHLIGHTS: Highlights = { flash: new Map(), fadingNodes: new Map(), fadingEdges: new Map() };

/** Adds a published graph's changes; returns the same object when there is nothing to add or drop. */
export function addChanges(current: Highlights, graph: PublishedGraph, now: number): Highlights {
  const { changes, removed } = graph;
  const present = new Set<string>([...graph.nodes.map((n) => n.id), ...graph.edges.map((e) => e.id)]);
  const back = [...current.fadingNodes.keys(), ...current.fadingEdges.keys()].some((id) => present.has(id));
  const touched = changes.nodes.created.length + changes.nodes.updated.length + changes.edges.created.length + changes.edges.updated.length + removed.nodes.length + removed.edges.length;
  if (touched === 0 && !back) return current;

  const flash = new Map(current.flash);
  const mark = (ids: readonly string[], kind: FlashKind) => {
    for (const id of ids) {
      // Made a moment ago and changed since (an association settling): still new.
      const earlier = flash.get(id);
      flash.set(id, { kind: earlier?.kind === 'created' && earlier.until > now ? 'created' : kind, until: now + FLASH_MS });
    }
  };
  mark(changes.nodes.updated, 'updated');
  mark(changes.edges.updated, 'updated');
  mark(changes.nodes.created, 'created');
  mark(changes.edges.created, 'created');

  // Something deleted and brought back (undo) is drawn by the graph again, not by the fade-out.
  const fadingNodes = new Map([...current.fadingNodes].filter(([id]) => !present.has(id)));
  const fadingEdges = new Map([...current.fadingEdges].filter(([id]) => !present.has(id)));
  for (const node of removed.nodes) {
    const position = Object.hasOwn(removed.positions, node.id) ? removed.positions[node.id] : undefined;
    if (position) fadingNodes.set(node.id, { node, position, until: now + FADE_MS });
  }
  for (const edge of removed.edges) fadingEdges.set(edge.id, { edge, until: now + FADE_MS });
  return { flash, fadingNodes, fadingEdges };
}

/** Drops what has expired; the same object when nothing has. */
export function prune(current: Highlights, now: number): Highlights {
  const live = <V extends { until: number }>(map: ReadonlyMap<string, V>) => new Map([...map].filter(([, v]) => v.until > now));
  const expired = [current.flash, current.fadingNodes, current.fadingEdges].some((map) => [...map.values()].some((v) => v.until <= now));
  return expired ? { flash: live(current.flash), fadingNodes: live(current.fadingNodes), fadingEdges: live(current.fadingEdges) } : current;
}

/** When the next highlight expires, or undefined when none is shown. */
export function nextExpiry(current: Highlights): number | undefined {
  let next: number | undefined;
  for (const map of [current.flash, current.fadingNodes, current.fadingEdges]) {
    for (const { until } of map.values()) next = next === undefined ? until : Math.min(next, until);
  }
  return next;
}
