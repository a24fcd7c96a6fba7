import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../sim/core/changes';
import { deriveGraph } from './derive';
import { diffGraph, eventTarget, graphChanges } from './highlight';
import { graphSim } from './__tests__/helpers';

const S3_FULL = 'arn:aws:iam::aws:policy/AmazonS3FullAccess';
const EC2 = 'principal:service:ec2.amazonaws.com';

/** Runs `step` and returns the highlight data it produces, as the worker would after a command. */
function changesOf(env: ReturnType<typeof graphSim>, step: () => SimEvent[]) {
  const before = deriveGraph(env.sim.state);
  const events = step();
  return graphChanges(before, deriveGraph(env.sim.state), events);
}

const lastEvents = (env: ReturnType<typeof graphSim>): SimEvent[] => env.sim.last()?.events ?? [];

describe('eventTarget: simulator resources → graph ids', () => {
  const rows: [SimEvent['resource'], ReturnType<typeof eventTarget>][] = [
    [{ type: 'role', id: 's3access' }, { node: 'role:s3access' }],
    [{ type: 'instance-profile', id: 's3access-profile' }, { node: 'profile:s3access-profile' }],
    [{ type: 'policy', id: 'arn:aws:iam::123456789012:policy/custom' }, { node: 'policy:arn:aws:iam::123456789012:policy/custom' }],
    [{ type: 'instance', id: 'i-0123456789abcdef0' }, { node: 'instance:i-0123456789abcdef0' }],
    [{ type: 'iam-instance-profile-association', id: 'iip-assoc-0123456789abcdef0' }, { edge: 'uses-profile:iip-assoc-0123456789abcdef0' }],
  ];
  it.each(rows)('%j', (resource, expected) => {
    expect(eventTarget(resource)).toEqual(expected);
  });
});

