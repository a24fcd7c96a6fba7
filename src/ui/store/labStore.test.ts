import { describe, expect, it } from 'vitest';
import { emptyState } from '../../sim';
import type { CommandOutput, ImportResult, Published } from '../../worker/protocol';
import { emptyPublishedGraph } from '../../worker/liveGraph';
import { createLabStore, type LabClient } from './labStore';
import { readPrefs } from './prefs';
import { SCROLLBACK_LIMIT, append, readScrollback, type TerminalEntry } from './scrollback';
import { isShareLink, shareUrl } from './share';
import { createTestApi, testApiEnabled } from './testApi';

const PROMPT = 'learner@iam-lab:~$ ';

function published(stateVersion: number, extra: Partial<Published> = {}): Published {
  return {
    stateVersion,
    simRevision: stateVersion,
    sim: emptyState(),
    clock: 0,
    shell: { prompt: PROMPT, cwd: '/home/learner', history: [], files: [], location: { type: 'local' } },
    events: [],
    graph: emptyPublishedGraph(),
    canUndo: false,
    ...extra,
  };
}

const output = (id: number, command: string, extra: Partial<CommandOutput> = {}): CommandOutput => ({
  id,
  prompt: PROMPT,
  command,
  chunks: [{ stream: 'stdout', text: `${command}\n` }],
  exitCode: 0,
  effects: [],
  requests: [],
  ...extra,
});

/** A worker stand-in: each command answers after a delay, with the next version number. */
function fakeClient(overrides: Partial<LabClient> = {}) {
  let version = 1;
  const calls: string[] = [];
  const client: LabClient = {
    init: async () => published(version),
    run: async (command) => {
      calls.push(command);
      await new Promise((r) => setTimeout(r, command.includes('slow') ? 20 : 1));
      version++;
      return published(version, { output: output(version, command), shell: { ...published(0).shell, history: [...calls] } });
    },
    consoleAction: async () => published(++version),
    tick: async () => undefined,
    complete: async () => ({ from: 0, candidates: [] }),
    undo: async () => published(++version),
    reset: async () => published(++version),
    startChapter: async (chapterId) => (chapterId === 'cli-path' ? published(++version) : published(version, { notice: { key: 'lab.badRequest', values: { detail: chapterId } } })),
    exportScenario: async () => '{}',
    importScenario: async (): Promise<ImportResult> => ({ ok: true, published: published(++version) }),
    shareFragment: async () => ({ ok: true, fragment: 'scenario=abc' }),
    openShared: async (): Promise<ImportResult> => ({ ok: true, published: published(++version) }),
    moveNodes: async () => published(++version),
    describeNode: async () => undefined,
    readFile: async () => undefined,
    writeFile: async () => published(++version),
    ...overrides,
  };
  return { client, calls };
}

const prefs = readPrefs(null, { languages: ['en'], prefersDark: false });
const commandsShown = (entries: TerminalEntry[]) => entries.map((e) => (e.kind === 'command' ? e.output.command : e.kind));

