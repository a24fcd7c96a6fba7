import type { GetResourcesInput, GetResourcesOutput, ResourceTagMapping, TagFilter } from '../models/resourcegroupstaggingapi.types';
import { ec2InstanceArn } from '../core/arn';
import { defineOperation, done, fail, type OpResult } from '../core/operation';
import type { SimState, Tag } from '../core/state';
import { base64Decode, base64Encode } from '../sts/encoding';
import { taggingErrors } from './errors';

const DEFAULT_RESOURCES_PER_PAGE = 100; // [BEL] AWS documents the maximum only.
const MAX_RESOURCES_PER_PAGE = 100;

interface Tagged {
  arn: string;
  /** `service:type`, as ResourceTypeFilters name it. */
  type: string;
  tags: Tag[];
}

/**
 * What GetResources can return here: tagged EC2 instances. IAM roles and instance profiles are
 * taggable through this API but never returned by it, as on AWS; their tags are read with
 * `iam list-role-tags` / `list-instance-profile-tags`. [BEL] AWS also lists resources that
 * once had tags (with `"Tags": []`) and terminated instances for a while; the lab does neither.
 */
function taggedResources(state: SimState): Tagged[] {
  const { region, accountId } = state.account;
  return Object.values(state.tables.instances)
    .filter((i) => i.Tags.length > 0 && i.State.Name !== 'terminated')
    .map((i) => ({ arn: ec2InstanceArn(region, accountId, i.InstanceId), type: 'ec2:instance', tags: i.Tags }))
    .sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0));
}

/** `ec2` names every EC2 type, `ec2:instance` one; case does not matter. */
const typeMatches = (filters: readonly string[], type: string): boolean =>
  filters.some((f) => {
    const filter = f.toLowerCase();
    return filter === type || filter === type.slice(0, type.indexOf(':'));
  });

/** Every filter must hold (AND); within one, any of its values (OR); a filter without values asks for the key only. */
const tagFiltersMatch = (filters: readonly TagFilter[], tags: readonly Tag[]): boolean =>
  filters.every((f) => tags.some((t) => t.Key === f.Key && (!f.Values?.length || f.Values.includes(t.Value))));

export const getResources = defineOperation({
  service: 'resourcegroupstaggingapi',
  name: 'GetResources',
  handler(input: GetResourcesInput, env): OpResult<GetResourcesOutput> {
    const token = input.PaginationToken || undefined;
    if (input.ResourceARNList !== undefined) {
      if (input.TagFilters !== undefined) return fail(taggingErrors.arnListWithTagFilters());
      if (token !== undefined || input.ResourcesPerPage !== undefined || input.TagsPerPage !== undefined) return fail(taggingErrors.arnListWithPaging());
    }
    const perPage = input.ResourcesPerPage ?? DEFAULT_RESOURCES_PER_PAGE;
    if (perPage < 1 || perPage > MAX_RESOURCES_PER_PAGE) return fail(taggingErrors.resourcesPerPage(perPage));
    const after = token === undefined ? undefined : base64Decode(token);
    if (token !== undefined && !after?.startsWith('arn:')) return fail(taggingErrors.invalidPaginationToken());

    const wanted = input.ResourceARNList ? new Set(input.ResourceARNList) : undefined;
    const types = input.ResourceTypeFilters ?? [];
    const matching = taggedResources(env.state).filter(
      (r) => (!wanted || wanted.has(r.arn)) && (!types.length || typeMatches(types, r.type)) && tagFiltersMatch(input.TagFilters ?? [], r.tags),
    );
    // All of the lab's resources are compliant: there are no tag policies.
    const listed = input.IncludeComplianceDetails && input.ExcludeCompliantResources ? [] : matching;
    const start = after === undefined ? 0 : listed.findIndex((r) => r.arn > after);
    const from = start < 0 ? listed.length : start;
    const page = listed.slice(from, from + perPage);
    const more = from + perPage < listed.length;
    const last = page[page.length - 1];
    return done({
      PaginationToken: more && last ? base64Encode(last.arn) : '',
      ResourceTagMappingList: page.map((r): ResourceTagMapping => ({
        ResourceARN: r.arn,
        Tags: r.tags.map((t) => ({ Key: t.Key, Value: t.Value })),
        ...(input.IncludeComplianceDetails ? { ComplianceDetails: { NoncompliantKeys: [], KeysWithNoncompliantValues: [], ComplianceStatus: true } } : {}),
      })),
    });
  },
});
