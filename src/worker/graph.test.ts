import { describe, expect, it } from 'vitest';
import { newWorkspace } from '../cli/terminal';
import { overlaps } from '../graph/__tests__/helpers';
import { LabHost } from './host';
import type { Published } from './protocol';
import { readScenario } from './scenario';
import { MemoryStorage } from './__tests__/memoryStorage';

/** A lab over storage in memory, with a wall clock the test moves. */
function lab(saved: { text?: string } = {}) {
  const store = new MemoryStorage(saved.text);
  const storage = store;
  const wall = { now: 1_000 };
  const host = new LabHost({ storage, wallClock: () => wall.now, freshWorkspace: () => newWorkspace({ seed: 7 }) });
  return { host, store, wall };
}

// Seed 004's CLI path, as a learner pastes it.
const SEED_004 = [
  'aws iam create-role --role-name s3access --assume-role-policy-document file://ec2-role-trust-policy.json',
  'aws iam put-role-policy --role-name s3access --policy-name S3-Permissions --policy-document file://ec2-role-access-policy.json',
  'aws iam create-instance-profile --instance-profile-name s3access-profile',
  'aws iam add-role-to-instance-profile --instance-profile-name s3access-profile --role-name s3access',
  'aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=s3access-profile',
];
const EC2 = 'principal:service:ec2.amazonaws.com';
const nodeIds = (p: Published) => p.graph.nodes.map((n) => n.id);
const edgeIds = (p: Published) => p.graph.edges.map((e) => e.id);
const instanceIdOf = (p: Published) => Object.keys(p.sim.tables.instances)[0] ?? '';

async function runAll(host: LabHost, lines: readonly string[]): Promise<Published[]> {
  const published: Published[] = [];
  for (const line of lines) published.push(await host.run(line, 'en'));
  return published;
}

