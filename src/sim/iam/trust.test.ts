import { describe, expect, it } from 'vitest';
import { EC2_SERVICE, evaluateTrustDocument, type TrustPrincipal } from './trust';

const doc = (...statements: Record<string, unknown>[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const allow = (principal: unknown, action: unknown = 'sts:AssumeRole', extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Principal: principal, Action: action, ...extra });
const deny = (principal: unknown, action: unknown = 'sts:AssumeRole') => ({ Effect: 'Deny', Principal: principal, Action: action });

const LEARNER: TrustPrincipal = { AWS: 'arn:aws:iam::123456789012:user/learner' };
const ROLE_SESSION: TrustPrincipal = { AWS: 'arn:aws:sts::123456789012:assumed-role/builder/i-0abc' };
const OTHER_ACCOUNT: TrustPrincipal = { AWS: 'arn:aws:iam::999999999999:user/mallory' };

describe('trust policy evaluation', () => {
  it.each<[string, string, TrustPrincipal, string]>([
    ['EC2 service principal', doc(allow({ Service: 'ec2.amazonaws.com' })), EC2_SERVICE, 'allow'],
    ['service principal in a list', doc(allow({ Service: ['lambda.amazonaws.com', 'ec2.amazonaws.com'] })), EC2_SERVICE, 'allow'],
    ['another service', doc(allow({ Service: 'eks.amazonaws.com' })), EC2_SERVICE, 'no-match'],
    ['a user is not the EC2 service', doc(allow({ AWS: 'arn:aws:iam::123456789012:user/learner' })), EC2_SERVICE, 'no-match'],
    ['Principal "*"', doc(allow('*')), EC2_SERVICE, 'allow'],
    ['AWS "*" covers services too', doc(allow({ AWS: '*' })), EC2_SERVICE, 'allow'],
    ['the user ARN', doc(allow({ AWS: 'arn:aws:iam::123456789012:user/learner' })), LEARNER, 'allow'],
    ['the account root ARN', doc(allow({ AWS: 'arn:aws:iam::123456789012:root' })), LEARNER, 'allow'],
    ['the bare account id', doc(allow({ AWS: '123456789012' })), LEARNER, 'allow'],
    ['another account', doc(allow({ AWS: 'arn:aws:iam::123456789012:root' })), OTHER_ACCOUNT, 'no-match'],
    ['another user', doc(allow({ AWS: 'arn:aws:iam::123456789012:user/bob' })), LEARNER, 'no-match'],
    ['no partial wildcards in principals', doc(allow({ AWS: 'arn:aws:iam::123456789012:user/*' })), LEARNER, 'no-match'],
    ['a role ARN names its sessions', doc(allow({ AWS: 'arn:aws:iam::123456789012:role/ci/builder' })), ROLE_SESSION, 'allow'],
    ['a different role', doc(allow({ AWS: 'arn:aws:iam::123456789012:role/deployer' })), ROLE_SESSION, 'no-match'],
    ['the session ARN itself', doc(allow({ AWS: 'arn:aws:sts::123456789012:assumed-role/builder/i-0abc' })), ROLE_SESSION, 'allow'],
    ['action wildcard sts:*', doc(allow({ Service: 'ec2.amazonaws.com' }, 'sts:*')), EC2_SERVICE, 'allow'],
    ['action wildcard sts:Assume*', doc(allow({ Service: 'ec2.amazonaws.com' }, ['sts:TagSession', 'sts:Assume*'])), EC2_SERVICE, 'allow'],
    ['action case-insensitive', doc(allow({ Service: 'ec2.amazonaws.com' }, 'STS:assumerole')), EC2_SERVICE, 'allow'],
    ['a different action', doc(allow({ Service: 'ec2.amazonaws.com' }, 'sts:AssumeRoleWithWebIdentity')), EC2_SERVICE, 'no-match'],
    ['"?" is one character', doc(allow({ Service: 'ec2.amazonaws.com' }, 'sts:AssumeRol?')), EC2_SERVICE, 'allow'],
    ['NotAction excluding another action', doc({ Effect: 'Allow', Principal: '*', NotAction: 'sts:TagSession' }), EC2_SERVICE, 'allow'],
    ['NotAction excluding AssumeRole', doc({ Effect: 'Allow', Principal: '*', NotAction: 'sts:AssumeRole' }), EC2_SERVICE, 'no-match'],
    ['Deny wins over Allow', doc(allow({ Service: 'ec2.amazonaws.com' }), deny({ Service: 'ec2.amazonaws.com' })), EC2_SERVICE, 'deny'],
    ['Deny for someone else', doc(allow({ Service: 'ec2.amazonaws.com' }), deny({ AWS: '999999999999' })), EC2_SERVICE, 'allow'],
    ['NotPrincipal deny everyone but the learner', doc(allow('*'), { Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::123456789012:user/learner' }, Action: 'sts:AssumeRole' }), LEARNER, 'allow'],
    ['NotPrincipal deny hits EC2', doc(allow('*'), { Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::123456789012:user/learner' }, Action: 'sts:AssumeRole' }), EC2_SERVICE, 'deny'],
    ['an Allow with a Condition does not match', doc(allow({ Service: 'ec2.amazonaws.com' }, 'sts:AssumeRole', { Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } } })), EC2_SERVICE, 'no-match'],
    ['a single statement object', JSON.stringify({ Version: '2012-10-17', Statement: allow({ Service: 'ec2.amazonaws.com' }) }), EC2_SERVICE, 'allow'],
    ['no statements', JSON.stringify({ Version: '2012-10-17', Statement: [] }), EC2_SERVICE, 'no-match'],
  ])('%s', (_name, document, principal, effect) => {
    expect(evaluateTrustDocument(document, principal).effect).toBe(effect);
  });

  it('reports the statement that decided, with its Sid', () => {
    const document = doc(allow({ Service: 'lambda.amazonaws.com' }), { Sid: 'Ec2', ...allow({ Service: 'ec2.amazonaws.com' }) }, { Sid: 'NoEc2', ...deny('*') });
    expect(evaluateTrustDocument(document, EC2_SERVICE)).toEqual({ effect: 'deny', statement: 2, sid: 'NoEc2' });
    expect(evaluateTrustDocument(doc(allow({ Service: 'lambda.amazonaws.com' }), { Sid: 'Ec2', ...allow({ Service: 'ec2.amazonaws.com' }) }), EC2_SERVICE)).toEqual({ effect: 'allow', statement: 1, sid: 'Ec2' });
  });
});
