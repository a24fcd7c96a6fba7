import { describe, expect, it } from 'vitest';
import type { ConsoleAction } from '../sim';
import { newWorkspace } from '../cli/terminal';
import { chapterById, prepareChapter } from '../lessons';
import { LabHost, MAX_FILE_LENGTH } from './host';
import type { Published } from './protocol';
import { scenarioText } from './scenario';
import { MemoryStorage } from './__tests__/memoryStorage';

/** Storage in memory, optionally slow, that logs each save. */
function memoryStorage(initial?: string, saveDelayMs = 0) {
  const log: string[] = [];
  const store = new MemoryStorage(initial, saveDelayMs, () => log.push('saved'));
  return { store, storage: store, log };
}

function lab(storage = memoryStorage()) {
  const wall = { now: 1_000 };
  const host = new LabHost({ storage: storage.storage, wallClock: () => wall.now, freshWorkspace: () => newWorkspace({ seed: 7 }) });
  const stdout = (p: Published) => (p.output?.chunks ?? []).filter((c) => c.stream === 'stdout').map((c) => c.text).join('');
  return { host, wall, ...storage, stdout };
}

const createRole = (name: string) => `aws iam create-role --role-name ${name} --assume-role-policy-document file://ec2-role-trust-policy.json`;
const createEc2Role: ConsoleAction = { type: 'iam.createServiceRole', useCase: 'ec2', roleName: 'web', managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'], tags: [] };
const frozen = (p: Published) => JSON.stringify(p.sim);

describe('LabHost: commands, persistence and reload', () => {
  it('saves the lab before the command resolves', async () => {
    const { host, log, store } = lab(memoryStorage(undefined, 5));
    await host.init('en');
    const published = await host.run(createRole('web'), 'en');
    log.push('published');
    expect(log).toEqual(['saved', 'published']);
    expect(store.text).toContain('"RoleName":"web"');
    expect(published.output).toMatchObject({ id: 1, prompt: 'learner@iam-lab:~$ ', command: createRole('web'), exitCode: 0 });
    expect(published.events).toEqual([{ kind: 'created', resource: { type: 'role', id: 'web' }, cause: { type: 'request', service: 'iam', operation: 'CreateRole' } }]);
    expect(published.canUndo).toBe(true);
  });

  it('restores exactly what was saved: a new host over the same storage publishes the same lab', async () => {
    const first = lab();
    await first.host.init('en');
    await first.host.run(createRole('web'), 'en');
    await first.host.run('echo hello > greeting.txt', 'en');
    await first.host.run('export TEAM=blue', 'en');
    const last = await first.host.consoleAction(createEc2Role, 'en');
    const saved = { sim: frozen(last), history: last.shell.history, files: last.shell.files, clock: last.clock, prompt: last.shell.prompt };

    const second = lab({ store: first.store, storage: first.storage, log: [] });
    const restored = await second.host.init('en');
    expect({ sim: frozen(restored), history: restored.shell.history, files: restored.shell.files, clock: restored.clock, prompt: restored.shell.prompt }).toEqual(saved);
    expect(await second.host.readFile('greeting.txt')).toBe('hello\n');
    expect(second.stdout(await second.host.run('echo $TEAM', 'en'))).toBe('blue\n');
    expect(restored.canUndo).toBe(false);
  });

  it('writes again only the account tables a change touched; the history of a read-only command is saved all the same', async () => {
    const { host, store } = lab();
    await host.init('en');
    await host.run(createRole('web'), 'en');
    expect(store.written.at(-1)).toEqual(['settings', 'table:roles', 'table:instanceProfiles', 'table:policies', 'table:instances', 'table:associations', 'table:schedule']);
    await host.run('aws iam get-role --role-name web', 'en');
    await host.run('aws iam get-role --role-name nobody', 'en');
    await host.run('echo note > note.txt', 'en');
    expect(store.written.slice(-3)).toEqual([[], [], []]);
    await host.run('aws iam create-instance-profile --instance-profile-name web', 'en');
    expect(store.written.at(-1)).toEqual(['table:instanceProfiles']);
    await host.run('aws iam delete-instance-profile --instance-profile-name web', 'en');
    await host.run('aws iam delete-role --role-name web', 'en');
    expect(store.written.at(-1)).toEqual(['table:roles']);
    await host.undo();
    expect(store.written.at(-1)).toHaveLength(7);
    expect(store.saves).toBe(8);

    const reloaded = await lab({ store, storage: store, log: [] }).host.init('en');
    expect(Object.keys(reloaded.sim.tables.roles)).toEqual(['web']);
    expect(reloaded.sim.tables.instanceProfiles).toEqual({});
    expect(reloaded.shell.history.slice(0, 4)).toEqual([createRole('web'), 'aws iam get-role --role-name web', 'aws iam get-role --role-name nobody', 'echo note > note.txt']);
    expect(reloaded.shell.files).toContain('/home/learner/note.txt');
  });

  it('a reload after partial saves gives back the account exactly, launches and their clock included', async () => {
    const first = lab();
    await first.host.init('en');
    await first.host.run(createRole('web'), 'en');
    await first.host.run('aws iam create-instance-profile --instance-profile-name web-profile', 'en');
    await first.host.run('aws iam add-role-to-instance-profile --instance-profile-name web-profile --role-name web', 'en');
    await first.host.run('aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=web-profile', 'en');
    first.wall.now += 120_000;
    const last = (await first.host.tick()) ?? (await first.host.run('aws sts get-caller-identity', 'en'));
    const reloaded = await lab({ store: first.store, storage: first.store, log: [] }).host.init('en');
    expect(frozen(reloaded)).toBe(frozen(last));
  });

  it('after a failed save, the next one carries the account again', async () => {
    const { host, store } = lab();
    await host.init('en');
    store.failSaves = true;
    expect((await host.run(createRole('web'), 'en')).notice?.key).toBe('storage.saveFailed');
    store.failSaves = false;
    await host.run('aws sts get-caller-identity', 'en');
    expect(store.accountSaves).toBe(1);
    expect(store.text).toContain('"RoleName":"web"');
  });

  it('lets simulated time follow the wall clock between requests', async () => {
    const { host, wall } = lab();
    const start = (await host.init('en')).clock;
    wall.now += 2_500;
    const after = await host.run('true', 'en');
    expect(after.clock - start).toBe(2_500);
    wall.now -= 10_000; // a clock that jumps back never rewinds the lab
    expect((await host.run('true', 'en')).clock).toBe(after.clock);
  });

  it('answers in the language the UI passes', async () => {
    const { host } = lab();
    const en = await host.run('edit', 'en');
    const ja = await host.run('edit', 'ja');
    expect(en.output?.chunks[0]?.text).not.toBe(ja.output?.chunks[0]?.text);
  });

  it('publishes the API requests a command sent and how each ended, whatever reached the screen', async () => {
    const { host } = lab();
    const published = await host.run(`${createRole('web')}; aws iam get-role --role-name nope 2>/dev/null`, 'en');
    expect(published.output?.chunks).toEqual([{ stream: 'stdout', text: expect.stringContaining('"RoleName": "web"') }]);
    expect(published.output?.requests).toEqual([
      { service: 'iam', operation: 'CreateRole', outcome: { ok: true } },
      { service: 'iam', operation: 'GetRole', outcome: { ok: false, error: { service: 'iam', code: 'NoSuchEntity', message: 'The role with name nope cannot be found.', httpStatus: 404 } } },
    ]);
  });

  it('runs requests one after another, in the order they arrive', async () => {
    const { host } = lab(memoryStorage(undefined, 3));
    const results = await Promise.all([host.run(createRole('a'), 'en'), host.run(createRole('b'), 'en'), host.undo()]);
    expect(results.map((r) => r.stateVersion)).toEqual([1, 2, 3]);
    expect(Object.keys(results[2].sim.tables.roles)).toEqual(['a']);
  });
});

describe('LabHost: tick', () => {
  it('publishes associating → associated when the time comes, and nothing before', async () => {
    const { host, wall } = lab();
    await host.init('en');
    await host.run(createRole('web'), 'en');
    await host.run('aws iam create-instance-profile --instance-profile-name web', 'en');
    await host.run('aws iam add-role-to-instance-profile --instance-profile-name web --role-name web', 'en');
    await host.run('aws ec2 run-instances --image-id ami-0abcdef1234567890', 'en');
    wall.now += 10_000;
    expect((await host.tick())?.events).toEqual([{ kind: 'updated', resource: { type: 'instance', id: expect.stringMatching(/^i-/) }, cause: { type: 'clock' } }]);
    const published = await host.run('aws ec2 associate-iam-instance-profile --instance-id $(aws ec2 describe-instances --query "Reservations[0].Instances[0].InstanceId" --output text) --iam-instance-profile Name=web', 'en');
    const [association] = Object.values(published.sim.tables.associations);
    expect(association?.State).toBe('associating');
    wall.now += 1_000;
    expect(await host.tick()).toBeUndefined();
    wall.now += 2_000;
    const ticked = await host.tick();
    expect(ticked?.events).toEqual([{ kind: 'updated', resource: { type: 'iam-instance-profile-association', id: association?.AssociationId }, cause: { type: 'clock' } }]);
    expect(Object.values(ticked?.sim.tables.associations ?? {})[0]?.State).toBe('associated');
  });
});

describe('LabHost: undo', () => {
  it('after a command: the simulator byte for byte, the shell as it was, the history kept', async () => {
    const { host } = lab();
    const before = await host.run(createRole('base'), 'en');
    const state = frozen(before);
    await host.run(`${createRole('extra')} && cd /tmp && echo x > /home/learner/x.txt`, 'en');
    const undone = await host.undo();
    expect(frozen(undone)).toBe(state);
    expect(undone.shell.cwd).toBe('/home/learner');
    expect(undone.shell.files).not.toContain('/home/learner/x.txt');
    expect(undone.shell.history).toHaveLength(2);
    expect(undone.events).toEqual([]);
  });

  it('after a console action: byte for byte, while the calls stay in the history', async () => {
    const { host } = lab();
    const before = await host.init('en');
    const state = frozen(before);
    const acted = await host.consoleAction(createEc2Role, 'en');
    expect(Object.keys(acted.sim.tables.instanceProfiles)).toEqual(['web']);
    const undone = await host.undo();
    expect(frozen(undone)).toBe(state);
    expect(undone.shell.history).toHaveLength(4);
    expect(undone.canUndo).toBe(false);
  });

  it('never rewinds the clock, and takes back what time did since', async () => {
    const { host, wall } = lab();
    await host.run('aws ec2 run-instances --image-id ami-0abcdef1234567890', 'en');
    wall.now += 10_000;
    await host.tick();
    const running = await host.run('true', 'en');
    const state = frozen(running);
    await host.run('aws ec2 terminate-instances --instance-ids $(aws ec2 describe-instances --query "Reservations[0].Instances[0].InstanceId" --output text)', 'en');
    wall.now += 10_000;
    const terminated = await host.tick();
    expect(Object.values(terminated?.sim.tables.instances ?? {})[0]?.State.Name).toBe('terminated');
    const undone = await host.undo();
    expect(undone.clock).toBe(terminated?.clock);
    expect(frozen(undone)).toBe(state);
    // The terminated instance's scheduled expiry went with it: hours later it is still there.
    wall.now += 5 * 3600_000;
    await host.tick();
    const later = await host.run('true', 'en');
    expect(Object.values(later.sim.tables.instances)[0]?.State.Name).toBe('running');
  });

  it('lets transitions of earlier steps come due again at once', async () => {
    const { host, wall } = lab();
    await host.run('aws ec2 run-instances --image-id ami-0abcdef1234567890', 'en');
    await host.run(createRole('later'), 'en');
    wall.now += 10_000;
    await host.tick(); // the launch's pending → running joins the create-role step
    const undone = await host.undo();
    expect(Object.keys(undone.sim.tables.roles)).toEqual([]);
    expect(Object.values(undone.sim.tables.instances)[0]?.State.Name).toBe('running');
    expect(undone.events).toEqual([expect.objectContaining({ kind: 'updated', cause: { type: 'clock' } })]);
  });

  it('skips commands that changed nothing, and keeps at most 50 steps', async () => {
    const { host } = lab();
    for (let i = 0; i < 52; i++) await host.run(createRole(`r${i}`), 'en');
    await host.run('aws iam list-roles', 'en');
    await host.run('ls', 'en');
    let last: Published | undefined;
    for (let i = 0; i < 50; i++) last = await host.undo();
    expect(Object.keys(last?.sim.tables.roles ?? {})).toEqual(['r0', 'r1']);
    expect(last?.canUndo).toBe(false);
    const nothing = await host.undo();
    expect(Object.keys(nothing.sim.tables.roles)).toEqual(['r0', 'r1']);
  });
});

describe('LabHost: reset, export and import', () => {
  it('reset starts a fresh lab and saves it', async () => {
    const { host, store } = lab();
    await host.run(createRole('web'), 'en');
    const reset = await host.reset();
    expect(reset.sim.tables.roles).toEqual({});
    expect(reset.shell.history).toEqual([]);
    expect(reset.canUndo).toBe(false);
    expect(store.text).toBe(scenarioText(newWorkspace({ seed: 7 })));
  });

  it('export then import gives back the same lab', async () => {
    const { host } = lab();
    await host.run(createRole('web'), 'en');
    await host.run('echo note > note.txt', 'en');
    const exported = await host.exportScenario();
    const state = JSON.parse(exported) as { format: string; version: number; workspace: unknown };
    expect([state.format, state.version]).toEqual(['iam-lab-scenario', 1]);
    const snapshot = frozen(await host.run(createRole('after'), 'en'));
    const imported = await host.importScenario(exported);
    if (!imported.ok) throw new Error(imported.problem.key);
    expect(Object.keys(imported.published.sim.tables.roles)).toEqual(['web']);
    expect(imported.published.shell.files).toContain('/home/learner/note.txt');
    expect(imported.published.canUndo).toBe(false);
    expect(frozen(imported.published)).not.toBe(snapshot);
    expect(await host.exportScenario()).toBe(exported);
  });

  const scenario = (workspace: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ format: 'iam-lab-scenario', version: 1, workspace, ...extra });
  const withRole = (mutate: (role: Record<string, unknown>) => void, key = 'web') => {
    const ws = JSON.parse(JSON.stringify(newWorkspace({ seed: 7 }))) as { sim: { tables: { roles: Record<string, unknown> } } };
    const role: Record<string, unknown> = {
      Path: '/', RoleName: 'web', RoleId: 'AROAEXAMPLE1234567890', Arn: 'arn:aws:iam::123456789012:role/web', CreateDate: '2026-01-15T09:00:00Z',
      AssumeRolePolicyDocument: '{}', MaxSessionDuration: 3600, Tags: [], RoleLastUsed: {}, inlinePolicies: {}, attachedPolicyArns: [],
    };
    mutate(role);
    // Defined, not assigned: `__proto__` must become a key, as JSON.parse makes it.
    Object.defineProperty(ws.sim.tables.roles, key, { value: role, enumerable: true, writable: true, configurable: true });
    return ws;
  };
  const payload = '<img src=x onerror=alert(1)>';

  it.each<[string, string, unknown]>([
    ['broken JSON', '{"format": "iam-lab-scenario", ', { key: 'import.notJson', values: { reason: expect.any(String) } }],
    ['a foreign JSON file', '{"name": "my-app", "version": "1.0.0"}', { key: 'import.notAScenario' }],
    ['a JSON array', '[1, 2, 3]', { key: 'import.notAScenario' }],
    ['a bare workspace without the marker', JSON.stringify(newWorkspace()), { key: 'import.notAScenario' }],
    ['a future file version', JSON.stringify({ format: 'iam-lab-scenario', version: 2, workspace: {} }), { key: 'import.newerVersion', values: { version: 2, supported: 1 } }],
    ['a future simulator state', scenario({ ...newWorkspace(), sim: { ...newWorkspace().sim, schemaVersion: 9 } }), { key: 'import.newerVersion', values: { version: 9, supported: 1 } }],
    ['a version that is not a number', JSON.stringify({ format: 'iam-lab-scenario', version: '1', workspace: {} }), { key: 'import.invalid', values: { reason: 'unknown version "1"' } }],
    ['an unknown member', scenario(newWorkspace(), { extra: true }), { key: 'import.invalid', values: { reason: 'unexpected member extra' } }],
    ['a damaged workspace', scenario({ ...newWorkspace(), clock: 'soon' }), { key: 'import.invalid', values: { reason: expect.stringContaining('clock') } }],
    ['markup in a role name', scenario(withRole((r) => Object.assign(r, { RoleName: payload, Arn: `arn:aws:iam::123456789012:role/${payload}` }), payload.toLowerCase())), { key: 'import.invalid', values: { reason: `role name ${JSON.stringify(payload)} is not a valid IAM role name` } }],
    ['a role filed under another key', scenario(withRole(() => undefined, 'other')), { key: 'import.invalid', values: { reason: 'role web is filed under "other"' } }],
    ['a profile holding a role that does not exist', scenario((() => {
      const ws = withRole(() => undefined) as unknown as { sim: { tables: { instanceProfiles: Record<string, unknown> } } };
      ws.sim.tables.instanceProfiles.p = { Path: '/', InstanceProfileName: 'p', InstanceProfileId: 'AIPAEXAMPLE1234567890', Arn: 'arn:aws:iam::123456789012:instance-profile/p', CreateDate: '2026-01-15T09:00:00Z', Tags: [], roleName: 'ghost', createdBy: 'api', visibleToEc2At: 0, roleVisibleToEc2At: 0 };
      return ws;
    })()), { key: 'import.invalid', values: { reason: 'instance profile p holds role ghost, which does not exist' } }],
  ])('refuses %s, changes nothing, saves nothing', async (_, text, problem) => {
    const { host, store } = lab();
    const before = frozen(await host.run(createRole('mine'), 'en'));
    const saves = store.saves;
    expect(await host.importScenario(text)).toEqual({ ok: false, problem });
    expect(store.saves).toBe(saves);
    const after = await host.run('true', 'en');
    expect(frozen(after)).toBe(before);
    expect(after.canUndo).toBe(true);
  });

  it('keeps a valid role name that looks like code as plain data', async () => {
    const { host } = lab();
    const name = '__proto__';
    const imported = await host.importScenario(scenario(withRole((r) => Object.assign(r, { RoleName: name, Arn: `arn:aws:iam::123456789012:role/${name}` }), name)));
    if (!imported.ok) throw new Error(JSON.stringify(imported.problem));
    expect(Object.keys(imported.published.sim.tables.roles)).toEqual([name]);
    expect(JSON.parse((await host.run('aws iam get-role --role-name __proto__ --query Role.RoleName', 'en')).output?.chunks[0]?.text ?? '')).toBe(name);
  });
});

