import type { ServiceDefinition } from '../core/service';
import { taggingValidationError } from './errors';
import { getResources } from './getResources';
import { tagResources, untagResources } from './tagResources';

export const taggingService: ServiceDefinition = {
  name: 'resourcegroupstaggingapi',
  operations: [tagResources, untagResources, getResources],
  validationError: taggingValidationError,
};
