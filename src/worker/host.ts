import { runConsoleAction, seededRandom, type AppliedChange, type ConsoleAction, type SimEvent, type TableName } from '../sim';
import type { Positions } from '../graph';
import { complete } from '../cli/complete';
import { INSTANCE_HOME, LOCAL_HOME, isDirectory, resolvePath } from '../cli/shell/session';
import { withParts } from '../cli/parts';
import { advanceClock, newWorkspace, prompt, runCommand, type Workspace } from '../cli/terminal';
import type { Language } from '../cli/text';
import { awsCommandLine } from './awsCommandLine';
import { readCallFor, readCommandLine, runReadOnly } from './describe';
import { LiveGraph } from './liveGraph';
import type { CommandOutput, Completion, ConsoleOutput, ImportResult, LabApi, LabMessage, NodeDescription, Published, PublishedGraph, ShareResult } from './protocol';
import { checkConsoleAction, checkPositions, languageOf } from './requests';
import { accountParts, readScenario, savedRest, scenarioText } from './scenario';
import { fromFragment, toFragment } from './share';
import type { Storage } from './storage';
import { UndoStack, UNDO_LIMIT, shellChanged, snapshotShell, type ShellSnapshot } from './undo';

export interface HostOptions {
  storage: Storage;
  /** Real time in ms (monotonic where possible): simulated time moves by its differences. */
  wallClock: () => number;
  /** A new lab, for the first visit and for reset. */
  freshWorkspace?: () => Workspace;
  undoLimit?: number;
}

/** The largest file the editor may save: the lab is saved whole after every change. */
export const MAX_FILE_LENGTH = 1_000_000;

type Change = Partial<Pick<Published, 'events' | 'output' | 'console' | 'notice'>>;

/**
 * The lab behind the UI: one terminal workspace (simulated account, shell, clock, random source),
 * its undo steps, and its saved copy. Every request runs to the end before the next starts, every
 * change is saved before it is published, and nothing is thrown back: a refusal or a failure comes
 * back as a published notice or a message key. Free of the DOM and of Comlink, so it runs in Node.
 */
export class LabHost implements LabApi {
  private workspace: Workspace | undefined;
  private startupNotice: LabMessage | undefined;
  private readonly undoStack: UndoStack;
  private readonly live = new LiveGraph();
  /** Clock transitions that came due during a read-only request: published with the next change. */
  private readonly pendingEvents: SimEvent[] = [];
  private readonly fresh: () => Workspace;
  private queue: Promise<unknown> = Promise.resolve();
  private language: Language = 'en';
  private stateVersion = 0;
  /** Moves whenever the simulated account changes (see `Published.simRevision`). */
  private simRevision = 0;
  /** The account's tables changed since the last save ('all' for a new or rewound account): only these are written again. */
  private unsaved: Set<TableName> | 'all' = 'all';
  private nextOutputId = 1;
  private lastWallTime = 0;

  constructor(private readonly options: HostOptions) {
    this.undoStack = new UndoStack(options.undoLimit ?? UNDO_LIMIT);
    this.fresh = options.freshWorkspace ?? (() => newWorkspace());
  }

  init(language: Language): Promise<Published> {
    return this.request(async (ws) => {
      this.language = languageOf(language);
      const notice = this.startupNotice;
      this.startupNotice = undefined;
      return this.publish(ws, notice ? { notice } : {});
    }, this.failed);
  }

  run(command: string, language: Language): Promise<Published> {
    return this.request(async (ws) => {
      if (typeof command !== 'string') return this.publish(ws, { notice: badRequest('command is not text') });
      this.language = languageOf(language);
      const before = snapshotShell(ws.shell);
      const promptText = prompt(ws);
      const elapsedMs = this.elapsed();
      // A command that needs a part of the CLI still to load (help, YAML, JMESPath) runs again once it has.
      const result = await withParts(() => runCommand(ws, command, { language: this.language, elapsedMs }));
      this.record(ws, result.applied, result.events, before);
      const output: CommandOutput = { id: this.nextOutputId++, prompt: promptText, command, chunks: result.chunks, exitCode: result.exitCode, effects: result.effects, requests: result.requests };
      return this.persistAndPublish(ws, { events: result.events, output });
    }, this.failed);
  }

