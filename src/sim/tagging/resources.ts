import { parseArn } from '../core/arn';
import { exhaustive } from '../core/assert';
import { put, type Change } from '../core/changes';
import type { AwsError } from '../core/errors';
import { validateInput } from '../core/model';
import type { Permission } from '../core/operation';
import { err, ok, type Result } from '../core/result';
import { nameKey, type SimState, type Tag, own } from '../core/state';
import { mergeTags, MAX_TAGS_PER_RESOURCE, removeTagKeys } from '../core/tags';
import { ec2Errors } from '../ec2/errors';
import { iamErrors, iamValidationError } from '../iam/errors';
import { findProfileByArn } from '../iam/instanceProfiles';
import { duplicateTagKeys } from '../iam/roles';
import { ec2TagQuota, failureOf, unsupportedResource, type ResourceFailure } from './errors';

/**
 * The resources the tagging API reaches in the simulator, by ARN: IAM roles and instance
 * profiles (global), and EC2 instances (regional). Each keeps its tags where its own service
 * does, so `iam list-role-tags` and `ec2 describe-instances` see what the tagging API wrote.
 */
export type TaggableResource =
  | { kind: 'role'; arn: string; name: string }
  | { kind: 'instance-profile'; arn: string; name: string }
  | { kind: 'instance'; arn: string; id: string };

export function parseTaggable(arn: string): TaggableResource | undefined {
  const parsed = parseArn(arn);
  if (!parsed || parsed.partition !== 'aws') return undefined;
  const slash = parsed.resource.indexOf('/');
  const type = parsed.resource.slice(0, slash);
  const name = parsed.resource.slice(parsed.resource.lastIndexOf('/') + 1);
  if (slash < 0 || name === '') return undefined;
  if (parsed.service === 'iam' && parsed.region === '' && type === 'role') return { kind: 'role', arn, name };
  if (parsed.service === 'iam' && parsed.region === '' && type === 'instance-profile') return { kind: 'instance-profile', arn, name };
  if (parsed.service === 'ec2' && type === 'instance' && slash === parsed.resource.lastIndexOf('/')) return { kind: 'instance', arn, id: name };
  return undefined;
}

/** The permission the owning service asks for on top of the tagging API's own. */
export function underlyingPermission(arn: string, change: 'tag' | 'untag'): Permission | undefined {
  const target = parseTaggable(arn);
  if (!target) return undefined;
  const action = {
    role: change === 'tag' ? 'iam:TagRole' : 'iam:UntagRole',
    'instance-profile': change === 'tag' ? 'iam:TagInstanceProfile' : 'iam:UntagInstanceProfile',
    instance: change === 'tag' ? 'ec2:CreateTags' : 'ec2:DeleteTags',
  }[target.kind];
  return { action, resource: arn };
}

type TagEdit = { tag: Tag[] } | { untag: string[] };

/** The change that applies an edit to one resource, or the failure its own service would report. */
export function editTags(state: SimState, arn: string, edit: TagEdit): Result<Change, ResourceFailure> {
  const target = parseTaggable(arn);
  if (!target) return err(unsupportedResource());
  const { accountId, region } = state.account;
  const parsed = parseArn(arn);
  const here = parsed?.account === accountId;
  switch (target.kind) {
    case 'role': {
      const role = here ? own(state.tables.roles, nameKey(target.name)) : undefined;
      if (!role || role.Arn !== arn) return err(failureOf(iamErrors.noSuchRole(target.name)));
      const tags = iamTags(role.Tags, edit, { RoleName: role.RoleName }, ['TagRole', 'UntagRole'], iamErrors.roleTagsQuota);
      return tags.ok ? ok(put('roles', nameKey(role.RoleName), { ...role, Tags: tags.value })) : tags;
    }
    case 'instance-profile': {
      const profile = here ? findProfileByArn(state, arn) : undefined;
      if (!profile) return err(failureOf(iamErrors.noSuchInstanceProfile(target.name)));
      const tags = iamTags(profile.Tags, edit, { InstanceProfileName: profile.InstanceProfileName }, ['TagInstanceProfile', 'UntagInstanceProfile'], iamErrors.profileTagsQuota);
      return tags.ok ? ok(put('instanceProfiles', nameKey(profile.InstanceProfileName), { ...profile, Tags: tags.value })) : tags;
    }
    case 'instance': {
      const instance = here && parsed?.region === region ? own(state.tables.instances, target.id) : undefined;
      if (!instance) return err(failureOf(ec2Errors.instancesNotFound([target.id])));
      const tags = 'untag' in edit ? instance.Tags.filter((t) => !edit.untag.includes(t.Key)) : mergeEc2Tags(instance.Tags, edit.tag);
      return tags ? ok(put('instances', instance.InstanceId, { ...instance, Tags: tags })) : err(ec2TagQuota());
    }
    default:
      return exhaustive(target);
  }
}

/**
 * IAM checks the tags as its own Tag/Untag operation would: against its model (characters,
 * lengths), then for duplicate keys and its quota. Keys compare case-insensitively in IAM.
 */
function iamTags(
  existing: readonly Tag[],
  edit: TagEdit,
  identity: Record<string, string>,
  [tagOp, untagOp]: [string, string],
  quota: () => AwsError,
): Result<Tag[], ResourceFailure> {
  const operation = 'tag' in edit ? tagOp : untagOp;
  const violations = validateInput('iam', operation, 'tag' in edit ? { ...identity, Tags: edit.tag } : { ...identity, TagKeys: edit.untag });
  if (violations.length) return err(failureOf(iamValidationError(operation, violations)));
  if ('untag' in edit) return ok(removeTagKeys(existing, edit.untag));
  if (duplicateTagKeys(edit.tag)) return err(failureOf(iamErrors.duplicateTagKeys()));
  const merged = mergeTags(existing, edit.tag);
  return merged ? ok(merged) : err(failureOf(quota()));
}

/** EC2 tag keys are case-sensitive: `Name` and `name` are two tags. */
function mergeEc2Tags(existing: readonly Tag[], incoming: readonly Tag[]): Tag[] | undefined {
  const merged = existing.map((t) => ({ ...t }));
  for (const tag of incoming) {
    const at = merged.findIndex((t) => t.Key === tag.Key);
    if (at >= 0) merged[at] = { Key: tag.Key, Value: tag.Value };
    else merged.push({ Key: tag.Key, Value: tag.Value });
  }
  return merged.length > MAX_TAGS_PER_RESOURCE ? undefined : merged;
}
