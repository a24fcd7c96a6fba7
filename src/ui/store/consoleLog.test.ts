import { describe, expect, it } from 'vitest';
import { emptyState, type ConsoleAction } from '../../sim';
import type { ConsoleOutput, Published } from '../../worker/protocol';
import { emptyPublishedGraph } from '../../worker/liveGraph';
import { appendConsoleLog } from './consoleLog';
import { createLabStore, type LabClient } from './labStore';
import { readPrefs } from './prefs';

const published = (stateVersion: number, extra: Partial<Published> = {}): Published => ({
  stateVersion,
  simRevision: stateVersion,
  sim: emptyState(),
  clock: 0,
  shell: { prompt: '$ ', cwd: '/home/learner', history: [], files: [], location: { type: 'local' } },
  events: [],
  graph: emptyPublishedGraph(),
  canUndo: false,
  ...extra,
});

const deleteRole = (roleName: string): ConsoleAction => ({ type: 'iam.deleteRole', roleName });

const consoleOutput = (id: number, action: ConsoleAction): ConsoleOutput => ({
  id,
  action,
  calls: [{ service: 'iam', operation: 'ListInstanceProfilesForRole', params: {}, outcome: { ok: true, response: { InstanceProfiles: [] } }, cli: 'aws iam list-instance-profiles-for-role --role-name x' }],
});

function fakeClient(consoleAction: LabClient['consoleAction']): { client: LabClient; order: string[] } {
  let version = 1;
  const order: string[] = [];
  const client: LabClient = {
    init: async () => published(version),
    run: async (command) => {
      await new Promise((r) => setTimeout(r, 10));
      order.push(command);
      return published(++version);
    },
    consoleAction: async (action, language) => {
      order.push(`${action.type}/${language}`);
      return consoleAction(action, language);
    },
    tick: async () => undefined,
    complete: async () => ({ from: 0, candidates: [] }),
    undo: async () => published(++version),
    reset: async () => published(++version),
    startChapter: async () => published(++version),
    exportScenario: async () => '{}',
    importScenario: async () => ({ ok: true, published: published(++version) }),
    shareFragment: async () => ({ ok: true, fragment: '' }),
    openShared: async () => ({ ok: true, published: published(++version) }),
    moveNodes: async () => published(++version),
    describeNode: async () => undefined,
    readFile: async () => undefined,
    writeFile: async () => published(++version),
  };
  return { client, order };
}

const prefs = readPrefs(null, { languages: ['ja'], prefersDark: false });

describe('console actions in the store', () => {
  it('run after the commands sent before them, resolve to their result and fill the API calls log', async () => {
    const { client, order } = fakeClient(async (action) => published(10, { console: consoleOutput(7, action) }));
    const store = createLabStore(client, prefs);
    await store.getState().start([]);
    void store.getState().runCommands(['aws iam list-roles']);
    const pending = store.getState().consoleAction(deleteRole('web'));
    expect(store.getState().running).toBe(2);
    const result = await pending;
    expect(order).toEqual(['aws iam list-roles', 'iam.deleteRole/ja']);
    expect(result?.id).toBe(7);
    expect(store.getState().published?.stateVersion).toBe(10);
    expect(store.getState().consoleLog.map((o) => o.id)).toEqual([7]);
    expect(store.getState().running).toBe(0);
    store.getState().clearConsoleLog();
    expect(store.getState().consoleLog).toEqual([]);
  });

  it('resolve to undefined and leave the log alone when the worker refuses or fails', async () => {
    const refused = fakeClient(async () => published(3, { notice: { key: 'lab.badRequest', values: { detail: 'console action type: Invalid' } } }));
    const store = createLabStore(refused.client, prefs);
    await store.getState().start([]);
    expect(await store.getState().consoleAction(deleteRole('web'))).toBeUndefined();
    expect(store.getState().consoleLog).toEqual([]);
    expect(store.getState().notices.map((n) => n.tone)).toEqual(['error']);

    const broken = createLabStore(fakeClient(() => Promise.reject(new Error('worker gone'))).client, prefs);
    await broken.getState().start([]);
    expect(await broken.getState().consoleAction(deleteRole('web'))).toBeUndefined();
    expect(broken.getState().notices[0]?.message).toEqual({ source: 'app', key: 'scenario.failed', values: { problem: 'worker gone' } });
    expect(broken.getState().running).toBe(0);
  });
});

describe('appendConsoleLog', () => {
  it('keeps the newest entries up to the limit', () => {
    let log: ConsoleOutput[] = [];
    for (let id = 1; id <= 5; id++) log = appendConsoleLog(log, consoleOutput(id, deleteRole(`r${id}`)), 3);
    expect(log.map((o) => o.id)).toEqual([3, 4, 5]);
  });
});