  consoleAction(action: ConsoleAction, language: Language): Promise<Published> {
    return this.request(async (ws) => {
      const checked = checkConsoleAction(action);
      if (!checked.ok) return this.publish(ws, { notice: badRequest(checked.detail) });
      this.language = languageOf(language);
      const before = snapshotShell(ws.shell);
      ws.clock += this.elapsed();
      const random = seededRandom(ws.random);
      const result = runConsoleAction(ws.sim, checked.value, { now: () => ws.clock, random });
      ws.random = random.state();
      const calls = result.calls.map((call) => ({ ...call, cli: awsCommandLine(call.service, call.operation, call.params) }));
      // The learner sees in the terminal's history what the console did, and can run it again.
      ws.shell.history.push(...calls.map((c) => c.cli));
      this.record(ws, result.applied, result.events, before);
      const output: ConsoleOutput = { id: this.nextOutputId++, action: checked.value, calls, ...(result.error ? { error: result.error } : {}) };
      return this.persistAndPublish(ws, { events: result.events, console: output });
    }, this.failed);
  }

  tick(): Promise<Published | undefined> {
    return this.request(async (ws) => {
      const { events, applied } = advanceClock(ws, this.elapsed());
      this.absorb(applied);
      return events.length || this.pendingEvents.length ? this.persistAndPublish(ws, { events }) : undefined;
    }, this.failed);
  }

  complete(line: string, cursor: number): Promise<Completion> {
    return this.request(async (ws) => {
      if (typeof line !== 'string' || typeof cursor !== 'number') return { from: 0, candidates: [] };
      return complete(ws, line, cursor);
    }, () => ({ from: typeof cursor === 'number' ? cursor : 0, candidates: [] }));
  }

  undo(): Promise<Published> {
    return this.request(async (ws) => {
      const undone = this.undoStack.undo(ws);
      if (!undone) return this.publish(ws, {});
      this.simRevision++;
      this.unsaved = 'all';
      this.live.restore(undone.layout);
      return this.persistAndPublish(ws, { events: undone.events });
    }, this.failed);
  }

  reset(): Promise<Published> {
    return this.request(async () => {
      const ws = this.replaceWorkspace(this.fresh());
      return this.persistAndPublish(ws, {});
    }, this.failed);
  }

  startChapter(chapterId: string, language: Language): Promise<Published> {
    return this.request(async (ws) => {
      // The chapters load with the first one started.
      const { chapterById, prepareChapter } = await import('../lessons');
      const chapter = typeof chapterId === 'string' ? chapterById(chapterId) : undefined;
      if (!chapter) return this.publish(ws, { notice: badRequest(`no walkthrough chapter ${JSON.stringify(chapterId)}`) });
      this.language = languageOf(language);
      const { workspace } = await withParts(() => prepareChapter(chapter, { language: this.language, from: this.fresh() }));
      return this.persistAndPublish(this.replaceWorkspace(workspace), {});
    }, this.failed);
  }

  exportScenario(): Promise<string> {
    return this.request(async (ws) => scenarioText(ws, 2, this.live.layout), () => '');
  }

  importScenario(json: string): Promise<ImportResult> {
    return this.request(async () => {
      if (typeof json !== 'string') return { ok: false, problem: badRequest('scenario is not text') };
      return this.open(json);
    }, (detail) => ({ ok: false, problem: internalError(detail) }));
  }

  shareFragment(): Promise<ShareResult> {
    return this.request(async (ws) => {
      const fragment = toFragment(scenarioText(ws, undefined, this.live.layout));
      return fragment.ok ? { ok: true, fragment: fragment.value } : fragment;
    }, (detail) => ({ ok: false, problem: internalError(detail) }));
  }

