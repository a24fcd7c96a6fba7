import { describe, expect, it } from 'vitest';
import { EC2_TRUST, makeSim } from '../__tests__/harness';
import { evaluate, evaluateRole, rolePolicies, wildcardMatch, type EvaluablePolicy, type PolicySource } from './evaluate';
import { parseIdentityPolicy } from './policyDocument';

const inline = (policyName: string): PolicySource => ({ type: 'inline', roleName: 'web', policyName });

function policy(policyName: string, ...statements: Record<string, unknown>[]): EvaluablePolicy {
  const parsed = parseIdentityPolicy(JSON.stringify({ Version: '2012-10-17', Statement: statements }));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { source: inline(policyName), statements: parsed.value.statements };
}

const BUCKET = 'arn:aws:s3:::uploads';

describe('evaluate', () => {
  const readS3 = policy('read', { Sid: 'Read', Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' });
  const denyUploads = policy('guard', { Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }, { Sid: 'NoUploads', Effect: 'Deny', Action: 's3:*', Resource: `${BUCKET}/*` });

  it.each([
    ['a wildcard action', [readS3], 's3:GetObject', `${BUCKET}/a.txt`, { effect: 'allow', decidedBy: { source: inline('read'), statementIndex: 0, sid: 'Read' } }],
    ['an action in another case', [readS3], 'S3:getobject', '*', { effect: 'allow', decidedBy: { source: inline('read'), statementIndex: 0, sid: 'Read' } }],
    ['an explicit deny over an allow', [readS3, denyUploads], 's3:GetObject', `${BUCKET}/a.txt`, { effect: 'explicit-deny', decidedBy: { source: inline('guard'), statementIndex: 1, sid: 'NoUploads' } }],
    ['an allow the deny does not cover', [readS3, denyUploads], 's3:GetObject', 'arn:aws:s3:::other/a.txt', { effect: 'allow', decidedBy: { source: inline('read'), statementIndex: 0, sid: 'Read' } }],
    ['no matching statement', [readS3, denyUploads], 'iam:CreateRole', 'arn:aws:iam::123456789012:role/x', { effect: 'implicit-deny' }],
    ['no policy at all', [], 's3:GetObject', '*', { effect: 'implicit-deny' }],
  ])('decides %s', (_case, policies, action, resource, decision) => {
    expect(evaluate(policies, { action, resource })).toEqual(decision);
  });

  it('reads NotAction and NotResource as everything but the list', () => {
    const poweruser = [policy('power', { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' })];
    expect(evaluate(poweruser, { action: 'ec2:RunInstances', resource: '*' }).effect).toBe('allow');
    expect(evaluate(poweruser, { action: 'iam:CreateRole', resource: '*' }).effect).toBe('implicit-deny');
    const notResource = [policy('others', { Effect: 'Deny', Action: 's3:*', NotResource: [`${BUCKET}`, `${BUCKET}/*`] }), policy('all', { Effect: 'Allow', Action: '*', Resource: '*' })];
    expect(evaluate(notResource, { action: 's3:PutObject', resource: `${BUCKET}/x` }).effect).toBe('allow');
    expect(evaluate(notResource, { action: 's3:PutObject', resource: 'arn:aws:s3:::secrets/x' }).effect).toBe('explicit-deny');
  });

  it('matches resources case-sensitively and needs `*` for actions without resource-level permissions', () => {
    const bucketOnly = [policy('b', { Effect: 'Allow', Action: 's3:*', Resource: `${BUCKET}/*` })];
    expect(evaluate(bucketOnly, { action: 's3:PutObject', resource: 'arn:aws:s3:::UPLOADS/x' }).effect).toBe('implicit-deny');
    expect(evaluate(bucketOnly, { action: 's3:ListAllMyBuckets', resource: '*' }).effect).toBe('implicit-deny');
  });

  it('never matches a statement with a Condition, to allow or to deny', () => {
    const conditional = [
      policy('c', { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*', Condition: { StringLike: { 'iam:PassedToService': 'ec2.amazonaws.com' } } }),
      policy('d', { Effect: 'Allow', Action: 's3:*', Resource: '*' }, { Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    ];
    expect(evaluate(conditional, { action: 'iam:PassRole', resource: 'arn:aws:iam::123456789012:role/web' }).effect).toBe('implicit-deny');
    expect(evaluate(conditional, { action: 's3:GetObject', resource: '*' }).effect).toBe('allow');
  });
});

describe('wildcardMatch', () => {
  it.each([
    ['*', 'anything', true],
    ['s3:Get*', 's3:GetObject', true],
    ['s3:Get*', 's3:PutObject', false],
    ['ec2:*Instances', 'ec2:RunInstances', true],
    ['ec2:*Instances', 'ec2:RunInstance', false],
    ['arn:aws:s3:::b/??.txt', 'arn:aws:s3:::b/ab.txt', true],
    ['arn:aws:s3:::b/??.txt', 'arn:aws:s3:::b/abc.txt', false],
    ['a*b*c', 'aXbYbZc', true],
    ['a*b*c', 'aXbYbZ', false],
    ['', '', true],
  ])('%s against %s is %s', (pattern, value, expected) => {
    expect(wildcardMatch(pattern, value, false)).toBe(expected);
  });
});

describe('a role\'s policies', () => {
  it('evaluates inline policies and attached AWS and customer managed policies, naming the deciding one', () => {
    const sim = makeSim();
    sim.ok('iam', 'CreateRole', { RoleName: 'web', AssumeRolePolicyDocument: EC2_TRUST });
    sim.ok('iam', 'PutRolePolicy', { RoleName: 'web', PolicyName: 'no-delete', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Deny', Action: 's3:Delete*', Resource: '*' } }) });
    sim.ok('iam', 'AttachRolePolicy', { RoleName: 'web', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess' });
    sim.ok('iam', 'CreatePolicy', { PolicyName: 'logs', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'logs:*', Resource: '*' } }) });
    sim.ok('iam', 'AttachRolePolicy', { RoleName: 'web', PolicyArn: 'arn:aws:iam::123456789012:policy/logs' });
    const role = sim.state.tables.roles.web;
    if (!role) throw new Error('no role');
    expect(rolePolicies(sim.state, role).map((p) => p.source)).toEqual([
      { type: 'inline', roleName: 'web', policyName: 'no-delete' },
      { type: 'managed', policyArn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess', policyName: 'AmazonS3FullAccess', versionId: 'v2', awsManaged: true },
      { type: 'managed', policyArn: 'arn:aws:iam::123456789012:policy/logs', policyName: 'logs', versionId: 'v1', awsManaged: false },
    ]);
    expect(evaluateRole(sim.state, role, { action: 's3:PutObject', resource: `${BUCKET}/a` })).toMatchObject({ effect: 'allow', decidedBy: { source: { policyName: 'AmazonS3FullAccess' }, statementIndex: 0 } });
    expect(evaluateRole(sim.state, role, { action: 's3:DeleteObject', resource: `${BUCKET}/a` })).toMatchObject({ effect: 'explicit-deny', decidedBy: { source: { policyName: 'no-delete' } } });
    expect(evaluateRole(sim.state, role, { action: 'logs:PutLogEvents', resource: '*' })).toMatchObject({ effect: 'allow', decidedBy: { source: { policyName: 'logs' } } });
    expect(evaluateRole(sim.state, role, { action: 'ec2:RunInstances', resource: '*' })).toEqual({ effect: 'implicit-deny' });
  });

  it('lets a document that no longer parses grant nothing', () => {
    const sim = makeSim();
    sim.ok('iam', 'CreateRole', { RoleName: 'web', AssumeRolePolicyDocument: EC2_TRUST });
    const role = sim.state.tables.roles.web;
    if (!role) throw new Error('no role');
    const imported = { ...role, inlinePolicies: { broken: '{"Statement":' } };
    expect(rolePolicies(sim.state, imported)).toEqual([{ source: { type: 'inline', roleName: 'web', policyName: 'broken' }, statements: [] }]);
  });
});
