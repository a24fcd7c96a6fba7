import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConsoleAction } from '../../sim';
import type { Positions } from '../../graph/layout';
import type { Completion, ConsoleOutput, LabApi, NodeDescription, Published, ShareResult } from '../../worker/protocol';
import type { Language } from '../i18n/language';
import { appMessage, labMessage, type Notice, type NoteKey, type UiMessage } from './messages';
import { clampSize, type CollapsiblePanel, type PanelId, type Theme, type UiPrefs } from './prefs';
import { append, type NewEntry, type TerminalEntry } from './scrollback';
import { labHasContent } from './share';
import { appendConsoleLog } from './consoleLog';

/** The worker as the store uses it (a Comlink proxy in the app, a fake in tests). */
export type LabClient = Pick<LabApi, 'init' | 'run' | 'consoleAction' | 'tick' | 'complete' | 'undo' | 'reset' | 'exportScenario' | 'importScenario' | 'shareFragment' | 'openShared' | 'moveNodes' | 'describeNode' | 'startChapter' | 'readFile' | 'writeFile'>;

export type LabStatus = { phase: 'starting' } | { phase: 'ready' } | { phase: 'failed'; detail: string };

export interface LabState {
  /** The latest snapshot the worker published; undefined until it has started. */
  published: Published | undefined;
  status: LabStatus;
  /** Commands sent and not yet answered. */
  running: number;
  scrollback: TerminalEntry[];
  prefs: UiPrefs;
  selectedNodeId: string | undefined;
  notices: Notice[];
  /** The panel shown on narrow screens. */
  narrowTab: PanelId;
  /** A share link's fragment waiting for the learner's yes, because opening it would replace their lab. */
  sharedWaiting: string | undefined;
  /** The file open in the editor (an absolute path), from `edit FILE` or the file list. */
  editorPath: string | undefined;
  /** A command put in the command line from elsewhere (the details panel); a new `id` each time. */
  commandDraft: { text: string; id: number } | undefined;
  /** The console actions of this visit with the API calls each made, oldest first (the "API calls" log). */
  consoleLog: ConsoleOutput[];
}

export interface LabActions {
  start(savedScrollback: TerminalEntry[]): Promise<void>;
  /** Runs complete commands one after another (each waits for the one before). */
  runCommands(commands: readonly string[]): Promise<void>;
  /**
   * Runs a console action in turn with the terminal's commands; resolves to its result (also added
   * to `consoleLog`), or undefined when the worker refused it or failed (a notice says why).
   */
  consoleAction(action: ConsoleAction): Promise<ConsoleOutput | undefined>;
  clearConsoleLog(): void;
  /** Shows lines that ran nothing: blank ones, or ones dropped with Ctrl+C. */
  echo(prompt: string, lines: string[], interrupted: boolean): void;
  clearTerminal(): void;
  complete(line: string, caret: number): Promise<Completion>;
  tick(): Promise<void>;
  undo(): Promise<void>;
  reset(): Promise<void>;
  /**
   * Replaces the lab with a walkthrough chapter's prepared one (in turn with commands); resolves to
   * whether it was done (when not, a notice says why).
   */
  startChapter(chapterId: string): Promise<boolean>;
  exportScenario(): Promise<string>;
  importScenario(fileName: string, text: string): Promise<void>;
  shareFragment(): Promise<ShareResult>;
  openShared(fragment: string): Promise<void>;
  /** The page was opened from a share link: open it at once when the lab is empty, else ask first. */
  arriveShared(fragment: string): void;
  answerShared(open: boolean): void;
  selectNode(nodeId: string | undefined): void;
  /** Graph nodes the learner dragged: the worker keeps them there. */
  moveNodes(positions: Positions): Promise<void>;
  /** A node's resource as its get/describe command prints it (read-only: no history, no undo step). */
  describeNode(nodeId: string): Promise<NodeDescription | undefined>;
  /** Puts a command in the command line, not run, for the learner to read, edit and run. */
  pasteCommand(text: string): void;
  /** Opens a file in the editor (the `edit` effect, or the file list). */
  openEditor(path: string): void;
  closeEditor(): void;
  /** A file's text, or undefined when there is no such file in the home folders. */
  readFile(path: string): Promise<string | undefined>;
  /**
   * Saves a file from the editor, in turn with commands (an undoable change); resolves to whether
   * it was saved (when not, a notice says why).
   */
  saveFile(path: string, text: string): Promise<boolean>;
  notify(tone: Notice['tone'], message: UiMessage): void;
  dismissNotice(id: number): void;
  setLanguage(language: Language): void;
  setTheme(theme: Theme): void;
  setPresentation(on: boolean): void;
  setSize(panel: keyof UiPrefs['sizes'], value: number): void;
  setCollapsed(panel: CollapsiblePanel, collapsed: boolean): void;
  setNarrowTab(tab: PanelId): void;
  markWelcomed(): void;
}

