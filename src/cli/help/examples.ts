import type { ServiceName } from '../../sim/core/errors';

/**
 * EXAMPLES for the commands learners use most. Commands and outputs are what IAM Lab prints
 * (the home folder holds the two policy files); titles and notes are in the locale files under
 * `example.<service>.<Operation>.<n>.title` / `.note`. A test runs every command against the
 * simulator, in this order, and checks that it succeeds or fails as shown.
 *
 * Placeholders a test replaces with the ids the simulator made: `i-0123456789abcdef0` (the
 * instance launched by the first run-instances example) and `iip-assoc-0123456789abcdef0` (its
 * current association).
 */
export interface HelpExample {
  readonly command: string;
  /** What it prints on success, or the error it ends with; `none` when it prints nothing. */
  readonly output: { readonly stdout: readonly string[] } | { readonly stderr: readonly string[] } | 'none';
  /** Run inside an instance whose profile holds `s3access` (after `ssh`), not on the learner's machine. */
  readonly inInstance?: true;
}

export const EXAMPLE_INSTANCE_ID = 'i-0123456789abcdef0';
export const EXAMPLE_ASSOCIATION_ID = 'iip-assoc-0123456789abcdef0';

const roleJson = [
  '{',
  '    "Role": {',
  '        "Path": "/",',
  '        "RoleName": "s3access",',
  '        "RoleId": "AROAC54GDTVWIUJIPFGQL",',
  '        "Arn": "arn:aws:iam::123456789012:role/s3access",',
  '        "CreateDate": "2026-01-15T09:00:02+00:00",',
  '        "AssumeRolePolicyDocument": {',
  '            "Version": "2012-10-17",',
  '            "Statement": [',
  '                {',
  '                    "Effect": "Allow",',
  '                    "Principal": {',
  '                        "Service": "ec2.amazonaws.com"',
  '                    },',
  '                    "Action": "sts:AssumeRole"',
  '                }',
  '            ]',
  '        }',
  '    }',
  '}',
];

const associationJson = (id: string, profile: string, profileId: string, state: string) => [
  '{',
  '    "IamInstanceProfileAssociation": {',
  `        "AssociationId": "${id}",`,
  `        "InstanceId": "${EXAMPLE_INSTANCE_ID}",`,
  '        "IamInstanceProfile": {',
  `            "Arn": "arn:aws:iam::123456789012:instance-profile/${profile}",`,
  `            "Id": "${profileId}"`,
  '        },',
  `        "State": "${state}"`,
  '    }',
  '}',
];

