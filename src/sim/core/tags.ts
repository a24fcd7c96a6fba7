import type { Tag } from './state';

/** AWS's per-resource tag quota for IAM roles and instance profiles. */
export const MAX_TAGS_PER_RESOURCE = 50;

/**
 * Merges tags as TagRole / TagInstanceProfile / TagResources do: a key already present is
 * overwritten in place (keys compare case-insensitively), new keys are appended.
 * Returns undefined when the result would exceed the quota.
 */
export function mergeTags(existing: readonly Tag[], incoming: readonly Tag[]): Tag[] | undefined {
  const merged = existing.map((t) => ({ ...t }));
  for (const tag of incoming) {
    const at = merged.findIndex((t) => t.Key.toLowerCase() === tag.Key.toLowerCase());
    if (at >= 0) merged[at] = { Key: tag.Key, Value: tag.Value };
    else merged.push({ Key: tag.Key, Value: tag.Value });
  }
  return merged.length > MAX_TAGS_PER_RESOURCE ? undefined : merged;
}

/** Removes the given keys (case-insensitively); keys that are not there are ignored, as AWS does. */
export function removeTagKeys(existing: readonly Tag[], keys: readonly string[]): Tag[] {
  const drop = new Set(keys.map((k) => k.toLowerCase()));
  return existing.filter((t) => !drop.has(t.Key.toLowerCase()));
}
