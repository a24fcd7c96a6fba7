import type {
  CreateRoleRequest,
  CreateRoleResponse,
  DeleteRoleRequest,
  GetRoleRequest,
  GetRoleResponse,
  ListRolesRequest,
  ListRolesResponse,
  Role,
  UpdateAssumeRolePolicyRequest,
  UpdateRoleRequest,
  UpdateRoleResponse,
} from '../models/iam.types';
import { iamArn } from '../core/arn';
import { put, remove } from '../core/changes';
import type { AwsError } from '../core/errors';
import { iamUniqueId } from '../core/ids';
import { profileKeysForRole, rowCount, sortedKeys } from '../core/indexes';
import { defineOperation, done, fail, type OpEnv, type OpResult } from '../core/operation';
import { err, ok, type Result } from '../core/result';
import { nameKey, own, type RoleRecord, type Tag } from '../core/state';
import { isoSeconds } from '../core/time';
import { iamErrors } from './errors';
import { parseTrustPolicy, policySize } from './policyDocument';

/** AWS's default trust policy size quota (AWS can raise it to 4096; the lab keeps the default). */
const TRUST_POLICY_MAX_SIZE = 2048;

/** The role as GetRole prints it, fields in the model's order. */
export function roleView(role: RoleRecord): Role {
  return {
    ...roleSummary(role),
    ...(role.Tags.length ? { Tags: role.Tags } : {}),
    RoleLastUsed: role.RoleLastUsed,
  };
}

/**
 * A role's identity and trust policy: what every view of a role starts with, and all that a
 * role inside an instance profile shows. [BEL] AWS is not known to add Description,
 * MaxSessionDuration, Tags or RoleLastUsed there.
 */
export const roleCoreView = (role: RoleRecord): Role => ({
  Path: role.Path,
  RoleName: role.RoleName,
  RoleId: role.RoleId,
  Arn: role.Arn,
  CreateDate: role.CreateDate,
  AssumeRolePolicyDocument: role.AssumeRolePolicyDocument,
});

/** The role as ListRoles prints it: no Tags, PermissionsBoundary or RoleLastUsed. */
function roleSummary(role: RoleRecord): Role {
  return {
    ...roleCoreView(role),
    ...(role.Description !== undefined ? { Description: role.Description } : {}),
    MaxSessionDuration: role.MaxSessionDuration,
  };
}

export const findRole = (env: OpEnv, roleName: string): RoleRecord | undefined => own(env.state.tables.roles, nameKey(roleName));

/** The ARN a role has, or would have with the default path: what authorization checks a request against. */
export const roleArnFor = (env: OpEnv, roleName: string): string =>
  findRole(env, roleName)?.Arn ?? iamArn(env.state.account.accountId, 'role', '/', roleName);

/** Runs `then` on the named role, or fails with NoSuchEntity as every role operation does. */
export function withRole<Output>(env: OpEnv, roleName: string, then: (role: RoleRecord) => OpResult<Output>): OpResult<Output> {
  const role = findRole(env, roleName);
  return role ? then(role) : fail(iamErrors.noSuchRole(roleName));
}

/** Checks a trust policy as CreateRole and UpdateAssumeRolePolicy do: size first, then the document. */
function checkTrustPolicy(env: OpEnv, document: string): AwsError | undefined {
  if (policySize(document) > TRUST_POLICY_MAX_SIZE) return iamErrors.trustPolicySizeQuota();
  const parsed = parseTrustPolicy(document, {
    accountId: env.state.account.accountId,
    roleExists: (arn) => findRole(env, arn.slice(arn.lastIndexOf('/') + 1))?.Arn.toLowerCase() === arn.toLowerCase(),
  });
  return parsed.ok ? undefined : parsed.error;
}

/** Tags as CreateRole and TagRole take them: keys must be unique regardless of case. */
export function duplicateTagKeys(tags: readonly Tag[]): boolean {
  return new Set(tags.map((t) => t.Key.toLowerCase())).size !== tags.length;
}

