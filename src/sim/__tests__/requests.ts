import fc from 'fast-check';
import type { Request } from '../execute';
import type { SimState } from '../core/state';

/**
 * Random API requests for property tests. Names come from a small pool (with case variants) so
 * that requests collide, conflict and refer to each other; instance and association ids are
 * drawn as "the n-th existing one" and resolved against the state just before each request.
 */
const NAMES = ['web', 'Web', 'app', 'db', 's3access', 's3access-profile'];
const TRUST_EC2 = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const TRUST_EKS = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const S3_POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] });
const POLICY_ARNS = ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore', 'arn:aws:iam::aws:policy/NoSuchPolicy', 'arn:aws:iam::123456789012:policy/custom'];

/** A request whose ids are resolved against the state when it runs. */
export type RequestTemplate = (state: SimState) => Request;

const name = fc.constantFrom(...NAMES);
const index = fc.nat(6);

const nth = (ids: string[], n: number, fallback: string) => (ids.length ? (ids[n % (ids.length + 1)] ?? fallback) : fallback);
const instanceId = (state: SimState, n: number) => nth(Object.keys(state.tables.instances).sort(), n, 'i-0123456789abcdef0');
const associationId = (state: SimState, n: number) => nth(Object.keys(state.tables.associations).sort(), n, 'iip-assoc-0123456789abcdef0');
const profileSpec = (n: string, byArn: boolean) => (byArn ? { Arn: `arn:aws:iam::123456789012:instance-profile/${n}` } : { Name: n });

const iam = (operation: string, params: Record<string, unknown>): RequestTemplate => () => ({ service: 'iam', operation, params });

export const requestTemplate: fc.Arbitrary<RequestTemplate> = fc.oneof(
  fc.tuple(name, fc.boolean()).map(([n, ec2]) => iam('CreateRole', { RoleName: n, AssumeRolePolicyDocument: ec2 ? TRUST_EC2 : TRUST_EKS })),
  name.map((n) => iam('DeleteRole', { RoleName: n })),
  name.map((n) => iam('GetRole', { RoleName: n })),
  fc.tuple(name, name).map(([r, p]) => iam('PutRolePolicy', { RoleName: r, PolicyName: p, PolicyDocument: S3_POLICY })),
  fc.tuple(name, name).map(([r, p]) => iam('DeleteRolePolicy', { RoleName: r, PolicyName: p })),
  fc.tuple(name, fc.constantFrom(...POLICY_ARNS)).map(([r, a]) => iam('AttachRolePolicy', { RoleName: r, PolicyArn: a })),
  fc.tuple(name, fc.constantFrom(...POLICY_ARNS)).map(([r, a]) => iam('DetachRolePolicy', { RoleName: r, PolicyArn: a })),
  fc.constant(iam('CreatePolicy', { PolicyName: 'custom', PolicyDocument: S3_POLICY })),
  fc.constant(iam('DeletePolicy', { PolicyArn: 'arn:aws:iam::123456789012:policy/custom' })),
  name.map((n) => iam('CreateInstanceProfile', { InstanceProfileName: n })),
  name.map((n) => iam('DeleteInstanceProfile', { InstanceProfileName: n })),
  fc.tuple(name, name).map(([p, r]) => iam('AddRoleToInstanceProfile', { InstanceProfileName: p, RoleName: r })),
  fc.tuple(name, name).map(([p, r]) => iam('RemoveRoleFromInstanceProfile', { InstanceProfileName: p, RoleName: r })),
  fc.tuple(name, fc.constantFrom('k', 'K', 'env')).map(([r, k]) => iam('TagRole', { RoleName: r, Tags: [{ Key: k, Value: 'v' }] })),
  fc.tuple(name, fc.boolean(), fc.integer({ min: 1, max: 3 }), fc.boolean()).map(
    ([n, withProfile, count, byArn]): RequestTemplate => () => ({
      service: 'ec2',
      operation: 'RunInstances',
      params: { ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro', MinCount: count, MaxCount: count, ...(withProfile ? { IamInstanceProfile: profileSpec(n, byArn) } : {}) },
    }),
  ),
  fc.tuple(fc.constantFrom('StartInstances', 'StopInstances', 'TerminateInstances', 'RebootInstances'), index).map(
    ([operation, i]): RequestTemplate => (state) => ({ service: 'ec2', operation, params: { InstanceIds: [instanceId(state, i)] } }),
  ),
  fc.tuple(index, name).map(([i, n]): RequestTemplate => (state) => ({ service: 'ec2', operation: 'AssociateIamInstanceProfile', params: { InstanceId: instanceId(state, i), IamInstanceProfile: { Name: n } } })),
  fc.tuple(index, name).map(([i, n]): RequestTemplate => (state) => ({ service: 'ec2', operation: 'ReplaceIamInstanceProfileAssociation', params: { AssociationId: associationId(state, i), IamInstanceProfile: { Name: n } } })),
  index.map((i): RequestTemplate => (state) => ({ service: 'ec2', operation: 'DisassociateIamInstanceProfile', params: { AssociationId: associationId(state, i) } })),
  fc.constant<RequestTemplate>(() => ({ service: 'ec2', operation: 'DescribeInstances', params: {} })),
  fc.constant<RequestTemplate>(() => ({ service: 'ec2', operation: 'DescribeIamInstanceProfileAssociations', params: {} })),
  fc.constant<RequestTemplate>(() => ({ service: 'iam', operation: 'ListInstanceProfiles', params: {} })),
);

/** A step in a random session: a request, or simulated time passing. */
export type Step = { type: 'request'; template: RequestTemplate } | { type: 'wait'; seconds: number };

export const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: requestTemplate.map((template): Step => ({ type: 'request', template })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 30 }).map((seconds): Step => ({ type: 'wait', seconds })) },
);
