import { describe, expect, it } from 'vitest';
import type { Positions } from '../../graph/layout';
import { NODE_HEIGHT, NODE_WIDTH } from './flow';
import { FIT_ALL_LIMIT, inView, READABLE_ZOOM, startView, viewForNew } from './viewport';

const size = { width: 1000, height: 600 };
const grid = (count: number): Positions => Object.fromEntries(Array.from({ length: count }, (_, i) => [`n${i}`, { x: (i % 4) * 360, y: Math.floor(i / 4) * 88 }]));

describe('the graph view', () => {
  it('knows when a node is whole on screen', () => {
    const at = { x: 100, y: 100 };
    expect(inView(at, { x: 0, y: 0, zoom: 1 }, size)).toBe(true);
    expect(inView(at, { x: -100 - NODE_WIDTH + 1, y: 0, zoom: 1 }, size)).toBe(false);
    expect(inView({ x: 1000 - NODE_WIDTH, y: 600 - NODE_HEIGHT }, { x: 0, y: 0, zoom: 1 }, size)).toBe(true);
    expect(inView({ x: 2000, y: 0 }, { x: 0, y: 0, zoom: 0.4 }, size)).toBe(true);
    expect(inView({ x: 3000, y: 0 }, { x: 0, y: 0, zoom: 0.4 }, size)).toBe(false);
  });

  it('leaves the view alone when what a command made is on screen', () => {
    expect(viewForNew(grid(8), ['n1'], { x: 0, y: 0, zoom: 1 }, size)).toBeUndefined();
    expect(viewForNew(grid(8), [], { x: 0, y: 0, zoom: 1 }, size)).toBeUndefined();
  });

  it('shows a small lab whole when a new node is out of view, never past life size', () => {
    const view = viewForNew(grid(8), ['n7'], { x: 0, y: 0, zoom: 1 }, { width: 600, height: 300 });
    expect(view?.zoom).toBeLessThan(1);
    for (const at of Object.values(grid(8))) expect(inView(at, view!, { width: 600, height: 300 })).toBe(true);
    expect(startView({ a: { x: 0, y: 0 } }, size)?.zoom).toBe(1);
  });

  it('pans a large lab to the new nodes at the zoom the learner chose', () => {
    const positions = grid(FIT_ALL_LIMIT + 40);
    const last = `n${FIT_ALL_LIMIT + 39}`;
    const view = viewForNew(positions, [last], { x: 0, y: 0, zoom: 0.8 }, size);
    expect(view?.zoom).toBe(0.8);
    expect(inView(positions[last]!, view!, size)).toBe(true);
  });

  it('opens a large lab at its top left, readable', () => {
    const positions = { ...grid(FIT_ALL_LIMIT + 1), far: { x: 9000, y: 9000 } };
    expect(startView(positions, size)).toEqual({ x: 16, y: 16, zoom: READABLE_ZOOM });
    expect(startView({}, size)).toBeUndefined();
  });
});
