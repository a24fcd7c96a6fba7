/**
 * The one error type every operation returns. Each service keeps its catalogue of AWS's
 * exact codes and messages beside its handlers (`iam/errors.ts`, `ec2/errors.ts` …) and
 * builds them through `awsError`, so status codes live in one place.
 */
export type ServiceName = 'iam' | 'ec2' | 'sts' | 'resourcegroupstaggingapi';

export interface AwsError {
  readonly service: ServiceName;
  readonly code: string;
  readonly message: string;
  readonly httpStatus: number;
}

// HTTP status per error code, from the service models' error shapes; codes not listed are 400.
const STATUS: Readonly<Record<string, number>> = {
  NoSuchEntity: 404,
  EntityAlreadyExists: 409,
  DeleteConflict: 409,
  LimitExceeded: 409,
  ConcurrentModification: 409,
  ServiceFailure: 500,
  AccessDenied: 403,
  UnauthorizedOperation: 403,
  DryRunOperation: 412,
  InternalError: 500,
  InvalidParameterException: 400,
};

export function awsError(service: ServiceName, code: string, message: string): AwsError {
  return { service, code, message, httpStatus: STATUS[code] ?? 400 };
}