describe('LabHost: walkthrough chapters', () => {
  it('startChapter replaces the lab with the chapter\'s prepared one, built on a fresh lab, and saves it', async () => {
    const { host, store } = lab();
    await host.init('en');
    await host.run(createRole('mine'), 'en');
    const published = await host.startChapter('same-names', 'en');
    const chapter = chapterById('same-names');
    if (!chapter) throw new Error('chapter same-names is missing');
    // The host's fresh lab (seed 7) is the base, so ids follow the learner's random source.
    expect(frozen(published)).toBe(JSON.stringify(prepareChapter(chapter, { seed: 7 }).workspace.sim));
    expect(Object.keys(published.sim.tables.roles)).toEqual(['s3-fullaccess']);
    expect(Object.keys(published.sim.tables.instanceProfiles)).toEqual(['s3-fullaccess']);
    expect(published.shell.history).toEqual([]);
    expect(published.canUndo).toBe(false);
    expect(published.events).toEqual([]);
    expect(store.text).toContain('"RoleName":"s3-FullAccess"');
    expect(store.text).not.toContain('"RoleName":"mine"');
  });

  it('leaves the prepared instances settled (running, or stopped as the scenario asked) and their profiles associated', async () => {
    const { host } = lab();
    await host.init('en');
    const published = await host.startChapter('attach-replace-detach', 'ja');
    const instances = Object.values(published.sim.tables.instances);
    expect(instances.length).toBeGreaterThan(0);
    expect(instances.map((i) => i.State.Name).sort()).toEqual(['running', 'running', 'stopped']);
    expect(Object.values(published.sim.tables.associations).every((a) => a.State === 'associated')).toBe(true);
  });

  it('a chapter without a scenario starts from an empty lab', async () => {
    const { host } = lab();
    await host.init('en');
    await host.run(createRole('mine'), 'en');
    const published = await host.startChapter('console-path', 'en');
    expect(frozen(published)).toBe(JSON.stringify(newWorkspace({ seed: 7 }).sim));
  });

  it('refuses an unknown chapter and changes nothing', async () => {
    const { host } = lab();
    await host.init('en');
    const before = await host.run(createRole('mine'), 'en');
    for (const id of ['no-such-chapter', 'constructor', 42 as unknown as string]) {
      const published = await host.startChapter(id, 'en');
      expect(published.notice?.key).toBe('lab.badRequest');
      expect(frozen(published)).toBe(frozen(before));
      expect(published.canUndo).toBe(true);
    }
  });
});

