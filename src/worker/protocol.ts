import type { ConsoleAction, ConsoleApiCall, SimEvent, SimState, AwsError } from '../sim';
import type { ApiRequest, Effect, OutputChunk } from '../cli/shell/session';
import type { Language } from '../cli/text';
import type { GraphChanges, GraphEdge, GraphNode, GraphWarning, Positions } from '../graph';

/**
 * What the worker (simulator + CLI) and the UI say to each other. The UI never runs simulator
 * code: it sends commands through `LabApi` and renders the `Published` snapshots the worker sends.
 */

/** One finished terminal command, as the terminal shows it. */
export interface CommandOutput {
  /** Increases by one per command; the terminal keys its scrollback on it. */
  id: number;
  prompt: string;
  command: string;
  chunks: OutputChunk[];
  exitCode: number;
  effects: Effect[];
  /** The API requests it sent and how each ended, `$(…)` included: lesson checks read errors here, never in `chunks`. */
  requests: ApiRequest[];
}

/** A console action's result, for the "API calls" log (each call also shown as the aws command it equals). */
export interface ConsoleOutput {
  id: number;
  action: ConsoleAction;
  calls: (ConsoleApiCall & { cli: string })[];
  error?: AwsError;
}

/**
 * IAM Lab's own words for something the worker refused or could not do: a key the UI looks up in
 * its locale files and the values it interpolates. Values are data (a path, a version, a
 * technical reason in English): render them as text, never as markup.
 */
export type LabMessageKey =
  /** The file is not JSON at all. values: reason */
  | 'import.notJson'
  /** JSON, but not an IAM Lab scenario (another program's file, or no format marker). */
  | 'import.notAScenario'
  /** Made by a newer IAM Lab than this one. values: version, supported */
  | 'import.newerVersion'
  /** An IAM Lab scenario that is damaged or inconsistent. values: reason */
  | 'import.invalid'
  /** The lab is too large for a link; export a file instead. values: length, limit */
  | 'share.tooLarge'
  /** The link is cut off, altered or not an IAM Lab link. */
  | 'share.broken'
  /** The saved lab could not be read, so a fresh one was started. values: reason */
  | 'storage.unreadable'
  /** The change was made but could not be saved in the browser (storage full or blocked). values: reason */
  | 'storage.saveFailed'
  /** The editor may open and save files only inside the home folders. values: path */
  | 'files.outsideHome'
  /** The path is a folder. values: path */
  | 'files.isDirectory'
  /** The text is larger than a lab file may be. values: path, limit */
  | 'files.tooLarge'
  /** The UI sent something the worker does not understand (a programming error). values: detail */
  | 'lab.badRequest'
  /** Something failed inside IAM Lab itself; the lab kept its state. values: detail */
  | 'lab.internalError';

export interface LabMessage {
  key: LabMessageKey;
  values?: Record<string, string | number>;
}

/**
 * The live graph, derived and laid out in the worker after every change so the UI thread only
 * draws it. Nodes, edges and warnings as `src/graph` makes them (see its README for the ids).
 */
export interface PublishedGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  warnings: GraphWarning[];
  /**
   * Every node's top-left corner: where the layout placed it, or where the learner dragged it
   * (`moveNodes`). A node keeps its place from change to change, and across reloads.
   */
  positions: Positions;
  /**
   * What the last change did: created and updated ids to highlight for a moment, deleted ids to
   * fade out. Empty after a reset, an import, a drag, and on the first snapshot.
   */
  changes: GraphChanges;
  /** The nodes and edges the last change deleted, with the nodes' last positions, for the fade-out. */
  removed: { nodes: GraphNode[]; edges: GraphEdge[]; positions: Positions };
}

/** A node's resource as the matching read-only command prints it (`describeNode`). */
export interface NodeDescription {
  /** The aws command line, as the learner could type it. */
  command: string;
  /** What it printed: JSON on success, the CLI's error text otherwise. */
  output: string;
  exitCode: number;
}

