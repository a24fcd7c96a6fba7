import { describe, expect, it } from 'vitest';
import type { ConsoleAction } from '../sim';
import { newWorkspace } from '../cli/terminal';
import { LabHost } from './host';
import type { LabApi, Published } from './protocol';
import { MemoryStorage } from './__tests__/memoryStorage';
import { unwireApi, wireApi, type WireApi, type WirePublished } from './wire';

const newHost = () => new LabHost({ storage: new MemoryStorage(), wallClock: () => 1_000, freshWorkspace: () => newWorkspace({ seed: 7 }) });

/** The worker's API as the page reaches it: every answer copied as postMessage copies it, and recorded. */
function overTheWire(host: LabApi): { lab: LabApi; sent: unknown[] } {
  const exposed = wireApi(host);
  const sent: unknown[] = [];
  const copied = Object.fromEntries(
    Object.entries(exposed as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>).map(([name, method]) => [
      name,
      async (...args: unknown[]) => {
        const answer = structuredClone(await method(...args));
        sent.push(answer);
        return answer;
      },
    ]),
  ) as WireApi;
  return { lab: unwireApi(copied), sent };
}

const createRole = (name: string) => `aws iam create-role --role-name ${name} --assume-role-policy-document file://ec2-role-trust-policy.json`;
const lastSent = (sent: unknown[]) => sent.at(-1) as WirePublished;
/** What the page can observe of a snapshot (a copy loses the tables' null prototypes, nothing else). */
const seen = (p: Published) => JSON.parse(JSON.stringify(p)) as unknown;

describe('the wire between the worker and the page', () => {
  it('gives the page exactly what the host published, command after command', async () => {
    const direct = newHost();
    const { lab } = overTheWire(newHost());
    const consoleAction: ConsoleAction = { type: 'iam.createServiceRole', useCase: 'ec2', roleName: 'web', managedPolicyArns: [], tags: [] };
    const steps: ((l: LabApi) => Promise<Published | undefined>)[] = [
      (l) => l.init('en'),
      (l) => l.run(createRole('app'), 'en'),
      (l) => l.run('aws iam get-role --role-name app', 'en'),
      (l) => l.run('aws iam get-role --role-name nobody', 'en'),
      (l) => l.run('echo hi > note.txt', 'en'),
      (l) => l.consoleAction(consoleAction, 'en'),
      (l) => l.moveNodes({ 'role:app': { x: 900, y: 40 } }),
      (l) => l.run('aws sts get-caller-identity', 'en'),
      (l) => l.undo(),
      (l) => l.tick(),
      (l) => l.writeFile('note.txt', 'bye'),
      (l) => l.reset(),
      (l) => l.run('aws iam list-roles', 'en'),
    ];
    for (const step of steps) {
      const expected = await step(direct);
      const received = await step(lab);
      expect(received && seen(received)).toEqual(expected && seen(expected));
    }
  });

  it('leaves the account and the graph behind when a command changed neither, and keeps their identity on the page', async () => {
    const { lab, sent } = overTheWire(newHost());
    const first = await lab.init('en');
    expect(lastSent(sent)).toHaveProperty('sim');
    expect(lastSent(sent)).toHaveProperty('graph');

    const created = await lab.run(createRole('app'), 'en');
    expect(Object.keys(lastSent(sent).sim?.tables.roles ?? {})).toEqual(['app']);
    expect(lastSent(sent).graph?.changes.nodes.created).toContain('role:app');
    expect(created.simRevision).toBeGreaterThan(first.simRevision);

    // The first quiet command still sends the graph once, with its highlights spent; the account stays behind.
    const read = await lab.run('aws iam get-role --role-name app', 'en');
    expect(lastSent(sent)).not.toHaveProperty('sim');
    expect(lastSent(sent).graph?.changes.nodes.created).toEqual([]);
    expect(read.sim).toBe(created.sim);
    expect(read.output?.exitCode).toBe(0);

    const failed = await lab.run('aws iam get-role --role-name nobody', 'en');
    expect(lastSent(sent)).not.toHaveProperty('sim');
    expect(lastSent(sent)).not.toHaveProperty('graph');
    expect(failed.sim).toBe(created.sim);
    expect(failed.graph).toBe(read.graph);
    expect(failed.shell.files).toBe(read.shell.files);
    expect(failed.output?.exitCode).toBe(254);
  });

  it('sends the graph alone when a node was dragged, and both again after an undo or an import', async () => {
    const { lab, sent } = overTheWire(newHost());
    await lab.init('en');
    await lab.run(createRole('app'), 'en');
    const moved = await lab.moveNodes({ 'role:app': { x: 700, y: 20 } });
    expect(lastSent(sent)).not.toHaveProperty('sim');
    expect(lastSent(sent).graph?.positions['role:app']).toEqual({ x: 700, y: 20 });
    expect(moved.graph.positions['role:app']).toEqual({ x: 700, y: 20 });

    const undone = await lab.undo();
    expect(Object.keys(lastSent(sent).sim?.tables.roles ?? {})).toEqual([]);
    expect(undone.graph.nodes).toEqual([]);

    const exported = await new LabHost({ storage: new MemoryStorage(), wallClock: () => 0, freshWorkspace: () => newWorkspace({ seed: 3 }) }).exportScenario();
    const imported = await lab.importScenario(exported);
    expect(imported.ok).toBe(true);
    const wire = lastSent(sent) as unknown as { ok: true; published: WirePublished };
    expect(wire.published).toHaveProperty('sim');
    expect(imported.ok && imported.published.sim.tables.roles).toEqual({});
  });

  it('passes answers that carry no snapshot through untouched', async () => {
    const { lab } = overTheWire(newHost());
    await lab.init('en');
    await lab.run(createRole('app'), 'en');
    expect(await lab.complete('aws iam get-role --role-name a', 30)).toEqual({ from: 29, candidates: ['app'] });
    expect(await lab.readFile('missing.txt')).toBeUndefined();
    expect(await lab.describeNode('role:app')).toMatchObject({ command: 'aws iam get-role --role-name app', exitCode: 0 });
    expect(await lab.importScenario('not json')).toMatchObject({ ok: false, problem: { key: 'import.notJson' } });
  });
});