describe('LabHost: the live graph', () => {
  it('publishes the graph with every command: nodes, edges, warnings, positions and what changed', async () => {
    const { host } = lab();
    const first = await host.init('en');
    expect(first.graph).toEqual({
      nodes: [],
      edges: [],
      warnings: [],
      positions: {},
      changes: { nodes: { created: [], updated: [], deleted: [] }, edges: { created: [], updated: [], deleted: [] } },
      removed: { nodes: [], edges: [], positions: {} },
    });

    const [role, policy, profile, added, launched] = await runAll(host, SEED_004);
    expect(nodeIds(role!)).toEqual([EC2, 'role:s3access']);
    expect(edgeIds(role!)).toEqual([`may-assume:${EC2}->role:s3access`]);
    expect(role!.graph.changes.nodes.created).toEqual([EC2, 'role:s3access']);
    expect(role!.graph.warnings.map((w) => w.code)).toEqual(['ec2-role-without-profile']);
    expect(Object.keys(role!.graph.positions).sort()).toEqual([EC2, 'role:s3access']);

    expect(policy!.graph.changes.nodes).toEqual({ created: ['inline:s3access/S3-Permissions'], updated: ['role:s3access'], deleted: [] });
    expect(profile!.graph.changes.nodes.created).toEqual(['profile:s3access-profile']);
    expect(added!.graph.changes.edges.created).toEqual(['contains-role:profile:s3access-profile->role:s3access']);
    expect(added!.graph.changes.nodes.updated).toEqual(['profile:s3access-profile']);
    expect(added!.graph.warnings).toEqual([]);

    const instance = `instance:${instanceIdOf(launched!)}`;
    const association = launched!.graph.edges.find((e) => e.kind === 'uses-profile');
    expect(association).toMatchObject({ source: instance, target: 'profile:s3access-profile', state: 'associating' });
    expect(launched!.graph.changes.nodes.created).toEqual([instance]);
    expect(launched!.graph.changes.edges.created).toEqual([association!.id]);
    expect(Object.keys(launched!.graph.positions).sort()).toEqual(nodeIds(launched!).slice().sort());
    expect(overlaps(launched!.graph.positions)).toEqual([]);
  });

  it('a failed command adds nothing to the graph and highlights nothing', async () => {
    const { host } = lab();
    await host.init('en');
    const [created] = await runAll(host, [SEED_004[0]!]);
    const failed = await host.run('aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=s3access', 'en');
    expect(failed.output?.exitCode).toBe(254);
    expect(failed.graph.nodes).toEqual(created!.graph.nodes);
    expect(failed.graph.positions).toEqual(created!.graph.positions);
    expect(failed.graph.changes).toEqual({ nodes: { created: [], updated: [], deleted: [] }, edges: { created: [], updated: [], deleted: [] } });
  });

  it('keeps every node where it was, command after command, and across a reload', async () => {
    const { host, store } = lab();
    await host.init('en');
    let positions = {};
    for (const published of await runAll(host, [...SEED_004, 'aws iam create-role --role-name other --assume-role-policy-document file://ec2-role-trust-policy.json'])) {
      expect(published.graph.positions).toEqual(expect.objectContaining(positions));
      positions = published.graph.positions;
    }
    const reloaded = await lab({ text: store.text }).host.init('en');
    expect(reloaded.graph.positions).toEqual(positions);
    expect(reloaded.graph.changes.nodes.created).toEqual([]);
  });

  it('keeps a dragged node where the learner put it, saves it, and places new nodes around it', async () => {
    const { host, store } = lab();
    await host.init('en');
    await runAll(host, SEED_004.slice(0, 3));
    const before = store.saves;
    const moved = await host.moveNodes({ 'role:s3access': { x: 720, y: 0 }, 'role:gone': { x: 1, y: 1 } });
    expect(store.saves).toBe(before + 1);
    expect(moved.graph.positions['role:s3access']).toEqual({ x: 720, y: 0 });
    expect(moved.graph.positions).not.toHaveProperty('role:gone');
    expect(moved.graph.changes.nodes).toEqual({ created: [], updated: [], deleted: [] });
    expect(moved.canUndo).toBe(true);

    // The role now sits where the profile column starts: the new profile goes elsewhere.
    const next = await host.run('aws iam create-instance-profile --instance-profile-name second', 'en');
    expect(next.graph.positions['role:s3access']).toEqual({ x: 720, y: 0 });
    expect(overlaps(next.graph.positions)).toEqual([]);
    expect((await lab({ text: store.text }).host.init('en')).graph.positions['role:s3access']).toEqual({ x: 720, y: 0 });
  });

  it('refuses positions that are not finite numbers, and saves nothing for ids it does not know', async () => {
    const { host, store } = lab();
    await host.init('en');
    const [created] = await runAll(host, [SEED_004[0]!]);
    const saves = store.saves;
    for (const bad of [{ 'role:s3access': { x: Number.NaN, y: 0 } }, { 'role:s3access': { x: 1, y: 2, z: 3 } }, { 'role:s3access': { x: '1', y: 2 } }, null, 'role:s3access']) {
      const refused = await host.moveNodes(bad as never);
      expect(refused.notice?.key).toBe('lab.badRequest');
      expect(refused.graph.positions).toEqual(created!.graph.positions);
    }
    expect((await host.moveNodes({ 'role:nobody': { x: 5, y: 5 } })).graph.positions).toEqual(created!.graph.positions);
    expect(store.saves).toBe(saves);
  });

  it('fades out what a command deleted, and an undo brings it back to its old place', async () => {
    const { host } = lab();
    await host.init('en');
    const steps = await runAll(host, SEED_004.slice(0, 3));
    const place = steps[2]!.graph.positions['profile:s3access-profile'];
    await host.run('aws iam create-role --role-name later --assume-role-policy-document file://ec2-role-trust-policy.json', 'en');
    const deleted = await host.run('aws iam delete-instance-profile --instance-profile-name s3access-profile', 'en');
    expect(deleted.graph.changes.nodes.deleted).toEqual(['profile:s3access-profile']);
    expect(deleted.graph.removed.nodes.map((n) => n.id)).toEqual(['profile:s3access-profile']);
    expect(deleted.graph.removed.positions).toEqual({ 'profile:s3access-profile': place });
    expect(deleted.graph.positions).not.toHaveProperty('profile:s3access-profile');

    const undone = await host.undo();
    expect(undone.graph.positions['profile:s3access-profile']).toEqual(place);
    expect(undone.graph.changes.nodes.created).toEqual(['profile:s3access-profile']);
    expect(overlaps(undone.graph.positions)).toEqual([]);
  });

  it('starts afresh on reset, and an exported layout comes back with the import', async () => {
    const { host } = lab();
    await host.init('en');
    await runAll(host, SEED_004.slice(0, 2));
    const moved = await host.moveNodes({ 'role:s3access': { x: 2000, y: 500 } });
    const file = await host.exportScenario();
    const read = readScenario(file);
    expect(read.ok && read.layout).toEqual(moved.graph.positions);

    const reset = await host.reset();
    expect(reset.graph.nodes).toEqual([]);
    expect(reset.graph.removed.nodes).toEqual([]);
    const imported = await host.importScenario(file);
    if (!imported.ok) throw new Error(imported.problem.key);
    expect(imported.published.graph.positions).toEqual(moved.graph.positions);
    expect(imported.published.graph.changes.nodes.created).toEqual([]);
  });
});

