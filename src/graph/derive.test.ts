import { describe, expect, it } from 'vitest';
import { EC2_TRUST } from '../sim/__tests__/harness';
import { emptyState } from '../sim/core/state';
import { consoleTrustPolicy } from '../sim/console/useCases';
import { findAwsManagedPolicy } from '../sim/iam/awsManagedPolicies';
import { deriveGraph } from './derive';
import { edgeIds, graphSim, nodeIds, S3_POLICY } from './__tests__/helpers';
import type { Graph } from './types';

const S3_FULL = 'arn:aws:iam::aws:policy/AmazonS3FullAccess';

describe('deriveGraph: nodes and edges', () => {
  it('an empty account gives an empty graph', () => {
    expect(deriveGraph(emptyState())).toEqual({ nodes: [], edges: [], warnings: [] });
  });

  it("the console's EC2 role (seed 000): the role, its policy, EC2's trust, and the same-named profile it made silently", () => {
    const { sim, consoleEc2Role, role, profile } = graphSim();
    consoleEc2Role('s3-FullAccess');
    const r = role('s3-FullAccess');
    const p = profile('s3-FullAccess');
    const s3 = findAwsManagedPolicy(S3_FULL)!;
    expect(deriveGraph(sim.state)).toEqual({
      nodes: [
        { kind: 'principal', id: 'principal:service:ec2.amazonaws.com', principalType: 'Service', value: 'ec2.amazonaws.com' },
        {
          kind: 'role',
          id: 'role:s3-FullAccess',
          name: 's3-FullAccess',
          roleId: r.RoleId,
          arn: 'arn:aws:iam::123456789012:role/s3-FullAccess',
          path: '/',
          createDate: '2026-01-15T09:00:00Z',
          description: 'Allows EC2 instances to call AWS services on your behalf.',
          trustPolicy: consoleTrustPolicy('ec2.amazonaws.com'),
          ec2Trust: 'allow',
          tags: [],
        },
        {
          kind: 'managed-policy',
          id: `policy:${S3_FULL}`,
          name: 'AmazonS3FullAccess',
          arn: S3_FULL,
          path: '/',
          awsManaged: true,
          policyId: s3.PolicyId,
          defaultVersionId: s3.DefaultVersionId,
          document: s3.Document,
          tags: [],
        },
        {
          kind: 'instance-profile',
          id: 'profile:s3-FullAccess',
          name: 's3-FullAccess',
          profileId: p.InstanceProfileId,
          arn: 'arn:aws:iam::123456789012:instance-profile/s3-FullAccess',
          path: '/',
          createDate: '2026-01-15T09:00:00Z',
          createdBy: 'console',
          roleName: 's3-FullAccess',
          tags: [],
        },
      ],
      edges: [
        { kind: 'may-assume', id: 'may-assume:principal:service:ec2.amazonaws.com->role:s3-FullAccess', source: 'principal:service:ec2.amazonaws.com', target: 'role:s3-FullAccess', decision: { effect: 'allow', statement: 0 } },
        { kind: 'has-managed-policy', id: `has-managed-policy:role:s3-FullAccess->policy:${S3_FULL}`, source: 'role:s3-FullAccess', target: `policy:${S3_FULL}` },
        { kind: 'contains-role', id: 'contains-role:profile:s3-FullAccess->role:s3-FullAccess', source: 'profile:s3-FullAccess', target: 'role:s3-FullAccess' },
      ],
      warnings: [],
    } satisfies Graph);
  });

  it('the CLI way (seed 000): role, inline policy and a differently named profile, marked as made by the API, linked by add-role-to-instance-profile', () => {
    const { sim, createRole, putPolicy, createProfile, addRole, profile } = graphSim();
    createRole('s3access');
    putPolicy('s3access');
    createProfile('s3access-profile');
    expect(edgeIds(deriveGraph(sim.state))).toEqual([
      'may-assume:principal:service:ec2.amazonaws.com->role:s3access',
      'has-inline-policy:role:s3access->inline:s3access/S3-Permissions',
    ]);
    addRole('s3access-profile', 's3access');
    const graph = deriveGraph(sim.state);
    expect(nodeIds(graph)).toEqual(['principal:service:ec2.amazonaws.com', 'role:s3access', 'inline:s3access/S3-Permissions', 'profile:s3access-profile']);
    expect(graph.nodes[2]).toEqual({ kind: 'inline-policy', id: 'inline:s3access/S3-Permissions', roleName: 's3access', name: 'S3-Permissions', document: S3_POLICY });
    expect(graph.nodes[3]).toEqual({
      kind: 'instance-profile',
      id: 'profile:s3access-profile',
      name: 's3access-profile',
      profileId: profile('s3access-profile').InstanceProfileId,
      arn: 'arn:aws:iam::123456789012:instance-profile/s3access-profile',
      path: '/',
      createDate: '2026-01-15T09:00:00Z',
      createdBy: 'api',
      roleName: 's3access',
      tags: [],
    });
    expect(edgeIds(graph)).toEqual([
      'may-assume:principal:service:ec2.amazonaws.com->role:s3access',
      'has-inline-policy:role:s3access->inline:s3access/S3-Permissions',
      'contains-role:profile:s3access-profile->role:s3access',
    ]);
  });

  it('instances carry their state and Name tag; the association is an edge with its state', () => {
    const { sim, consoleEc2Role, launch, wait, associationOf } = graphSim();
    consoleEc2Role('app');
    const web = launch('app', 'web');
    const bare = launch();
    const association = associationOf(web);
    let graph = deriveGraph(sim.state);
    expect(graph.nodes.filter((n) => n.kind === 'instance')).toEqual(
      [
        { kind: 'instance', id: `instance:${web}`, instanceId: web, name: 'web', state: 'pending', instanceType: 't3.micro', imageId: 'ami-0abcdef1234567890', launchTime: '2026-01-15T09:00:00Z', tags: [{ Key: 'Name', Value: 'web' }] },
        { kind: 'instance', id: `instance:${bare}`, instanceId: bare, name: null, state: 'pending', instanceType: 't3.micro', imageId: 'ami-0abcdef1234567890', launchTime: '2026-01-15T09:00:00Z', tags: [] },
      ].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    const usesEdge = (g: Graph) => g.edges.filter((e) => e.kind === 'uses-profile');
    expect(usesEdge(graph)).toEqual([
      { kind: 'uses-profile', id: `uses-profile:${association}`, source: `instance:${web}`, target: 'profile:app', associationId: association, state: 'associating' },
    ]);

    wait(5);
    graph = deriveGraph(sim.state);
    expect(graph.nodes.filter((n) => n.kind === 'instance').map((n) => n.kind === 'instance' && n.state)).toEqual(['running', 'running']);
    expect(usesEdge(graph).map((e) => e.kind === 'uses-profile' && e.state)).toEqual(['associated']);

    sim.ok('ec2', 'DisassociateIamInstanceProfile', { AssociationId: association });
    expect(usesEdge(deriveGraph(sim.state)).map((e) => e.kind === 'uses-profile' && e.state)).toEqual(['disassociating']);
    wait(5);
    expect(usesEdge(deriveGraph(sim.state))).toEqual([]);
  });

  it('a replaced association is a new edge (a new association id) to the new profile', () => {
    const { sim, consoleEc2Role, launch, wait, associationOf } = graphSim();
    consoleEc2Role('app');
    consoleEc2Role('db');
    const id = launch('app');
    wait(5);
    const old = associationOf(id);
    sim.ok('ec2', 'ReplaceIamInstanceProfileAssociation', { AssociationId: old, IamInstanceProfile: { Name: 'db' } });
    const replaced = associationOf(id);
    expect(replaced).not.toBe(old);
    expect(deriveGraph(sim.state).edges.filter((e) => e.kind === 'uses-profile')).toEqual([
      { kind: 'uses-profile', id: `uses-profile:${replaced}`, source: `instance:${id}`, target: 'profile:db', associationId: replaced, state: 'associating' },
    ]);
  });

  it('an association whose profile was deleted points at a marker for that profile, not at a re-created one of the same name', () => {
    const { sim, act, consoleEc2Role, launch, wait, associationOf, createProfile } = graphSim();
    consoleEc2Role('app');
    const id = launch('app');
    wait(5);
    const { InstanceProfileId, Arn } = sim.state.tables.instanceProfiles.app!;
    act({ type: 'iam.deleteRole', roleName: 'app' });
    createProfile('app');
    const graph = deriveGraph(sim.state);
    expect(nodeIds(graph)).toEqual(['profile:app', `deleted-profile:${InstanceProfileId}`, `instance:${id}`]);
    expect(graph.nodes[1]).toEqual({ kind: 'deleted-profile', id: `deleted-profile:${InstanceProfileId}`, name: 'app', profileId: InstanceProfileId, arn: Arn });
    expect(graph.edges).toEqual([
      { kind: 'uses-profile', id: `uses-profile:${associationOf(id)}`, source: `instance:${id}`, target: `deleted-profile:${InstanceProfileId}`, associationId: associationOf(id), state: 'associated' },
    ]);
  });

  it('principals from every statement, each edge with what the trust policy decides for it', () => {
    const { sim, createRole } = graphSim();
    createRole('mixed', JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com', 'lambda.amazonaws.com'], AWS: '123456789012' }, Action: 'sts:AssumeRole' },
        { Sid: 'NoPartner', Effect: 'Deny', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' },
        { Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity' },
        { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } } },
      ],
    }));
    const graph = deriveGraph(sim.state);
    expect(nodeIds(graph).filter((id) => id.startsWith('principal:'))).toEqual([
      'principal:aws:123456789012',
      'principal:aws:arn:aws:iam::111122223333:root',
      'principal:federated:cognito-identity.amazonaws.com',
      'principal:service:ec2.amazonaws.com',
      'principal:service:ecs-tasks.amazonaws.com',
      'principal:service:lambda.amazonaws.com',
    ]);
    expect(graph.edges.map((e) => [e.source, e.kind === 'may-assume' ? e.decision : undefined])).toEqual([
      ['principal:aws:123456789012', { effect: 'allow', statement: 0 }],
      ['principal:aws:arn:aws:iam::111122223333:root', { effect: 'deny', statement: 1, sid: 'NoPartner' }],
      ['principal:federated:cognito-identity.amazonaws.com', { effect: 'not-evaluated' }],
      ['principal:service:ec2.amazonaws.com', { effect: 'allow', statement: 0 }],
      ['principal:service:ecs-tasks.amazonaws.com', { effect: 'no-match' }],
      ['principal:service:lambda.amazonaws.com', { effect: 'allow', statement: 0 }],
    ]);
  });

  it('one node per principal and per managed policy, however many roles name them; customer managed policies show even when unattached', () => {
    const { sim, createRole } = graphSim();
    createRole('a');
    createRole('b');
    for (const role of ['a', 'b']) sim.ok('iam', 'AttachRolePolicy', { RoleName: role, PolicyArn: S3_FULL });
    const custom = sim.ok<{ Policy: { Arn: string; PolicyId: string } }>('iam', 'CreatePolicy', { PolicyName: 'custom', PolicyDocument: S3_POLICY }).Policy;
    const graph = deriveGraph(sim.state);
    expect(nodeIds(graph)).toEqual(['principal:service:ec2.amazonaws.com', 'role:a', 'role:b', `policy:${custom.Arn}`, `policy:${S3_FULL}`]);
    expect(graph.nodes[3]).toEqual({
      kind: 'managed-policy',
      id: `policy:${custom.Arn}`,
      name: 'custom',
      arn: 'arn:aws:iam::123456789012:policy/custom',
      path: '/',
      awsManaged: false,
      policyId: custom.PolicyId,
      defaultVersionId: 'v1',
      document: S3_POLICY,
      tags: [],
    });
    expect(edgeIds(graph)).toEqual([
      'may-assume:principal:service:ec2.amazonaws.com->role:a',
      'may-assume:principal:service:ec2.amazonaws.com->role:b',
      `has-managed-policy:role:a->policy:${S3_FULL}`,
      `has-managed-policy:role:b->policy:${S3_FULL}`,
    ]);
  });

  it('orders nodes by kind, then by id ignoring case', () => {
    const { sim, createRole, createProfile } = graphSim();
    for (const name of ['Web', 'app', 'db']) createRole(name);
    for (const name of ['Zeta', 'alpha']) createProfile(name);
    expect(nodeIds(deriveGraph(sim.state))).toEqual(['principal:service:ec2.amazonaws.com', 'role:app', 'role:db', 'role:Web', 'profile:alpha', 'profile:Zeta']);
  });

  it('reads a stored document it cannot parse without throwing: no principals, EC2 cannot assume', () => {
    const { sim, createRole } = graphSim();
    createRole('broken', EC2_TRUST);
    sim.state.tables.roles.broken = { ...sim.state.tables.roles.broken!, AssumeRolePolicyDocument: '{"Statement": [' };
    const graph = deriveGraph(sim.state);
    expect(nodeIds(graph)).toEqual(['role:broken']);
    expect(graph.nodes[0]?.kind === 'role' && graph.nodes[0].ec2Trust).toBe('no-match');
    expect(graph.edges).toEqual([]);
  });

  it('names a managed policy the simulator does not know from its ARN (a hand-made snapshot)', () => {
    const { sim, createRole } = graphSim();
    createRole('r');
    const arn = 'arn:aws:iam::aws:policy/service-role/Gone';
    sim.state.tables.roles.r = { ...sim.state.tables.roles.r!, attachedPolicyArns: [arn] };
    expect(deriveGraph(sim.state).nodes.find((n) => n.kind === 'managed-policy')).toEqual({
      kind: 'managed-policy', id: `policy:${arn}`, name: 'Gone', arn, path: '/', awsManaged: true, policyId: null, defaultVersionId: null, document: null, tags: [],
    });
  });

  it('is pure: the same state gives the same graph, and a graph is not changed by later commands', () => {
    const { sim, consoleEc2Role, launch, createRole } = graphSim();
    consoleEc2Role('app');
    launch('app', 'web');
    const first = deriveGraph(sim.state);
    const frozen = JSON.stringify(first);
    expect(JSON.stringify(deriveGraph(sim.state))).toBe(frozen);
    createRole('other');
    sim.ok('iam', 'TagRole', { RoleName: 'app', Tags: [{ Key: 'team', Value: 'web' }] });
    expect(JSON.stringify(first)).toBe(frozen);
  });
});
