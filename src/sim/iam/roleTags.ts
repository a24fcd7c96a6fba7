import type { ListRoleTagsRequest, ListRoleTagsResponse, TagRoleRequest, UntagRoleRequest } from '../models/iam.types';
import { put } from '../core/changes';
import { defineOperation, done, fail, type OpResult } from '../core/operation';
import { nameKey } from '../core/state';
import { mergeTags, removeTagKeys } from '../core/tags';
import { iamErrors } from './errors';
import { duplicateTagKeys, pageOf, roleArnFor, withRole } from './roles';

/** Role tags through IAM's own API (the tagging API reaches the same tags through its own operations). */

export const tagRole = defineOperation({
  service: 'iam',
  name: 'TagRole',
  resource: (input: TagRoleRequest, env) => roleArnFor(env, input.RoleName),
  handler: (input: TagRoleRequest, env): OpResult<Record<string, never>> =>
    withRole(env, input.RoleName, (role) => {
      if (duplicateTagKeys(input.Tags)) return fail(iamErrors.duplicateTagKeys());
      const Tags = mergeTags(role.Tags, input.Tags);
      if (!Tags) return fail(iamErrors.roleTagsQuota());
      return done({}, [put('roles', nameKey(role.RoleName), { ...role, Tags })]);
    }),
});

export const untagRole = defineOperation({
  service: 'iam',
  name: 'UntagRole',
  resource: (input: UntagRoleRequest, env) => roleArnFor(env, input.RoleName),
  handler: (input: UntagRoleRequest, env): OpResult<Record<string, never>> =>
    withRole(env, input.RoleName, (role) =>
      done({}, [put('roles', nameKey(role.RoleName), { ...role, Tags: removeTagKeys(role.Tags, input.TagKeys) })]),
    ),
});

export const listRoleTags = defineOperation({
  service: 'iam',
  name: 'ListRoleTags',
  resource: (input: ListRoleTagsRequest, env) => roleArnFor(env, input.RoleName),
  handler: (input: ListRoleTagsRequest, env): OpResult<ListRoleTagsResponse> =>
    withRole(env, input.RoleName, (role) => {
      // In the order they were added; a key overwritten keeps its place.
      const page = pageOf(role.Tags, (t) => t.Key.toLowerCase(), input, { sorted: false });
      if (!page.ok) return fail(page.error);
      const { items, ...paging } = page.value;
      return done({ Tags: items, ...paging });
    }),
});