/** Counts only as far as the quota, so that creating a role stays cheap in a large account. */
export const createRole = defineOperation({
  service: 'iam',
  name: 'CreateRole',
  resource: (input: CreateRoleRequest, env) => iamArn(env.state.account.accountId, 'role', input.Path ?? '/', input.RoleName),
  handler(input: CreateRoleRequest, env): OpResult<CreateRoleResponse> {
    if (findRole(env, input.RoleName)) return fail(iamErrors.roleAlreadyExists(input.RoleName));
    if (input.Tags && duplicateTagKeys(input.Tags)) return fail(iamErrors.duplicateTagKeys());
    const trustError = checkTrustPolicy(env, input.AssumeRolePolicyDocument);
    if (trustError) return fail(trustError);
    const { rolesPerAccount } = env.state.account.quotas;
    if (rowCount(env.state, 'roles') >= rolesPerAccount) return fail(iamErrors.rolesQuota(rolesPerAccount));
    const path = input.Path ?? '/';
    const role: RoleRecord = {
      Path: path,
      RoleName: input.RoleName,
      RoleId: iamUniqueId(env.random, 'AROA'),
      Arn: iamArn(env.state.account.accountId, 'role', path, input.RoleName),
      CreateDate: isoSeconds(env.now),
      AssumeRolePolicyDocument: input.AssumeRolePolicyDocument,
      ...(input.Description !== undefined ? { Description: input.Description } : {}),
      MaxSessionDuration: input.MaxSessionDuration ?? 3600,
      Tags: input.Tags ?? [],
      RoleLastUsed: {},
      inlinePolicies: {},
      attachedPolicyArns: [],
    };
    // CreateRole answers without MaxSessionDuration and RoleLastUsed (AWS CLI reference example).
    const { RoleLastUsed: _unused, MaxSessionDuration: _omitted, ...created } = roleView(role);
    return done({ Role: created }, [put('roles', nameKey(input.RoleName), role)]);
  },
});

export const getRole = defineOperation({
  service: 'iam',
  name: 'GetRole',
  resource: (input: GetRoleRequest, env) => roleArnFor(env, input.RoleName),
  handler: (input: GetRoleRequest, env): OpResult<GetRoleResponse> => withRole(env, input.RoleName, (role) => done({ Role: roleView(role) })),
});

export const updateRole = defineOperation({
  service: 'iam',
  name: 'UpdateRole',
  resource: (input: UpdateRoleRequest, env) => roleArnFor(env, input.RoleName),
  handler: (input: UpdateRoleRequest, env): OpResult<UpdateRoleResponse> =>
    withRole(env, input.RoleName, (role) => {
      const next: RoleRecord = {
        ...role,
        ...(input.Description !== undefined ? { Description: input.Description } : {}),
        ...(input.MaxSessionDuration !== undefined ? { MaxSessionDuration: input.MaxSessionDuration } : {}),
      };
      return done({}, [put('roles', nameKey(role.RoleName), next)]);
    }),
});

export const updateAssumeRolePolicy = defineOperation({
  service: 'iam',
  name: 'UpdateAssumeRolePolicy',
  resource: (input: UpdateAssumeRolePolicyRequest, env) => roleArnFor(env, input.RoleName),
  handler: (input: UpdateAssumeRolePolicyRequest, env): OpResult<Record<string, never>> =>
    withRole(env, input.RoleName, (role) => {
      const trustError = checkTrustPolicy(env, input.PolicyDocument);
      if (trustError) return fail(trustError);
      return done({}, [put('roles', nameKey(role.RoleName), { ...role, AssumeRolePolicyDocument: input.PolicyDocument })]);
    }),
});

export const deleteRole = defineOperation({
  service: 'iam',
  name: 'DeleteRole',
  resource: (input: DeleteRoleRequest, env) => roleArnFor(env, input.RoleName),
  handler: (input: DeleteRoleRequest, env): OpResult<Record<string, never>> =>
    withRole(env, input.RoleName, (role) => {
      // When several conflicts apply, the profile is reported first, then managed, then inline policies [BEL order].
      if (profileKeysForRole(env.state, role.RoleName).size) return fail(iamErrors.deleteRoleInProfile());
      if (role.attachedPolicyArns.length) return fail(iamErrors.deleteRoleWithAttachedPolicies());
      if (Object.keys(role.inlinePolicies).length) return fail(iamErrors.deleteRoleWithInlinePolicies());
      return done({}, [remove('roles', nameKey(role.RoleName))]);
    }),
});

