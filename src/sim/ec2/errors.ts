import { exhaustive } from '../core/assert';
import { awsError, type AwsError } from '../core/errors';
import { describeViolations, type Violation } from '../core/model';

/**
 * EC2's error catalogue: AWS's codes and exact messages (aws-behaviour.md §4).
 * Texts marked [BEL] are believed, not confirmed; [RPT] ones appear in real logs.
 */
const ec2 = (code: string, message: string): AwsError => awsError('ec2', code, message);

export const ec2Errors = {
  dryRun: () => ec2('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.'),
  missingParameter: (name: string) => ec2('MissingParameter', `The request must contain the parameter ${name}`),

  // RunInstances
  malformedImageId: (imageId: string) => ec2('InvalidAMIID.Malformed', `Invalid id: "${imageId}" (expecting "ami-...")`), // [RPT]
  invalidInstanceType: (type: string) => ec2('InvalidParameterValue', `Invalid value '${type}' for InstanceType.`), // [RPT]
  invalidEnumValue: (parameter: string, value: string) => ec2('InvalidParameterValue', `Invalid value '${value}' for ${parameter}.`), // [BEL] by analogy with InstanceType
  minCountTooSmall: () => ec2('InvalidParameterValue', 'Minimum instance count must be greater than zero'), // [BEL] by analogy with the max text
  maxCountTooSmall: () => ec2('InvalidParameterValue', 'Maximum instance count must be greater than zero'), // [RPT]
  minCountAboveMax: () => ec2('InvalidParameterValue', 'Maximum instance count must not be smaller than minimum instance count'), // [BEL]
  hopLimitOutOfRange: (value: number) =>
    ec2('InvalidParameterValue', `Value (${value}) for parameter HttpPutResponseHopLimit is invalid. Expecting a value between 1 and 64.`), // [BEL]
  subnetNotFound: (subnetId: string) => ec2('InvalidSubnetID.NotFound', `The subnet ID '${subnetId}' does not exist`), // [RPT]
  securityGroupNotFound: (group: string) => ec2('InvalidGroup.NotFound', `The security group '${group}' does not exist`), // [RPT]
  notTaggableResourceType: (type: string) => ec2('InvalidParameterValue', `'${type}' is not a valid taggable resource type for this operation.`), // [RPT]

  // Instance profiles (RunInstances, Associate, Replace)
  profileNameAndArn: () =>
    ec2('InvalidParameterCombination', 'The parameter iamInstanceProfile.name cannot be used with the parameter iamInstanceProfile.arn'), // [BEL]
  invalidProfileName: (name: string) => ec2('InvalidParameterValue', `Value (${name}) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name`),
  invalidProfileArn: (arn: string) => ec2('InvalidParameterValue', `Value (${arn}) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN`),
  profileHasNoRoles: (arn: string) => ec2('InvalidParameterValue', `IAM Instance Profile "${arn}" has no associated IAM Roles`),

  // Instance ids and states
  malformedInstanceId: (id: string) => ec2('InvalidInstanceID.Malformed', `Invalid id: "${id}"`),
  instancesNotFound: (ids: readonly string[]) =>
    ec2('InvalidInstanceID.NotFound', ids.length === 1 ? `The instance ID '${ids[0]}' does not exist` : `The instance IDs '${ids.join(', ')}' do not exist`),
  cannotStart: (id: string) => ec2('IncorrectInstanceState', `The instance '${id}' is not in a state from which it can be started.`), // [RPT]
  cannotStop: (id: string) => ec2('IncorrectInstanceState', `This instance '${id}' is not in a state from which it can be stopped.`), // [RPT]
  cannotReboot: (id: string) => ec2('IncorrectInstanceState', `The instance '${id}' is not in a state from which it can be rebooted.`), // [BEL]
  cannotModify: (id: string) => ec2('IncorrectInstanceState', `The instance '${id}' is not in a valid state for this operation.`), // [BEL]
  notRunningOrStopped: (id: string) => ec2('IncorrectInstanceState', `The instance '${id}' is not in the 'running' or 'stopped' states.`), // [RPT] one log
  notRunning: (id: string) => ec2('IncorrectInstanceState', `The instance '${id}' is not in the 'running' state.`), // [BEL]

  // Associations
  existingAssociation: (instanceId: string) => ec2('IncorrectState', `There is an existing association for instance ${instanceId}`),
  associationNotFound: (id: string) => ec2('InvalidAssociationID.NotFound', `An invalid association-id of '${id}' was given`), // [BEL] moto's text

  // Describe
  invalidFilter: (name: string) => ec2('InvalidParameterValue', `The filter '${name}' is invalid`), // [BEL] code; moto says InvalidFilter
  maxResultsTooSmall: (value: number) => ec2('InvalidParameterValue', `Value ( ${value} ) for parameter maxResults is invalid. Expecting a value greater than 5.`), // [RPT]
  maxResultsTooLarge: (value: number) => ec2('InvalidParameterValue', `Value ( ${value} ) for parameter maxResults is invalid. Expecting a value less than 1000.`), // [BEL]
  idsWithMaxResults: () => ec2('InvalidParameterCombination', 'The parameter instancesSet cannot be used with the parameter maxResults'), // [RPT]
  invalidNextToken: (token: string) => ec2('InvalidNextToken', `The token '${token}' is invalid`), // [BEL] moto's text
};

/** `metadataOptions.httpTokens` → `HttpTokens`: EC2 names a parameter by its last segment, capitalised. */
const parameterName = (path: string): string => {
  const last = path.slice(path.lastIndexOf('.') + 1);
  return last.charAt(0).toUpperCase() + last.slice(1);
};

/** EC2 words a failed model check in its own terms rather than Smithy's "validation error detected". */
export function ec2ValidationError(_operation: string, violations: readonly Violation[]): AwsError {
  const [first] = violations;
  if (!first) return ec2Errors.missingParameter('Action');
  const name = parameterName(first.path);
  switch (first.constraint) {
    case 'required':
      return ec2Errors.missingParameter(name);
    case 'enum':
      return name === 'InstanceType' ? ec2Errors.invalidInstanceType(String(first.value)) : ec2Errors.invalidEnumValue(name, String(first.value));
    case 'min':
    case 'max':
      if (name === 'MaxResults' && typeof first.value === 'number') {
        return first.constraint === 'min' ? ec2Errors.maxResultsTooSmall(first.value) : ec2Errors.maxResultsTooLarge(first.value);
      }
      return ec2('InvalidParameterValue', describeViolations(violations));
    case 'type':
    case 'minLength':
    case 'maxLength':
    case 'pattern':
      return ec2('InvalidParameterValue', describeViolations(violations));
    default:
      return exhaustive(first.constraint);
  }
}
