import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { persistLatest } from './persistence';

interface State {
  prefs: { language: string };
  other: number;
}

/** A write the test finishes by hand, to see what happens while one is under way. */
function slowWrites() {
  const written: string[] = [];
  const pending: (() => void)[] = [];
  const write = (value: { language: string }) =>
    new Promise<void>((resolve, reject) => {
      written.push(value.language);
      pending.push(() => (value.language === 'fail' ? reject(new Error('QuotaExceededError')) : resolve()));
    });
  const finishOne = async () => {
    pending.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { written, write, finishOne };
}

describe('persistLatest', () => {
  it('writes a change at once, gathers the changes made during a write into one more, and ignores other parts of the state', async () => {
    const store = createStore<State>(() => ({ prefs: { language: 'en' }, other: 0 }));
    const { written, write, finishOne } = slowWrites();
    persistLatest(store, (s) => s.prefs, write);

    store.setState({ other: 1 });
    expect(written).toEqual([]);
    store.setState({ prefs: { language: 'ja' } });
    store.setState({ prefs: { language: 'en' } });
    store.setState({ prefs: { language: 'ja' } });
    expect(written).toEqual(['ja']);
    await finishOne();
    expect(written).toEqual(['ja', 'ja']);
    await finishOne();
    expect(written).toEqual(['ja', 'ja']);
  });

  it('goes on after a failed write', async () => {
    const store = createStore<State>(() => ({ prefs: { language: 'en' }, other: 0 }));
    const { written, write, finishOne } = slowWrites();
    persistLatest(store, (s) => s.prefs, write);
    store.setState({ prefs: { language: 'fail' } });
    await finishOne();
    store.setState({ prefs: { language: 'ja' } });
    expect(written).toEqual(['fail', 'ja']);
  });

  it('waits for the schedule, and gathers the changes made meanwhile into that one write', async () => {
    const store = createStore<State>(() => ({ prefs: { language: 'en' }, other: 0 }));
    const { written, write, finishOne } = slowWrites();
    const waiting: (() => void)[] = [];
    const persisting = persistLatest(store, (s) => s.prefs, write, (save) => waiting.push(save));
    store.setState({ prefs: { language: 'ja' } });
    store.setState({ prefs: { language: 'fr' } });
    expect(written).toEqual([]);
    expect(waiting).toHaveLength(1);
    let settled = false;
    void persisting.settled().then(() => (settled = true));
    waiting.shift()?.();
    expect(written).toEqual(['fr']);
    await finishOne();
    expect(waiting).toHaveLength(0);
    expect(settled).toBe(true);
  });

  it('stops when asked', () => {
    const store = createStore<State>(() => ({ prefs: { language: 'en' }, other: 0 }));
    const { written, write } = slowWrites();
    persistLatest(store, (s) => s.prefs, write).stop();
    store.setState({ prefs: { language: 'ja' } });
    expect(written).toEqual([]);
  });
});
