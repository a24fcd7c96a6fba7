import { createStore, getMany, setMany } from 'idb-keyval';
import { ACCOUNT_PARTS, joinSaved } from './scenario';

/** Where the lab is kept between visits: the saved scenario, in the parts `accountParts` and `savedRest` make. */
export interface Storage {
  /** The saved scenario's text, or undefined when nothing was saved yet. Rejects when the store cannot be read. */
  load(): Promise<string | undefined>;
  /** Writes `rest` and the given account parts (by name), in one transaction. */
  save(rest: string, account: Readonly<Record<string, string>>): Promise<void>;
}

const REST = 'rest';

/** The browser's IndexedDB (database `iam-lab`, store `lab`, a key per part), through idb-keyval. */
export function indexedDbStorage(): Storage {
  const store = createStore('iam-lab', 'lab');
  return {
    async load() {
      const values: unknown[] = await getMany([REST, ...ACCOUNT_PARTS], store);
      if (values.every((v) => v === undefined)) return undefined;
      const [rest, ...parts] = values;
      if (typeof rest !== 'string' || !parts.every((p) => typeof p === 'string')) throw new Error('the saved lab is incomplete');
      return joinSaved(Object.fromEntries(ACCOUNT_PARTS.map((name, i) => [name, parts[i] as string])), rest);
    },
    save: (rest, account) => setMany([[REST, rest], ...Object.entries(account)], store),
  };
}
