import type * as Help from '../help/helpPage';
import type * as Jmespath from '../output/jmespath';
import type * as Yaml from './yaml';

/**
 * Parts of the CLI that only some commands need, kept out of the lab worker's start (the browser
 * loads each on first use): `aws … help` pages and their texts in each language, YAML
 * (`--output yaml`, `--cli-input-yaml`, `--generate-cli-skeleton yaml-input`) and JMESPath
 * (`--query`, waiters). The CLI itself stays synchronous: code that needs a part takes it with
 * `part(name)`, which throws `PartMissing` while it is not loaded; `runCommand` then puts the
 * workspace back as it was, and `withParts` loads the part and runs the command again.
 * Node (the headless runner, the tests) loads them all first with `loadAllParts`.
 */
export interface Parts {
  help: typeof Help;
  'help.en': HelpCatalogue;
  'help.ja': HelpCatalogue;
  yaml: typeof Yaml;
  query: typeof Jmespath;
}

export type HelpCatalogue = Readonly<Record<string, string>>;
export type PartName = keyof Parts;

// Written out, so that the bundler makes each a chunk of its own.
const LOADERS: { readonly [P in PartName]: () => Promise<Parts[P]> } = {
  help: () => import('../help/helpPage'),
  'help.en': async () => (await import('../../../locales/en/help.json')).default,
  'help.ja': async () => (await import('../../../locales/ja/help.json')).default,
  yaml: () => import('./yaml'),
  query: () => import('../output/jmespath'),
};

export const PART_NAMES = Object.keys(LOADERS) as PartName[];

const loaded: Partial<Parts> = {};

export class PartMissing extends Error {
  constructor(readonly part: PartName) {
    super(`The CLI's ${part} part is not loaded yet.`);
    this.name = 'PartMissing';
  }
}

/** A loaded part; throws `PartMissing` when it is not loaded yet (see above). */
export function part<P extends PartName>(name: P): Parts[P] {
  const found = loaded[name];
  if (found === undefined) throw new PartMissing(name);
  return found;
}

export async function loadPart<P extends PartName>(name: P): Promise<void> {
  loaded[name] ??= await LOADERS[name]();
}

export async function loadAllParts(): Promise<void> {
  await Promise.all(PART_NAMES.map(loadPart));
}

/**
 * Runs `run` until it needs no part that is still missing, loading each as it is asked for.
 * `run` must leave everything as it was when it throws `PartMissing` (`runCommand` does).
 */
export async function withParts<T>(run: () => T): Promise<T> {
  for (;;) {
    try {
      return run();
    } catch (e) {
      if (!(e instanceof PartMissing) || loaded[e.part] !== undefined) throw e;
      await loadPart(e.part);
    }
  }
}

/** The parts loaded so far, in the order they came. */
export const loadedParts = (): PartName[] => Object.keys(loaded) as PartName[];

/** Forgets every loaded part, so a test can watch them load again. */
export function unloadParts(): void {
  for (const name of PART_NAMES) delete loaded[name];
}
