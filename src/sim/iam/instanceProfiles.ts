import type {
  AddRoleToInstanceProfileRequest,
  CreateInstanceProfileRequest,
  CreateInstanceProfileResponse,
  DeleteInstanceProfileRequest,
  GetInstanceProfileRequest,
  GetInstanceProfileResponse,
  InstanceProfile,
  ListInstanceProfileTagsRequest,
  ListInstanceProfileTagsResponse,
  ListInstanceProfilesForRoleRequest,
  ListInstanceProfilesForRoleResponse,
  ListInstanceProfilesRequest,
  ListInstanceProfilesResponse,
  RemoveRoleFromInstanceProfileRequest,
  TagInstanceProfileRequest,
  UntagInstanceProfileRequest,
} from '../models/iam.types';
import { iamArn, parseArn } from '../core/arn';
import { put, remove } from '../core/changes';
import { iamUniqueId, uniqueId } from '../core/ids';
import { profileKeyById, profileKeysForRole, rowCount, sortedKeys } from '../core/indexes';
import { defineOperation, done, fail, type OpEnv, type OpResult } from '../core/operation';
import { nameKey, type InstanceProfileRecord, type RoleRecord, type SimState, own } from '../core/state';
import { mergeTags, removeTagKeys } from '../core/tags';
import { isoSeconds } from '../core/time';
import { iamErrors } from './errors';
import { duplicateTagKeys, pageOf, roleCoreView } from './roles';

// ---- Look-ups for EC2, the console and the graph -------------------------------------------

export const findProfileByName = (state: SimState, name: string): InstanceProfileRecord | undefined => own(state.tables.instanceProfiles, nameKey(name));

/** The profile an ARN names, path included (`…:instance-profile/path/Name`); undefined for any other ARN. */
export function findProfileByArn(state: SimState, arn: string): InstanceProfileRecord | undefined {
  const parsed = parseArn(arn);
  if (!parsed || parsed.service !== 'iam' || !parsed.resource.startsWith('instance-profile/')) return undefined;
  const profile = findProfileByName(state, parsed.resource.slice(parsed.resource.lastIndexOf('/') + 1));
  return profile?.Arn === arn ? profile : undefined;
}

/** By unique id (AIPA…): what an association keeps, so a re-created profile of the same name is a different one. */
export function findProfileById(state: SimState, id: string): InstanceProfileRecord | undefined {
  const key = profileKeyById(state, id);
  return key === undefined ? undefined : own(state.tables.instanceProfiles, key);
}

/** The profiles holding a role, ordered by name. */
export const profilesForRole = (state: SimState, roleName: string): InstanceProfileRecord[] =>
  profilesByKeys(state, [...profileKeysForRole(state, roleName)].sort());

/** The role in a profile, if it has one. */
export const roleOfProfile = (state: SimState, profile: InstanceProfileRecord): RoleRecord | undefined =>
  profile.roleName === null ? undefined : own(state.tables.roles, nameKey(profile.roleName));

const profilesByKeys = (state: SimState, keys: readonly string[]): InstanceProfileRecord[] =>
  keys.flatMap((k) => own(state.tables.instanceProfiles, k) ?? []);

// ---- Views ---------------------------------------------------------------------------------

/** The profile in the model's field order; Tags only where AWS returns them and only when there are some. */
function profileView(state: SimState, profile: InstanceProfileRecord, withTags: boolean): InstanceProfile {
  const role = roleOfProfile(state, profile);
  return {
    Path: profile.Path,
    InstanceProfileName: profile.InstanceProfileName,
    InstanceProfileId: profile.InstanceProfileId,
    Arn: profile.Arn,
    CreateDate: profile.CreateDate,
    Roles: role ? [roleCoreView(role)] : [],
    ...(withTags && profile.Tags.length ? { Tags: profile.Tags } : {}),
  };
}

// ---- Helpers -------------------------------------------------------------------------------

const profileKey = (name: string) => nameKey(name);

/** The ARN IAM authorizes against: the profile's own, or the one it would have at path `/`. */
const profileArnFor = (env: OpEnv, name: string): string =>
  findProfileByName(env.state, name)?.Arn ?? iamArn(env.state.account.accountId, 'instance-profile', '/', name);

const findRole = (state: SimState, roleName: string): RoleRecord | undefined => own(state.tables.roles, nameKey(roleName));

// ---- Operations ----------------------------------------------------------------------------

