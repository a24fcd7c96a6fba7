import type { TagResourcesInput, UntagResourcesInput } from '../models/resourcegroupstaggingapi.types';
import type { Change } from '../core/changes';
import { defineOperation, done, type OpResult, type Permission } from '../core/operation';
import type { SimState } from '../core/state';
import type { ResourceFailure } from './errors';
import { editTags, underlyingPermission } from './resources';

/** TagResources and UntagResources answer with the resources they could not change; the others are changed. */
export interface TagEditOutput {
  FailedResourcesMap: Record<string, ResourceFailure>;
}

function applyToAll(state: SimState, arns: readonly string[], edit: Parameters<typeof editTags>[2]): OpResult<TagEditOutput> {
  const FailedResourcesMap: Record<string, ResourceFailure> = {};
  const changes: Change[] = [];
  for (const arn of new Set(arns)) {
    const result = editTags(state, arn, edit);
    if (result.ok) changes.push(result.value);
    else FailedResourcesMap[arn] = result.error;
  }
  return done({ FailedResourcesMap }, changes);
}

const permissionsFor = (arns: readonly string[], change: 'tag' | 'untag'): Permission[] =>
  arns.flatMap((arn) => underlyingPermission(arn, change) ?? []);

export const tagResources = defineOperation({
  service: 'resourcegroupstaggingapi',
  name: 'TagResources',
  extraPermissions: (input: TagResourcesInput) => permissionsFor(input.ResourceARNList, 'tag'),
  handler(input: TagResourcesInput, env): OpResult<TagEditOutput> {
    const tags = Object.entries(input.Tags).map(([Key, Value]) => ({ Key, Value }));
    return applyToAll(env.state, input.ResourceARNList, { tag: tags });
  },
});

export const untagResources = defineOperation({
  service: 'resourcegroupstaggingapi',
  name: 'UntagResources',
  extraPermissions: (input: UntagResourcesInput) => permissionsFor(input.ResourceARNList, 'untag'),
  handler(input: UntagResourcesInput, env): OpResult<TagEditOutput> {
    return applyToAll(env.state, input.ResourceARNList, { untag: input.TagKeys });
  },
});