/** In the order a learner would run them (and the test replays them). */
export const EXAMPLES: readonly { readonly service: ServiceName; readonly operation: string; readonly examples: readonly HelpExample[] }[] = [
  {
    service: 'iam',
    operation: 'CreateRole',
    examples: [
      { command: 'aws iam create-role --role-name s3access --assume-role-policy-document file://ec2-role-trust-policy.json', output: { stdout: roleJson } },
      {
        command: 'aws iam create-role --role-name demo-role --assume-role-policy-document ec2-role-trust-policy.json',
        output: { stderr: ['', 'aws: [ERROR]: An error occurred (MalformedPolicyDocument) when calling the CreateRole operation: This policy contains invalid Json'] },
      },
    ],
  },
  {
    service: 'iam',
    operation: 'PutRolePolicy',
    examples: [{ command: 'aws iam put-role-policy --role-name s3access --policy-name S3-Permissions --policy-document file://ec2-role-access-policy.json', output: 'none' }],
  },
  {
    service: 'iam',
    operation: 'CreateInstanceProfile',
    examples: [
      {
        command: 'aws iam create-instance-profile --instance-profile-name s3access-profile',
        output: {
          stdout: [
            '{',
            '    "InstanceProfile": {',
            '        "Path": "/",',
            '        "InstanceProfileName": "s3access-profile",',
            '        "InstanceProfileId": "AIPAGYCDSDS4W4A2Z6GDQ",',
            '        "Arn": "arn:aws:iam::123456789012:instance-profile/s3access-profile",',
            '        "CreateDate": "2026-01-15T09:00:06+00:00",',
            '        "Roles": []',
            '    }',
            '}',
          ],
        },
      },
    ],
  },
  {
    service: 'iam',
    operation: 'AddRoleToInstanceProfile',
    examples: [{ command: 'aws iam add-role-to-instance-profile --instance-profile-name s3access-profile --role-name s3access', output: 'none' }],
  },
  {
    service: 'iam',
    operation: 'GetInstanceProfile',
    examples: [{ command: 'aws iam get-instance-profile --instance-profile-name s3access-profile --query "InstanceProfile.Roles[].RoleName"', output: { stdout: ['[', '    "s3access"', ']'] } }],
  },
  {
    service: 'iam',
    operation: 'ListInstanceProfilesForRole',
    examples: [{ command: 'aws iam list-instance-profiles-for-role --role-name s3access --query "InstanceProfiles[].Arn" --output text', output: { stdout: ['arn:aws:iam::123456789012:instance-profile/s3access-profile'] } }],
  },
  {
    service: 'ec2',
    operation: 'RunInstances',
    examples: [
      {
        command: 'aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t2.micro --iam-instance-profile Name=s3access-profile --query "Instances[0].IamInstanceProfile"',
        output: { stdout: ['{', '    "Arn": "arn:aws:iam::123456789012:instance-profile/s3access-profile",', '    "Id": "AIPAGYCDSDS4W4A2Z6GDQ"', '}'] },
      },
      {
        command: 'aws ec2 run-instances --image-id ami-0abcdef1234567890 --iam-instance-profile Name=s3access',
        output: { stderr: ['', 'aws: [ERROR]: An error occurred (InvalidParameterValue) when calling the RunInstances operation: Value (s3access) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name'] },
      },
      {
        command: 'aws ec2 run-instances --image-id ami-0abcdef1234567890 --count 2 --query "Instances[].InstanceId" --output text',
        output: { stdout: ['i-0a1b2c3d4e5f60718\ti-0f9e8d7c6b5a40312'] },
      },
    ],
  },
  {
    service: 'ec2',
    operation: 'DescribeInstances',
    examples: [
      {
        command: 'aws ec2 describe-instances --query "Reservations[].Instances[].[InstanceId,State.Name,IamInstanceProfile.Arn]" --output text',
        output: {
          stdout: [
            `${EXAMPLE_INSTANCE_ID}\trunning\tarn:aws:iam::123456789012:instance-profile/s3access-profile`,
            'i-0a1b2c3d4e5f60718\trunning\tNone',
            'i-0f9e8d7c6b5a40312\trunning\tNone',
          ],
        },
      },
      {
        command: `aws ec2 describe-instances --instance-ids ${EXAMPLE_INSTANCE_ID} --query "Reservations[].Instances[].IamInstanceProfile.Arn"`,
        output: { stdout: ['[', '    "arn:aws:iam::123456789012:instance-profile/s3access-profile"', ']'] },
      },
    ],
  },
  {
    service: 'ec2',
    operation: 'DescribeIamInstanceProfileAssociations',
    examples: [
      {
        command: `aws ec2 describe-iam-instance-profile-associations --filters Name=instance-id,Values=${EXAMPLE_INSTANCE_ID} --query "IamInstanceProfileAssociations[].[AssociationId,State]" --output text`,
        output: { stdout: [`${EXAMPLE_ASSOCIATION_ID}\tassociated`] },
      },
    ],
  },
  {
    service: 'ec2',
    operation: 'ReplaceIamInstanceProfileAssociation',
    examples: [
      {
        command: `aws ec2 replace-iam-instance-profile-association --association-id ${EXAMPLE_ASSOCIATION_ID} --iam-instance-profile Name=readonly-profile`,
        output: { stdout: associationJson('iip-assoc-0d4c3b2a1f0e98765', 'readonly-profile', 'AIPAQ3EXAMPLEPROFILE2', 'associating') },
      },
    ],
  },
  {
    service: 'ec2',
    operation: 'DisassociateIamInstanceProfile',
    examples: [
      {
        command: `aws ec2 disassociate-iam-instance-profile --association-id ${EXAMPLE_ASSOCIATION_ID}`,
        output: { stdout: associationJson(EXAMPLE_ASSOCIATION_ID, 'readonly-profile', 'AIPAQ3EXAMPLEPROFILE2', 'disassociating') },
      },
    ],
  },
  {
    service: 'ec2',
    operation: 'AssociateIamInstanceProfile',
    examples: [
      {
        command: `aws ec2 associate-iam-instance-profile --instance-id ${EXAMPLE_INSTANCE_ID} --iam-instance-profile Arn=arn:aws:iam::123456789012:instance-profile/s3access-profile`,
        output: { stdout: associationJson(EXAMPLE_ASSOCIATION_ID, 's3access-profile', 'AIPAGYCDSDS4W4A2Z6GDQ', 'associating') },
      },
    ],
  },
  {
    service: 'sts',
    operation: 'GetCallerIdentity',
    examples: [
      {
        command: 'aws sts get-caller-identity',
        output: { stdout: ['{', '    "UserId": "AIDAQLEARNEREXAMPLE01",', '    "Account": "123456789012",', '    "Arn": "arn:aws:iam::123456789012:user/learner"', '}'] },
      },
      {
        command: 'aws sts get-caller-identity --query Arn --output text',
        output: { stdout: [`arn:aws:sts::123456789012:assumed-role/s3access/${EXAMPLE_INSTANCE_ID}`] },
        inInstance: true,
      },
    ],
  },
];

/** The examples of one operation, if it has any. */
export const examplesOf = (service: ServiceName, operation: string): readonly HelpExample[] =>
  EXAMPLES.find((e) => e.service === service && e.operation === operation)?.examples ?? [];
