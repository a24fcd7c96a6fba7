import { describe, expect, it } from 'vitest';
import { EC2_TRUST, makeSim } from './__tests__/harness';
import { authorize } from './auth';
import type { ServiceName } from './core/errors';
import { defineOperation, done, type Caller, type OpEnv, type OperationSpec } from './core/operation';

type Sim = ReturnType<typeof makeSim>;

const ACCOUNT = '123456789012';
const SESSION = 'i-0123456789abcdef0';
const reader: Caller = { type: 'assumed-role', roleName: 's3reader', sessionName: SESSION };
const READER_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/s3reader/${SESSION}`;
const ROLE_ARN = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

/** A role `s3reader` with AmazonS3ReadOnlyAccess, plus the statements given as an inline policy. */
function setup(...statements: Record<string, unknown>[]): Sim {
  const sim = makeSim();
  sim.ok('iam', 'CreateRole', { RoleName: 's3reader', AssumeRolePolicyDocument: EC2_TRUST });
  sim.ok('iam', 'AttachRolePolicy', { RoleName: 's3reader', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' });
  if (statements.length) sim.ok('iam', 'PutRolePolicy', { RoleName: 's3reader', PolicyName: 'extra', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: statements }) });
  return sim;
}

function failure(sim: Sim, operation: string, params: Record<string, unknown>, caller: Caller): string {
  const before = JSON.stringify(sim.state);
  const error = sim.fails('iam', operation, params, caller);
  expect(JSON.stringify(sim.state)).toBe(before);
  return `${error.code}: ${error.message}`;
}

describe('authorization through execute', () => {
  it('denies a role with AmazonS3ReadOnlyAccess iam:CreateRole in AWS\'s words', () => {
    const sim = setup();
    expect(failure(sim, 'CreateRole', { RoleName: 'new', AssumeRolePolicyDocument: EC2_TRUST }, reader)).toBe(
      `AccessDenied: User: ${READER_ARN} is not authorized to perform: iam:CreateRole on resource: ${ROLE_ARN('new')} because no identity-based policy allows the iam:CreateRole action`,
    );
    expect(sim.fails('iam', 'GetRole', { RoleName: 's3reader' }, reader).httpStatus).toBe(403);
  });

  it('names an explicit deny', () => {
    const sim = setup({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }, { Effect: 'Deny', Action: 'iam:Delete*', Resource: '*' });
    expect(failure(sim, 'DeleteRole', { RoleName: 's3reader' }, reader)).toBe(
      `AccessDenied: User: ${READER_ARN} is not authorized to perform: iam:DeleteRole on resource: ${ROLE_ARN('s3reader')} with an explicit deny in an identity-based policy`,
    );
  });

  it.each([
    ['ListRoles', {}, `arn:aws:iam::${ACCOUNT}:role/`],
    ['ListPolicies', { PathPrefix: '/app/' }, 'policy path /app/'],
    ['GetPolicy', { PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }, 'arn:aws:iam::aws:policy/AdministratorAccess'],
    ['CreatePolicy', { PolicyName: 'p', Path: '/app/', PolicyDocument: '{}' }, `arn:aws:iam::${ACCOUNT}:policy/app/p`],
    ['AttachRolePolicy', { RoleName: 'missing', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }, ROLE_ARN('missing')],
  ])('checks %s on its resource, before the request is looked at', (operation, params, resource) => {
    expect(failure(setup(), operation, params, reader)).toBe(
      `AccessDenied: User: ${READER_ARN} is not authorized to perform: iam:${operation} on resource: ${resource} because no identity-based policy allows the iam:${operation} action`,
    );
  });

  it('lets an allowed request through and records the role\'s last use', () => {
    const sim = setup({ Effect: 'Allow', Action: ['iam:Get*', 'iam:List*'], Resource: '*' });
    sim.advance(90);
    const result = sim.run('iam', 'GetRole', { RoleName: 's3reader' }, reader);
    expect(result.outcome.ok).toBe(true);
    expect(sim.state.tables.roles.s3reader?.RoleLastUsed).toEqual({ LastUsedDate: '2026-01-15T09:01:30Z', Region: 'us-east-1' });
    expect(result.events).toEqual([{ kind: 'updated', resource: { type: 'role', id: 's3reader' }, cause: { type: 'request', service: 'iam', operation: 'GetRole' } }]);
    expect(sim.ok<{ Role: { RoleLastUsed: unknown } }>('iam', 'GetRole', { RoleName: 's3reader' }).Role.RoleLastUsed).toEqual({ LastUsedDate: '2026-01-15T09:01:30Z', Region: 'us-east-1' });
  });

  it('records the last use on top of the request\'s own change to the role', () => {
    const sim = setup({ Effect: 'Allow', Action: 'iam:TagRole', Resource: ROLE_ARN('s3reader') });
    sim.ok('iam', 'TagRole', { RoleName: 's3reader', Tags: [{ Key: 'k', Value: 'v' }] }, reader);
    expect(sim.state.tables.roles.s3reader).toMatchObject({ Tags: [{ Key: 'k', Value: 'v' }], RoleLastUsed: { LastUsedDate: '2026-01-15T09:00:00Z' } });
  });

  it('gives the learner full rights and records nothing', () => {
    const sim = setup();
    sim.ok('iam', 'CreateRole', { RoleName: 'new', AssumeRolePolicyDocument: EC2_TRUST });
    expect(sim.state.tables.roles.s3reader?.RoleLastUsed).toEqual({});
  });

  it('refuses a session whose role was deleted', () => {
    const sim = setup();
    sim.ok('iam', 'DetachRolePolicy', { RoleName: 's3reader', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' });
    sim.ok('iam', 'DeleteRole', { RoleName: 's3reader' });
    expect(failure(sim, 'ListRoles', {}, reader)).toBe('InvalidClientTokenId: The security token included in the request is invalid.');
  });
});

describe('authorize, service by service', () => {
  const runInstances = defineOperation({
    service: 'ec2',
    name: 'RunInstances',
    extraPermissions: (input: { role?: string }) => (input.role ? [{ action: 'iam:PassRole', resource: ROLE_ARN(input.role) }] : []),
    handler: () => done({}),
  });
  const getCallerIdentity = defineOperation({ service: 'sts', name: 'GetCallerIdentity', handler: () => done({}) });
  const assumeRole = defineOperation({ service: 'sts', name: 'AssumeRole', resource: () => ROLE_ARN('admin'), handler: () => done({}) });
  const tagResources = defineOperation({ service: 'resourcegroupstaggingapi', name: 'TagResources', handler: () => done({}) });

  const check = (sim: Sim, service: ServiceName, operation: OperationSpec<never, unknown>, input: unknown = {}, caller: Caller = reader) => {
    const env: OpEnv = { state: sim.state, now: sim.now(), random: sim.ctx.random, caller, origin: 'cli' };
    const error = authorize(service, operation, input, env);
    return error && `${error.code}: ${error.message}`;
  };

  it('words an EC2 denial with an encoded failure message that is the same for the same failure', () => {
    const sim = setup();
    const message = check(sim, 'ec2', runInstances);
    const prefix = `UnauthorizedOperation: You are not authorized to perform this operation. User: ${READER_ARN} is not authorized to perform: ec2:RunInstances on resource: * because no identity-based policy allows the ec2:RunInstances action. Encoded authorization failure message: `;
    expect(message?.startsWith(prefix)).toBe(true);
    expect(message?.slice(prefix.length)).toMatch(/^[A-Za-z0-9_-]{344}$/);
    expect(check(sim, 'ec2', runInstances)).toBe(message);
    const otherSession: Caller = { ...reader, sessionName: 'i-0fedcba9876543210' };
    expect(check(sim, 'ec2', runInstances, {}, otherSession)).not.toContain(message?.slice(prefix.length));
  });

  it('checks further permissions after the operation\'s own action', () => {
    const sim = setup({ Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' });
    expect(check(sim, 'ec2', runInstances)).toBeUndefined();
    expect(check(sim, 'ec2', runInstances, { role: 'web' })).toMatch(
      new RegExp(`^UnauthorizedOperation: You are not authorized to perform this operation\\. User: ${READER_ARN} is not authorized to perform: iam:PassRole on resource: ${ROLE_ARN('web')} because no identity-based policy allows the iam:PassRole action\\. Encoded authorization failure message: [A-Za-z0-9_-]+$`),
    );
  });

  it('words STS and tagging denials as IAM does, and always allows GetCallerIdentity', () => {
    const sim = setup({ Effect: 'Deny', Action: 'sts:*', Resource: '*' });
    expect(check(sim, 'sts', assumeRole)).toBe(
      `AccessDenied: User: ${READER_ARN} is not authorized to perform: sts:AssumeRole on resource: ${ROLE_ARN('admin')} with an explicit deny in an identity-based policy`,
    );
    expect(check(sim, 'sts', getCallerIdentity)).toBeUndefined();
    expect(check(sim, 'resourcegroupstaggingapi', tagResources)).toBe(
      `AccessDeniedException: User: ${READER_ARN} is not authorized to perform: tag:TagResources on resource: * because no identity-based policy allows the tag:TagResources action`,
    );
  });

  it.each([
    ['iam', 'InvalidClientTokenId: The security token included in the request is invalid.'],
    ['sts', 'InvalidClientTokenId: The security token included in the request is invalid.'],
    ['ec2', 'AuthFailure: AWS was not able to validate the provided access credentials'],
    ['resourcegroupstaggingapi', 'UnrecognizedClientException: The security token included in the request is invalid.'],
  ] as const)('refuses a session of a missing role in %s', (service, expected) => {
    const ghost: Caller = { type: 'assumed-role', roleName: 'ghost', sessionName: 's' };
    expect(check(setup(), service, getCallerIdentity, {}, ghost)).toBe(expected);
  });

  it('gives the learner every right', () => {
    expect(check(setup(), 'ec2', runInstances, { role: 'web' }, { type: 'user' })).toBeUndefined();
  });
});
