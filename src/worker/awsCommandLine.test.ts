import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyState, runConsoleAction, seededRandom, type ConsoleAction, type ServiceName } from '../sim';
import { parseAwsArgs } from '../cli/args';
import { expandWord } from '../cli/shell/expand';
import { parse } from '../cli/shell/parse';
import { awsCommandLine } from './awsCommandLine';

/** The words a shell makes of `line` (one simple command, no expansions to run). */
function shellWords(line: string): string[] {
  const parsed = parse(line);
  if (!parsed.ok || parsed.script.length !== 1) throw new Error(`not one command: ${line}`);
  const command = parsed.script[0]?.command;
  return (command?.words ?? []).flatMap((w) =>
    expandWord(w, {
      variable: () => undefined,
      substitute: () => {
        throw new Error('no substitutions expected');
      },
    }),
  );
}

/** What the CLI sends for `line`, without the idempotency token it adds by itself. */
function sentBy(line: string): { service: string; operation: string; params: Record<string, unknown> } {
  const [aws, ...args] = shellWords(line);
  expect(aws).toBe('aws');
  const parsed = parseAwsArgs(args, { readFile: () => undefined, env: {}, uuid: () => 'token', random: seededRandom(0) });
  if (parsed.kind !== 'call') throw new Error(`not a call: ${JSON.stringify(parsed)}`);
  const params: Record<string, unknown> = { ...parsed.params };
  if (params.ClientToken === 'token') delete params.ClientToken;
  return { service: parsed.service, operation: parsed.operation, params };
}

function consoleCalls(actions: ConsoleAction[]) {
  const state = emptyState();
  let now = Date.UTC(2026, 0, 15, 9);
  const ctx = { now: () => now, random: seededRandom(3) };
  return actions.flatMap((action) => {
    const result = runConsoleAction(state, action, ctx);
    now += 60_000;
    return result.calls;
  });
}

const EC2_TRUST = `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": [
                "sts:AssumeRole"
            ],
            "Principal": {
                "Service": [
                    "ec2.amazonaws.com"
                ]
            }
        }
    ]
}`;

