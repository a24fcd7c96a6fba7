import type { ServiceDefinition } from '../core/service';
import { iamValidationError } from './errors';
import { instanceProfileOperations } from './instanceProfiles';
import { attachRolePolicy, createPolicy, deletePolicy, detachRolePolicy, getPolicy, getPolicyVersion, listAttachedRolePolicies, listEntitiesForPolicy, listPolicies } from './managedPolicies';
import { deleteRolePolicy, getRolePolicy, listRolePolicies, putRolePolicy } from './rolePolicies';
import { createRole, deleteRole, getRole, listRoles, updateAssumeRolePolicy, updateRole } from './roles';
import { listRoleTags, tagRole, untagRole } from './roleTags';

export const iamService: ServiceDefinition = {
  name: 'iam',
  operations: [
    createRole, getRole, listRoles, updateRole, updateAssumeRolePolicy, deleteRole,
    putRolePolicy, getRolePolicy, listRolePolicies, deleteRolePolicy,
    createPolicy, getPolicy, getPolicyVersion, listPolicies, deletePolicy,
    attachRolePolicy, detachRolePolicy, listAttachedRolePolicies, listEntitiesForPolicy,
    tagRole, untagRole, listRoleTags,
    ...instanceProfileOperations,
  ],
  validationError: iamValidationError,
};
