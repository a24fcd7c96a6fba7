import { createStore as createIdbStore, get, set, type UseStore } from 'idb-keyval';
import type { StoreApi } from 'zustand';
import type { LabStore } from './labStore';
import { readScrollback, type TerminalEntry } from './scrollback';

/**
 * What the UI keeps between visits besides the lab itself (which the worker saves), in IndexedDB:
 * the preferences (language, theme, panel layout; read before the first render) and the
 * terminal's scrollback (read while the worker starts), so a reload shows the screen as the
 * learner left it.
 */
const uiDb = (): UseStore => createIdbStore('iam-lab-ui', 'terminal');
const prefsDb = (): UseStore => createIdbStore('iam-lab-prefs', 'prefs');
const SCROLLBACK_KEY = 'scrollback';
const PREFS_KEY = 'prefs';

/** The saved preferences as stored (checked by `readPrefs`), or undefined when none or unreadable. */
export async function loadPrefs(): Promise<unknown> {
  try {
    return await get(PREFS_KEY, prefsDb());
  } catch {
    return undefined;
  }
}

export async function loadScrollback(): Promise<TerminalEntry[]> {
  try {
    return readScrollback(await get(SCROLLBACK_KEY, uiDb()));
  } catch {
    return [];
  }
}

export interface Persisting {
  stop(): void;
  /** Resolves when every change so far is written (or its write failed). */
  settled(): Promise<void>;
}

/**
 * Saves a part of the state when it changes. One write at a time: changes made while one is under
 * way (or waiting for `schedule`) are saved together by the next. A failed write (storage full or
 * blocked) is not retried: the part lasts for this visit only, and the lab itself is kept by the
 * worker. `schedule` lets a large part wait until the browser is idle: IndexedDB copies what it
 * stores at once, on this thread, and that copy should not delay the frame showing the change.
 */
export function persistLatest<S, T>(
  store: Pick<StoreApi<S>, 'getState' | 'subscribe'>,
  select: (state: S) => T,
  write: (value: T) => Promise<void>,
  schedule: (save: () => void) => void = (save) => save(),
): Persisting {
  let busy = false;
  let dirty = false;
  const waiters: (() => void)[] = [];
  const save = () => {
    dirty = false;
    write(select(store.getState()))
      .catch(() => undefined)
      .finally(() => {
        busy = false;
        if (dirty) start();
        else for (const done of waiters.splice(0)) done();
      });
  };
  const start = () => {
    busy = true;
    schedule(save);
  };
  const stop = store.subscribe((state, previous) => {
    if (select(state) === select(previous)) return;
    if (busy) dirty = true;
    else start();
  });
  return {
    stop: () => {
      stop();
      for (const done of waiters.splice(0)) done();
    },
    settled: () => (busy ? new Promise<void>((resolve) => waiters.push(resolve)) : Promise.resolve()),
  };
}

/** After the next frame has been drawn and the browser has a moment (or within half a second). */
const whenIdle = (save: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(save, { timeout: 500 });
  else setTimeout(save, 0);
};

export function persistUi(store: LabStore): Persisting {
  const ui = uiDb();
  const prefsStore = prefsDb();
  const scrollback = persistLatest(store, (s) => s.scrollback, (value) => set(SCROLLBACK_KEY, value, ui), whenIdle);
  const prefs = persistLatest(store, (s) => s.prefs, (value) => set(PREFS_KEY, value, prefsStore));
  return {
    stop: () => {
      scrollback.stop();
      prefs.stop();
    },
    settled: async () => {
      await Promise.all([scrollback.settled(), prefs.settled()]);
    },
  };
}