describe('console calls as aws command lines', () => {
  it('create role for EC2: the four calls as a learner would type them', () => {
    const calls = consoleCalls([
      { type: 'iam.createServiceRole', useCase: 'ec2', roleName: 'web', managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'], tags: [] },
    ]);
    expect(calls.map((c) => awsCommandLine(c.service, c.operation, c.params))).toEqual([
      `aws iam create-role --role-name web --assume-role-policy-document '${EC2_TRUST}' --description 'Allows EC2 instances to call AWS services on your behalf.' --max-session-duration 3600`,
      'aws iam attach-role-policy --role-name web --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
      'aws iam create-instance-profile --instance-profile-name web',
      'aws iam add-role-to-instance-profile --instance-profile-name web --role-name web',
    ]);
  });

  it('launch with a profile: --count, shorthand for structures, quotes where a value has a blank', () => {
    const calls = consoleCalls([
      { type: 'iam.createServiceRole', useCase: 'ec2', roleName: 'web', managedPolicyArns: [], tags: [{ Key: 'team', Value: 'blue green' }] },
      { type: 'ec2.launchInstance', name: 'web 1', imageId: 'ami-0abcdef1234567890', instanceType: 't3.micro', instanceProfileName: 'web', httpTokens: 'required' },
    ]);
    const lines = calls.map((c) => awsCommandLine(c.service, c.operation, c.params));
    expect(lines[0]).toMatch(/ --max-session-duration 3600 --tags 'Key=team,Value="blue green"'$/);
    expect(lines.slice(3)).toEqual([
      'aws iam list-instance-profiles --max-items 1000 --no-paginate',
      "aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --count 1 --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=\"web 1\"}]' --iam-instance-profile Arn=arn:aws:iam::123456789012:instance-profile/web --metadata-options HttpTokens=required",
    ]);
  });

  it.each<[string, ServiceName, string, Record<string, unknown>, string]>([
    ['filters with one value', 'ec2', 'DescribeIamInstanceProfileAssociations', { Filters: [{ Name: 'instance-id', Values: ['i-0123456789abcdef0'] }] }, 'aws ec2 describe-iam-instance-profile-associations --filters Name=instance-id,Values=i-0123456789abcdef0'],
    ['filters with two values', 'ec2', 'DescribeInstances', { Filters: [{ Name: 'instance-state-name', Values: ['running', 'stopped'] }] }, "aws ec2 describe-instances --filters 'Name=instance-state-name,Values=[running,stopped]'"],
    ['a list of ids', 'ec2', 'StopInstances', { InstanceIds: ['i-1', 'i-2'] }, 'aws ec2 stop-instances --instance-ids i-1 i-2'],
    ['a structure by name', 'ec2', 'AssociateIamInstanceProfile', { InstanceId: 'i-1', IamInstanceProfile: { Name: 'web' } }, 'aws ec2 associate-iam-instance-profile --instance-id i-1 --iam-instance-profile Name=web'],
    ['a range of instances', 'ec2', 'RunInstances', { ImageId: 'ami-1', MinCount: 1, MaxCount: 3 }, 'aws ec2 run-instances --image-id ami-1 --count 1:3'],
    ['true and false booleans, one renamed by the CLI', 'ec2', 'RunInstances', { ImageId: 'ami-1', MinCount: 1, MaxCount: 1, EbsOptimized: true, DisableApiTermination: false }, 'aws ec2 run-instances --image-id ami-1 --count 1 --ebs-optimized --enable-api-termination'],
    ['a dry run refused', 'ec2', 'StartInstances', { InstanceIds: ['i-1'], DryRun: false }, 'aws ec2 start-instances --instance-ids i-1 --no-dry-run'],
    ['a marker turns paging off by itself', 'iam', 'ListRoles', { Marker: 'abc', MaxItems: 5 }, 'aws iam list-roles --marker abc --max-items 5'],
    ['no parameters', 'sts', 'GetCallerIdentity', {}, 'aws sts get-caller-identity'],
    ['a single quote in a name', 'iam', 'TagRole', { RoleName: 'r', Tags: [{ Key: 'k', Value: "it's" }] }, `aws iam tag-role --role-name r --tags 'Key=k,Value="it'\\''s"'`],
    ['a value the CLI would read as a file', 'iam', 'CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: '{}', Description: 'file://notes' }, `aws iam create-role --cli-input-json '{"RoleName":"r","AssumeRolePolicyDocument":"{}","Description":"file://notes"}'`],
  ])('%s', (_, service, operation, params, line) => {
    expect(awsCommandLine(service, operation, params)).toBe(line);
    expect(sentBy(line)).toEqual({ service, operation, params });
  });

  it('every call of every console action parses back to exactly what the console sent, without falling back to JSON input', () => {
    const calls = consoleCalls([
      { type: 'iam.createServiceRole', useCase: 'ec2', roleName: 'app', description: 'A "quoted" \\ description', managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonS3FullAccess'], tags: [{ Key: 'a b', Value: '' }] },
      { type: 'iam.createServiceRole', useCase: 'lambda', roleName: 'fn', managedPolicyArns: [], tags: [] },
      { type: 'ec2.launchInstance', imageId: 'ami-0abcdef1234567890', instanceType: 't3.micro', keyName: 'my key', instanceProfileName: 'app' },
      { type: 'ec2.launchInstance', imageId: 'ami-0abcdef1234567890', instanceType: 't3.micro' },
    ]);
    for (const call of calls) {
      const line = awsCommandLine(call.service, call.operation, call.params);
      expect(line).not.toContain('--cli-input-json');
      expect(sentBy(line)).toEqual({ service: call.service, operation: call.operation, params: call.params });
    }
  });

  it('any text in names, descriptions and tags survives the shell and the CLI unchanged', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), fc.string({ minLength: 1 }), fc.string(), (roleName, description, key, value) => {
        const params = { RoleName: roleName, AssumeRolePolicyDocument: '{"Version":"2012-10-17"}', Description: description, Tags: [{ Key: key, Value: value }] };
        const line = awsCommandLine('iam', 'CreateRole', params);
        expect(sentBy(line).params).toEqual(params);
      }),
      { numRuns: 300 },
    );
  });
});
