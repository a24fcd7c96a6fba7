import { describe, expect, it } from 'vitest';
import { runConsoleAction } from '../../../sim';
import { EC2_TRUST, makeSim } from '../../../sim/__tests__/harness';
import { AWS_MANAGED_POLICIES } from '../../../sim/iam/awsManagedPolicies';
import { findRole, formatDocument, policyChoices, roleNameProblem, roleRows, roleView, searchPolicies, trustedEntities, wizardTags } from './iam';

/** What the UI receives: a structured clone, whose tables have Object's prototype again. */
const published = (sim: ReturnType<typeof makeSim>) => structuredClone(sim.state);

const trust = (...statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

describe('trustedEntities', () => {
  it.each([
    ['a service, as a string', trust({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }), [{ kind: 'service', name: 'ec2' }]],
    [
      'services as the console writes them (arrays), each once',
      trust({ Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com', 'ec2.amazonaws.com'] }, Action: ['sts:AssumeRole'] }, { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }),
      [
        { kind: 'service', name: 'lambda' },
        { kind: 'service', name: 'ec2' },
      ],
    ],
    [
      'accounts by id and by root ARN, other principals by ARN',
      trust({ Effect: 'Allow', Principal: { AWS: ['111122223333', 'arn:aws:iam::444455556666:root', 'arn:aws:iam::123456789012:role/other'] }, Action: 'sts:AssumeRole' }),
      [
        { kind: 'account', id: '111122223333' },
        { kind: 'account', id: '444455556666' },
        { kind: 'arn', arn: 'arn:aws:iam::123456789012:role/other' },
      ],
    ],
    ['a web identity provider', trust({ Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity' }), [{ kind: 'federated', name: 'cognito-identity.amazonaws.com' }]],
    ['everyone, as "*" or AWS "*"', trust({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }, { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }), [{ kind: 'everyone' }]],
    ['Deny statements name nobody trusted', trust({ Effect: 'Deny', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }), []],
    ['a URL-encoded document', encodeURIComponent(EC2_TRUST), [{ kind: 'service', name: 'ec2' }]],
    ['text that is not JSON', '{"Version":', []],
    ['JSON that is not a policy', '[1,2]', []],
  ])('%s', (_name, document, expected) => {
    expect(trustedEntities(document)).toEqual(expected);
  });
});

describe('roles', () => {
  const sim = makeSim();
  for (const name of ['web', 'Constructor', '__proto__', 'Alpha']) sim.ok('iam', 'CreateRole', { RoleName: name, AssumeRolePolicyDocument: EC2_TRUST });
  sim.ok('iam', 'CreateRole', { RoleName: 'fn', AssumeRolePolicyDocument: trust({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }) });
  const state = published(sim);

  it('lists every role in ListRoles order, names like __proto__ and constructor included', () => {
    expect(roleRows(state).map((r) => r.roleName)).toEqual(['__proto__', 'Alpha', 'Constructor', 'fn', 'web']);
    expect(roleRows(state)[1]).toEqual({ roleName: 'Alpha', arn: 'arn:aws:iam::123456789012:role/Alpha', createDate: '2026-01-15T09:00:00Z', trusted: [{ kind: 'service', name: 'ec2' }] });
  });

  it.each([
    ['by name, ignoring case', 'ALP', ['Alpha']],
    ['by trusted service', 'lambda', ['fn']],
    ['blank', '  ', ['__proto__', 'Alpha', 'Constructor', 'fn', 'web']],
    ['nothing matches', 'zzz', []],
  ])('searches %s', (_name, search, names) => {
    expect(roleRows(state, search).map((r) => r.roleName)).toEqual(names);
  });

  it('finds roles by name in any case, and never Object\'s own properties', () => {
    expect(findRole(state, 'CONSTRUCTOR')?.RoleName).toBe('Constructor');
    expect(findRole(state, '__PROTO__')?.RoleName).toBe('__proto__');
    expect(findRole(state, 'toString')).toBeUndefined();
    expect(findRole(state, 'hasOwnProperty')).toBeUndefined();
    expect(roleView(state, 'valueOf')).toBeUndefined();
  });
});

describe('roleView', () => {
  it('shows the instance profile ARN only for a role in a profile (F22), with its policies and tags', () => {
    const sim = makeSim();
    const result = runConsoleAction(
      sim.state,
      { type: 'iam.createServiceRole', useCase: 'ec2', roleName: 's3access', managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'], tags: [{ Key: 'team', Value: 'blue' }] },
      sim.ctx,
    );
    expect(result.error).toBeUndefined();
    sim.ok('iam', 'CreatePolicy', { PolicyName: 'mine', PolicyDocument: trust({ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }), Description: 'My own' });
    sim.ok('iam', 'AttachRolePolicy', { RoleName: 's3access', PolicyArn: 'arn:aws:iam::123456789012:policy/mine' });
    sim.ok('iam', 'PutRolePolicy', { RoleName: 's3access', PolicyName: 'inline1', PolicyDocument: trust({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) });
    sim.ok('iam', 'CreateRole', { RoleName: 'plain', AssumeRolePolicyDocument: EC2_TRUST, MaxSessionDuration: 7200 });

    const view = roleView(published(sim), 'S3ACCESS');
    expect(view).toMatchObject({
      roleName: 's3access',
      arn: 'arn:aws:iam::123456789012:role/s3access',
      description: 'Allows EC2 instances to call AWS services on your behalf.',
      maxSessionDuration: 3600,
      instanceProfileArns: ['arn:aws:iam::123456789012:instance-profile/s3access'],
      inlinePolicyNames: ['inline1'],
      tags: [{ Key: 'team', Value: 'blue' }],
    });
    expect(view?.managedPolicies).toEqual([
      { arn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', name: 'AmazonS3ReadOnlyAccess', type: 'aws', description: 'Provides read only access to all buckets via the AWS Management Console.' },
      { arn: 'arn:aws:iam::123456789012:policy/mine', name: 'mine', type: 'customer', description: 'My own' },
    ]);
    expect(view?.trustPolicy).toBe(JSON.stringify(JSON.parse(view?.trustPolicy ?? ''), null, 4));
    expect(view?.trustPolicy).toContain('"ec2.amazonaws.com"');

    const plain = roleView(published(sim), 'plain');
    expect(plain?.instanceProfileArns).toEqual([]);
    expect(plain?.maxSessionDuration).toBe(7200);
    expect(plain).not.toHaveProperty('description');
  });

  it('lists every profile that holds the role, whatever their names', () => {
    const sim = makeSim();
    sim.ok('iam', 'CreateRole', { RoleName: 'app', AssumeRolePolicyDocument: EC2_TRUST });
    for (const profile of ['b-profile', 'a-profile']) {
      sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: profile });
      sim.ok('iam', 'AddRoleToInstanceProfile', { InstanceProfileName: profile, RoleName: 'app' });
    }
    sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: 'app' });
    expect(roleView(published(sim), 'app')?.instanceProfileArns).toEqual([
      'arn:aws:iam::123456789012:instance-profile/a-profile',
      'arn:aws:iam::123456789012:instance-profile/b-profile',
    ]);
  });
});

describe('formatDocument', () => {
  it('indents JSON by four spaces and leaves other text as it is', () => {
    expect(formatDocument('{"a":[1]}')).toBe('{\n    "a": [\n        1\n    ]\n}');
    expect(formatDocument('not json')).toBe('not json');
  });
});

describe('policy choices', () => {
  const sim = makeSim();
  sim.ok('iam', 'CreatePolicy', { PolicyName: 'AppReadOnly', PolicyDocument: trust({ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }) });
  const choices = policyChoices(published(sim));

  it('offer the AWS managed catalogue and the account\'s customer managed policies, by name', () => {
    expect(choices).toHaveLength(AWS_MANAGED_POLICIES.length + 1);
    expect(choices.map((c) => c.name)).toEqual([...choices.map((c) => c.name)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase(), 'en')));
    expect(choices.find((c) => c.name === 'AppReadOnly')).toEqual({ arn: 'arn:aws:iam::123456789012:policy/AppReadOnly', name: 'AppReadOnly', type: 'customer', description: '' });
  });

  it.each([
    ['by name, ignoring case', 's3read', 'all', ['AmazonS3ReadOnlyAccess']],
    ['by description', 'full access to AWS services', 'all', ['AdministratorAccess']],
    ['customer managed only', '', 'customer', ['AppReadOnly']],
    ['AWS managed only, by name', 'readonly', 'aws', ['AmazonEC2ReadOnlyAccess', 'AmazonS3ReadOnlyAccess', 'ReadOnlyAccess']],
  ] as const)('filter %s', (_name, search, type, names) => {
    expect(searchPolicies(choices, search, type).map((c) => c.name)).toEqual(names);
  });
});

describe('the create role form', () => {
  it.each([
    ['', 'required'],
    ['a'.repeat(65), 'tooLong'],
    ['my role', 'characters'],
    ['ロール', 'characters'],
    ['a'.repeat(64), undefined],
    ['s3access+=,.@-_', undefined],
  ])('role name %j → %s', (name, problem) => {
    expect(roleNameProblem(name)).toBe(problem);
  });

  it('keeps typed tags exactly and drops blank rows', () => {
    expect(wizardTags([{ key: 'team', value: ' blue ' }, { key: '', value: '' }, { key: 'empty', value: '' }])).toEqual([
      { Key: 'team', Value: ' blue ' },
      { Key: 'empty', Value: '' },
    ]);
  });
});