describe('scenario files: the layout', () => {
  const file = (layout: unknown) => JSON.stringify({ format: 'iam-lab-scenario', version: 1, workspace: newWorkspace(), layout });
  it.each<[string, unknown, string]>([
    ['not an object', [1, 2], 'layout is not an object'],
    ['a coordinate that is not a number', { 'role:a': { x: '1', y: 0 } }, 'layout of "role:a" is not a position'],
    ['a coordinate that is not finite (null in JSON)', { 'role:a': { x: null, y: 0 } }, 'layout of "role:a" is not a position'],
    ['a member too many', { 'role:a': { x: 1, y: 0, z: 2 } }, 'layout of "role:a" is not a position'],
    ['a position that is not an object', { 'role:a': 7 }, 'layout of "role:a" is not a position'],
  ])('refuses a layout that is %s', (_, layout, reason) => {
    expect(readScenario(file(layout))).toEqual({ ok: false, problem: { key: 'import.invalid', values: { reason } } });
  });

  it('reads a layout as plain data, ids like __proto__ included, and no layout as an empty one', () => {
    const read = readScenario(file(JSON.parse('{"__proto__": {"x": 1, "y": 2}, "role:a": {"x": -5, "y": 0.5}}')));
    expect(read.ok && Object.entries(read.layout)).toEqual([['__proto__', { x: 1, y: 2 }], ['role:a', { x: -5, y: 0.5 }]]);
    const none = readScenario(JSON.stringify({ format: 'iam-lab-scenario', version: 1, workspace: newWorkspace() }));
    expect(none.ok && Object.keys(none.layout)).toEqual([]);
  });
});

