import type {
  DeleteRolePolicyRequest,
  GetRolePolicyRequest,
  GetRolePolicyResponse,
  ListRolePoliciesRequest,
  ListRolePoliciesResponse,
  PutRolePolicyRequest,
} from '../models/iam.types';
import { put } from '../core/changes';
import { defineOperation, done, fail, type OpResult } from '../core/operation';
import { nameKey, own } from '../core/state';
import { iamErrors } from './errors';
import { parseIdentityPolicy, policySize } from './policyDocument';
import { pageOf, roleArnFor, withRole } from './roles';

/** Inline policies: documents embedded in one role, created and replaced by name. */

/** AWS's quota on the inline policies of one role, all documents together, white space not counted. */
const INLINE_POLICIES_MAX_SIZE = 10240;

export const putRolePolicy = defineOperation({
  service: 'iam',
  name: 'PutRolePolicy',
  resource: (input: PutRolePolicyRequest, env) => roleArnFor(env, input.RoleName),
  handler: (input: PutRolePolicyRequest, env): OpResult<Record<string, never>> =>
    withRole(env, input.RoleName, (role) => {
      // Size first, then the document, as for trust and managed policies [BEL order].
      const inlinePolicies = { ...role.inlinePolicies, [input.PolicyName]: input.PolicyDocument };
      const total = Object.values(inlinePolicies).reduce((sum, doc) => sum + policySize(doc), 0);
      if (total > INLINE_POLICIES_MAX_SIZE) return fail(iamErrors.inlinePolicySizeQuota(role.RoleName));
      const parsed = parseIdentityPolicy(input.PolicyDocument);
      if (!parsed.ok) return fail(parsed.error);
      return done({}, [put('roles', nameKey(role.RoleName), { ...role, inlinePolicies })]);
    }),
});

export const getRolePolicy = defineOperation({
  service: 'iam',
  name: 'GetRolePolicy',
  resource: (input: GetRolePolicyRequest, env) => roleArnFor(env, input.RoleName),
  handler: (input: GetRolePolicyRequest, env): OpResult<GetRolePolicyResponse> =>
    withRole(env, input.RoleName, (role) => {
      const document = own(role.inlinePolicies, input.PolicyName);
      if (document === undefined) return fail(iamErrors.noSuchRolePolicy(input.PolicyName));
      return done({ RoleName: role.RoleName, PolicyName: input.PolicyName, PolicyDocument: document });
    }),
});

export const listRolePolicies = defineOperation({
  service: 'iam',
  name: 'ListRolePolicies',
  resource: (input: ListRolePoliciesRequest, env) => roleArnFor(env, input.RoleName),
  handler: (input: ListRolePoliciesRequest, env): OpResult<ListRolePoliciesResponse> =>
    withRole(env, input.RoleName, (role) => {
      // Sorted by name, ignoring case, with the exact spelling as a tie-break so the order is total.
      const byName = (name: string) => `${name.toLowerCase()}\u0000${name}`;
      const names = Object.keys(role.inlinePolicies).sort((a, b) => (byName(a) < byName(b) ? -1 : 1));
      const page = pageOf(names, byName, input, { sorted: true });
      if (!page.ok) return fail(page.error);
      const { items, ...paging } = page.value;
      return done({ PolicyNames: items, ...paging });
    }),
});

export const deleteRolePolicy = defineOperation({
  service: 'iam',
  name: 'DeleteRolePolicy',
  resource: (input: DeleteRolePolicyRequest, env) => roleArnFor(env, input.RoleName),
  handler: (input: DeleteRolePolicyRequest, env): OpResult<Record<string, never>> =>
    withRole(env, input.RoleName, (role) => {
      if (own(role.inlinePolicies, input.PolicyName) === undefined) return fail(iamErrors.noSuchRolePolicy(input.PolicyName));
      const { [input.PolicyName]: _removed, ...inlinePolicies } = role.inlinePolicies;
      return done({}, [put('roles', nameKey(role.RoleName), { ...role, inlinePolicies })]);
    }),
});