describe('LabHost: share links', () => {
  it('round trip: the fragment opens the same lab', async () => {
    const { host } = lab();
    await host.consoleAction(createEc2Role, 'en');
    const shared = await host.shareFragment();
    if (!shared.ok) throw new Error(shared.problem.key);
    expect(shared.fragment).toMatch(/^scenario=[A-Za-z0-9+\-$]+$/);
    const exported = await host.exportScenario();
    await host.reset();
    const opened = await host.openShared(`#${shared.fragment}`);
    expect(opened.ok).toBe(true);
    expect(await host.exportScenario()).toBe(exported);
  });

  it.each<[string, (fragment: string) => string, string]>([
    ['cut short', (f) => f.slice(0, Math.floor(f.length / 2)), 'share.broken'],
    ['with characters changed', (f) => f.slice(0, 40) + 'ZZZZZZZZ' + f.slice(48), 'share.broken'],
    ['with a foreign character', (f) => `${f.slice(0, 20)}!${f.slice(21)}`, 'share.broken'],
    ['without its marker', (f) => f.slice('scenario='.length), 'share.broken'],
    ['oversized', (f) => f + 'A'.repeat(100_000), 'share.tooLarge'],
  ])('refuses a fragment %s and changes nothing', async (_, damage, key) => {
    const { host, store } = lab();
    await host.run(createRole('web'), 'en');
    const shared = await host.shareFragment();
    if (!shared.ok) throw new Error(shared.problem.key);
    const saved = store.text;
    const result = await host.openShared(damage(shared.fragment));
    expect(result).toEqual({ ok: false, problem: expect.objectContaining({ key }) });
    expect(store.text).toBe(saved);
  });

  it('reads a link whose `$` was percent-encoded and whose `+` became a space', async () => {
    const { host } = lab();
    await host.run(createRole('web'), 'en');
    for (let i = 0; i < 20; i++) await host.run(`echo ${i} >> log.txt`, 'en');
    const shared = await host.shareFragment();
    if (!shared.ok) throw new Error(shared.problem.key);
    const mangled = shared.fragment.replaceAll('$', '%24').replaceAll('+', ' ');
    expect((await host.openShared(mangled)).ok).toBe(true);
  });
});

