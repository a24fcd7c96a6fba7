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

/**
 * Saves a part of the state as soon as it changes. One write at a time: changes made while one is
 * under way are saved together by the next. A failed write (storage full or blocked) is not
 * retried: the part lasts for this visit only, and the lab itself is kept by the worker.
 */
export function persistLatest<S, T>(store: Pick<StoreApi<S>, 'getState' | 'subscribe'>, select: (state: S) => T, write: (value: T) => Promise<void>): () => void {
  let writing = false;
  let dirty = false;
  const save = () => {
    writing = true;
    dirty = false;
    write(select(store.getState()))
      .catch(() => undefined)
      .finally(() => {
        writing = false;
        if (dirty) save();
      });
  };
  return store.subscribe((state, previous) => {
    if (select(state) === select(previous)) return;
    if (writing) dirty = true;
    else save();
  });
}

export function persistUi(store: LabStore): () => void {
  const ui = uiDb();
  const prefs = prefsDb();
  const stopScrollback = persistLatest(store, (s) => s.scrollback, (value) => set(SCROLLBACK_KEY, value, ui));
  const stopPrefs = persistLatest(store, (s) => s.prefs, (value) => set(PREFS_KEY, value, prefs));
  return () => {
    stopScrollback();
    stopPrefs();
  };
}
