import { awsError } from '../core/errors';
import { describeViolations } from '../core/model';
import type { ServiceDefinition } from '../core/service';

export const ec2Service: ServiceDefinition = {
  name: 'ec2',
  operations: [],
  validationError: (_operation, violations) => awsError('ec2', 'InvalidParameterValue', describeViolations(violations)),
};
