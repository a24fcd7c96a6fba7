/** ARNs as AWS builds them. IAM paths start and end with `/`; the ARN drops the leading one. */
export const iamArn = (accountId: string, kind: 'role' | 'instance-profile' | 'policy' | 'user', path: string, name: string): string =>
  `arn:aws:iam::${accountId}:${kind}${path}${name}`;

export const assumedRoleArn = (accountId: string, roleName: string, sessionName: string): string =>
  `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`;

export const ec2InstanceArn = (region: string, accountId: string, instanceId: string): string =>
  `arn:aws:ec2:${region}:${accountId}:instance/${instanceId}`;

export interface ParsedArn {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** Everything after the account: `role/path/Name`, `instance/i-…`. */
  resource: string;
}

export function parseArn(arn: string): ParsedArn | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition = '', service = '', region = '', account = ''] = parts;
  return { partition, service, region, account, resource: parts.slice(5).join(':') };
}

/** The name at the end of an IAM resource path: `role/a/b/Name` → `Name`. */
export const lastPathSegment = (resource: string): string => resource.slice(resource.lastIndexOf('/') + 1);
