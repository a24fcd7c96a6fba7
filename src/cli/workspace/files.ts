import { LOCAL_HOME } from '../shell/session';

/** The example files the EC2 user guide's CLI walkthrough asks you to create, ready in the home folder. */
export const EXAMPLE_FILES: Readonly<Record<string, string>> = {
  [`${LOCAL_HOME}/ec2-role-trust-policy.json`]: `${JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    },
    null,
    2,
  )}\n`,
  [`${LOCAL_HOME}/ec2-role-access-policy.json`]: `${JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:*'], Resource: ['*'] }],
    },
    null,
    2,
  )}\n`,
};
