import type {
  AttachRolePolicyRequest,
  CreatePolicyRequest,
  CreatePolicyResponse,
  DeletePolicyRequest,
  DetachRolePolicyRequest,
  GetPolicyRequest,
  GetPolicyResponse,
  GetPolicyVersionRequest,
  GetPolicyVersionResponse,
  ListAttachedRolePoliciesRequest,
  ListAttachedRolePoliciesResponse,
  ListEntitiesForPolicyRequest,
  ListEntitiesForPolicyResponse,
  ListPoliciesRequest,
  ListPoliciesResponse,
  Policy,
} from '../models/iam.types';
import { iamArn } from '../core/arn';
import { put, remove } from '../core/changes';
import { iamUniqueId, uniqueId } from '../core/ids';
import { defineOperation, done, fail, type OpResult } from '../core/operation';
import { nameKey, own, type ManagedPolicyRecord, type PolicyVersionRecord, type SimState } from '../core/state';
import { isoSeconds } from '../core/time';
import { AWS_MANAGED_POLICIES, findAwsManagedPolicy, type AwsManagedPolicy } from './awsManagedPolicies';
import { iamErrors } from './errors';
import { parseIdentityPolicy, policySize } from './policyDocument';
import { duplicateTagKeys, pageOf, roleArnFor, withRole } from './roles';

/** Managed policies: AWS's catalogue plus the account's own (customer managed), attached to roles by ARN. */

const MANAGED_POLICY_MAX_SIZE = 6144;
const POLICIES_PER_ROLE = 10;

/** An AWS or customer managed policy, seen the same way. */
export interface ManagedPolicy extends ManagedPolicyRecord {
  awsManaged: boolean;
}

const fromCatalogue = (p: AwsManagedPolicy): ManagedPolicy => ({
  PolicyName: p.PolicyName,
  PolicyId: p.PolicyId,
  Arn: p.Arn,
  Path: p.Path,
  DefaultVersionId: p.DefaultVersionId,
  Description: p.Description,
  CreateDate: p.CreateDate,
  UpdateDate: p.UpdateDate,
  Tags: [],
  versions: [{ VersionId: p.DefaultVersionId, Document: p.Document, IsDefaultVersion: true, CreateDate: p.UpdateDate }],
  awsManaged: true,
});

export function findManagedPolicy(state: SimState, arn: string): ManagedPolicy | undefined {
  const aws = findAwsManagedPolicy(arn);
  if (aws) return fromCatalogue(aws);
  const customer = own(state.tables.policies, arn);
  return customer && { ...customer, awsManaged: false };
}

/** The document a policy grants with: its default version's. */
export const defaultVersion = (policy: ManagedPolicy): PolicyVersionRecord | undefined => policy.versions.find((v) => v.IsDefaultVersion);

/** How many roles each policy is attached to, in one pass over the roles. */
function attachmentCounts(state: SimState): Map<string, number> {
  const counts = new Map<string, number>();
  for (const role of Object.values(state.tables.roles)) {
    for (const arn of role.attachedPolicyArns) counts.set(arn, (counts.get(arn) ?? 0) + 1);
  }
  return counts;
}

/** A policy in the model's field order. ListPolicies leaves out Description and Tags; CreatePolicy, Description. */
function policyView(policy: ManagedPolicy, attachments: number, fields: 'list' | 'create' | 'get'): Policy {
  return {
    PolicyName: policy.PolicyName,
    PolicyId: policy.PolicyId,
    Arn: policy.Arn,
    Path: policy.Path,
    DefaultVersionId: policy.DefaultVersionId,
    AttachmentCount: attachments,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    ...(fields === 'get' && policy.Description !== undefined ? { Description: policy.Description } : {}),
    CreateDate: policy.CreateDate,
    UpdateDate: policy.UpdateDate,
    // GetPolicy shows `"Tags": []` even for AWS managed policies; CreatePolicy echoes the tags it was given.
    ...(fields === 'get' || (fields === 'create' && policy.Tags.length) ? { Tags: policy.Tags } : {}),
  };
}

