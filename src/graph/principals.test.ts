import { describe, expect, it } from 'vitest';
import { ec2TrustOf, trustDecision, trustPrincipals } from './principals';

const doc = (...statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const allow = (Principal: unknown, Action: unknown = 'sts:AssumeRole') => ({ Effect: 'Allow', Principal, Action });

describe('trustPrincipals: who a trust policy names, read defensively', () => {
  const rows: [string, string, string[]][] = [
    ['a service as a string', doc(allow({ Service: 'ec2.amazonaws.com' })), ['principal:service:ec2.amazonaws.com']],
    ['services as a list (the console writes this)', doc(allow({ Service: ['ec2.amazonaws.com', 'ssm.amazonaws.com'] })), ['principal:service:ec2.amazonaws.com', 'principal:service:ssm.amazonaws.com']],
    ['a service spelled in capitals (IAM compares ignoring case)', doc(allow({ Service: 'EC2.Amazonaws.com' })), ['principal:service:ec2.amazonaws.com']],
    ['"Principal": "*" (the same as {"AWS": "*"})', doc(allow('*')), ['principal:aws:*']],
    ['{"AWS": "*"}', doc(allow({ AWS: '*' })), ['principal:aws:*']],
    ['an account id and an ARN', doc(allow({ AWS: ['123456789012', 'arn:aws:iam::111122223333:root'] })), ['principal:aws:123456789012', 'principal:aws:arn:aws:iam::111122223333:root']],
    ['a federation provider', doc(allow({ Federated: 'cognito-identity.amazonaws.com' }, 'sts:AssumeRoleWithWebIdentity')), ['principal:federated:cognito-identity.amazonaws.com']],
    ['a canonical user', doc(allow({ CanonicalUser: 'abc123' })), ['principal:canonical:abc123']],
    ['every member type in one statement, in a fixed order', doc(allow({ Federated: 'f', Service: 'lambda.amazonaws.com', AWS: '*' })), ['principal:aws:*', 'principal:service:lambda.amazonaws.com', 'principal:federated:f']],
    ['the same principal in two statements, once', doc(allow({ Service: 'ec2.amazonaws.com' }), { Effect: 'Deny', Principal: { Service: ['ec2.amazonaws.com'] }, Action: 'sts:AssumeRole' }), ['principal:service:ec2.amazonaws.com']],
    ['a single statement object instead of a list', JSON.stringify({ Statement: allow({ Service: 'ec2.amazonaws.com' }) }), ['principal:service:ec2.amazonaws.com']],
    ['NotPrincipal names no one who may assume', doc({ Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }), []],
    ['values that are not strings are skipped', doc(allow({ AWS: ['a', 5, null, { x: 1 }], Service: 7 })), ['principal:aws:a']],
    ['an unknown member type is skipped', doc(allow({ Group: 'g', Service: 'ec2.amazonaws.com' })), ['principal:service:ec2.amazonaws.com']],
    ['a Principal that is neither "*" nor an object', doc(allow(['ec2.amazonaws.com']), allow('ec2.amazonaws.com'), allow(42)), []],
    ['statements that are not objects', JSON.stringify({ Statement: [null, 'x', 3, allow({ AWS: '*' })] }), ['principal:aws:*']],
    ['no Statement', JSON.stringify({ Version: '2012-10-17' }), []],
    ['JSON that is not an object', '[1, 2]', []],
    ['not JSON at all', 'trust.json', []],
    ['an empty string', '', []],
  ];
  it.each(rows)('%s', (_, document, expected) => {
    expect(trustPrincipals(document).map((p) => p.id)).toEqual(expected);
  });

  it('keeps the type and the value of each principal', () => {
    expect(trustPrincipals(doc(allow({ Service: 'EC2.amazonaws.com', AWS: '123456789012' })))).toEqual([
      { id: 'principal:aws:123456789012', type: 'AWS', value: '123456789012' },
      { id: 'principal:service:ec2.amazonaws.com', type: 'Service', value: 'ec2.amazonaws.com' },
    ]);
  });
});

describe('trustDecision: the simulator evaluates each principal', () => {
  const ec2 = { id: 'principal:service:ec2.amazonaws.com', type: 'Service', value: 'ec2.amazonaws.com' } as const;
  const rows: [string, string, unknown][] = [
    ['allowed', doc(allow({ Service: 'ec2.amazonaws.com' })), { effect: 'allow', statement: 0 }],
    ['allowed, with the Sid of the deciding statement', doc({ Sid: 'Ec2', ...allow({ Service: 'ec2.amazonaws.com' }) }), { effect: 'allow', statement: 0, sid: 'Ec2' }],
    ['an explicit deny wins over an allow', doc(allow({ Service: 'ec2.amazonaws.com' }), { Effect: 'Deny', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:*' }), { effect: 'deny', statement: 1 }],
    ['named with a condition (conditions are not modelled): no match', doc({ ...allow({ Service: 'ec2.amazonaws.com' }), Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } } }), { effect: 'no-match' }],
    ['named for another action only: no match', doc(allow({ Service: 'ec2.amazonaws.com' }, 'sts:TagSession')), { effect: 'no-match' }],
    ['a document that is not JSON: no match', '{', { effect: 'no-match' }],
  ];
  it.each(rows)('%s', (_, document, expected) => {
    expect(trustDecision(document, ec2)).toEqual(expected);
  });

  it('evaluates AWS principals by account and ARN, and leaves federated ones to the UI as not evaluated', () => {
    const document = doc(allow({ AWS: '123456789012', Federated: 'cognito-identity.amazonaws.com' }), { Effect: 'Deny', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' });
    expect(trustPrincipals(document).map((p) => [p.id, trustDecision(document, p)])).toEqual([
      ['principal:aws:123456789012', { effect: 'allow', statement: 0 }],
      ['principal:federated:cognito-identity.amazonaws.com', { effect: 'not-evaluated' }],
      ['principal:aws:arn:aws:iam::111122223333:root', { effect: 'deny', statement: 1 }],
    ]);
  });

  it('ec2TrustOf says what the policy decides for ec2.amazonaws.com', () => {
    expect(ec2TrustOf(doc(allow({ Service: ['ec2.amazonaws.com'] })))).toBe('allow');
    expect(ec2TrustOf(doc(allow('*')))).toBe('allow');
    expect(ec2TrustOf(doc(allow({ Service: 'eks.amazonaws.com' })))).toBe('no-match');
    expect(ec2TrustOf(doc(allow('*'), { Effect: 'Deny', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }))).toBe('deny');
    expect(ec2TrustOf('not json')).toBe('no-match');
  });
});
