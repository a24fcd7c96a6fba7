import { parseArn } from '../sim/core/arn';
import type { MissingKey } from './keys';
import type { CheckContext, CheckResult, MetError, Missing } from './types';

/**
 * The building blocks of step checks. A condition looks at the state (never at what was typed)
 * and says what is still missing, most basic first: when a role does not exist, it does not also
 * complain that the role trusts nobody. A check joins conditions and, when something is missing,
 * puts first what the errors the learner met since the step started tell about the cause.
 */
export type Condition = (ctx: CheckContext) => Missing[];

export const need = (key: MissingKey, values: Record<string, string | number> = {}): Missing => ({ key, values });

const EC2 = 'ec2.amazonaws.com';

export interface CheckOptions {
  /** False where the errors are what the step is about (seeing DeleteConflict is the goal). */
  diagnose?: boolean;
}

export function check(conditions: readonly Condition[], options: CheckOptions = {}): (ctx: CheckContext) => CheckResult {
  return (ctx) => {
    const missing = conditions.flatMap((c) => c(ctx));
    if (!missing.length) return { passed: true };
    return { passed: false, missing: options.diagnose === false ? missing : [...diagnoses(ctx.errors), ...missing] };
  };
}

/** The first condition that misses something: later ones only make sense once earlier ones hold. */
export const inOrder = (...conditions: Condition[]): Condition => (ctx) => {
  for (const condition of conditions) {
    const missing = condition(ctx);
    if (missing.length) return missing;
  }
  return [];
};

// ---- Roles ---------------------------------------------------------------------------------

export const roleTrusts = (role: string, service: string): Condition => (ctx) => {
  const record = ctx.find.role(role);
  if (!record) return [need('missing.roleMissing', { role })];
  return ctx.find.trusts(record, service) ? [] : [need('missing.roleNotTrustedBy', { role, service })];
};

export const ec2Role = (role: string): Condition => roleTrusts(role, EC2);

export const roleHasPermissions = (role: string): Condition => (ctx) => {
  const record = ctx.find.role(role);
  if (!record) return [need('missing.roleMissing', { role })];
  return ctx.find.hasPermissionPolicy(record) ? [] : [need('missing.roleHasNoPermissions', { role })];
};

export const roleAllows = (role: string, action: string, resource: string): Condition => (ctx) => {
  const record = ctx.find.role(role);
  if (!record) return [need('missing.roleMissing', { role })];
  return ctx.find.allows(record, action, resource) ? [] : [need('missing.permissionMissing', { role, action, resource })];
};

/** No profile holds the role: what create-role leaves (the console's EC2 use case does not). */
export const roleStandsAlone = (role: string): Condition => (ctx) =>
  ctx.find.profilesHolding(role).map((p) => need('missing.roleHasProfile', { role, profile: p.InstanceProfileName }));

export const roleDeleted = (role: string): Condition => (ctx) => (ctx.find.role(role) ? [need('missing.roleStillExists', { role })] : []);

export const roleKept = (role: string): Condition => (ctx) => (ctx.find.role(role) ? [] : [need('missing.roleWasDeleted', { role })]);

export const roleTagged = (role: string, key: string): Condition => (ctx) => {
  const record = ctx.find.role(role);
  if (!record) return [need('missing.roleMissing', { role })];
  return record.Tags.some((t) => t.Key === key) ? [] : [need('missing.roleTagMissing', { role, key })];
};

/** A request was signed with the role's credentials since the step started (IAM records its last use). */
export const roleUsed = (role: string): Condition => (ctx) => {
  const record = ctx.find.role(role);
  if (!record) return [need('missing.roleMissing', { role })];
  const used = record.RoleLastUsed.LastUsedDate;
  // LastUsedDate has whole seconds: a use in the step's first second counts.
  return used !== undefined && Date.parse(used) >= Math.floor(ctx.startedAt / 1000) * 1000 ? [] : [need('missing.roleNotUsed', { role })];
};

// ---- Instance profiles ---------------------------------------------------------------------

export const profileExists = (profile: string): Condition => (ctx) => (ctx.find.profile(profile) ? [] : [need('missing.profileMissing', { profile })]);

export const profileHolds = (profile: string, role: string): Condition => (ctx) => {
  const record = ctx.find.profile(profile);
  if (!record) return [need('missing.profileMissing', { profile })];
  if (record.roleName === null) return [need('missing.profileEmpty', { profile })];
  return record.roleName.toLowerCase() === role.toLowerCase() ? [] : [need('missing.profileHoldsOtherRole', { profile, role: record.roleName, expected: role })];
};

export const profileIsEmpty = (profile: string): Condition => (ctx) => {
  const record = ctx.find.profile(profile);
  if (!record) return [need('missing.profileMissing', { profile })];
  return record.roleName === null ? [] : [need('missing.profileNotEmpty', { profile, role: record.roleName })];
};

export const profileDeleted = (profile: string): Condition => (ctx) => (ctx.find.profile(profile) ? [need('missing.profileStillExists', { profile })] : []);

