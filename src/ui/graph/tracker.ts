import type { LabStore } from '../store/labStore';
import type { PublishedGraph } from '../../worker/protocol';
import { addChanges, nextExpiry, NO_HIGHLIGHTS, prune, type Highlights } from './highlights';

/**
 * Follows the lab's published graphs and keeps what is highlighted, expiring each highlight on
 * its own timer: an external store for `useSyncExternalStore`, so that time stays out of render.
 * It listens to the lab only while the graph is on screen.
 */
export class HighlightTracker {
  private highlights: Highlights = NO_HIGHLIGHTS;
  private readonly listeners = new Set<() => void>();
  private stopLab: (() => void) | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seen: PublishedGraph | undefined;

  constructor(
    private readonly store: LabStore,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  readonly snapshot = (): Highlights => this.highlights;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (!this.stopLab) {
      // What was published before the graph was on screen is not news: only later changes light up.
      this.seen = this.store.getState().published?.graph;
      this.stopLab = this.store.subscribe((state) => this.follow(state.published?.graph));
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0) return;
      this.stopLab?.();
      this.stopLab = undefined;
      clearTimeout(this.timer);
      this.timer = undefined;
      this.highlights = NO_HIGHLIGHTS;
    };
  };

  private follow(graph: PublishedGraph | undefined): void {
    if (graph === this.seen) return;
    this.seen = graph;
    if (graph) this.set(addChanges(prune(this.highlights, this.clock()), graph, this.clock()));
  }

  private set(next: Highlights): void {
    if (next !== this.highlights) {
      this.highlights = next;
      for (const listener of this.listeners) listener();
    }
    clearTimeout(this.timer);
    const expiry = nextExpiry(next);
    this.timer = expiry === undefined ? undefined : setTimeout(() => this.set(prune(this.highlights, this.clock())), Math.max(0, expiry - this.clock()) + 16);
  }
}