describe('graphChanges: what to highlight and what to fade after a command', () => {
  it("the console's EC2 role: everything it made is new, nothing is merely updated", () => {
    const env = graphSim();
    const changes = changesOf(env, () => env.consoleEc2Role('s3-FullAccess').events);
    expect(changes).toEqual({
      nodes: { created: [EC2, 'role:s3-FullAccess', `policy:${S3_FULL}`, 'profile:s3-FullAccess'], updated: [], deleted: [] },
      edges: {
        created: [
          `may-assume:${EC2}->role:s3-FullAccess`,
          `has-managed-policy:role:s3-FullAccess->policy:${S3_FULL}`,
          'contains-role:profile:s3-FullAccess->role:s3-FullAccess',
        ],
        updated: [],
        deleted: [],
      },
    });
  });

  it('put-role-policy: the new inline policy is created (found by the diff), the role is updated (from its event)', () => {
    const env = graphSim();
    env.createRole('s3access');
    const changes = changesOf(env, () => {
      env.putPolicy('s3access');
      return lastEvents(env);
    });
    expect(lastEvents(env).map((e) => `${e.kind} ${e.resource.type} ${e.resource.id}`)).toEqual(['updated role s3access']);
    expect(changes.nodes).toEqual({ created: ['inline:s3access/S3-Permissions'], updated: ['role:s3access'], deleted: [] });
    expect(changes.edges).toEqual({ created: ['has-inline-policy:role:s3access->inline:s3access/S3-Permissions'], updated: [], deleted: [] });
  });

  it('detach-role-policy: the policy node fades out with its edge', () => {
    const env = graphSim();
    env.consoleEc2Role('app');
    const changes = changesOf(env, () => {
      env.sim.ok('iam', 'DetachRolePolicy', { RoleName: 'app', PolicyArn: S3_FULL });
      return lastEvents(env);
    });
    expect(changes.nodes).toEqual({ created: [], updated: ['role:app'], deleted: [`policy:${S3_FULL}`] });
    expect(changes.edges).toEqual({ created: [], updated: [], deleted: [`has-managed-policy:role:app->policy:${S3_FULL}`] });
  });

  it('tag-role: the role is updated', () => {
    const env = graphSim();
    env.createRole('app');
    const changes = changesOf(env, () => {
      env.sim.ok('iam', 'TagRole', { RoleName: 'app', Tags: [{ Key: 'team', Value: 'web' }] });
      return lastEvents(env);
    });
    expect(changes.nodes).toEqual({ created: [], updated: ['role:app'], deleted: [] });
  });

  it('an association through its life: created with the instance, updated by the clock, then faded out', () => {
    const env = graphSim();
    env.consoleEc2Role('app');
    let id = '';
    let changes = changesOf(env, () => {
      id = env.launch('app');
      return lastEvents(env);
    });
    const association = env.associationOf(id);
    const edge = `uses-profile:${association}`;
    expect(changes.nodes).toEqual({ created: [`instance:${id}`], updated: [], deleted: [] });
    expect(changes.edges).toEqual({ created: [edge], updated: [], deleted: [] });

    changes = changesOf(env, () => env.wait(5).events);
    expect(changes.nodes).toEqual({ created: [], updated: [`instance:${id}`], deleted: [] });
    expect(changes.edges).toEqual({ created: [], updated: [edge], deleted: [] });

    changes = changesOf(env, () => {
      env.sim.ok('ec2', 'DisassociateIamInstanceProfile', { AssociationId: association });
      return lastEvents(env);
    });
    expect(changes.edges).toEqual({ created: [], updated: [edge], deleted: [] });
    changes = changesOf(env, () => env.wait(5).events);
    expect(changes).toEqual({ nodes: { created: [], updated: [`instance:${id}`], deleted: [] }, edges: { created: [], updated: [], deleted: [edge] } });
  });

  it('deleting a role in the console fades the role, its profile, its policy and EC2; the instance now points at a deleted-profile marker', () => {
    const env = graphSim();
    env.consoleEc2Role('app');
    const id = env.launch('app');
    env.wait(5);
    const profileId = env.profile('app').InstanceProfileId;
    const association = env.associationOf(id);
    const changes = changesOf(env, () => env.act({ type: 'iam.deleteRole', roleName: 'app' }).events);
    expect(changes.nodes).toEqual({ created: [`deleted-profile:${profileId}`], updated: [], deleted: [EC2, 'role:app', `policy:${S3_FULL}`, 'profile:app'] });
    expect(changes.edges).toEqual({
      created: [],
      updated: [`uses-profile:${association}`],
      deleted: [`may-assume:${EC2}->role:app`, `has-managed-policy:role:app->policy:${S3_FULL}`, 'contains-role:profile:app->role:app'],
    });
  });

  it('a failed command changes nothing and highlights nothing', () => {
    const env = graphSim();
    env.createRole('app');
    const changes = changesOf(env, () => {
      env.sim.fails('iam', 'CreateRole', { RoleName: 'app', AssumeRolePolicyDocument: '{}' });
      return lastEvents(env);
    });
    expect(changes).toEqual({ nodes: { created: [], updated: [], deleted: [] }, edges: { created: [], updated: [], deleted: [] } });
  });

  it('without a previous graph (the first publish), the events alone decide', () => {
    const env = graphSim();
    env.createRole('old');
    env.createProfile('gone');
    env.sim.ok('iam', 'DeleteInstanceProfile', { InstanceProfileName: 'gone' });
    const deleted = lastEvents(env);
    const created = env.consoleEc2Role('app').events;
    env.putPolicy('old');
    const updated = lastEvents(env);
    const changes = graphChanges(undefined, deriveGraph(env.sim.state), [...deleted, ...created, ...updated]);
    expect(changes.nodes).toEqual({ created: ['role:app', 'profile:app'], updated: ['role:old'], deleted: ['profile:gone'] });
    expect(changes.edges).toEqual({ created: [], updated: [], deleted: [] });
  });

  it('a resource deleted and re-made alike in one command is updated, not created', () => {
    const env = graphSim();
    env.createProfile('p');
    const before = deriveGraph(env.sim.state);
    env.sim.ok('iam', 'DeleteInstanceProfile', { InstanceProfileName: 'p' });
    const events = lastEvents(env);
    env.createProfile('p');
    const after = deriveGraph(env.sim.state);
    expect(graphChanges(before, after, [...events, ...lastEvents(env)]).nodes).toEqual({ created: [], updated: ['profile:p'], deleted: [] });
  });
});

describe('diffGraph', () => {
  it('compares node and edge data: a profile that gained a role is updated, the contains edge created', () => {
    const env = graphSim();
    env.createRole('r');
    env.createProfile('p');
    const before = deriveGraph(env.sim.state);
    env.addRole('p', 'r');
    expect(diffGraph(before, deriveGraph(env.sim.state))).toEqual({
      nodes: { created: [], updated: ['profile:p'], deleted: [] },
      edges: { created: ['contains-role:profile:p->role:r'], updated: [], deleted: [] },
    });
  });

  it('finds nothing between two derivations of the same state', () => {
    const env = graphSim();
    env.consoleEc2Role('app');
    env.launch('app');
    expect(diffGraph(deriveGraph(env.sim.state), deriveGraph(env.sim.state))).toEqual({
      nodes: { created: [], updated: [], deleted: [] },
      edges: { created: [], updated: [], deleted: [] },
    });
  });
});
