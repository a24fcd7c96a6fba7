import { awsError } from '../core/errors';
import { describeViolations } from '../core/model';
import type { ServiceDefinition } from '../core/service';

export const stsService: ServiceDefinition = {
  name: 'sts',
  operations: [],
  validationError: (_operation, violations) => awsError('sts', 'ValidationError', describeViolations(violations)),
};