export type LabStore = StoreApi<LabState & LabActions>;

const problemText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * A thin store: each action calls the worker, then sets what came back. The worker is the one
 * source of truth for the lab; the store only mirrors its latest snapshot and adds UI state.
 */
export function createLabStore(client: LabClient, prefs: UiPrefs): LabStore {
  let queue: Promise<void> = Promise.resolve();
  let noticeId = 0;

  return createStore<LabState & LabActions>()((set, get) => {
    const addEntry = (entry: NewEntry) => set((s) => ({ scrollback: append(s.scrollback, entry) }));
    const note = (key: NoteKey, values?: Record<string, string>) => addEntry(values ? { kind: 'note', note: key, values } : { kind: 'note', note: key });
    const notify = (tone: Notice['tone'], message: UiMessage) => set((s) => ({ notices: [...s.notices, { id: ++noticeId, tone, message }].slice(-4) }));
    const failed = (e: unknown) => notify('error', appMessage('scenario.failed', { problem: problemText(e) }));

    /** Takes a snapshot unless a newer one is already shown (a slow tick can answer after a command). */
    const accept = (published: Published) => {
      const current = get().published;
      if (!current || published.stateVersion >= current.stateVersion) set({ published });
      if (published.notice) notify('error', labMessage(published.notice));
    };

    const showOutput = (published: Published) => {
      const output = published.output;
      if (!output) return;
      if (output.effects.some((e) => e.type === 'clear')) set({ scrollback: [] });
      if (!output.effects.some((e) => e.type === 'clear') || output.chunks.length > 0) addEntry({ kind: 'command', output });
      for (const effect of output.effects) if (effect.type === 'edit') get().openEditor(effect.path);
    };

    return {
      published: undefined,
      status: { phase: 'starting' },
      running: 0,
      scrollback: [],
      prefs,
      selectedNodeId: undefined,
      notices: [],
      narrowTab: 'terminal',
      sharedWaiting: undefined,
      editorPath: undefined,
      commandDraft: undefined,
      consoleLog: [],

      async start(savedScrollback) {
        set({ scrollback: savedScrollback });
        try {
          accept(await client.init(get().prefs.language));
          set({ status: { phase: 'ready' } });
        } catch (e) {
          set({ status: { phase: 'failed', detail: problemText(e) } });
        }
      },

      runCommands(commands) {
        if (commands.length === 0) return queue;
        set((s) => ({ running: s.running + commands.length }));
        for (const command of commands) {
          queue = queue.then(async () => {
            try {
              const published = await client.run(command, get().prefs.language);
              accept(published);
              showOutput(published);
            } catch (e) {
              failed(e);
            } finally {
              set((s) => ({ running: s.running - 1 }));
            }
          });
        }
        return queue;
      },

      consoleAction(action) {
        let result: ConsoleOutput | undefined;
        set((s) => ({ running: s.running + 1 }));
        queue = queue.then(async () => {
          try {
            const published = await client.consoleAction(action, get().prefs.language);
            accept(published);
            const output = published.console;
            result = output;
            if (output) set((s) => ({ consoleLog: appendConsoleLog(s.consoleLog, output) }));
          } catch (e) {
            failed(e);
          } finally {
            set((s) => ({ running: s.running - 1 }));
          }
        });
        return queue.then(() => result);
      },

      clearConsoleLog() {
        set({ consoleLog: [] });
      },

      echo(prompt, lines, interrupted) {
        addEntry({ kind: 'echo', prompt, lines, interrupted });
      },

      clearTerminal() {
        set({ scrollback: [] });
      },

      complete(line, caret) {
        return client.complete(line, caret);
      },

      async tick() {
        try {
          const published = await client.tick();
          if (published) accept(published);
        } catch {
          // A missed tick is made up by the next one: simulated time catches up with real time.
        }
      },

      async undo() {
        if (!get().published?.canUndo) {
          notify('info', appMessage('scenario.nothingToUndo'));
          return;
        }
        try {
          accept(await client.undo());
          note('undoneAction');
        } catch (e) {
          failed(e);
        }
      },

      async reset() {
        try {
          accept(await client.reset());
          set({ selectedNodeId: undefined });
          note('reset');
          notify('info', appMessage('scenario.resetDone'));
        } catch (e) {
          failed(e);
        }
      },

      startChapter(chapterId) {
        let done = false;
        set((s) => ({ running: s.running + 1 }));
        queue = queue.then(async () => {
          try {
            const published = await client.startChapter(chapterId, get().prefs.language);
            accept(published);
            // A lab that could not be stored in the browser is still the chapter's.
            done = !published.notice || published.notice.key === 'storage.saveFailed';
            if (done) {
              set({ selectedNodeId: undefined });
              note('reset');
            }
          } catch (e) {
            failed(e);
          } finally {
            set((s) => ({ running: s.running - 1 }));
          }
        });
        return queue.then(() => done);
      },

      exportScenario() {
        return client.exportScenario();
      },

      async importScenario(fileName, text) {
        try {
          const result = await client.importScenario(text);
          if (!result.ok) {
            notify('error', appMessage('scenario.importFailed', { file: fileName, problem: labMessage(result.problem) }));
            return;
          }
          accept(result.published);
          set({ selectedNodeId: undefined });
          note('imported', { file: fileName });
          notify('info', appMessage('scenario.imported', { file: fileName }));
        } catch (e) {
          failed(e);
        }
      },

      shareFragment() {
        return client.shareFragment();
      },

      async openShared(fragment) {
        try {
          const result = await client.openShared(fragment);
          if (!result.ok) {
            notify('error', appMessage('scenario.sharedFailed', { problem: labMessage(result.problem) }));
            return;
          }
          accept(result.published);
          set({ selectedNodeId: undefined });
          note('shared');
          notify('info', appMessage('scenario.sharedOpened'));
        } catch (e) {
          failed(e);
        }
      },

      arriveShared(fragment) {
        if (labHasContent(get().published)) set({ sharedWaiting: fragment });
        else void get().openShared(fragment);
      },

      answerShared(open) {
        const fragment = get().sharedWaiting;
        set({ sharedWaiting: undefined });
        if (open && fragment) void get().openShared(fragment);
      },

      selectNode(nodeId) {
        set({ selectedNodeId: nodeId });
      },

      async moveNodes(positions) {
        try {
          accept(await client.moveNodes(positions));
        } catch (e) {
          failed(e);
        }
      },

      describeNode(nodeId) {
        return client.describeNode(nodeId);
      },

      pasteCommand(text) {
        // On a narrow screen the command line is on its own tab: go there.
        set((s) => ({ commandDraft: { text, id: (s.commandDraft?.id ?? 0) + 1 }, narrowTab: 'terminal' }));
      },

      openEditor(path) {
        set({ editorPath: path });
      },

      closeEditor() {
        set({ editorPath: undefined });
      },

      readFile(path) {
        // After the commands already sent, so it reads what they wrote.
        const read = queue.then(() => client.readFile(path));
        queue = read.then(
          () => undefined,
          () => undefined,
        );
        return read;
      },

      saveFile(path, text) {
        let saved = false;
        set((s) => ({ running: s.running + 1 }));
        queue = queue.then(async () => {
          try {
            const published = await client.writeFile(path, text);
            accept(published);
            // A lab that could not be stored in the browser still has the file.
            saved = !published.notice || published.notice.key === 'storage.saveFailed';
          } catch (e) {
            failed(e);
          } finally {
            set((s) => ({ running: s.running - 1 }));
          }
        });
        return queue.then(() => saved);
      },

      notify,

      dismissNotice(id) {
        set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
      },

      setLanguage(language) {
        set((s) => ({ prefs: { ...s.prefs, language } }));
      },
      setTheme(theme) {
        set((s) => ({ prefs: { ...s.prefs, theme } }));
      },
      setPresentation(presentation) {
        // Presentation mode shows the graph and the terminal only: a narrow screen's tab follows.
        set((s) => ({ prefs: { ...s.prefs, presentation }, narrowTab: presentation && (s.narrowTab === 'walkthrough' || s.narrowTab === 'details') ? 'terminal' : s.narrowTab }));
      },
      setSize(panel, value) {
        set((s) => ({ prefs: { ...s.prefs, sizes: { ...s.prefs.sizes, [panel]: clampSize(panel, value) } } }));
      },
      setCollapsed(panel, collapsed) {
        set((s) => ({ prefs: { ...s.prefs, collapsed: { ...s.prefs.collapsed, [panel]: collapsed } } }));
      },
      setNarrowTab(narrowTab) {
        set({ narrowTab });
      },
      markWelcomed() {
        set((s) => ({ prefs: { ...s.prefs, welcomed: true } }));
      },
    };
  });
}