describe('LabHost: console actions', () => {
  it('logs every API call as the aws command line that makes it, and adds them to the history', async () => {
    const { host } = lab();
    const published = await host.consoleAction(createEc2Role, 'en');
    const lines = published.console?.calls.map((c) => c.cli) ?? [];
    expect(lines[0]).toMatch(/^aws iam create-role --role-name web --assume-role-policy-document '\{\n {4}"Version": "2012-10-17",[\s\S]*\}' --description 'Allows EC2 instances to call AWS services on your behalf\.' --max-session-duration 3600$/);
    expect(lines.slice(1)).toEqual([
      'aws iam attach-role-policy --role-name web --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
      'aws iam create-instance-profile --instance-profile-name web',
      'aws iam add-role-to-instance-profile --instance-profile-name web --role-name web',
    ]);
    expect(published.shell.history).toEqual(lines);
    expect(published.console).toMatchObject({ id: 1, action: createEc2Role });
    expect(published.console?.error).toBeUndefined();
  });

  it('publishes plain data that survives postMessage, where tables gain a prototype (as the protocol warns)', async () => {
    const { host } = lab();
    const published = await host.consoleAction(createEc2Role, 'en');
    const received = structuredClone(published);
    expect(received).toEqual(published);
    expect(Object.getPrototypeOf(published.sim.tables.roles)).toBeNull();
    expect(Object.getPrototypeOf(received.sim.tables.roles)).toBe(Object.prototype);
  });

  it('reports the error that stopped an action, with the calls made before it', async () => {
    const { host } = lab();
    await host.run('aws iam create-instance-profile --instance-profile-name web', 'en');
    const published = await host.consoleAction(createEc2Role, 'en');
    expect(published.console?.calls.map((c) => c.operation)).toEqual(['CreateRole', 'AttachRolePolicy', 'CreateInstanceProfile']);
    expect(published.console?.error).toMatchObject({ code: 'EntityAlreadyExists', message: 'Instance Profile web already exists.' });
  });

  it.each<[string, unknown]>([
    ['an unknown action', { type: 'iam.explode' }],
    ['a missing list', { type: 'iam.createServiceRole', useCase: 'ec2', roleName: 'web', tags: [] }],
    ['an unknown use case', { ...createEc2Role, useCase: 'mainframe' }],
    ['not an object', 'iam.deleteRole'],
  ])('refuses %s before any API call, with a message key', async (_, action) => {
    const { host, store } = lab();
    const before = frozen(await host.run(createRole('mine'), 'en'));
    const saves = store.saves;
    const published = await host.consoleAction(action as ConsoleAction, 'en');
    expect(published.notice).toEqual({ key: 'lab.badRequest', values: { detail: expect.stringMatching(/^console action/) } });
    expect(frozen(published)).toBe(before);
    expect(published.shell.history).toHaveLength(1);
    expect(store.saves).toBe(saves);
  });
});

