import { awsError, type AwsError } from '../core/errors';
import { describeViolations, type Violation } from '../core/model';

/** IAM's error catalogue: AWS's codes and exact messages. Evidence notes mark believed-only texts [BEL]. */
const iam = (code: string, message: string): AwsError => awsError('iam', code, message);

export const iamErrors = {
  // Roles
  noSuchRole: (roleName: string) => iam('NoSuchEntity', `The role with name ${roleName} cannot be found.`),
  roleAlreadyExists: (roleName: string) => iam('EntityAlreadyExists', `Role with name ${roleName} already exists.`),
  deleteRoleInProfile: () => iam('DeleteConflict', 'Cannot delete entity, must remove roles from instance profile first.'),
  deleteRoleWithAttachedPolicies: () => iam('DeleteConflict', 'Cannot delete entity, must detach all policies first.'),
  deleteRoleWithInlinePolicies: () => iam('DeleteConflict', 'Cannot delete entity, must delete policies first.'),
  rolesQuota: (limit: number) => iam('LimitExceeded', `Cannot exceed quota for RolesPerAccount: ${limit}`), // [BEL]
  roleTagsQuota: () => iam('LimitExceeded', 'The number of tags has reached the maximum limit.'), // [BEL] emulators only
  duplicateTagKeys: () => iam('InvalidInput', 'Duplicate tag keys found. Please note that Tag keys are case insensitive.'),
  invalidMarker: () => iam('ValidationError', 'Invalid Marker.'), // [BEL] an undecodable Marker

  // Policy documents
  malformedPolicy: (message: string) => iam('MalformedPolicyDocument', message),
  trustPolicySizeQuota: () => iam('LimitExceeded', 'Cannot exceed quota for ACLSizePerRole: 2048'),
  inlinePolicySizeQuota: (roleName: string) => iam('LimitExceeded', `Maximum policy size of 10240 bytes exceeded for role ${roleName}`),
  managedPolicySizeQuota: () => iam('LimitExceeded', 'Cannot exceed quota for PolicySize: 6144'),

  // Inline and managed policies
  noSuchRolePolicy: (policyName: string) => iam('NoSuchEntity', `The role policy with name ${policyName} cannot be found.`),
  policyNotAttachable: (arn: string) => iam('NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`),
  noSuchPolicy: (arn: string) => iam('NoSuchEntity', `Policy ${arn} was not found.`), // [BEL] for DetachRolePolicy
  noSuchPolicyVersion: (arn: string, versionId: string) => iam('NoSuchEntity', `Policy ${arn} version ${versionId} does not exist or is not attachable.`),
  policyAlreadyExists: (name: string) => iam('EntityAlreadyExists', `A policy called ${name} already exists. Duplicate names are not allowed.`),
  deletePolicyAttached: () => iam('DeleteConflict', 'Cannot delete a policy attached to entities.'),
  policiesPerRoleQuota: () => iam('LimitExceeded', 'Cannot exceed quota for PoliciesPerRole: 10'),

  // Instance profiles
  noSuchInstanceProfile: (name: string) => iam('NoSuchEntity', `Instance Profile ${name} cannot be found.`),
  instanceProfileAlreadyExists: (name: string) => iam('EntityAlreadyExists', `Instance Profile ${name} already exists.`),
  deleteProfileWithRole: () => iam('DeleteConflict', 'Cannot delete entity, must remove roles from instance profile first.'),
  rolesPerProfileQuota: () => iam('LimitExceeded', 'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1'),
  instanceProfilesQuota: (limit: number) => iam('LimitExceeded', `Cannot exceed quota for InstanceProfilesPerAccount: ${limit}`),
  // [BEL] AWS's text for a role that is not in the profile is unconfirmed.
  roleNotInProfile: (roleName: string, profileName: string) => iam('NoSuchEntity', `The role with name ${roleName} cannot be found in instance profile ${profileName}.`),
  // [BEL] Only emulators show this text; AWS's own is unconfirmed.
  profileTagsQuota: () => iam('LimitExceeded', 'The number of tags has reached the maximum limit.'),

  validation: (message: string) => iam('ValidationError', message),
};

// IAM words a broken name pattern in its own way rather than quoting the regex.
const NAME_PATTERN_FIELDS: Readonly<Record<string, string>> = {
  roleName: 'roleName',
  instanceProfileName: 'instanceProfileName',
  policyName: 'policyName',
};

export function iamValidationError(_operation: string, violations: readonly Violation[]): AwsError {
  const pattern = violations.find((v) => v.constraint === 'pattern');
  if (pattern && NAME_PATTERN_FIELDS[pattern.path]) {
    return iamErrors.validation(`The specified value for ${NAME_PATTERN_FIELDS[pattern.path]} is invalid. It must contain only alphanumeric characters and/or the following: +=,.@_-`);
  }
  if (pattern && (pattern.path === 'path' || pattern.path === 'pathPrefix')) {
    return iamErrors.validation(`The specified value for ${pattern.path} is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.`);
  }
  return iamErrors.validation(describeViolations(violations));
}