describe('lab store', () => {
  it('starts with the saved scrollback and the worker\'s first snapshot', async () => {
    const store = createLabStore(fakeClient().client, prefs);
    const saved = append([], { kind: 'note', note: 'reset' });
    await store.getState().start(saved);
    expect(store.getState().status).toEqual({ phase: 'ready' });
    expect(store.getState().published?.stateVersion).toBe(1);
    expect(store.getState().scrollback).toEqual(saved);
  });

  it('startChapter waits for the commands sent before it, takes the prepared lab and says so in the terminal', async () => {
    const { client, calls } = fakeClient();
    const store = createLabStore(client, prefs);
    await store.getState().start([]);
    store.getState().selectNode('role:web');
    void store.getState().runCommands(['slow one']);
    expect(await store.getState().startChapter('cli-path')).toBe(true);
    expect(calls).toEqual(['slow one']);
    expect(store.getState().published?.stateVersion).toBe(3);
    expect(store.getState().selectedNodeId).toBeUndefined();
    expect(store.getState().scrollback.map((e) => (e.kind === 'note' ? e.note : e.kind))).toEqual(['command', 'reset']);
    expect(store.getState().running).toBe(0);
  });

  it('startChapter refused by the worker resolves to false and shows its notice', async () => {
    const store = createLabStore(fakeClient().client, prefs);
    await store.getState().start([]);
    expect(await store.getState().startChapter('nope')).toBe(false);
    expect(store.getState().notices.map((n) => n.message)).toEqual([{ source: 'lab', message: { key: 'lab.badRequest', values: { detail: 'nope' } } }]);
    expect(store.getState().scrollback).toEqual([]);
  });

  it('says why when the worker cannot start', async () => {
    const store = createLabStore(fakeClient({ init: () => Promise.reject(new Error('no IndexedDB')) }).client, prefs);
    await store.getState().start([]);
    expect(store.getState().status).toEqual({ phase: 'failed', detail: 'no IndexedDB' });
  });

  it('runs pasted commands one after another, in order, even when the first is slow', async () => {
    const { client, calls } = fakeClient();
    const store = createLabStore(client, prefs);
    await store.getState().start([]);
    const first = store.getState().runCommands(['slow one', 'two']);
    expect(store.getState().running).toBe(2);
    await store.getState().runCommands(['three']);
    await first;
    expect(calls).toEqual(['slow one', 'two', 'three']);
    expect(commandsShown(store.getState().scrollback)).toEqual(['slow one', 'two', 'three']);
    expect(store.getState().running).toBe(0);
    expect(store.getState().published?.shell.history).toEqual(['slow one', 'two', 'three']);
  });

  it('drops a snapshot older than the one shown, but still shows its output', async () => {
    const { client } = fakeClient({
      run: async (command) => published(2, { output: output(1, command) }),
      tick: async () => published(1, { clock: 99 }),
    });
    const store = createLabStore(client, prefs);
    await store.getState().runCommands(['aws iam list-roles']);
    await store.getState().tick();
    expect(store.getState().published?.stateVersion).toBe(2);
    expect(store.getState().published?.clock).toBe(0);
    expect(commandsShown(store.getState().scrollback)).toEqual(['aws iam list-roles']);
  });

  it('clears the scrollback on the clear effect and keeps what came after it', async () => {
    const effects = { clear: [{ type: 'clear' as const }] };
    const { client } = fakeClient({
      run: async (command) => published(2, { output: output(1, command, command === 'clear' ? { chunks: [], effects: effects.clear } : {}) }),
    });
    const store = createLabStore(client, prefs);
    await store.getState().runCommands(['echo a', 'clear']);
    expect(store.getState().scrollback).toEqual([]);
    await store.getState().runCommands(['echo b']);
    expect(commandsShown(store.getState().scrollback)).toEqual(['echo b']);
  });

  it('opens the editor on the edit effect, and shows the worker\'s own notices', async () => {
    const { client } = fakeClient({
      run: async (command) => published(2, { output: output(1, command, { effects: [{ type: 'edit', path: '/home/learner/p.json' }] }), notice: { key: 'storage.saveFailed', values: { reason: 'full' } } }),
    });
    const store = createLabStore(client, prefs);
    await store.getState().runCommands(['edit p.json']);
    expect(store.getState().editorPath).toBe('/home/learner/p.json');
    expect(store.getState().notices.map((n) => n.message)).toEqual([{ source: 'lab', message: { key: 'storage.saveFailed', values: { reason: 'full' } } }]);
    store.getState().closeEditor();
    expect(store.getState().editorPath).toBeUndefined();
  });

  it('reads and saves files in turn with commands; a refused save says why', async () => {
    const files = new Map<string, string>();
    const order: string[] = [];
    let version = 1;
    const { client } = fakeClient({
      run: async (command) => {
        order.push(command);
        await new Promise((r) => setTimeout(r, 10));
        files.set('/home/learner/a.json', 'from echo');
        return published(++version, { output: output(version, command) });
      },
      readFile: async (path) => {
        order.push(`read ${path}`);
        return files.get(path);
      },
      writeFile: async (path, text) => {
        order.push(`write ${path}`);
        if (!path.startsWith('/home/')) return published(++version, { notice: { key: 'files.outsideHome', values: { path } } });
        files.set(path, text);
        return published(++version);
      },
    });
    const store = createLabStore(client, prefs);
    void store.getState().runCommands(['echo x > a.json']);
    expect(await store.getState().readFile('/home/learner/a.json')).toBe('from echo');
    const saving = store.getState().saveFile('/home/learner/a.json', '{}');
    expect(store.getState().running).toBe(1);
    expect(await saving).toBe(true);
    expect(store.getState().running).toBe(0);
    expect(store.getState().published?.stateVersion).toBe(3);
    expect(await store.getState().readFile('/home/learner/a.json')).toBe('{}');

    expect(await store.getState().saveFile('/etc/passwd', 'x')).toBe(false);
    expect(store.getState().notices.map((n) => n.message)).toEqual([{ source: 'lab', message: { key: 'files.outsideHome', values: { path: '/etc/passwd' } } }]);
    expect(order).toEqual(['echo x > a.json', 'read /home/learner/a.json', 'write /home/learner/a.json', 'read /home/learner/a.json', 'write /etc/passwd']);
  });

  it('counts a save the browser could not store as saved (the lab has the file)', async () => {
    const { client } = fakeClient({ writeFile: async () => published(5, { notice: { key: 'storage.saveFailed', values: { reason: 'full' } } }) });
    const store = createLabStore(client, prefs);
    expect(await store.getState().saveFile('/home/learner/a.json', '{}')).toBe(true);
    expect(store.getState().notices).toHaveLength(1);
  });

  it('reports a refused import with the file name and the worker\'s reason, and changes nothing', async () => {
    const { client } = fakeClient({ importScenario: async () => ({ ok: false, problem: { key: 'import.notJson', values: { reason: 'Unexpected token' } } }) });
    const store = createLabStore(client, prefs);
    await store.getState().start([]);
    await store.getState().importScenario('lab.json', 'not json');
    expect(store.getState().published?.stateVersion).toBe(1);
    expect(store.getState().scrollback).toEqual([]);
    expect(store.getState().notices.map((n) => [n.tone, n.message])).toEqual([
      ['error', { source: 'app', key: 'scenario.importFailed', values: { file: 'lab.json', problem: { source: 'lab', message: { key: 'import.notJson', values: { reason: 'Unexpected token' } } } } }],
    ]);
  });

  it('loads an import, notes it in the terminal and clears the selection', async () => {
    const store = createLabStore(fakeClient().client, prefs);
    await store.getState().start([]);
    store.getState().selectNode('role:app');
    await store.getState().importScenario('lab.json', '{}');
    expect(store.getState().published?.stateVersion).toBe(2);
    expect(store.getState().selectedNodeId).toBeUndefined();
    expect(store.getState().scrollback).toEqual([{ kind: 'note', key: 1, note: 'imported', values: { file: 'lab.json' } }]);
  });

  it('undoes only when the worker says there is something to undo', async () => {
    const { client } = fakeClient();
    const store = createLabStore(client, prefs);
    await store.getState().start([]);
    await store.getState().undo();
    expect(store.getState().published?.stateVersion).toBe(1);
    expect(store.getState().notices.map((n) => n.message)).toEqual([{ source: 'app', key: 'scenario.nothingToUndo' }]);
  });

  it('keeps at most four notices and dismisses by id', () => {
    const store = createLabStore(fakeClient().client, prefs);
    for (let i = 0; i < 6; i++) store.getState().notify('info', { source: 'app', key: 'scenario.resetDone' });
    const ids = store.getState().notices.map((n) => n.id);
    expect(ids).toEqual([3, 4, 5, 6]);
    store.getState().dismissNotice(4);
    expect(store.getState().notices.map((n) => n.id)).toEqual([3, 5, 6]);
  });

  it('keeps panel sizes within their limits', () => {
    const store = createLabStore(fakeClient().client, prefs);
    store.getState().setSize('walkthrough', 10);
    store.getState().setSize('graph', 2);
    expect(store.getState().prefs.sizes).toMatchObject({ walkthrough: 200, graph: 0.85 });
  });
});