describe('LabHost: describeNode', () => {
  it('runs the get or describe command of each kind of node, without history or undo', async () => {
    const { host, store } = lab();
    await host.init('en');
    const launched = (await runAll(host, SEED_004)).at(-1)!;
    const saves = store.saves;
    const instanceId = instanceIdOf(launched);
    const policyArn = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
    await host.run(`aws iam attach-role-policy --role-name s3access --policy-arn ${policyArn}`, 'en');
    const history = (await host.run('true', 'en')).shell.history;

    const cases: [string, string, (json: Record<string, unknown>) => unknown][] = [
      ['role:s3access', 'aws iam get-role --role-name s3access', (j) => (j.Role as { RoleName: string }).RoleName],
      ['profile:s3access-profile', 'aws iam get-instance-profile --instance-profile-name s3access-profile', (j) => (j.InstanceProfile as { Roles: { RoleName: string }[] }).Roles[0]?.RoleName],
      [`instance:${instanceId}`, `aws ec2 describe-instances --instance-ids ${instanceId}`, (j) => (j.Reservations as { Instances: { InstanceId: string }[] }[])[0]?.Instances[0]?.InstanceId],
      [`policy:${policyArn}`, `aws iam get-policy --policy-arn ${policyArn}`, (j) => (j.Policy as { PolicyName: string }).PolicyName],
      ['inline:s3access/S3-Permissions', 'aws iam get-role-policy --role-name s3access --policy-name S3-Permissions', (j) => j.PolicyName],
    ];
    for (const [nodeId, command, pick] of cases) {
      const description = await host.describeNode(nodeId);
      expect(description?.command).toBe(command);
      expect(description?.exitCode).toBe(0);
      const json = JSON.parse(description?.output ?? '') as Record<string, unknown>;
      expect(pick(json)).toBe({ 'role:s3access': 's3access', 'profile:s3access-profile': 's3access', 'inline:s3access/S3-Permissions': 'S3-Permissions' }[nodeId] ?? (nodeId.startsWith('instance:') ? instanceId : 'AmazonS3ReadOnlyAccess'));
    }
    expect(await host.describeNode(EC2)).toBeUndefined();
    expect(await host.describeNode('role:nobody')).toBeUndefined();
    expect(await host.describeNode(42 as never)).toBeUndefined();

    const after = await host.run('true', 'en');
    expect(after.shell.history).toEqual([...history, 'true']);
    expect(store.saves).toBe(saves + 3);
    // The last undo step is still the attach-role-policy (`true` changed nothing).
    const undone = await host.undo();
    expect(undone.sim.tables.roles.s3access?.attachedPolicyArns).toEqual([]);
  });

  it('prints JSON whatever output format the learner chose, and shows a deleted profile through the associations that keep it', async () => {
    const { host } = lab();
    await host.init('en');
    const launched = (await runAll(host, [...SEED_004.slice(0, 3), SEED_004[4]!, 'export AWS_DEFAULT_OUTPUT=text'])).at(-2)!;
    const profileId = launched.sim.tables.instanceProfiles['s3access-profile']!.InstanceProfileId;
    expect(JSON.parse((await host.describeNode('profile:s3access-profile'))?.output ?? '')).toHaveProperty('InstanceProfile');

    await host.run('aws iam delete-instance-profile --instance-profile-name s3access-profile', 'en');
    const description = await host.describeNode(`deleted-profile:${profileId}`);
    const associationId = Object.keys(launched.sim.tables.associations)[0];
    expect(description?.command).toBe(`aws ec2 describe-iam-instance-profile-associations --association-ids ${associationId}`);
    const json = JSON.parse(description?.output ?? '') as { IamInstanceProfileAssociations: { IamInstanceProfile: { Id: string } }[] };
    expect(json.IamInstanceProfileAssociations[0]?.IamInstanceProfile.Id).toBe(profileId);
  });

  it('publishes with the next tick what came due while it read', async () => {
    const { host, wall } = lab();
    await host.init('en');
    const launched = (await runAll(host, SEED_004)).at(-1)!;
    const instanceId = instanceIdOf(launched);
    wall.now += 60_000;
    await host.run('echo waiting', 'en'); // the clock moves; no API call settles it
    const description = await host.describeNode(`instance:${instanceId}`);
    expect(description?.output).toContain('"Name": "running"');
    const tick = await host.tick();
    expect(tick?.events.map((e) => `${e.kind} ${e.resource.type}`)).toEqual(expect.arrayContaining(['updated instance', 'updated iam-instance-profile-association']));
    expect(tick?.graph.edges.find((e) => e.kind === 'uses-profile')).toMatchObject({ state: 'associated' });
    expect(tick?.graph.changes.edges.updated).toHaveLength(1);
    expect(await host.tick()).toBeUndefined();
  });
});
