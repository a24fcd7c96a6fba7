import { getViewportForBounds, type Viewport } from '@xyflow/react';
import type { Position, Positions } from '../../graph/layout';
import { NODE_HEIGHT, NODE_WIDTH } from './flow';

/** Up to this many nodes (a lesson's lab), new nodes out of view bring the whole graph into view; beyond it, the view pans to them. */
export const FIT_ALL_LIMIT = 60;
/** Fit to view: everything, with a margin, never magnified past life size. */
export const FIT = { padding: 0.15, maxZoom: 1, minZoom: 0.1 } as const;

export interface Size {
  width: number;
  height: number;
}

/** Whether a node's whole box is on screen. */
export function inView(at: Position, viewport: Viewport, size: Size): boolean {
  const left = at.x * viewport.zoom + viewport.x;
  const top = at.y * viewport.zoom + viewport.y;
  return left >= 0 && top >= 0 && left + NODE_WIDTH * viewport.zoom <= size.width && top + NODE_HEIGHT * viewport.zoom <= size.height;
}

function boundsOf(positions: Readonly<Positions>, ids: readonly string[]) {
  const boxes = ids.flatMap((id) => (Object.hasOwn(positions, id) ? [positions[id] as Position] : []));
  if (boxes.length === 0) return undefined;
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, width: Math.max(...boxes.map((b) => b.x)) + NODE_WIDTH - x, height: Math.max(...boxes.map((b) => b.y)) + NODE_HEIGHT - y };
}

/**
 * Where the view should go so that what a command created can be seen: nowhere when it is all on
 * screen already; the whole graph for a small lab; otherwise the new nodes, at the current zoom.
 */
export function viewForNew(positions: Readonly<Positions>, created: readonly string[], viewport: Viewport, size: Size): Viewport | undefined {
  if (size.width <= 0 || size.height <= 0) return undefined;
  const placed = created.filter((id) => Object.hasOwn(positions, id));
  if (placed.every((id) => inView(positions[id] as Position, viewport, size))) return undefined;
  const ids = Object.keys(positions);
  if (ids.length <= FIT_ALL_LIMIT) return fitting(positions, ids, size);
  const bounds = boundsOf(positions, placed);
  return bounds && getViewportForBounds(bounds, size.width, size.height, viewport.zoom, viewport.zoom, FIT.padding);
}

/** A large lab opens at this zoom (labels readable), at the top left of its sheet, where its first bands are. */
export const READABLE_ZOOM = 0.75;

/**
 * The view a new lab (the first nodes, an import, a shared link) opens with: all of a small lab;
 * the top left of a large one at a readable size (fitting 1,000 nodes would draw them all, unreadably
 * small), the mini-map showing the rest.
 */
export function startView(positions: Readonly<Positions>, size: Size): Viewport | undefined {
  const ids = Object.keys(positions);
  if (ids.length <= FIT_ALL_LIMIT) return fitting(positions, ids, size);
  const bounds = boundsOf(positions, ids);
  return bounds && { x: 16 - bounds.x * READABLE_ZOOM, y: 16 - bounds.y * READABLE_ZOOM, zoom: READABLE_ZOOM };
}

/** The view that shows the given nodes whole. */
export function fitting(positions: Readonly<Positions>, ids: readonly string[], size: Size): Viewport | undefined {
  const bounds = boundsOf(positions, ids);
  return bounds && getViewportForBounds(bounds, size.width, size.height, FIT.minZoom, FIT.maxZoom, FIT.padding);
}
