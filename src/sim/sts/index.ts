import type { ServiceDefinition } from '../core/service';
import { assumeRole } from './assumeRole';
import { stsValidationError } from './errors';
import { getCallerIdentity } from './identity';

export const stsService: ServiceDefinition = {
  name: 'sts',
  operations: [getCallerIdentity, assumeRole],
  validationError: stsValidationError,
};

export { callerArn, callerPrincipal } from './identity';
export { decodeSessionToken, type SessionClaims } from './credentials';
