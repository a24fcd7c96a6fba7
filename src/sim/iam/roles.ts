import type { CreateRoleRequest, CreateRoleResponse, GetRoleRequest, GetRoleResponse, Role } from '../models/iam.types';
import { iamArn } from '../core/arn';
import { put } from '../core/changes';
import { iamUniqueId, uniqueId } from '../core/ids';
import { defineOperation, done, fail, type OpEnv, type OpResult } from '../core/operation';
import { nameKey, type RoleRecord } from '../core/state';
import { isoSeconds } from '../core/time';
import { iamErrors } from './errors';

/** The role as GetRole prints it, fields in the model's order. */
export function roleView(role: RoleRecord): Role {
  return {
    Path: role.Path,
    RoleName: role.RoleName,
    RoleId: role.RoleId,
    Arn: role.Arn,
    CreateDate: role.CreateDate,
    AssumeRolePolicyDocument: role.AssumeRolePolicyDocument,
    ...(role.Description !== undefined ? { Description: role.Description } : {}),
    MaxSessionDuration: role.MaxSessionDuration,
    ...(role.Tags.length ? { Tags: role.Tags } : {}),
    RoleLastUsed: role.RoleLastUsed,
  };
}

export const findRole = (env: OpEnv, roleName: string): RoleRecord | undefined => env.state.tables.roles[nameKey(roleName)];

export const createRole = defineOperation({
  service: 'iam',
  name: 'CreateRole',
  handler(input: CreateRoleRequest, env): OpResult<CreateRoleResponse> {
    if (findRole(env, input.RoleName)) return fail(iamErrors.roleAlreadyExists(input.RoleName));
    const path = input.Path ?? '/';
    const roleId = uniqueId(() => iamUniqueId(env.random, 'AROA'), () => false);
    const role: RoleRecord = {
      Path: path,
      RoleName: input.RoleName,
      RoleId: roleId,
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
    const { RoleLastUsed: _unused, MaxSessionDuration: _omitted, ...created } = roleView(role);
    return done({ Role: created }, [put('roles', nameKey(input.RoleName), role)]);
  },
});

export const getRole = defineOperation({
  service: 'iam',
  name: 'GetRole',
  handler(input: GetRoleRequest, env): OpResult<GetRoleResponse> {
    const role = findRole(env, input.RoleName);
    if (!role) return fail(iamErrors.noSuchRole(input.RoleName));
    return done({ Role: roleView(role) });
  },
});
