import { awsError, type AwsError } from '../core/errors';
import { describeViolations, type Violation } from '../core/model';

/** STS's error catalogue: AWS's codes and exact messages (aws-behaviour.md §5). */
const sts = (code: string, message: string): AwsError => awsError('sts', code, message);

export const stsErrors = {
  // [BEL] the text AWS gives for a malformed RoleArn on AssumeRoleWithSAML; assumed the same here.
  invalidRoleArn: () => sts('ValidationError', 'Request ARN is invalid'),
  durationAboveRoleMax: () => sts('ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'),
  durationAboveChainingLimit: () => sts('ValidationError', 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.'),
  /**
   * No statement of the trust policy allows the caller, or one denies it. [BEL] the explicit-deny
   * tail is the resource-based-policy form AWS uses elsewhere.
   */
  assumeRoleDenied: (callerArn: string, roleArn: string, reason: 'no-match' | 'deny') =>
    sts(
      'AccessDenied',
      `User: ${callerArn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}` +
        (reason === 'deny' ? ' with an explicit deny in a resource-based policy' : ' because no role trust policy allows the sts:AssumeRole action'),
    ),
  // [BEL] a session whose role has been deleted: AWS no longer accepts its token.
  invalidToken: () => sts('InvalidClientTokenId', 'The security token included in the request is invalid.'),
};

export const stsValidationError = (_operation: string, violations: readonly Violation[]): AwsError => sts('ValidationError', describeViolations(violations));