export const createPolicy = defineOperation({
  service: 'iam',
  name: 'CreatePolicy',
  resource: (input: CreatePolicyRequest, env) => iamArn(env.state.account.accountId, 'policy', input.Path ?? '/', input.PolicyName),
  handler(input: CreatePolicyRequest, env): OpResult<CreatePolicyResponse> {
    const policies = Object.values(env.state.tables.policies);
    // Customer managed policy names are unique in the account whatever their path or case [BEL for case].
    if (policies.some((p) => nameKey(p.PolicyName) === nameKey(input.PolicyName))) return fail(iamErrors.policyAlreadyExists(input.PolicyName));
    if (input.Tags && duplicateTagKeys(input.Tags)) return fail(iamErrors.duplicateTagKeys());
    if (policySize(input.PolicyDocument) > MANAGED_POLICY_MAX_SIZE) return fail(iamErrors.managedPolicySizeQuota());
    const parsed = parseIdentityPolicy(input.PolicyDocument);
    if (!parsed.ok) return fail(parsed.error);
    const path = input.Path ?? '/';
    const now = isoSeconds(env.now);
    const taken = new Set(policies.map((p) => p.PolicyId));
    const record = {
      PolicyName: input.PolicyName,
      PolicyId: uniqueId(() => iamUniqueId(env.random, 'ANPA'), (id) => taken.has(id)),
      Arn: iamArn(env.state.account.accountId, 'policy', path, input.PolicyName),
      Path: path,
      DefaultVersionId: 'v1',
      ...(input.Description !== undefined ? { Description: input.Description } : {}),
      CreateDate: now,
      UpdateDate: now,
      Tags: input.Tags ?? [],
      versions: [{ VersionId: 'v1', Document: input.PolicyDocument, IsDefaultVersion: true, CreateDate: now }],
    };
    return done({ Policy: policyView({ ...record, awsManaged: false }, 0, 'create') }, [put('policies', record.Arn, record)]);
  },
});

export const getPolicy = defineOperation({
  service: 'iam',
  name: 'GetPolicy',
  resource: (input: GetPolicyRequest) => input.PolicyArn,
  handler(input: GetPolicyRequest, env): OpResult<GetPolicyResponse> {
    const policy = findManagedPolicy(env.state, input.PolicyArn);
    if (!policy) return fail(iamErrors.noSuchPolicy(input.PolicyArn));
    return done({ Policy: policyView(policy, attachmentCounts(env.state).get(policy.Arn) ?? 0, 'get') });
  },
});

export const getPolicyVersion = defineOperation({
  service: 'iam',
  name: 'GetPolicyVersion',
  resource: (input: GetPolicyVersionRequest) => input.PolicyArn,
  handler(input: GetPolicyVersionRequest, env): OpResult<GetPolicyVersionResponse> {
    // The catalogue keeps only each AWS policy's default version; older ones are reported missing.
    const version = findManagedPolicy(env.state, input.PolicyArn)?.versions.find((v) => v.VersionId === input.VersionId);
    if (!version) return fail(iamErrors.noSuchPolicyVersion(input.PolicyArn, input.VersionId));
    return done({ PolicyVersion: { Document: version.Document, VersionId: version.VersionId, IsDefaultVersion: version.IsDefaultVersion, CreateDate: version.CreateDate } });
  },
});

export const listPolicies = defineOperation({
  service: 'iam',
  name: 'ListPolicies',
  // ListPolicies has no resource-level permissions; AWS's denial names the path instead of an ARN.
  resource: (input: ListPoliciesRequest) => `policy path ${input.PathPrefix ?? '/'}`,
  handler(input: ListPoliciesRequest, env): OpResult<ListPoliciesResponse> {
    const scope = input.Scope ?? 'All';
    const counts = attachmentCounts(env.state);
    const candidates = [
      ...(scope === 'Local' ? [] : AWS_MANAGED_POLICIES.map(fromCatalogue)),
      ...(scope === 'AWS' ? [] : Object.values(env.state.tables.policies).map((p) => ({ ...p, awsManaged: false }))),
    ];
    // Permissions boundaries are not modelled, so no policy is in use as one.
    const matching = input.PolicyUsageFilter === 'PermissionsBoundary' ? [] : candidates.filter(
      (p) => p.Path.startsWith(input.PathPrefix ?? '/') && (!input.OnlyAttached || (counts.get(p.Arn) ?? 0) > 0),
    );
    // AWS documents no order; the lab lists by name, ignoring case, AWS's before the account's on a tie [BEL].
    const keyOf = (p: ManagedPolicy) => `${p.PolicyName.toLowerCase()}\u0000${p.awsManaged ? 'a' : 'c'}`;
    const sorted = matching.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1));
    const page = pageOf(sorted, keyOf, input, { sorted: true });
    if (!page.ok) return fail(page.error);
    const { items, ...paging } = page.value;
    return done({ Policies: items.map((p) => policyView(p, counts.get(p.Arn) ?? 0, 'list')), ...paging });
  },
});