export const listRoles = defineOperation({
  service: 'iam',
  name: 'ListRoles',
  // ListRoles has no resource-level permissions; AWS names the account's role path in its denial [BEL].
  resource: (input: ListRolesRequest, env) => `arn:aws:iam::${env.state.account.accountId}:role${input.PathPrefix ?? '/'}`,
  handler(input: ListRolesRequest, env): OpResult<ListRolesResponse> {
    // AWS documents no order; the lab lists roles by name, ignoring case, so that paging is stable [BEL].
    // Table keys are the lower-cased names, so sorting the keys sorts the roles.
    const roles = env.state.tables.roles;
    const prefix = input.PathPrefix ?? '/';
    const sorted = sortedKeys(env.state, 'roles');
    const keys = prefix === '/' ? sorted : sorted.filter((k) => roles[k]?.Path.startsWith(prefix));
    const page = pageOf(keys, (k) => k, input, { sorted: true });
    if (!page.ok) return fail(page.error);
    const { items, ...paging } = page.value;
    return done({ Roles: items.flatMap((k) => (roles[k] ? [roleSummary(roles[k])] : [])), ...paging });
  },
});

/** What a page of an IAM listing carries besides its items, in the model's order. */
export interface PageInfo {
  IsTruncated: boolean;
  Marker?: string;
}

/**
 * IAM's Marker/MaxItems paging (MaxItems defaults to 100). The Marker is opaque to clients; it
 * carries the key of the last item returned, so a page resumes after it even if items were
 * added or removed meanwhile. In a `sorted` listing a removed item is skipped over by its key.
 */
/** Binary search: the first item whose key sorts after `key`, or -1. */
function firstAfter<T>(items: readonly T[], keyOf: (item: T) => string, key: string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyOf(items[mid] as T) <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo < items.length ? lo : -1;
}

export function pageOf<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  request: { Marker?: string; MaxItems?: number },
  { sorted }: { sorted: boolean },
): Result<PageInfo & { items: T[] }, AwsError> {
  let start = 0;
  if (request.Marker !== undefined) {
    const after = decodeMarker(request.Marker);
    if (after === undefined) return err(iamErrors.invalidMarker());
    const at = sorted ? firstAfter(items, keyOf, after) : items.findIndex((item) => keyOf(item) === after) + 1;
    if (!sorted && at === 0) return err(iamErrors.invalidMarker());
    start = at < 0 ? items.length : at;
  }
  const end = Math.min(items.length, start + (request.MaxItems ?? 100));
  const page = items.slice(start, end);
  const last = page[page.length - 1];
  if (end < items.length && last !== undefined) return ok({ items: page, IsTruncated: true, Marker: encodeMarker(keyOf(last)) });
  return ok({ items: page, IsTruncated: false });
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of the URI-encoded key: opaque, printable and within the model's 320-character Marker limit for IAM names. */
function encodeMarker(key: string): string {
  const text = encodeURIComponent(key);
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const bytes = [text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2)];
    const n = ((bytes[0] ?? 0) << 16) | ((bytes[1] || 0) << 8) | (bytes[2] || 0);
    const chars = [18, 12, 6, 0].map((shift) => BASE64[(n >> shift) & 63]);
    out += chars.slice(0, Math.min(4, text.length - i + 1)).join('');
  }
  return out + '='.repeat((4 - (out.length % 4)) % 4);
}

function decodeMarker(marker: string): string | undefined {
  const body = marker.replace(/=+$/, '');
  if (![...body].every((c) => BASE64.includes(c))) return undefined;
  let text = '';
  for (let i = 0; i < body.length; i += 4) {
    const group = body.slice(i, i + 4);
    const n = [...group.padEnd(4, 'A')].reduce((acc, c) => (acc << 6) | BASE64.indexOf(c), 0);
    text += String.fromCharCode((n >> 16) & 255, (n >> 8) & 255, n & 255).slice(0, group.length - 1);
  }
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
