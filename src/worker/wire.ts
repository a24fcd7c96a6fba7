import type { SimState } from '../sim';
import type { LabApi, Published, PublishedGraph } from './protocol';

/**
 * A snapshot as it crosses from the worker to the page. Most commands read and change nothing
 * (`get-role`, `describe-instances`, a typo), yet the account and its laid-out graph are the bulk
 * of every snapshot: copying them across for nothing costs both threads time in a large lab, and
 * a fresh copy makes every view of them render again. So what did not change stays behind, and the
 * page's side puts back the copy it already holds.
 */
export type WirePublished = Omit<Published, 'sim' | 'graph'> & { sim?: SimState; graph?: PublishedGraph };

/** A result with every `Published` in it as it crosses the wire. */
type Wired<T> = T extends Published ? WirePublished : T extends { ok: true; published: Published } ? Omit<T, 'published'> & { published: WirePublished } : T;

/** `LabApi` as the worker exposes it. */
export type WireApi = {
  [K in keyof LabApi]: LabApi[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => Promise<Wired<R>> : never;
};

/** Remembers what the page was last sent. */
export class WireSender {
  private simRevision: number | undefined;
  private graph: PublishedGraph | undefined;

  pack(published: Published): WirePublished {
    const { sim, graph, ...rest } = published;
    const wire: WirePublished = rest;
    if (published.simRevision !== this.simRevision) {
      wire.sim = sim;
      this.simRevision = published.simRevision;
    }
    if (graph !== this.graph) {
      wire.graph = graph;
      this.graph = graph;
    }
    return wire;
  }
}

/** Holds what the page was last sent, and fills it back in. */
export class WireReceiver {
  private sim: SimState | undefined;
  private graph: PublishedGraph | undefined;
  private files: string[] = [];

  unpack(wire: WirePublished): Published {
    const sim = wire.sim ?? this.sim;
    const graph = wire.graph ?? this.graph;
    // The sender always sends both first: their absence here is a defect, not a state to render.
    if (!sim || !graph) throw new Error('the lab sent a change before its first snapshot');
    this.sim = sim;
    this.graph = graph;
    // An unchanged file list keeps its identity, so what lists files need not render again.
    if (!sameList(wire.shell.files, this.files)) this.files = wire.shell.files;
    return { ...wire, sim, graph, shell: { ...wire.shell, files: this.files } };
  }
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((item, i) => item === b[i]);

const isPublished = (value: unknown): value is Published => typeof value === 'object' && value !== null && 'stateVersion' in value && 'sim' in value;
const isWirePublished = (value: unknown): value is WirePublished => typeof value === 'object' && value !== null && 'stateVersion' in value && 'shell' in value;
const hasPublished = <P>(value: unknown, is: (p: unknown) => p is P): value is { ok: true; published: P } =>
  typeof value === 'object' && value !== null && 'ok' in value && value.ok === true && 'published' in value && is(value.published);

/** Every method of `api`, with what it returns passed through `convert`. */
function mapResults<From, To>(api: From, convert: (result: unknown) => unknown): To {
  const mapped: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const name of LAB_API_METHODS) {
    const method = (api as Record<string, (...args: unknown[]) => Promise<unknown>>)[name];
    if (!method) throw new Error(`the lab has no ${name}`);
    // Reflect.apply, not method.apply: on a Comlink proxy `.apply` would name a remote property.
    mapped[name] = async (...args) => convert(await Reflect.apply(method, api, args));
  }
  return mapped as To;
}

// Spelled out so the compiler checks the list against LabApi both ways.
const LAB_API_METHOD_SET = {
  init: 0,
  run: 0,
  consoleAction: 0,
  tick: 0,
  complete: 0,
  undo: 0,
  reset: 0,
  startChapter: 0,
  exportScenario: 0,
  importScenario: 0,
  shareFragment: 0,
  openShared: 0,
  readFile: 0,
  writeFile: 0,
  moveNodes: 0,
  describeNode: 0,
} satisfies Record<keyof LabApi, 0>;
const LAB_API_METHODS = Object.keys(LAB_API_METHOD_SET) as (keyof LabApi)[];

/** A result with its snapshot (alone, or in an import's answer) converted; other results as they are. */
function convertSnapshot<P>(result: unknown, is: (value: unknown) => value is P, convert: (snapshot: P) => unknown): unknown {
  if (is(result)) return convert(result);
  if (hasPublished(result, is)) return { ...result, published: convert(result.published) };
  return result;
}

/** The worker's side: the lab's API with every snapshot packed for the wire. */
export function wireApi(lab: LabApi): WireApi {
  const sender = new WireSender();
  return mapResults<LabApi, WireApi>(lab, (result) => convertSnapshot(result, isPublished, (p) => sender.pack(p)));
}

/** The page's side: the worker's API with every snapshot whole again. */
export function unwireApi(remote: WireApi): LabApi {
  const receiver = new WireReceiver();
  return mapResults<WireApi, LabApi>(remote, (result) => convertSnapshot(result, isWirePublished, (w) => receiver.unpack(w)));
}