export const deletePolicy = defineOperation({
  service: 'iam',
  name: 'DeletePolicy',
  resource: (input: DeletePolicyRequest) => input.PolicyArn,
  handler(input: DeletePolicyRequest, env): OpResult<Record<string, never>> {
    // Only the account's own policies can be deleted; an AWS managed ARN is not found among them [BEL].
    if (!own(env.state.tables.policies, input.PolicyArn)) return fail(iamErrors.noSuchPolicy(input.PolicyArn));
    if (attachmentCounts(env.state).has(input.PolicyArn)) return fail(iamErrors.deletePolicyAttached());
    return done({}, [remove('policies', input.PolicyArn)]);
  },
});

export const attachRolePolicy = defineOperation({
  service: 'iam',
  name: 'AttachRolePolicy',
  resource: (input: AttachRolePolicyRequest, env) => roleArnFor(env, input.RoleName),
  handler(input: AttachRolePolicyRequest, env): OpResult<Record<string, never>> {
    // The policy is looked up before the role [BEL order, as emulators do].
    if (!findManagedPolicy(env.state, input.PolicyArn)) return fail(iamErrors.policyNotAttachable(input.PolicyArn));
    return withRole(env, input.RoleName, (role) => {
      if (role.attachedPolicyArns.includes(input.PolicyArn)) return done({});
      if (role.attachedPolicyArns.length >= POLICIES_PER_ROLE) return fail(iamErrors.policiesPerRoleQuota());
      return done({}, [put('roles', nameKey(role.RoleName), { ...role, attachedPolicyArns: [...role.attachedPolicyArns, input.PolicyArn] })]);
    });
  },
});

export const detachRolePolicy = defineOperation({
  service: 'iam',
  name: 'DetachRolePolicy',
  resource: (input: DetachRolePolicyRequest, env) => roleArnFor(env, input.RoleName),
  handler(input: DetachRolePolicyRequest, env): OpResult<Record<string, never>> {
    if (!findManagedPolicy(env.state, input.PolicyArn)) return fail(iamErrors.noSuchPolicy(input.PolicyArn));
    return withRole(env, input.RoleName, (role) => {
      if (!role.attachedPolicyArns.includes(input.PolicyArn)) return fail(iamErrors.noSuchPolicy(input.PolicyArn));
      const attachedPolicyArns = role.attachedPolicyArns.filter((arn) => arn !== input.PolicyArn);
      return done({}, [put('roles', nameKey(role.RoleName), { ...role, attachedPolicyArns })]);
    });
  },
});

export const listAttachedRolePolicies = defineOperation({
  service: 'iam',
  name: 'ListAttachedRolePolicies',
  resource: (input: ListAttachedRolePoliciesRequest, env) => roleArnFor(env, input.RoleName),
  handler: (input: ListAttachedRolePoliciesRequest, env): OpResult<ListAttachedRolePoliciesResponse> =>
    withRole(env, input.RoleName, (role) => {
      // In the order they were attached.
      const attached = role.attachedPolicyArns
        .map((arn) => findManagedPolicy(env.state, arn))
        .filter((p): p is ManagedPolicy => p !== undefined && p.Path.startsWith(input.PathPrefix ?? '/'));
      const page = pageOf(attached, (p) => p.Arn, input, { sorted: false });
      if (!page.ok) return fail(page.error);
      const { items, ...paging } = page.value;
      return done({ AttachedPolicies: items.map((p) => ({ PolicyName: p.PolicyName, PolicyArn: p.Arn })), ...paging });
    }),
});

export const listEntitiesForPolicy = defineOperation({
  service: 'iam',
  name: 'ListEntitiesForPolicy',
  resource: (input: ListEntitiesForPolicyRequest) => input.PolicyArn,
  handler(input: ListEntitiesForPolicyRequest, env): OpResult<ListEntitiesForPolicyResponse> {
    if (!findManagedPolicy(env.state, input.PolicyArn)) return fail(iamErrors.noSuchPolicy(input.PolicyArn));
    const roles = env.state.tables.roles;
    // The lab's account has no groups and no other users than the learner, who holds no managed policies.
    const wantsRoles = input.EntityFilter === undefined || input.EntityFilter === 'Role';
    const keys = wantsRoles && input.PolicyUsageFilter !== 'PermissionsBoundary'
      ? Object.keys(roles).filter((k) => {
          const role = roles[k];
          return role !== undefined && role.attachedPolicyArns.includes(input.PolicyArn) && role.Path.startsWith(input.PathPrefix ?? '/');
        }).sort()
      : [];
    const page = pageOf(keys, (k) => k, input, { sorted: true });
    if (!page.ok) return fail(page.error);
    const { items, ...paging } = page.value;
    const PolicyRoles = items.flatMap((k) => (roles[k] ? [{ RoleName: roles[k].RoleName, RoleId: roles[k].RoleId }] : []));
    return done({ PolicyGroups: [], PolicyUsers: [], PolicyRoles, ...paging });
  },
});
