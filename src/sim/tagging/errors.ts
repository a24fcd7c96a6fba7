import { awsError, type AwsError } from '../core/errors';
import { describeViolations, type Violation } from '../core/model';
import type { FailureInfo } from '../models/resourcegroupstaggingapi.types';

/** The Resource Groups Tagging API's error catalogue (aws-behaviour.md §9). Its texts are [BEL]. */
const tagging = (code: string, message: string): AwsError => awsError('resourcegroupstaggingapi', code, message);

export const taggingErrors = {
  arnListWithTagFilters: () => tagging('InvalidParameterException', 'You can\'t specify both ResourceARNList and TagFilters in the same request.'),
  arnListWithPaging: () => tagging('InvalidParameterException', 'You can\'t specify both ResourceARNList and pagination parameters in the same request.'),
  resourcesPerPage: (value: number) => tagging('InvalidParameterException', `ResourcesPerPage must be between 1 and 100, but ${value} was given.`),
  invalidPaginationToken: () => tagging('InvalidParameterException', 'The specified PaginationToken is not valid.'),
};

/** What a failed resource shows in FailedResourcesMap. */
export type ResourceFailure = Omit<FailureInfo, 'ErrorCode'> & {
  /** AWS passes the owning service's error code through (NoSuchEntity, InvalidInstanceID.NotFound …), beyond the model's enum. */
  ErrorCode: string;
};

/** The owning service's own refusal, passed through as TagResources reports it [BEL]. */
export const failureOf = (error: AwsError): ResourceFailure => ({ StatusCode: error.httpStatus, ErrorCode: error.code, ErrorMessage: error.message });

/** An ARN the simulator cannot tag: another service, a resource type it does not model, or not an ARN. */
export const unsupportedResource = (): ResourceFailure => ({ StatusCode: 400, ErrorCode: 'InvalidParameterException', ErrorMessage: 'Invalid input resource arn' }); // [BEL]

// [BEL] EC2's refusal past 50 tags on a resource, as the tagging API passes it through.
export const ec2TagQuota = (): ResourceFailure => ({ StatusCode: 400, ErrorCode: 'TagLimitExceeded', ErrorMessage: 'The maximum number of Tags for a resource has been reached.' });

export const taggingValidationError = (_operation: string, violations: readonly Violation[]): AwsError =>
  tagging('InvalidParameterException', describeViolations(violations));