describe('LabHost: files for the editor', () => {
  it('reads and writes inside the home folders; the write is an undoable change', async () => {
    const { host, store } = lab();
    expect(await host.readFile('/home/learner/ec2-role-trust-policy.json')).toContain('ec2.amazonaws.com');
    const written = await host.writeFile('policy.json', '{"Version":"2012-10-17"}');
    expect(written.shell.files).toContain('/home/learner/policy.json');
    expect(written.canUndo).toBe(true);
    expect(store.text).toContain('policy.json');
    expect(await host.readFile('~/policy.json')).toBeUndefined(); // the editor passes real paths; `~` is the shell's
    expect(await host.readFile('/home/learner/policy.json')).toBe('{"Version":"2012-10-17"}');
    const undone = await host.undo();
    expect(undone.shell.files).not.toContain('/home/learner/policy.json');
  });

  it.each<[string, string, string, unknown]>([
    ['outside the home folders', '/etc/passwd', 'x', { key: 'files.outsideHome', values: { path: '/etc/passwd' } }],
    ['climbing out of home', '/home/learner/../../etc/hosts', 'x', { key: 'files.outsideHome', values: { path: '/home/learner/../../etc/hosts' } }],
    ['a home folder itself', '/home/learner', 'x', { key: 'files.outsideHome', values: { path: '/home/learner' } }],
    ['a folder', '/home/learner/dir', 'x', { key: 'files.isDirectory', values: { path: '/home/learner/dir' } }],
    ['too much text', '/home/learner/big.txt', 'x'.repeat(MAX_FILE_LENGTH + 1), { key: 'files.tooLarge', values: { path: '/home/learner/big.txt', limit: MAX_FILE_LENGTH } }],
  ])('refuses a write %s', async (_, path, text, notice) => {
    const { host, store } = lab();
    await host.writeFile('/home/learner/dir/inner.txt', 'in a folder');
    const saves = store.saves;
    const published = await host.writeFile(path, text);
    expect(published.notice).toEqual(notice);
    expect(store.saves).toBe(saves);
    expect(await host.readFile(path)).toBe(undefined);
  });
});

