import { awsError } from '../core/errors';
import { describeViolations } from '../core/model';
import type { ServiceDefinition } from '../core/service';

export const taggingService: ServiceDefinition = {
  name: 'resourcegroupstaggingapi',
  operations: [],
  validationError: (_operation, violations) => awsError('resourcegroupstaggingapi', 'InvalidParameterException', describeViolations(violations)),
};