  openShared(fragment: string): Promise<ImportResult> {
    return this.request(async () => {
      if (typeof fragment !== 'string') return { ok: false, problem: badRequest('fragment is not text') };
      const text = fromFragment(fragment);
      if (!text.ok) return text;
      const opened = await this.open(text.value);
      // Text a link unpacks to that is not even JSON means the link was damaged on its way.
      return !opened.ok && opened.problem.key === 'import.notJson' ? { ok: false, problem: { key: 'share.broken' } } : opened;
    }, (detail) => ({ ok: false, problem: internalError(detail) }));
  }

  readFile(path: string): Promise<string | undefined> {
    return this.request(async (ws) => {
      const full = typeof path === 'string' ? homePath(ws, path) : undefined;
      return full !== undefined && Object.hasOwn(ws.shell.files, full) ? ws.shell.files[full] : undefined;
    }, () => undefined);
  }

  writeFile(path: string, text: string): Promise<Published> {
    return this.request(async (ws) => {
      if (typeof path !== 'string' || typeof text !== 'string') return this.publish(ws, { notice: badRequest('path and text must be text') });
      const full = homePath(ws, path);
      if (full === undefined) return this.publish(ws, { notice: { key: 'files.outsideHome', values: { path } } });
      if (isDirectory(ws.shell, full)) return this.publish(ws, { notice: { key: 'files.isDirectory', values: { path: full } } });
      if (text.length > MAX_FILE_LENGTH) return this.publish(ws, { notice: { key: 'files.tooLarge', values: { path: full, limit: MAX_FILE_LENGTH } } });
      if (Object.hasOwn(ws.shell.files, full) && ws.shell.files[full] === text) return this.publish(ws, {});
      this.undoStack.push([], snapshotShell(ws.shell), this.live.layout);
      ws.shell.files[full] = text;
      return this.persistAndPublish(ws, {});
    }, this.failed);
  }

  moveNodes(positions: Positions): Promise<Published> {
    return this.request(async (ws) => {
      const checked = checkPositions(positions);
      if (!checked.ok) return this.publish(ws, { notice: badRequest(checked.detail) });
      return this.live.move(checked.value) > 0 ? this.persistAndPublish(ws, {}) : this.publish(ws, {});
    }, this.failed);
  }

  describeNode(nodeId: string): Promise<NodeDescription | undefined> {
    return this.request(async (ws) => {
      const node = typeof nodeId === 'string' ? this.live.node(nodeId) : undefined;
      const call = node && readCallFor(node, ws);
      if (!call) return undefined;
      const read = runReadOnly(ws, readCommandLine(call), this.language);
      // Reading changes nothing; a transition that was due anyway joins the latest step, as a tick's would.
      this.absorb(read.applied);
      this.pendingEvents.push(...read.events);
      return read.description;
    }, () => undefined);
  }

