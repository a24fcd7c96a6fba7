import { createStore as createIdbStore, get, set } from 'idb-keyval';
import type { LabStore } from './labStore';
import { PREFS_KEY } from './prefs';
import { readScrollback, type TerminalEntry } from './scrollback';

/**
 * What the UI keeps between visits besides the lab itself (which the worker saves): preferences
 * in localStorage (small, read before the first render), the terminal's scrollback in IndexedDB
 * (large, read while the worker starts), so a reload shows the screen as the learner left it.
 */
export function persistPrefs(store: LabStore, storage: Pick<Storage, 'setItem'>): () => void {
  return store.subscribe((state, previous) => {
    if (state.prefs === previous.prefs) return;
    try {
      storage.setItem(PREFS_KEY, JSON.stringify(state.prefs));
    } catch {
      // Storage full or blocked (private mode): the preferences last for this visit only.
    }
  });
}

const SCROLLBACK_KEY = 'scrollback';
const terminalDb = () => createIdbStore('iam-lab-ui', 'terminal');

export async function loadScrollback(): Promise<TerminalEntry[]> {
  try {
    return readScrollback(await get(SCROLLBACK_KEY, terminalDb()));
  } catch {
    return [];
  }
}

/**
 * Saves the scrollback as soon as it changes, so output seen before a reload is there after it.
 * One write at a time: changes made while one is under way are saved together by the next.
 */
export function persistScrollback(store: LabStore): () => void {
  const db = terminalDb();
  let writing = false;
  let dirty = false;
  const save = () => {
    writing = true;
    dirty = false;
    set(SCROLLBACK_KEY, store.getState().scrollback, db)
      .catch(() => {
        // Not saved: the lab itself is kept by the worker; only the old output would be missing.
      })
      .finally(() => {
        writing = false;
        if (dirty) save();
      });
  };
  return store.subscribe((state, previous) => {
    if (state.scrollback === previous.scrollback) return;
    if (writing) dirty = true;
    else save();
  });
}
