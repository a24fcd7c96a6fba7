import type { ServiceDefinition } from '../core/service';
import { iamValidationError } from './errors';
import { instanceProfileOperations } from './instanceProfiles';
import { createRole, getRole } from './roles';

export const iamService: ServiceDefinition = {
  name: 'iam',
  operations: [createRole, getRole, ...instanceProfileOperations],
  validationError: iamValidationError,
};
