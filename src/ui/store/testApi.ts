import type { Published } from '../../worker/protocol';
import type { LabStatus, LabStore } from './labStore';

/**
 * A small read-only window into the store for Playwright, so specs assert the lab's state
 * without scraping the screen. Installed on `window.__iamLab` in development and test builds,
 * and in the production build only when the page is opened with `?testapi` (the e2e specs
 * run against the production build and add the flag). It exposes data, never actions: specs
 * drive the lab through the UI, as a learner would.
 */
export interface IamLabTestApi {
  /** The latest snapshot the worker published; undefined until the lab has started. */
  published(): Published | undefined;
  /** Resolves once the lab has started (or failed to). */
  ready(): Promise<LabStatus>;
  /** Resolves when no command is waiting for the worker. */
  idle(): Promise<void>;
  /** Resolves when what the page keeps itself (scrollback, preferences) is written, as before a reload. */
  saved(): Promise<void>;
  selectedNodeId(): string | undefined;
}

declare global {
  interface Window {
    __iamLab?: IamLabTestApi;
  }
}

export const testApiEnabled = (mode: string, search: string): boolean => mode !== 'production' || new URLSearchParams(search).has('testapi');

function until(store: LabStore, done: () => boolean): Promise<void> {
  if (done()) return Promise.resolve();
  return new Promise((resolve) => {
    const unsubscribe = store.subscribe(() => {
      if (!done()) return;
      unsubscribe();
      resolve();
    });
  });
}

export function createTestApi(store: LabStore, saved: () => Promise<void> = () => Promise.resolve()): IamLabTestApi {
  return {
    published: () => store.getState().published,
    ready: async () => {
      await until(store, () => store.getState().status.phase !== 'starting');
      return store.getState().status;
    },
    idle: () => until(store, () => store.getState().running === 0),
    saved,
    selectedNodeId: () => store.getState().selectedNodeId,
  };
}