/** Everything the UI renders, sent after every change (state is persisted before it is sent). */
export interface Published {
  /** Increases with every change; lets the UI drop stale snapshots. */
  stateVersion: number;
  /**
   * Moves whenever the simulated account changes, and only then: while it stays the same, `sim`
   * holds what it held before (so the wire need not carry it again, see `wire.ts`).
   */
  simRevision: number;
  /**
   * The whole simulated account. Its tables are keyed by names the learner chooses, and IAM allows
   * names such as `constructor` and `__proto__`: read a table with `Object.entries`, `Object.keys`
   * or `Object.hasOwn(table, name) ? table[name] : undefined`, never with a bare `table[name]` or
   * `name in table`. In the worker the tables have no prototype; the copy the
   * UI receives through postMessage does, so a bare look-up of `constructor` finds Object's own.
   * Within the worker (and in Node tests) this is the live state object, not a copy.
   */
  sim: SimState;
  /** Simulated time, epoch ms. */
  clock: number;
  shell: {
    prompt: string;
    cwd: string;
    history: string[];
    files: string[];
    location: { type: 'local' } | { type: 'instance'; instanceId: string };
  };
  /** What the last change did: drives highlights and lesson checks. */
  events: SimEvent[];
  graph: PublishedGraph;
  /** Set when the change was a terminal command. */
  output?: CommandOutput;
  /** Set when the change was a console action. */
  console?: ConsoleOutput;
  canUndo: boolean;
  /** Set when the worker refused part of the request or could not save: show it to the learner. */
  notice?: LabMessage;
}

export interface Completion {
  /** Where the replaced word starts in the line: a candidate replaces `line.slice(from, cursor)`. */
  from: number;
  /** Sorted, without duplicates, already quoted for the shell where needed. */
  candidates: string[];
}

/** A refused import or share link changes nothing. */
export type ImportResult = { ok: true; published: Published } | { ok: false; problem: LabMessage };

export type ShareResult = { ok: true; fragment: string } | { ok: false; problem: LabMessage };

export interface LabApi {
  /** Restores the saved lab (or starts a fresh one) and publishes it. */
  init(language: Language): Promise<Published>;
  /** Runs a terminal line (or a pasted block); simulated time first moves by the real time since the last request. */
  run(command: string, language: Language): Promise<Published>;
  /** Runs a console action; each API call it made comes back with its aws command line, also added to the history. */
  consoleAction(action: ConsoleAction, language: Language): Promise<Published>;
  /** Lets simulated time follow real time; publishes only when something changed. */
  tick(): Promise<Published | undefined>;
  complete(line: string, cursor: number): Promise<Completion>;
  /**
   * Takes back the last command, console action or file save (up to 50 steps; commands that
   * changed nothing are not steps). The history of typed lines and the clock are never rewound.
   * With nothing to undo, publishes the lab as it is.
   */
  undo(): Promise<Published>;
  /** A fresh lab; the undo steps are cleared. */
  reset(): Promise<Published>;
  /**
   * A fresh lab with a walkthrough chapter's starting scenario built in (`prepareChapter`: its
   * actions replayed, then time left to settle), an empty command history and no undo steps, as
   * `reset` does: confirm with the learner first. An unknown chapter id changes nothing (notice).
   */
  startChapter(chapterId: string, language: Language): Promise<Published>;
  /** The scenario file's text (JSON, `{ format: 'iam-lab-scenario', version: 1, workspace }`). */
  exportScenario(): Promise<string>;
  /** Replaces the lab with a scenario file's (clearing the undo steps: confirm with the learner first). */
  importScenario(json: string): Promise<ImportResult>;
  /** The share link's fragment (compressed scenario, no leading `#`), and loading one (with or without `#`). */
  shareFragment(): Promise<ShareResult>;
  openShared(fragment: string): Promise<ImportResult>;
  /** A file of the virtual file system; undefined when missing or outside the home folders. */
  readFile(path: string): Promise<string | undefined>;
  /** Saves a file from the editor (an undoable change); a refused path comes back as `notice`. */
  writeFile(path: string, text: string): Promise<Published>;
  /**
   * Nodes the learner dragged (node id → new top-left corner): the layout keeps them there, and
   * places new nodes around them. Saved with the lab; not an undo step. Ids of nodes that no longer
   * exist are ignored.
   */
  moveNodes(positions: Positions): Promise<Published>;
  /**
   * Runs the read-only command that shows a node's resource (`aws iam get-role …`,
   * `aws ec2 describe-instances …`) as the learner would, without adding it to the history or to
   * the undo steps. Undefined for nodes with no such command (trust principals) or unknown ids.
   */
  describeNode(nodeId: string): Promise<NodeDescription | undefined>;
}
