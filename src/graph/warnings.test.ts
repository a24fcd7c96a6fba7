import { describe, expect, it } from 'vitest';
import { deriveGraph } from './derive';
import { EKS_TRUST, graphSim, warningCodes } from './__tests__/helpers';
import type { GraphWarning } from './types';

const warnings = (sim: { state: Parameters<typeof deriveGraph>[0] }): GraphWarning[] => deriveGraph(sim.state).warnings;

describe('graph warnings', () => {
  it('none for a correct setup: the console EC2 role, its profile, an instance using it', () => {
    const { sim, consoleEc2Role, launch, wait } = graphSim();
    consoleEc2Role('s3-FullAccess');
    launch('s3-FullAccess', 'web');
    wait(5);
    expect(warnings(sim)).toEqual([]);
  });

  it('seed 000: a CLI-made profile is empty; an instance launched with it gets a warning on the instance, the profile and the association', () => {
    const { sim, createProfile, createRole, launch, associationOf, addRole, wait } = graphSim();
    createProfile('sample-profile');
    const id = launch('sample-profile');
    const association = associationOf(id);
    expect(warnings(sim)).toEqual([
      {
        id: `empty-profile-attached:${association}`,
        code: 'empty-profile-attached',
        nodeIds: ['profile:sample-profile', `instance:${id}`],
        edgeIds: [`uses-profile:${association}`],
        params: { instance: id, profile: 'sample-profile' },
      },
    ]);
    // The state of the association does not matter while it is live …
    wait(5);
    expect(warningCodes(deriveGraph(sim.state))).toEqual([`empty-profile-attached profile:sample-profile instance:${id}`]);
    // … and putting a role in the profile fixes it.
    createRole('sample-role');
    sim.ok('iam', 'AttachRolePolicy', { RoleName: 'sample-role', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' });
    addRole('sample-profile', 'sample-role');
    expect(warnings(sim)).toEqual([]);
  });

  it('no empty-profile warning once the association is on its way out', () => {
    const { sim, createProfile, launch, associationOf, wait } = graphSim();
    createProfile('sample-profile');
    const id = launch('sample-profile');
    wait(5);
    sim.ok('ec2', 'DisassociateIamInstanceProfile', { AssociationId: associationOf(id) });
    expect(warnings(sim)).toEqual([]);
  });

  it('seed 002: an EKS role in a profile — EC2 cannot assume it (and it has no permissions either)', () => {
    const { sim, createRole, createProfile, addRole } = graphSim();
    createRole('eks-role', EKS_TRUST);
    createProfile('eks-profile');
    addRole('eks-profile', 'eks-role');
    const contains = 'contains-role:profile:eks-profile->role:eks-role';
    expect(warnings(sim)).toEqual([
      {
        id: 'profile-role-not-trusted-by-ec2:profile:eks-profile',
        code: 'profile-role-not-trusted-by-ec2',
        nodeIds: ['profile:eks-profile', 'role:eks-role'],
        edgeIds: [contains],
        params: { profile: 'eks-profile', role: 'eks-role', trust: 'no-match' },
      },
      {
        id: 'role-without-permissions:role:eks-role',
        code: 'role-without-permissions',
        nodeIds: ['role:eks-role', 'profile:eks-profile'],
        edgeIds: [contains],
        params: { role: 'eks-role' },
      },
    ]);
  });

  it('a role whose trust policy denies EC2 explicitly says so', () => {
    const { sim, createRole, createProfile, addRole, putPolicy } = graphSim();
    createRole('locked', JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
        { Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole' },
      ],
    }));
    putPolicy('locked');
    createProfile('locked');
    addRole('locked', 'locked');
    expect(warnings(sim).map((w) => [w.code, w.params])).toEqual([['profile-role-not-trusted-by-ec2', { profile: 'locked', role: 'locked', trust: 'deny' }]]);
  });

  it('a role EC2 may assume but no profile holds', () => {
    const { sim, createRole, putPolicy } = graphSim();
    createRole('s3access');
    putPolicy('s3access');
    createRole('lambda-role', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }));
    expect(warnings(sim)).toEqual([
      { id: 'ec2-role-without-profile:role:s3access', code: 'ec2-role-without-profile', nodeIds: ['role:s3access'], edgeIds: [], params: { role: 's3access' } },
    ]);
  });

  it('seed 000: a role and a profile with the same name that are not linked (the profile is empty)', () => {
    const { sim, createRole, createProfile, putPolicy } = graphSim();
    createRole('s3access');
    putPolicy('s3access');
    createProfile('s3access');
    expect(warnings(sim)).toEqual([
      { id: 'ec2-role-without-profile:role:s3access', code: 'ec2-role-without-profile', nodeIds: ['role:s3access'], edgeIds: [], params: { role: 's3access' } },
      {
        id: 'same-name-not-linked:role:s3access|profile:s3access',
        code: 'same-name-not-linked',
        nodeIds: ['role:s3access', 'profile:s3access'],
        edgeIds: [],
        params: { role: 's3access', profile: 's3access', profileRole: null },
      },
    ]);
  });

  it('same name ignoring case, with the profile holding another role', () => {
    const { sim, createRole, createProfile, addRole, putPolicy } = graphSim();
    createRole('Web');
    createRole('app');
    putPolicy('Web');
    putPolicy('app');
    createProfile('web');
    addRole('web', 'app');
    expect(warnings(sim)).toEqual([
      { id: 'ec2-role-without-profile:role:Web', code: 'ec2-role-without-profile', nodeIds: ['role:Web'], edgeIds: [], params: { role: 'Web' } },
      {
        id: 'same-name-not-linked:role:Web|profile:web',
        code: 'same-name-not-linked',
        nodeIds: ['role:Web', 'profile:web'],
        edgeIds: [],
        params: { role: 'Web', profile: 'web', profileRole: 'app' },
      },
    ]);
  });

  it('seed 002: deleting the role in the console deletes its profile too; the instance still refers to it', () => {
    const { sim, act, consoleEc2Role, launch, associationOf, wait } = graphSim();
    consoleEc2Role('app');
    const id = launch('app');
    wait(5);
    const { InstanceProfileId, Arn } = sim.state.tables.instanceProfiles.app!;
    act({ type: 'iam.deleteRole', roleName: 'app' });
    const association = associationOf(id);
    expect(warnings(sim)).toEqual([
      {
        id: `association-profile-deleted:${association}`,
        code: 'association-profile-deleted',
        nodeIds: [`deleted-profile:${InstanceProfileId}`, `instance:${id}`],
        edgeIds: [`uses-profile:${association}`],
        params: { instance: id, profile: 'app', profileArn: Arn },
      },
    ]);
  });

  it('a role in a profile with neither managed nor inline policies; one policy of either kind is enough', () => {
    const { sim, createRole, createProfile, addRole, putPolicy } = graphSim();
    for (const name of ['bare', 'inline', 'managed']) {
      createRole(name);
      createProfile(`${name}-profile`);
      addRole(`${name}-profile`, name);
    }
    putPolicy('inline');
    sim.ok('iam', 'AttachRolePolicy', { RoleName: 'managed', PolicyArn: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore' });
    expect(warningCodes(deriveGraph(sim.state))).toEqual(['role-without-permissions role:bare profile:bare-profile']);
  });

  it('sorts warnings by id', () => {
    const { sim, createRole, createProfile, launch } = graphSim();
    createRole('zeta');
    createRole('alpha');
    createProfile('empty');
    launch('empty');
    const ids = warnings(sim).map((w) => w.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids.map((id) => id.split(':')[0])).toEqual(['ec2-role-without-profile', 'ec2-role-without-profile', 'empty-profile-attached']);
  });
});
