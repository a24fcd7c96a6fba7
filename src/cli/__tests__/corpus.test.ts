import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandWord } from '../shell/expand';
import { parse } from '../shell/parse';
import { splitCommands } from '../shell/split';
import { newWorkspace, runCommand } from '../terminal';

/**
 * Every `aws` command line in the source documents (shared/seeds) and the spec (shared/spec), as a
 * learner would paste it: the docs' flattened ` \ ` continuations, quotes and variables included.
 * Each must tokenize to the argument vector bash would give the real CLI.
 */
const CORPUS: [string, string[]][] = [
  ['aws ec2 associate-iam-instance-profile \\ --instance-id i-1234567890abcdef0 \\ --iam-instance-profile Name="TestRole-1"', ['aws', 'ec2', 'associate-iam-instance-profile', '--instance-id', 'i-1234567890abcdef0', '--iam-instance-profile', 'Name=TestRole-1']],
  ['aws ec2 describe-iam-instance-profile-associations --output yaml', ['aws', 'ec2', 'describe-iam-instance-profile-associations', '--output', 'yaml']],
  ['aws ec2 describe-instances --instance-ids "$IID1" --output text', ['aws', 'ec2', 'describe-instances', '--instance-ids', 'i-0123456789abcdef0', '--output', 'text']],
  ['aws ec2 describe-instances --query "Reservations[].Instances[].IamInstanceProfile.Arn" --output table', ['aws', 'ec2', 'describe-instances', '--query', 'Reservations[].Instances[].IamInstanceProfile.Arn', '--output', 'table']],
  ['aws ec2 describe-instances --query "Reservations[].Instances[].[InstanceId,InstanceType,State.Name]" --output text', ['aws', 'ec2', 'describe-instances', '--query', 'Reservations[].Instances[].[InstanceId,InstanceType,State.Name]', '--output', 'text']],
  ['aws ec2 disassociate-iam-instance-profile --association-id iip-assoc-0044d817db6c0a4ba', ['aws', 'ec2', 'disassociate-iam-instance-profile', '--association-id', 'iip-assoc-0044d817db6c0a4ba']],
  ['aws ec2 replace-iam-instance-profile-association \\ --association-id iip-assoc-0044d817db6c0a4ba \\ --iam-instance-profile Name="TestRole-2"', ['aws', 'ec2', 'replace-iam-instance-profile-association', '--association-id', 'iip-assoc-0044d817db6c0a4ba', '--iam-instance-profile', 'Name=TestRole-2']],
  ['aws ec2 run-instances \\ --image-id ami-11aa22bb \\ --iam-instance-profile Name="s3access-profile" \\ --key-name my-key-pair \\ --security-groups my-security-group \\ --subnet-id subnet-1a2b3c4d', ['aws', 'ec2', 'run-instances', '--image-id', 'ami-11aa22bb', '--iam-instance-profile', 'Name=s3access-profile', '--key-name', 'my-key-pair', '--security-groups', 'my-security-group', '--subnet-id', 'subnet-1a2b3c4d']],
  ['aws iam add-role-to-instance-profile \\ --instance-profile-name s3access-profile \\ --role-name s3access', ['aws', 'iam', 'add-role-to-instance-profile', '--instance-profile-name', 's3access-profile', '--role-name', 's3access']],
  ['aws iam create-role \\ --role-name s3access \\ --assume-role-policy-document file://ec2-role-trust-policy.json', ['aws', 'iam', 'create-role', '--role-name', 's3access', '--assume-role-policy-document', 'file://ec2-role-trust-policy.json']],
  ['aws iam put-role-policy \\ --role-name s3access \\ --policy-name S3-Permissions \\ --policy-document file://ec2-role-access-policy.json', ['aws', 'iam', 'put-role-policy', '--role-name', 's3access', '--policy-name', 'S3-Permissions', '--policy-document', 'file://ec2-role-access-policy.json']],
  ['aws iam tag-role --role-name SSMManagedInstanceCore --tags Key=test,Value=role-tag', ['aws', 'iam', 'tag-role', '--role-name', 'SSMManagedInstanceCore', '--tags', 'Key=test,Value=role-tag']],
  ['aws iam tag-instance-profile --instance-profile-name SSMManagedInstanceCore --tags Key=test2,Value=Instanceprofile-tag', ['aws', 'iam', 'tag-instance-profile', '--instance-profile-name', 'SSMManagedInstanceCore', '--tags', 'Key=test2,Value=Instanceprofile-tag']],
  ['aws resourcegroupstaggingapi tag-resources \\\n    --resource-arn-list arn:aws:iam::123456789012:role/SSMManagedInstanceCore \\\n    --tags test=role-tag', ['aws', 'resourcegroupstaggingapi', 'tag-resources', '--resource-arn-list', 'arn:aws:iam::123456789012:role/SSMManagedInstanceCore', '--tags', 'test=role-tag']],
  ['aws iam wait instance-profile-exists', ['aws', 'iam', 'wait', 'instance-profile-exists']],
  [`aws iam tag-role --role-name web --tags '[{"Key":"a","Value":"b"}]'`, ['aws', 'iam', 'tag-role', '--role-name', 'web', '--tags', '[{"Key":"a","Value":"b"}]']],
  ["aws iam list-roles --query 'Roles[?RoleName==`x`]'", ['aws', 'iam', 'list-roles', '--query', 'Roles[?RoleName==`x`]']],
  // In double quotes bash runs backticks as a command, as here: the query loses its literal.
  ['aws iam list-roles --query "Roles[?RoleName==`x`]"', ['aws', 'iam', 'list-roles', '--query', 'Roles[?RoleName==]']],
];