export const createInstanceProfile = defineOperation({
  service: 'iam',
  name: 'CreateInstanceProfile',
  resource: (input: CreateInstanceProfileRequest, env) => iamArn(env.state.account.accountId, 'instance-profile', input.Path ?? '/', input.InstanceProfileName),
  handler(input: CreateInstanceProfileRequest, env): OpResult<CreateInstanceProfileResponse> {
    if (findProfileByName(env.state, input.InstanceProfileName)) return fail(iamErrors.instanceProfileAlreadyExists(input.InstanceProfileName));
    const tags = input.Tags ?? [];
    if (duplicateTagKeys(tags)) return fail(iamErrors.duplicateTagKeys());
    const quota = env.state.account.quotas.instanceProfilesPerAccount;
    if (rowCount(env.state, 'instanceProfiles') >= quota) return fail(iamErrors.instanceProfilesQuota(quota));
    const path = input.Path ?? '/';
    const visibleAt = env.now + env.state.account.timing.profilePropagationSeconds * 1000;
    const profile: InstanceProfileRecord = {
      Path: path,
      InstanceProfileName: input.InstanceProfileName,
      InstanceProfileId: uniqueId(() => iamUniqueId(env.random, 'AIPA'), (id) => profileKeyById(env.state, id) !== undefined),
      Arn: iamArn(env.state.account.accountId, 'instance-profile', path, input.InstanceProfileName),
      CreateDate: isoSeconds(env.now),
      Tags: tags.map((t) => ({ Key: t.Key, Value: t.Value })),
      roleName: null,
      // The console makes a same-named profile for an EC2 role without being asked; the graph says so.
      createdBy: env.origin === 'console' ? 'console' : 'api',
      visibleToEc2At: visibleAt,
      roleVisibleToEc2At: visibleAt,
    };
    return done({ InstanceProfile: profileView(env.state, profile, true) }, [put('instanceProfiles', profileKey(profile.InstanceProfileName), profile)]);
  },
});

export const getInstanceProfile = defineOperation({
  service: 'iam',
  name: 'GetInstanceProfile',
  resource: (input: GetInstanceProfileRequest, env) => profileArnFor(env, input.InstanceProfileName),
  handler(input: GetInstanceProfileRequest, env): OpResult<GetInstanceProfileResponse> {
    const profile = findProfileByName(env.state, input.InstanceProfileName);
    if (!profile) return fail(iamErrors.noSuchInstanceProfile(input.InstanceProfileName));
    return done({ InstanceProfile: profileView(env.state, profile, true) });
  },
});

/** Lists without Tags, as ListRoles leaves them out [BEL]. */
export const listInstanceProfiles = defineOperation({
  service: 'iam',
  name: 'ListInstanceProfiles',
  handler(input: ListInstanceProfilesRequest, env): OpResult<ListInstanceProfilesResponse> {
    const prefix = input.PathPrefix ?? '/';
    // [BEL] AWS documents no order; by name ignoring case (the table keys) is stable for paging.
    const profiles = env.state.tables.instanceProfiles;
    const sorted = sortedKeys(env.state, 'instanceProfiles');
    const keys = prefix === '/' ? sorted : sorted.filter((k) => own(profiles, k)?.Path.startsWith(prefix));
    const page = pageOf(keys, (k) => k, input, { sorted: true });
    if (!page.ok) return fail(page.error);
    const { items, ...paging } = page.value;
    return done({ InstanceProfiles: profilesByKeys(env.state, items).map((p) => profileView(env.state, p, false)), ...paging });
  },
});

export const listInstanceProfilesForRole = defineOperation({
  service: 'iam',
  name: 'ListInstanceProfilesForRole',
  handler(input: ListInstanceProfilesForRoleRequest, env): OpResult<ListInstanceProfilesForRoleResponse> {
    if (!findRole(env.state, input.RoleName)) return fail(iamErrors.noSuchRole(input.RoleName));
    const page = pageOf(profilesForRole(env.state, input.RoleName), (p) => profileKey(p.InstanceProfileName), input, { sorted: true });
    if (!page.ok) return fail(page.error);
    const { items, ...paging } = page.value;
    return done({ InstanceProfiles: items.map((p) => profileView(env.state, p, false)), ...paging });
  },
});

/**
 * Puts a role in an empty profile. Any role goes, whatever its trust policy (an EKS or DAX role
 * too): IAM does not check that EC2 may assume it; the metadata service does, later.
 */
export const addRoleToInstanceProfile = defineOperation({
  service: 'iam',
  name: 'AddRoleToInstanceProfile',
  resource: (input: AddRoleToInstanceProfileRequest, env) => profileArnFor(env, input.InstanceProfileName),
  extraPermissions: (input: AddRoleToInstanceProfileRequest, env) => {
    const role = findRole(env.state, input.RoleName);
    return role ? [{ action: 'iam:PassRole', resource: role.Arn }] : [];
  },
  handler(input: AddRoleToInstanceProfileRequest, env): OpResult<Record<string, never>> {
    const profile = findProfileByName(env.state, input.InstanceProfileName);
    if (!profile) return fail(iamErrors.noSuchInstanceProfile(input.InstanceProfileName));
    const role = findRole(env.state, input.RoleName);
    if (!role) return fail(iamErrors.noSuchRole(input.RoleName));
    // One role per profile is a hard limit; adding the role that is already there hits it too [BEL].
    if (profile.roleName !== null) return fail(iamErrors.rolesPerProfileQuota());
    const updated: InstanceProfileRecord = {
      ...profile,
      roleName: role.RoleName,
      roleVisibleToEc2At: env.now + env.state.account.timing.profilePropagationSeconds * 1000,
    };
    return done({}, [put('instanceProfiles', profileKey(profile.InstanceProfileName), updated)]);
  },
});

