import type { AwsError, ServiceName } from './errors';
import type { Violation } from './model';
import type { OperationSpec } from './operation';

/** A service as the dispatcher sees it: its operations and how it words a failed model check. */
export interface ServiceDefinition {
  name: ServiceName;
  operations: readonly OperationSpec<never, unknown>[];
  /** The error the service returns when the input breaks the model's constraints. */
  validationError(operation: string, violations: readonly Violation[]): AwsError;
}
