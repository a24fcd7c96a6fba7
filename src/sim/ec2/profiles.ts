import type { IamInstanceProfileSpecification } from '../models/ec2.types';
import { lastPathSegment, parseArn } from '../core/arn';
import type { AwsError } from '../core/errors';
import type { OpEnv, Permission } from '../core/operation';
import { err, ok, type Result } from '../core/result';
import { nameKey, own, type InstanceProfileRecord, type SimState } from '../core/state';
import { ec2Errors } from './errors';

/**
 * How EC2 finds the instance profile a request names (`Name=` or `Arn=`). EC2 takes a
 * *profile*, never a role: a role name with no same-named profile is simply an unknown name.
 */

/** True when the request names a profile at all: EC2's query protocol sends nothing for `{}`. */
export const namesProfile = (spec: IamInstanceProfileSpecification | undefined): spec is IamInstanceProfileSpecification =>
  spec !== undefined && (spec.Name !== undefined || spec.Arn !== undefined);

/** The profile as IAM holds it, whether or not EC2 can see it yet. */
function lookup(state: SimState, spec: IamInstanceProfileSpecification): InstanceProfileRecord | undefined {
  const profiles = state.tables.instanceProfiles;
  // [BEL] EC2 resolves names the way IAM compares them: case-insensitively.
  if (spec.Name !== undefined) return profiles[nameKey(spec.Name)];
  if (spec.Arn === undefined) return undefined;
  const parsed = parseArn(spec.Arn);
  if (!parsed || parsed.service !== 'iam' || !parsed.resource.startsWith('instance-profile/')) return undefined;
  const profile = profiles[nameKey(lastPathSegment(parsed.resource))];
  return profile && profile.Arn === spec.Arn ? profile : undefined;
}

/**
 * The profile EC2 would attach, or AWS's error. A profile IAM has just created is unknown to EC2
 * until it propagates, and a role just added to one is not yet seen (`has no associated IAM Roles`).
 * An empty profile is accepted: the instance simply gets no credentials.
 */
export function resolveProfile(env: OpEnv, spec: IamInstanceProfileSpecification): Result<InstanceProfileRecord, AwsError> {
  if (spec.Name !== undefined && spec.Arn !== undefined) return err(ec2Errors.profileNameAndArn());
  if (spec.Name === undefined && spec.Arn === undefined) return err(ec2Errors.missingParameter('IamInstanceProfile')); // [BEL]
  const profile = lookup(env.state, spec);
  if (!profile || env.now < profile.visibleToEc2At) {
    return err(spec.Name !== undefined ? ec2Errors.invalidProfileName(spec.Name) : ec2Errors.invalidProfileArn(spec.Arn ?? ''));
  }
  if (profile.roleName !== null && env.now < profile.roleVisibleToEc2At) return err(ec2Errors.profileHasNoRoles(profile.Arn));
  return ok(profile);
}

/** `iam:PassRole` on the role inside the named profile; none for an empty or unknown profile. */
export function passRoleFor(env: OpEnv, spec: IamInstanceProfileSpecification | undefined): Permission[] {
  if (!namesProfile(spec)) return [];
  const roleName = lookup(env.state, spec)?.roleName;
  const role = roleName ? own(env.state.tables.roles, nameKey(roleName)) : undefined;
  return role ? [{ action: 'iam:PassRole', resource: role.Arn }] : [];
}

/** What an association keeps of the profile: its ARN and id at association time. */
export const profileRef = (profile: InstanceProfileRecord): { Arn: string; Id: string } => ({ Arn: profile.Arn, Id: profile.InstanceProfileId });