  /**
   * Runs one request after the previous one has finished, on the loaded workspace. An exception
   * (a defect in IAM Lab, never the learner's input) is answered by `onFailure`.
   */
  private request<T>(task: (ws: Workspace) => Promise<T>, onFailure: (detail: string, ws: Workspace) => T): Promise<T> {
    const run = this.queue.then(async () => {
      try {
        return await task(await this.load());
      } catch (e) {
        return onFailure(e instanceof Error ? e.message : String(e), this.workspace ?? this.replaceWorkspace(this.fresh()));
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The answer to a request that failed inside IAM Lab: the lab as it stands, and a notice. */
  private readonly failed = (detail: string, ws: Workspace): Published => this.publish(ws, { notice: internalError(detail) });

  /** The saved lab on first use, or a fresh one (with a notice for the UI when the saved one could not be read). */
  private async load(): Promise<Workspace> {
    if (this.workspace) return this.workspace;
    let text: string | undefined;
    try {
      text = await this.options.storage.load();
    } catch (e) {
      this.startupNotice = { key: 'storage.unreadable', values: { reason: e instanceof Error ? e.message : String(e) } };
    }
    let restored: Workspace | undefined;
    if (text !== undefined) {
      const read = readScenario(text);
      if (read.ok) {
        restored = read.workspace;
        this.live.restart(read.layout);
      } else this.startupNotice = { key: 'storage.unreadable', values: { reason: String(read.problem.values?.reason ?? read.problem.key) } };
    }
    this.lastWallTime = this.options.wallClock();
    return (this.workspace = restored ?? this.fresh());
  }

  private replaceWorkspace(ws: Workspace, layout?: Readonly<Positions>): Workspace {
    this.workspace = ws;
    this.simRevision++;
    this.unsaved = 'all';
    this.undoStack.clear();
    this.live.restart(layout);
    this.pendingEvents.length = 0;
    return ws;
  }

  private async open(text: string): Promise<ImportResult> {
    const read = readScenario(text);
    if (!read.ok) return read;
    const ws = this.replaceWorkspace(read.workspace, read.layout);
    return { ok: true, published: await this.persistAndPublish(ws, {}) };
  }

  /** Real milliseconds since the previous request, never negative. */
  private elapsed(): number {
    const now = this.options.wallClock();
    const ms = Math.max(0, now - this.lastWallTime);
    this.lastWallTime = now;
    return Number.isFinite(ms) ? ms : 0;
  }

  /** A request that changed the lab becomes an undo step; one whose only changes came from the clock does not. */
  private record(ws: Workspace, applied: AppliedChange[], events: readonly SimEvent[], before: ShellSnapshot): void {
    if (events.some((e) => e.cause.type === 'request') || shellChanged(before, ws.shell)) {
      this.undoStack.push(applied, before, this.live.layout);
      this.changed(applied);
    } else this.absorb(applied);
  }

  /** Changes that join the latest undo step (the clock's). */
  private absorb(applied: AppliedChange[]): void {
    this.undoStack.absorb(applied);
    this.changed(applied);
  }

  private changed(applied: readonly AppliedChange[]): void {
    if (applied.length === 0) return;
    this.simRevision++;
    if (this.unsaved !== 'all') for (const change of applied) this.unsaved.add(change.table);
  }

  /** Saves the lab with its graph laid out for this change, then publishes both. */
  private async persistAndPublish(ws: Workspace, change: Change): Promise<Published> {
    const events = this.takeEvents(change);
    const graph = this.live.update(ws.sim, events, this.simRevision);
    try {
      await this.options.storage.save(savedRest(ws, this.live.layout), accountParts(ws.sim, this.unsaved));
      this.unsaved = new Set();
    } catch (e) {
      return this.publish(ws, { ...change, events, notice: { key: 'storage.saveFailed', values: { reason: e instanceof Error ? e.message : String(e) } } }, graph);
    }
    return this.publish(ws, { ...change, events }, graph);
  }

  /** The change's events, after any that came due while nothing was published. */
  private takeEvents(change: Change): SimEvent[] {
    return [...this.pendingEvents.splice(0), ...(change.events ?? [])];
  }

  private publish(ws: Workspace, change: Change, laidOut?: PublishedGraph): Published {
    const { shell } = ws;
    const events = laidOut ? (change.events ?? []) : this.takeEvents(change);
    const graph = laidOut ?? this.live.update(ws.sim, events, this.simRevision);
    return {
      stateVersion: ++this.stateVersion,
      simRevision: this.simRevision,
      sim: ws.sim,
      clock: ws.clock,
      shell: {
        prompt: prompt(ws),
        cwd: shell.cwd,
        history: [...shell.history],
        files: Object.keys(shell.files).sort(),
        location: shell.location.type === 'local' ? { type: 'local' } : { type: 'instance', instanceId: shell.location.instanceId },
      },
      events,
      graph,
      ...(change.output ? { output: change.output } : {}),
      ...(change.console ? { console: change.console } : {}),
      canUndo: this.undoStack.canUndo,
      ...(change.notice ? { notice: change.notice } : {}),
    };
  }
}

const badRequest = (detail: string): LabMessage => ({ key: 'lab.badRequest', values: { detail } });
const internalError = (detail: string): LabMessage => ({ key: 'lab.internalError', values: { detail } });

/** The absolute path for the editor, when it lies inside one of the home folders. */
function homePath(ws: Workspace, path: string): string | undefined {
  const full = resolvePath(ws.shell.cwd, path);
  return [LOCAL_HOME, INSTANCE_HOME].some((home) => full.startsWith(`${home}/`)) ? full : undefined;
}