describe('scrollback', () => {
  it(`keeps the last ${SCROLLBACK_LIMIT} entries, with keys that keep counting`, () => {
    let entries: TerminalEntry[] = [];
    for (let i = 0; i < SCROLLBACK_LIMIT + 3; i++) entries = append(entries, { kind: 'echo', prompt: '$ ', lines: [String(i)], interrupted: false });
    expect(entries).toHaveLength(SCROLLBACK_LIMIT);
    expect(entries[0]?.key).toBe(4);
    expect(entries.at(-1)?.key).toBe(SCROLLBACK_LIMIT + 3);
  });

  it('loads only well-formed saved entries', () => {
    const good = [
      { kind: 'command', key: 1, output: output(1, 'ls') },
      { kind: 'echo', key: 2, prompt: '$ ', lines: ['x'], interrupted: true },
      { kind: 'note', key: 3, note: 'reset' },
    ];
    const bad = [null, 3, { kind: 'command', key: 4 }, { kind: 'note', key: 5, note: 'constructor' }, { kind: 'echo', key: 6, prompt: '$ ', lines: [1], interrupted: false }, { kind: 'html', key: 7 }, { kind: 'command', key: 8, output: { ...output(8, 'x'), chunks: [{ stream: 'html', text: 'x' }] } }];
    expect(readScrollback([...good, ...bad])).toEqual(good);
    expect(readScrollback({ not: 'a list' })).toEqual([]);
  });
});

