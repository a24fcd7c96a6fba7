import { describe, expect, it } from 'vitest';
import { hintFor } from './hints';

const enhanced = (code: string, operation: string, message: string) => `\naws: [ERROR]: An error occurred (${code}) when calling the ${operation} operation: ${message}\n`;

describe('hintFor', () => {
  it.each([
    [enhanced('InvalidParameterValue', 'RunInstances', 'Value (s3access) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name'), 'invalidProfileName'],
    [enhanced('InvalidParameterValue', 'AssociateIamInstanceProfile', 'Value (arn:aws:iam::123456789012:instance-profile/x) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN'), 'invalidProfileArn'],
    [enhanced('DeleteConflict', 'DeleteRole', 'Cannot delete entity, must remove roles from instance profile first.'), 'deleteConflict'],
    [enhanced('NoSuchEntity', 'GetRole', 'The role with name missing cannot be found.'), 'noSuchEntity'],
    [enhanced('EntityAlreadyExists', 'CreateRole', 'Role with name s3access already exists.'), 'entityAlreadyExists'],
    [enhanced('LimitExceeded', 'AddRoleToInstanceProfile', 'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1'), 'profileHoldsOneRole'],
    [enhanced('LimitExceeded', 'CreateRole', 'Cannot exceed quota for ACLSizePerRole: 2048'), 'limitExceeded'],
    [enhanced('MalformedPolicyDocument', 'CreateRole', 'This policy contains invalid Json'), 'malformedPolicy'],
    [enhanced('AccessDenied', 'ListRoles', 'User: arn:aws:sts::123456789012:assumed-role/app/i-0123456789abcdef0 is not authorized to perform: iam:ListRoles'), 'accessDenied'],
    [enhanced('UnauthorizedOperation', 'RunInstances', 'You are not authorized to perform this operation.'), 'accessDenied'],
    [enhanced('IncorrectState', 'AssociateIamInstanceProfile', 'There is an existing association for instance i-0123456789abcdef0'), 'incorrectState'],
    [enhanced('IncorrectInstanceState', 'StartInstances', "The instance 'i-0123456789abcdef0' is not in a state from which it can be started."), 'incorrectInstanceState'],
    ['\naws: [ERROR]: Unable to locate credentials. You can configure credentials by running "aws configure".\n', 'noCredentials'],
    ['\nAn error occurred (NoSuchEntity) when calling the GetRole operation: The role with name x cannot be found.\n', 'noSuchEntity'],
    ['{\n    "Code": "NoSuchEntity",\n    "Message": "The role with name x cannot be found."\n}\n', 'noSuchEntity'],
    ['Code: DeleteConflict\nMessage: Cannot delete entity, must detach all policies first.\n', 'deleteConflict'],
  ])('%s → %s', (stderr, key) => {
    expect(hintFor(stderr)).toBe(key);
  });

  it.each([
    ['an error without a hint', enhanced('InvalidInstanceID.NotFound', 'DescribeInstances', "The instance ID 'i-0123456789abcdef0' does not exist")],
    ['a usage error', '\naws: [ERROR]: An error occurred (ParamValidation): the following arguments are required: --role-name\n'],
    ['a shell error', 'bash: foo: command not found\n'],
    ['an inherited property name as a code', enhanced('constructor', 'GetRole', 'x')],
  ])('nothing for %s', (_name, stderr) => {
    expect(hintFor(stderr)).toBeUndefined();
  });
});