export const profileTagged = (profile: string, key: string): Condition => (ctx) => {
  const record = ctx.find.profile(profile);
  if (!record) return [need('missing.profileMissing', { profile })];
  return record.Tags.some((t) => t.Key === key) ? [] : [need('missing.profileTagMissing', { profile, key })];
};

// ---- Instances -----------------------------------------------------------------------------

const profileNameOfArn = (arn: string): string => {
  const resource = parseArn(arn)?.resource ?? arn;
  return resource.slice(resource.lastIndexOf('/') + 1);
};

/** The instance has a live association (associating or associated) with the named profile. */
export const instanceUses = (name: string, profile: string): Condition => (ctx) => {
  const instance = ctx.find.instance(name);
  if (!instance) return [need('missing.instanceMissing', { name })];
  const association = ctx.find.association(instance);
  if (!association) return [need('missing.instanceHasNoProfile', { name })];
  const attached = ctx.find.attachedProfile(instance);
  const attachedName = attached?.InstanceProfileName ?? profileNameOfArn(association.IamInstanceProfile.Arn);
  return attached && attachedName.toLowerCase() === profile.toLowerCase()
    ? []
    : [need('missing.instanceUsesOtherProfile', { name, profile: attachedName, expected: profile })];
};

export const instanceDetached = (name: string): Condition => (ctx) => {
  const instance = ctx.find.instance(name);
  if (!instance) return [need('missing.instanceMissing', { name })];
  const association = ctx.find.association(instance);
  return association ? [need('missing.instanceStillAttached', { name, profile: profileNameOfArn(association.IamInstanceProfile.Arn) })] : [];
};

/** Stopped, or on its way there. */
export const instanceStopped = (name: string): Condition => (ctx) => {
  const instance = ctx.find.instance(name);
  if (!instance) return [need('missing.instanceMissing', { name })];
  const state = instance.State.Name;
  return state === 'stopped' || state === 'stopping' ? [] : [need('missing.instanceNotStopped', { name, state })];
};

export const imdsV2Required = (name: string): Condition => (ctx) => {
  const instance = ctx.find.instance(name);
  if (!instance) return [need('missing.instanceMissing', { name })];
  return instance.MetadataOptions.HttpTokens === 'required' ? [] : [need('missing.imdsV1Allowed', { name })];
};

/** The terminal is a shell inside the instance. */
export const inside = (name: string): Condition => (ctx) => {
  const instance = ctx.find.instance(name);
  if (!instance) return [need('missing.instanceMissing', { name })];
  return ctx.location.type === 'instance' && ctx.location.instanceId === instance.InstanceId ? [] : [need('missing.notInside', { name })];
};

// ---- Errors the step asks the learner to meet ----------------------------------------------

/** The learner met an error matching `seen`; otherwise `missing` says which failure to go and see. */
export const met = (seen: (error: MetError) => boolean, missing: Missing): Condition => (ctx) => (ctx.errors.some(seen) ? [] : [missing]);

// ---- What the errors met say about the cause -------------------------------------------------

const DIAGNOSES: readonly ((error: MetError) => Missing | undefined)[] = [
  (e) => {
    const arn = /^Value \((arn:[^)]*:role\/[^)]*)\) for parameter iamInstanceProfile\.arn is invalid/.exec(e.message)?.[1];
    return arn ? need('missing.diagnosis.roleArnForProfile', { arn }) : undefined;
  },
  (e) => {
    const name = /^Value \(([^)]*)\) for parameter iamInstanceProfile\.name is invalid/.exec(e.message)?.[1];
    return name !== undefined ? need('missing.diagnosis.unknownProfileName', { name }) : undefined;
  },
  (e) => {
    const instance = e.code === 'IncorrectState' ? /existing association for instance (\S+)/.exec(e.message)?.[1] : undefined;
    return instance ? need('missing.diagnosis.existingAssociation', { instance }) : undefined;
  },
  (e) => {
    const role = e.code === 'UnauthorizedOperation' || e.code === 'AccessDenied' ? /assumed-role\/([^/\s]+)\//.exec(e.message)?.[1] : undefined;
    return role ? need('missing.diagnosis.ranAsRole', { role }) : undefined;
  },
  (e) => (e.code === 'MalformedPolicyDocument' && e.message === 'This policy contains invalid Json' ? need('missing.diagnosis.policyNotJson') : undefined),
  (e) => (e.code === 'LimitExceeded' && e.message.includes('InstanceSessionsPerInstanceProfile') ? need('missing.diagnosis.profileFull') : undefined),
  (e) => (e.code === 'DeleteConflict' && e.message.includes('must remove roles from instance profile first') ? need('missing.diagnosis.removeRoleFirst') : undefined),
  (e) => (e.code === 'DeleteConflict' && e.message.includes('must detach all policies first') ? need('missing.diagnosis.detachPoliciesFirst') : undefined),
];

/** One line per distinct cause, in the order first met. */
export function diagnoses(errors: readonly MetError[]): Missing[] {
  const found = new Map<string, Missing>();
  for (const error of errors) {
    for (const diagnose of DIAGNOSES) {
      const missing = diagnose(error);
      if (missing) found.set(`${missing.key}|${JSON.stringify(missing.values)}`, missing);
    }
  }
  return [...found.values()];
}
