import type Dagre from '@dagrejs/dagre';

/**
 * @dagrejs/dagre, which orders new bands (`band.ts`), loaded on first use: the lab's worker starts
 * without it, since a new lab has nothing to lay out, and loads it before the first request that
 * can bring nodes (`src/worker/layoutFirst.ts`). Node (tests, benchmarks) loads it first.
 */
let engine: typeof Dagre | undefined;

export async function loadDagre(): Promise<void> {
  engine ??= (await import('@dagrejs/dagre')).default;
}

export function dagre(): typeof Dagre {
  if (!engine) throw new Error('The graph layout needs @dagrejs/dagre: loadDagre() has not finished.');
  return engine;
}

/** Forgets it, so a test can start as the worker does. */
export function unloadDagre(): void {
  engine = undefined;
}