describe('LabHost: failures come back as message keys', () => {
  it('starts fresh with a notice when the saved lab cannot be read', async () => {
    const { host } = lab(memoryStorage('{"format":"iam-lab-scenario","version":1,"workspace":{}}'));
    const published = await host.init('en');
    expect(published.notice).toEqual({ key: 'storage.unreadable', values: { reason: expect.stringContaining('workspace') } });
    expect(published.sim.tables.roles).toEqual({});
    expect((await host.init('en')).notice).toBeUndefined();
  });

  it('starts fresh with a notice when the store itself fails', async () => {
    const storage = memoryStorage();
    storage.store.failLoad = true;
    const published = await lab(storage).host.init('en');
    expect(published.notice).toEqual({ key: 'storage.unreadable', values: { reason: 'IndexedDB is blocked' } });
  });

  it('says so when a change could not be saved, and keeps it', async () => {
    const storage = memoryStorage();
    storage.store.failSaves = true;
    const published = await lab(storage).host.run(createRole('web'), 'en');
    expect(published.notice).toEqual({ key: 'storage.saveFailed', values: { reason: 'QuotaExceededError' } });
    expect(Object.keys(published.sim.tables.roles)).toEqual(['web']);
  });

  it('refuses requests that are not what the protocol says', async () => {
    const { host } = lab();
    expect((await host.run(42 as unknown as string, 'en')).notice).toEqual({ key: 'lab.badRequest', values: { detail: 'command is not text' } });
    expect(await host.importScenario(undefined as unknown as string)).toEqual({ ok: false, problem: { key: 'lab.badRequest', values: { detail: 'scenario is not text' } } });
    expect(await host.openShared(null as unknown as string)).toEqual({ ok: false, problem: { key: 'lab.badRequest', values: { detail: 'fragment is not text' } } });
    expect(await host.readFile({} as unknown as string)).toBeUndefined();
    expect(await host.complete(null as unknown as string, 3)).toEqual({ from: 0, candidates: [] });
  });

  it('completes from the current lab', async () => {
    const { host } = lab();
    await host.run(createRole('web'), 'en');
    expect(await host.complete('aws iam get-role --role-name w', 30)).toEqual({ from: 29, candidates: ['web'] });
  });
});
