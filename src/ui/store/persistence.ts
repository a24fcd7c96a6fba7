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
const SAVE_DELAY_MS = 400;
const terminalDb = () => createIdbStore('iam-lab-ui', 'terminal');

export async function loadScrollback(): Promise<TerminalEntry[]> {
  try {
    return readScrollback(await get(SCROLLBACK_KEY, terminalDb()));
  } catch {
    return [];
  }
}

/** Saves the scrollback shortly after it changes (one write for a burst of pasted commands). */
export function persistScrollback(store: LabStore): () => void {
  const db = terminalDb();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    timer = undefined;
    set(SCROLLBACK_KEY, store.getState().scrollback, db).catch(() => {
      // Not saved: the lab itself is kept by the worker; only the old output would be missing.
    });
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.scrollback === previous.scrollback || timer !== undefined) return;
    timer = setTimeout(save, SAVE_DELAY_MS);
  });
  // Leaving the page before the delay ends still saves.
  const flush = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    save();
  };
  addEventListener('pagehide', flush);
  return () => {
    unsubscribe();
    removeEventListener('pagehide', flush);
  };
}
