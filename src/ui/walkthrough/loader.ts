import type { ComponentType } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LabStore } from '../store/labStore';
import { RECORD_KEY } from './recordKey';
import type { WalkthroughStore } from './store';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

/** What `walkthrough.ts`, the part loaded on first use, provides. */
export interface WalkthroughCode {
  createSavedWalkthrough(lab: LabStore, storage: Storage): WalkthroughStore;
  WalkthroughPanel: ComponentType;
  PresentationStep: ComponentType;
  FIRST_CHAPTER_ID: string | undefined;
}

/** The walkthrough once its code has loaded. */
export interface LoadedWalkthrough {
  store: WalkthroughStore;
  WalkthroughPanel: ComponentType;
  PresentationStep: ComponentType;
  firstChapterId: string | undefined;
}

export interface WalkthroughLoader {
  /** `savedOpen`: the mode as saved, shown until the code has loaded; `loaded`: the walkthrough, once it has. */
  readonly state: StoreApi<{ savedOpen: boolean; loaded: LoadedWalkthrough | undefined }>;
  /** Loads the walkthrough's code and texts, once, and resumes it from storage. */
  load(): Promise<LoadedWalkthrough>;
}

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
 * The walkthrough of this visit, loaded on first use: its code (`load.code`, the dynamic import of
 * `walkthrough.ts`: lessons, store, panel) and its texts come in when the learner opens it, or at
 * once when the saved record needs them.
 */
export function createWalkthroughLoader(lab: LabStore, storage: Storage, load: { code: () => Promise<WalkthroughCode>; texts: () => Promise<unknown> }): WalkthroughLoader {
  let saved: string | null = null;
  try {
    saved = storage.getItem(RECORD_KEY);
  } catch {
    // Unreadable: as a first visit.
  }
  const start = savedStart(saved);
  const state = createStore<{ savedOpen: boolean; loaded: LoadedWalkthrough | undefined }>()(() => ({ savedOpen: start.open, loaded: undefined }));
  let loading: Promise<LoadedWalkthrough> | undefined;
  const loadAll = (): Promise<LoadedWalkthrough> =>
    (loading ??= Promise.all([load.code(), load.texts()]).then(
      ([code]) => {
        const loaded: LoadedWalkthrough = {
          store: code.createSavedWalkthrough(lab, storage),
          WalkthroughPanel: code.WalkthroughPanel,
          PresentationStep: code.PresentationStep,
          firstChapterId: code.FIRST_CHAPTER_ID,
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
  if (start.active) loadAll().catch((error: unknown) => console.warn('IAM Lab could not load the walkthrough:', error));
  return { state, load: loadAll };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