/** Takes the role out of the profile; the role itself stays. */
export const removeRoleFromInstanceProfile = defineOperation({
  service: 'iam',
  name: 'RemoveRoleFromInstanceProfile',
  resource: (input: RemoveRoleFromInstanceProfileRequest, env) => profileArnFor(env, input.InstanceProfileName),
  handler(input: RemoveRoleFromInstanceProfileRequest, env): OpResult<Record<string, never>> {
    const profile = findProfileByName(env.state, input.InstanceProfileName);
    if (!profile) return fail(iamErrors.noSuchInstanceProfile(input.InstanceProfileName));
    if (!findRole(env.state, input.RoleName)) return fail(iamErrors.noSuchRole(input.RoleName));
    if (profile.roleName === null || nameKey(profile.roleName) !== nameKey(input.RoleName)) {
      return fail(iamErrors.roleNotInProfile(input.RoleName, profile.InstanceProfileName));
    }
    return done({}, [put('instanceProfiles', profileKey(profile.InstanceProfileName), { ...profile, roleName: null })]);
  },
});

/**
 * Deletes an empty profile. AWS allows it while an instance still uses the profile: the
 * association keeps the old ARN and id, and the metadata service then reports the profile gone.
 */
export const deleteInstanceProfile = defineOperation({
  service: 'iam',
  name: 'DeleteInstanceProfile',
  resource: (input: DeleteInstanceProfileRequest, env) => profileArnFor(env, input.InstanceProfileName),
  handler(input: DeleteInstanceProfileRequest, env): OpResult<Record<string, never>> {
    const profile = findProfileByName(env.state, input.InstanceProfileName);
    if (!profile) return fail(iamErrors.noSuchInstanceProfile(input.InstanceProfileName));
    if (profile.roleName !== null) return fail(iamErrors.deleteProfileWithRole());
    return done({}, [remove('instanceProfiles', profileKey(profile.InstanceProfileName))]);
  },
});

export const tagInstanceProfile = defineOperation({
  service: 'iam',
  name: 'TagInstanceProfile',
  resource: (input: TagInstanceProfileRequest, env) => profileArnFor(env, input.InstanceProfileName),
  handler(input: TagInstanceProfileRequest, env): OpResult<Record<string, never>> {
    const profile = findProfileByName(env.state, input.InstanceProfileName);
    if (!profile) return fail(iamErrors.noSuchInstanceProfile(input.InstanceProfileName));
    if (duplicateTagKeys(input.Tags)) return fail(iamErrors.duplicateTagKeys());
    const tags = mergeTags(profile.Tags, input.Tags);
    if (!tags) return fail(iamErrors.profileTagsQuota());
    return done({}, [put('instanceProfiles', profileKey(profile.InstanceProfileName), { ...profile, Tags: tags })]);
  },
});

export const untagInstanceProfile = defineOperation({
  service: 'iam',
  name: 'UntagInstanceProfile',
  resource: (input: UntagInstanceProfileRequest, env) => profileArnFor(env, input.InstanceProfileName),
  handler(input: UntagInstanceProfileRequest, env): OpResult<Record<string, never>> {
    const profile = findProfileByName(env.state, input.InstanceProfileName);
    if (!profile) return fail(iamErrors.noSuchInstanceProfile(input.InstanceProfileName));
    const tags = removeTagKeys(profile.Tags, input.TagKeys);
    return done({}, [put('instanceProfiles', profileKey(profile.InstanceProfileName), { ...profile, Tags: tags })]);
  },
});

export const listInstanceProfileTags = defineOperation({
  service: 'iam',
  name: 'ListInstanceProfileTags',
  resource: (input: ListInstanceProfileTagsRequest, env) => profileArnFor(env, input.InstanceProfileName),
  handler(input: ListInstanceProfileTagsRequest, env): OpResult<ListInstanceProfileTagsResponse> {
    const profile = findProfileByName(env.state, input.InstanceProfileName);
    if (!profile) return fail(iamErrors.noSuchInstanceProfile(input.InstanceProfileName));
    // In the order they were added; a key overwritten keeps its place.
    const page = pageOf(profile.Tags, (t) => t.Key.toLowerCase(), input, { sorted: false });
    if (!page.ok) return fail(page.error);
    const { items, ...paging } = page.value;
    return done({ Tags: items, ...paging });
  },
});

export const instanceProfileOperations = [
  createInstanceProfile,
  getInstanceProfile,
  listInstanceProfiles,
  listInstanceProfilesForRole,
  addRoleToInstanceProfile,
  removeRoleFromInstanceProfile,
  deleteInstanceProfile,
  tagInstanceProfile,
  untagInstanceProfile,
  listInstanceProfileTags,
] as const;