describe('the source documents’ command lines', () => {
  it.each(CORPUS)('%s', (line, expected) => {
    const parsed = parse(line);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed));
    const words = parsed.script.flatMap((item) => item.command.words.flatMap((w) => expandWord(w, { variable: (n) => (n === 'IID1' ? 'i-0123456789abcdef0' : undefined), substitute: () => '' })));
    expect(words).toEqual(expected);
  });

  it('replays seed 002 as a session: the same codes and outcomes as the article', () => {
    const workspace = newWorkspace({ seed: 2 });
    const script = `
aws iam create-role --role-name test-eks-role --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"eks.amazonaws.com"},"Action":"sts:AssumeRole"}]}'
aws iam create-instance-profile --instance-profile-name test-profile-1113
aws iam add-role-to-instance-profile --instance-profile-name test-profile-1113 --role-name test-eks-role
aws iam delete-instance-profile --instance-profile-name test-profile-1113
aws iam delete-role --role-name test-eks-role
aws iam remove-role-from-instance-profile --instance-profile-name test-profile-1113 --role-name test-eks-role
aws iam delete-instance-profile --instance-profile-name test-profile-1113
aws iam get-role --role-name test-eks-role --query Role.RoleName --output text
`;
    const results = splitCommands(script).map((command) => runCommand(workspace, command, { language: 'en' }));
    expect(results.map((r) => r.exitCode)).toEqual([0, 0, 0, 254, 254, 0, 0, 0]);
    const stderr = (i: number) => results[i]?.chunks.filter((c) => c.stream === 'stderr').map((c) => c.text).join('');
    expect(stderr(3)).toBe('\naws: [ERROR]: An error occurred (DeleteConflict) when calling the DeleteInstanceProfile operation: Cannot delete entity, must remove roles from instance profile first.\n');
    expect(stderr(4)).toBe('\naws: [ERROR]: An error occurred (DeleteConflict) when calling the DeleteRole operation: Cannot delete entity, must remove roles from instance profile first.\n');
  });
});

/** Command lines to mutate: valid ones of each family, so mutations land near real mistakes. */
const SEEDS = [
  'aws iam create-role --role-name web --assume-role-policy-document file://ec2-role-trust-policy.json',
  'aws iam create-instance-profile --instance-profile-name web-profile --tags Key=team,Value=web',
  'aws iam add-role-to-instance-profile --instance-profile-name web-profile --role-name web',
  'aws ec2 run-instances --image-id ami-11aa22bb --count 2 --iam-instance-profile Name=web-profile --metadata-options HttpTokens=required',
  'aws ec2 describe-instances --filters Name=instance-state-name,Values=running --query "Reservations[].Instances[].InstanceId" --output text',
  'aws iam delete-role --role-name web',
  "aws iam put-role-policy --role-name web --policy-name s3 --policy-document '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}'",
  'aws sts get-caller-identity --output table',
];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('"', "'", '\\', '$(', '`', ' --', '=', ',', '{', '[', ' && ', ';', '--no-', 'file://', ' help', '#', '\n', '日本') }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
);

function mutate(line: string, edits: { kind: 'delete' | 'insert' | 'swap'; at: number; length?: number; text?: string; other?: number }[]): string {
  let out = line;
  for (const edit of edits) {
    const at = edit.at % (out.length + 1);
    if (edit.kind === 'delete') out = out.slice(0, at) + out.slice(at + (edit.length ?? 1));
    else if (edit.kind === 'insert') out = out.slice(0, at) + (edit.text ?? '') + out.slice(at);
    else {
      const words = out.split(' ');
      const i = at % words.length;
      const j = (edit.other ?? 0) % words.length;
      [words[i], words[j]] = [words[j] ?? '', words[i] ?? ''];
      out = words.join(' ');
    }
  }
  return out;
}

describe('the terminal under random and mutated input', () => {
  it('never throws; every line gets an exit code; a failed aws command changes nothing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.array(mutation, { maxLength: 4 }), (seed, edits) => {
        const workspace = newWorkspace({ seed: 9 });
        for (const setup of SEEDS.slice(0, 3)) runCommand(workspace, setup, { language: 'en' });
        const line = mutate(seed, edits);
        const before = JSON.stringify(workspace.sim);
        const result = runCommand(workspace, line, { language: 'en' });
        expect(Number.isInteger(result.exitCode)).toBe(true);
        // A single aws command that failed must leave the account as it was.
        if (result.exitCode !== 0 && /^aws [^;&|`$\n]*$/.test(line)) expect(JSON.stringify(workspace.sim)).toBe(before);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (line) => {
        const workspace = newWorkspace({ seed: 4 });
        expect(Number.isInteger(runCommand(workspace, `aws ${line}`, { language: 'ja' }).exitCode)).toBe(true);
        expect(Number.isInteger(runCommand(workspace, line, { language: 'en' }).exitCode)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