describe('preferences', () => {
  const hints = { languages: ['ja-JP'], prefersDark: true };
  it('start from the browser on a first visit', () => {
    expect(readPrefs(null, hints)).toEqual({
      language: 'ja',
      theme: 'dark',
      presentation: false,
      sizes: { walkthrough: 300, details: 340, graph: 0.5 },
      collapsed: { walkthrough: false, graph: false, details: false },
      welcomed: false,
    });
  });

  it('keep each valid saved field and repair the rest', () => {
    const saved = { language: 'en', theme: 'purple', presentation: true, sizes: { walkthrough: 9999, details: 'wide' }, collapsed: { details: true }, welcomed: true };
    expect(readPrefs(saved, hints)).toEqual({
      language: 'en',
      theme: 'dark',
      presentation: true,
      sizes: { walkthrough: 560, details: 340, graph: 0.5 },
      collapsed: { walkthrough: false, graph: false, details: true },
      welcomed: true,
    });
  });

  it.each(['{', [], null, undefined, 'en', 42, { sizes: 'wide', collapsed: null }])('survive a damaged entry %j', (saved) => {
    expect(readPrefs(saved, hints).language).toBe('ja');
  });
});

describe('test API', () => {
  it.each([
    ['development', '', true],
    ['test', '', true],
    ['production', '', false],
    ['production', '?testapi', true],
    ['production', '?lang=ja&testapi=1', true],
  ])('mode %s with %j: %s', (mode, search, enabled) => {
    expect(testApiEnabled(mode, search)).toBe(enabled);
  });

  it('exposes the latest snapshot and waits for the lab and its commands', async () => {
    const store = createLabStore(fakeClient().client, prefs);
    const api = createTestApi(store);
    const ready = api.ready();
    void store.getState().start([]);
    expect(await ready).toEqual({ phase: 'ready' });
    void store.getState().runCommands(['slow x']);
    await api.idle();
    expect(api.published()?.output?.command).toBe('slow x');
  });
});

describe('presentation mode', () => {
  it('moves a narrow screen off a panel it hides', () => {
    const store = createLabStore(fakeClient().client, prefs);
    store.getState().setNarrowTab('details');
    store.getState().setPresentation(true);
    expect(store.getState().narrowTab).toBe('terminal');
    store.getState().setNarrowTab('graph');
    store.getState().setPresentation(false);
    expect(store.getState().narrowTab).toBe('graph');
  });
});

describe('share links', () => {
  const withRole = () => {
    const p = published(1);
    Object.assign(p.sim.tables.roles, { app: { RoleName: 'app' } });
    return p;
  };

  it('open at once when the lab is empty', async () => {
    const opened: string[] = [];
    const store = createLabStore(fakeClient({ openShared: async (f) => (opened.push(f), { ok: true, published: published(5) }) }).client, prefs);
    await store.getState().start([]);
    store.getState().arriveShared('#scenario=abc');
    await new Promise((r) => setTimeout(r, 0));
    expect(opened).toEqual(['#scenario=abc']);
    expect(store.getState().sharedWaiting).toBeUndefined();
    expect(store.getState().scrollback.map((e) => e.kind === 'note' && e.note)).toEqual(['shared']);
  });

  it('wait for a yes when the lab has something in it, and a no changes nothing', async () => {
    const opened: string[] = [];
    const store = createLabStore(fakeClient({ init: async () => withRole(), openShared: async (f) => (opened.push(f), { ok: true, published: published(5) }) }).client, prefs);
    await store.getState().start([]);
    store.getState().arriveShared('#scenario=abc');
    expect(store.getState().sharedWaiting).toBe('#scenario=abc');
    store.getState().answerShared(false);
    expect(store.getState().sharedWaiting).toBeUndefined();
    store.getState().arriveShared('#scenario=def');
    store.getState().answerShared(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(opened).toEqual(['#scenario=def']);
    expect(store.getState().published?.stateVersion).toBe(5);
  });

  it('report a broken link in words around the worker\'s reason', async () => {
    const store = createLabStore(fakeClient({ openShared: async () => ({ ok: false, problem: { key: 'share.broken' } }) }).client, prefs);
    await store.getState().start([]);
    await store.getState().openShared('#scenario=%%');
    expect(store.getState().notices.map((n) => n.message)).toEqual([{ source: 'app', key: 'scenario.sharedFailed', values: { problem: { source: 'lab', message: { key: 'share.broken' } } } }]);
  });

  it.each([
    ['#scenario=abc', true],
    ['#scenario=', true],
    ['#s=abc', false],
    ['', false],
  ])('%j is a share link: %s', (hash, expected) => {
    expect(isShareLink(hash)).toBe(expected);
  });

  it('are the page address with the fragment', () => {
    expect(shareUrl({ origin: 'http://127.0.0.1:4173', pathname: '/lab/' }, 'scenario=abc')).toBe('http://127.0.0.1:4173/lab/#scenario=abc');
  });
});
