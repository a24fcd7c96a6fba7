import { createStore, get, set } from 'idb-keyval';

/** Where the lab is kept between visits: one text, the whole saved scenario. */
export interface Storage {
  /** The saved text, or undefined when nothing was saved yet. Rejects when the store cannot be read. */
  load(): Promise<string | undefined>;
  save(text: string): Promise<void>;
}

const KEY = 'workspace';

/** The browser's IndexedDB (database `iam-lab`, store `lab`), through idb-keyval. */
export function indexedDbStorage(): Storage {
  const store = createStore('iam-lab', 'lab');
  return {
    async load() {
      const value: unknown = await get(KEY, store);
      if (value === undefined || typeof value === 'string') return value;
      throw new Error(`the saved value is a ${typeof value}, not text`);
    },
    save: (text) => set(KEY, text, store),
  };
}
