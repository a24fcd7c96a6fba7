import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyState } from '../../sim';
import type { GraphNode } from '../../graph/types';
import { emptyPublishedGraph } from '../../worker/liveGraph';
import type { LabClient } from '../store/labStore';
import type { PublishedGraph } from '../../worker/protocol';
import { createLabStore } from '../store/labStore';
import { readPrefs } from '../store/prefs';
import { addChanges, FADE_MS, FLASH_MS, nextExpiry, NO_HIGHLIGHTS, prune } from './highlights';
import { HighlightTracker } from './tracker';

const profile = (name: string): GraphNode => ({
  kind: 'instance-profile',
  id: `profile:${name}`,
  name,
  profileId: 'AIPAEXAMPLE',
  arn: `arn:aws:iam::123456789012:instance-profile/${name}`,
  path: '/',
  createDate: '2026-01-15T09:00:00Z',
  createdBy: 'api',
  roleName: null,
  tags: [],
});

const graph = (extra: { nodes?: GraphNode[]; created?: string[]; updated?: string[]; removed?: GraphNode[] } = {}): PublishedGraph => {
  const base = emptyPublishedGraph();
  return {
    ...base,
    nodes: extra.nodes ?? [],
    changes: { ...base.changes, nodes: { created: extra.created ?? [], updated: extra.updated ?? [], deleted: (extra.removed ?? []).map((n) => n.id) } },
    removed: { nodes: extra.removed ?? [], edges: [], positions: Object.fromEntries((extra.removed ?? []).map((n) => [n.id, { x: 1, y: 2 }])) },
  };
};

describe('highlights', () => {
  it('lights up what was made or changed, each for its own time, and a change soon after creation stays "created"', () => {
    const a = addChanges(NO_HIGHLIGHTS, graph({ created: ['profile:a'] }), 0);
    const b = addChanges(a, graph({ updated: ['profile:a', 'profile:b'] }), 1000);
    expect([...b.flash]).toEqual([
      ['profile:a', { kind: 'created', until: 1000 + FLASH_MS }],
      ['profile:b', { kind: 'updated', until: 1000 + FLASH_MS }],
    ]);
    expect(nextExpiry(b)).toBe(1000 + FLASH_MS);
    expect(prune(b, 1000 + FLASH_MS).flash.size).toBe(0);
  });

  it('keeps the same object when nothing changed or expired (no re-render)', () => {
    const a = addChanges(NO_HIGHLIGHTS, graph({ created: ['profile:a'] }), 0);
    expect(addChanges(a, graph(), 10)).toBe(a);
    expect(prune(a, 10)).toBe(a);
    expect(nextExpiry(NO_HIGHLIGHTS)).toBeUndefined();
  });

  it('fades out what was deleted, where it was, until it is brought back', () => {
    const gone = profile('a');
    const fading = addChanges(NO_HIGHLIGHTS, graph({ removed: [gone] }), 0);
    expect([...fading.fadingNodes]).toEqual([['profile:a', { node: gone, position: { x: 1, y: 2 }, until: FADE_MS }]]);
    const back = addChanges(fading, graph({ nodes: [gone], created: ['profile:a'] }), 100);
    expect(back.fadingNodes.size).toBe(0);
    expect(back.flash.get('profile:a')?.kind).toBe('created');
  });
});

describe('HighlightTracker', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('follows the published graphs while someone listens, and clears each highlight when its time is up', async () => {
    const published = (stateVersion: number, g: PublishedGraph) => ({ stateVersion, sim: emptyState(), clock: 0, shell: { prompt: '$ ', cwd: '/', history: [], files: [], location: { type: 'local' as const } }, events: [], graph: g, canUndo: false });
    let next = published(1, graph({ created: ['profile:old'] }));
    const client = { init: async () => next, run: async () => next } as unknown as LabClient;
    const store = createLabStore(client, readPrefs(null, { languages: ['en'], prefersDark: false }));
    await store.getState().start([]);
    const tracker = new HighlightTracker(store, () => Date.now());
    const seen: number[] = [];
    const stop = tracker.subscribe(() => seen.push(tracker.snapshot().flash.size));
    // Published before anyone looked: not news.
    expect(tracker.snapshot().flash.size).toBe(0);

    next = published(2, graph({ created: ['profile:new'] }));
    await store.getState().runCommands(['x']);
    expect([...tracker.snapshot().flash.keys()]).toEqual(['profile:new']);
    vi.advanceTimersByTime(FLASH_MS + 50);
    expect(tracker.snapshot().flash.size).toBe(0);
    expect(seen).toEqual([1, 0]);

    stop();
    next = published(3, graph({ created: ['profile:later'] }));
    await store.getState().runCommands(['y']);
    expect(tracker.snapshot()).toBe(NO_HIGHLIGHTS);
  });
});
