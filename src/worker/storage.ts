import { createStore, getMany, set, setMany } from 'idb-keyval';
import { joinSaved } from './scenario';

/** Where the lab is kept between visits: the saved scenario, in the two parts of `SavedParts`. */
export interface Storage {
  /** The saved scenario's text, or undefined when nothing was saved yet. Rejects when the store cannot be read. */
  load(): Promise<string | undefined>;
  /** Writes `rest`, and `account` with it (in the same transaction) when given. */
  save(rest: string, account?: string): Promise<void>;
}

/** The browser's IndexedDB (database `iam-lab`, store `lab`, keys `account` and `rest`), through idb-keyval. */
export function indexedDbStorage(): Storage {
  const store = createStore('iam-lab', 'lab');
  return {
    async load() {
      const [account, rest]: unknown[] = await getMany(['account', 'rest'], store);
      if (account === undefined && rest === undefined) return undefined;
      if (typeof account !== 'string' || typeof rest !== 'string') throw new Error('the saved lab is incomplete');
      return joinSaved({ account, rest });
    },
    save: (rest, account) =>
      account === undefined
        ? set('rest', rest, store)
        : setMany(
            [
              ['account', account],
              ['rest', rest],
            ],
            store,
          ),
  };
}
