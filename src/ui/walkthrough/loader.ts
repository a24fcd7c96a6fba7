import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LabStore } from '../store/labStore';
import type * as Walkthrough from './walkthrough';
import { RECORD_KEY } from './recordKey';

type Feature = typeof Walkthrough;

/** The walkthrough once its code has loaded. */
export interface LoadedWalkthrough {
  store: ReturnType<Feature['createSavedWalkthrough']>;
  WalkthroughPanel: Feature['WalkthroughPanel'];
  PresentationStep: Feature['PresentationStep'];
  firstChapterId: string | undefined;
}

export interface WalkthroughLoader {
  /** `savedOpen`: the mode as saved, shown until the code has loaded; `loaded`: the walkthrough, once it has. */
  readonly state: StoreApi<{ savedOpen: boolean; loaded: LoadedWalkthrough | undefined }>;
  /** Loads the walkthrough's code and texts, once, and resumes it from storage. */
  load(): Promise<LoadedWalkthrough>;
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

/**
 * What a saved record asks of the start, read without the lessons: whether the panel shows, and
 * whether the walkthrough has anything to do before the learner opens it (a chapter with progress:
 * its step observes every snapshot from the first on). A record that asks neither leaves the
 * walkthrough unloaded until it is opened, which then behaves exactly as if it had been loaded.
 */
export function savedStart(saved: string | null): { open: boolean; active: boolean } {
  let raw: unknown;
  try {
    raw = saved ? JSON.parse(saved) : undefined;
  } catch {
    return { open: false, active: false };
  }
  if (!isObject(raw)) return { open: false, active: false };
  const open = raw.open === true;
  const inChapter = typeof raw.chapterId === 'string' && isObject(raw.progress) && Object.hasOwn(raw.progress, raw.chapterId);
  return { open, active: open || inChapter };
}

/**
 * The walkthrough of this visit, loaded on first use: its code (lessons, store, panel) and its
 * texts come in when the learner opens it, or at once when the saved record needs it.
 * `loadCode` is the dynamic import; tests pass their own.
 */
export function createWalkthroughLoader(
  lab: LabStore,
  storage: Storage,
  loadTexts: () => Promise<unknown>,
  loadCode: () => Promise<Feature> = () => import('./walkthrough'),
): WalkthroughLoader {
  let saved: string | null = null;
  try {
    saved = storage.getItem(RECORD_KEY);
  } catch {
    // Unreadable: as a first visit.
  }
  const start = savedStart(saved);
  const state = createStore<{ savedOpen: boolean; loaded: LoadedWalkthrough | undefined }>()(() => ({ savedOpen: start.open, loaded: undefined }));
  let loading: Promise<LoadedWalkthrough> | undefined;
  const load = (): Promise<LoadedWalkthrough> =>
    (loading ??= Promise.all([loadCode(), loadTexts()]).then(
      ([feature]) => {
        const loaded: LoadedWalkthrough = {
          store: feature.createSavedWalkthrough(lab, storage),
          WalkthroughPanel: feature.WalkthroughPanel,
          PresentationStep: feature.PresentationStep,
          firstChapterId: feature.FIRST_CHAPTER_ID,
        };
        state.setState({ loaded });
        return loaded;
      },
      (error: unknown) => {
        // Tried again on the next use (the network may be back).
        loading = undefined;
        throw error;
      },
    ));
  if (start.active) load().catch((error: unknown) => console.warn('IAM Lab could not load the walkthrough:', error));
  return { state, load };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
