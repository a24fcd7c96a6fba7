import { describe, expect, it } from 'vitest';
import { KNOWN_SERVICE_PRINCIPALS, parseIdentityPolicy, parseTrustPolicy, policySize, type PrincipalContext } from './policyDocument';

const ACCOUNT = '123456789012';
const context: PrincipalContext = { accountId: ACCOUNT, roleExists: (arn) => arn === `arn:aws:iam::${ACCOUNT}:role/Existing` };

const doc = (statement: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ Version: '2012-10-17', ...extra, Statement: statement });
const allow = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };
const trust = { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' };

const messageOf = (result: ReturnType<typeof parseIdentityPolicy>) => (result.ok ? 'ok' : `${result.error.code}: ${result.error.message}`);
const malformed = (message: string) => `MalformedPolicyDocument: ${message}`;

describe('permissions policy checks', () => {
  it.each([
    ['a bare file name', 'policy.json', 'This policy contains invalid Json'],
    ['truncated JSON', '{"Version": "2012-10-17", "Statement": [', 'This policy contains invalid Json'],
    ['a JSON string', '"text"', 'Syntax errors in policy.'],
    ['an array', '[]', 'Syntax errors in policy.'],
    ['an unknown top-level element', doc([allow], { Extra: 1 }), 'Syntax errors in policy.'],
    ['no Statement', JSON.stringify({ Version: '2012-10-17' }), 'Syntax errors in policy.'],
    ['an empty Statement list', doc([]), 'Syntax errors in policy.'],
    ['a Statement that is a string', doc('Allow everything'), 'Syntax errors in policy.'],
    ['an unknown statement element', doc([{ ...allow, Effects: 'Allow' }]), 'Syntax errors in policy.'],
    ['Action and NotAction together', doc([{ ...allow, NotAction: 's3:PutObject' }]), 'Syntax errors in policy.'],
    ['Resource and NotResource together', doc([{ ...allow, NotResource: 'arn:aws:s3:::b' }]), 'Syntax errors in policy.'],
    ['no Effect', doc([{ Action: 's3:*', Resource: '*' }]), 'Syntax errors in policy.'],
    ['an unknown Effect', doc([{ ...allow, Effect: 'Permit' }]), 'Syntax errors in policy.'],
    ['a numeric Action', doc([{ ...allow, Action: 7 }]), 'Syntax errors in policy.'],
    ['a Condition that is not an object of objects', doc([{ ...allow, Condition: { Bool: true } }]), 'Syntax errors in policy.'],
    ['a Principal', doc([{ ...allow, Principal: '*' }]), 'Policy document should not specify a principal.'],
    ['an unknown Version', doc([allow], { Version: '2019-01-01' }), 'The policy failed legacy parsing'],
    ['an Effect in lower case', doc([{ ...allow, Effect: 'allow' }]), 'The policy failed legacy parsing'],
    ['a repeated Sid', doc([{ ...allow, Sid: 'A' }, { ...allow, Sid: 'A' }]), 'Statement IDs (SID) in a single policy must be unique.'],
    ['no Action', doc([{ Effect: 'Allow', Resource: '*' }]), 'Policy statement must contain actions.'],
    ['an empty Action list', doc([{ ...allow, Action: [] }]), 'Policy statement must contain actions.'],
    ['no Resource', doc([{ Effect: 'Allow', Action: 's3:*' }]), 'Policy statement must contain resources.'],
    ['a Resource that is not an ARN', doc([{ ...allow, Resource: 'my-bucket' }]), 'Resource my-bucket must be in ARN format or "*".'],
    ['an action without a service', doc([{ ...allow, Action: 'GetObject' }]), 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.'],
    ['an action with two colons', doc([{ ...allow, Action: 's3:Get:Object' }]), 'Actions/Condition can contain only one colon.'],
    ['an action with a bad service', doc([{ ...allow, Action: 's 3:GetObject' }]), 'Vendor s 3 is not valid'],
  ])('rejects %s', (_case, text, message) => {
    expect(messageOf(parseIdentityPolicy(text))).toBe(malformed(message));
  });

  it('accepts 2008-10-17, a missing Version, a single statement object and NotAction/NotResource', () => {
    expect(messageOf(parseIdentityPolicy(doc([allow], { Version: '2008-10-17' })))).toBe('ok');
    expect(messageOf(parseIdentityPolicy(JSON.stringify({ Statement: allow })))).toBe('ok');
    const parsed = parseIdentityPolicy(doc({ Sid: 'Deny', Effect: 'Deny', NotAction: ['iam:*', 'sts:*'], NotResource: 'arn:aws:s3:::b/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    expect(parsed.ok && parsed.value).toEqual({
      version: '2012-10-17',
      statements: [{
        index: 0,
        sid: 'Deny',
        effect: 'Deny',
        actions: { not: true, patterns: ['iam:*', 'sts:*'] },
        resources: { not: true, patterns: ['arn:aws:s3:::b/*'] },
        hasCondition: true,
      }],
    });
  });
});

describe('trust policy checks', () => {
  it.each([
    ['a Resource', doc([{ ...trust, Resource: '*' }]), 'Has prohibited field Resource'],
    ['a NotResource', doc([{ ...trust, NotResource: '*' }]), 'Has prohibited field NotResource'],
    ['no Principal', doc([{ Effect: 'Allow', Action: 'sts:AssumeRole' }]), 'Missing required field Principal'],
    ['an unknown principal type', doc([{ ...trust, Principal: { Services: 'ec2.amazonaws.com' } }]), 'Syntax errors in policy.'],
    ['a mistyped service', doc([{ ...trust, Principal: { Service: 'ec2.amazonaws.co' } }]), 'Invalid principal in policy: "SERVICE":"ec2.amazonaws.co"'],
    ['a role of this account that does not exist', doc([{ ...trust, Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/Gone` } }]), `Invalid principal in policy: "AWS":"arn:aws:iam::${ACCOUNT}:role/Gone"`],
    ['an AWS principal that is not an ARN', doc([{ ...trust, Principal: { AWS: 'bob' } }]), 'Invalid principal in policy: "AWS":"bob"'],
    ['an action other than STS', doc([{ ...trust, Action: 's3:GetObject' }]), 'AssumeRole policy may only specify STS AssumeRole actions.'],
  ])('rejects %s', (_case, text, message) => {
    expect(messageOf(parseTrustPolicy(text, context))).toBe(malformed(message));
  });

  it.each([
    ['EC2', trust],
    ['several services and an existing role', { ...trust, Principal: { Service: ['ecs-tasks.amazonaws.com', 'lambda.amazonaws.com'], AWS: `arn:aws:iam::${ACCOUNT}:role/Existing` } }],
    ['another account, its root and an id', { ...trust, Principal: { AWS: ['arn:aws:iam::111122223333:role/Any', `arn:aws:iam::${ACCOUNT}:root`, '111122223333'] } }],
    ['everyone', { ...trust, Principal: '*' }],
    ['a web identity', { Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity' }],
  ])('accepts %s', (_case, statement) => {
    expect(messageOf(parseTrustPolicy(doc([statement]), context))).toBe('ok');
  });

  it('normalizes principals for the trust evaluation', () => {
    const parsed = parseTrustPolicy(doc([{ ...trust, Principal: { Service: 'ec2.amazonaws.com', AWS: ['111122223333'] } }, { Effect: 'Deny', NotPrincipal: '*', Action: 'sts:*' }]), context);
    expect(parsed.ok && parsed.value.statements.map((s) => s.principals)).toEqual([
      { not: false, entries: [{ type: 'AWS', value: '111122223333' }, { type: 'Service', value: 'ec2.amazonaws.com' }] },
      { not: true, entries: [{ type: '*', value: '*' }] },
    ]);
  });

  it('knows the services the lessons name', () => {
    for (const service of ['ec2', 'lambda', 'eks', 'ecs-tasks', 'dax', 'ssm', 'cloud9', 'codepipeline', 'cloudformation']) {
      expect(KNOWN_SERVICE_PRINCIPALS.has(`${service}.amazonaws.com`)).toBe(true);
    }
  });
});

describe('policySize', () => {
  it('does not count white space', () => {
    expect(policySize('{ "a" :\n\t"b c" }')).toBe('{"a":"bc"}'.length);
  });
});
