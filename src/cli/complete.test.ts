import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from './commands';
import { complete } from './complete';
import { newWorkspace, runCommand, type Workspace } from './terminal';

/** A lab with two roles (and their profiles), a customer policy, a running and a stopped instance, and one association. */
function lab(): { workspace: Workspace; running: string; stopped: string; association: string } {
  const workspace = newWorkspace({ seed: 9 });
  const run = (line: string) => {
    const result = runCommand(workspace, line, { language: 'en' });
    expect(result.exitCode, line).toBe(0);
  };
  for (const name of ['web', 'worker']) {
    run(`aws iam create-role --role-name ${name} --assume-role-policy-document file://ec2-role-trust-policy.json`);
    run(`aws iam create-instance-profile --instance-profile-name ${name}-profile`);
  }
  run('aws iam create-policy --policy-name s3-read --policy-document file://ec2-role-access-policy.json');
  run('aws iam attach-role-policy --role-name web --policy-arn arn:aws:iam::123456789012:policy/s3-read');
  run('aws ec2 run-instances --image-id ami-0abcdef1234567890 --count 2');
  const [running = '', stopped = ''] = Object.keys(workspace.sim.tables.instances).sort();
  run('sleep 10');
  run(`aws ec2 stop-instances --instance-ids ${stopped}`);
  run(`aws ec2 associate-iam-instance-profile --instance-id ${running} --iam-instance-profile Name=web-profile`);
  run('sleep 10');
  run('aws sts get-caller-identity');
  run('echo hi > "notes file.txt"');
  // The shell has no mkdir: a file in a folder comes from the editor or an import.
  workspace.shell.files['/home/learner/dir/inner.json'] = 'x\n';
  const association = Object.keys(workspace.sim.tables.associations)[0] ?? '';
  return { workspace, running, stopped, association };
}

/** Completes at the end of the line, or at the `|` marker (removed first). */
function at(workspace: Workspace, marked: string) {
  const cursor = marked.includes('|') ? marked.indexOf('|') : marked.length;
  return complete(workspace, marked.replace('|', ''), cursor);
}

describe('Tab completion', () => {
  const { workspace, running, stopped, association } = lab();

  it.each<[string, string, string[]]>([
    ['a command name', 'c', ['cat', 'cd', 'clear', 'connect', 'curl']],
    ['a command after an assignment', 'AWS_PAGER= aw', ['aws']],
    ['a command after &&', 'ls && ech', ['echo']],
    ['a command inside $(…)', 'echo $(aws st', ['sts']],
    ['aws services', 'aws ', ['ec2', 'help', 'iam', 'resourcegroupstaggingapi', 'sts']],
    ['a service after a global option and its value', 'aws --output text i', ['iam']],
    ['operations, kebab-case', 'aws iam create-i', ['create-instance-profile']],
    ['operations and waiters of ec2', 'aws ec2 wa', ['wait']],
    ['waiters', 'aws iam wait ', ['instance-profile-exists', 'policy-exists', 'role-exists']],
    ['options of a waiter', 'aws ec2 wait instance-running --instance-i', ['--instance-ids']],
    ['options of an operation', 'aws iam get-role --', ['--ca-bundle', '--cli-auto-prompt', '--cli-binary-format', '--cli-connect-timeout', '--cli-error-format', '--cli-input-json', '--cli-input-yaml', '--cli-read-timeout', '--color', '--debug', '--endpoint-url', '--generate-cli-skeleton', '--no-cli-auto-prompt', '--no-cli-pager', '--no-paginate', '--no-sign-request', '--no-verify-ssl', '--output', '--profile', '--query', '--region', '--role-name']],
    ['options by prefix, without those already given', 'aws ec2 run-instances --image-id ami-1 --i', ['--iam-instance-profile', '--instance-initiated-shutdown-behavior', '--instance-market-options', '--instance-type', '--ipv6-address-count', '--ipv6-addresses']],
    ['--output formats', 'aws iam list-roles --output ', ['json', 'off', 'table', 'text', 'yaml', 'yaml-stream']],
    ['an enum from the model', 'aws ec2 modify-instance-metadata-options --instance-id i-1 --http-tokens ', ['optional', 'required']],
    ['skeleton choices', 'aws iam get-role --generate-cli-skeleton ', ['input', 'output', 'yaml-input']],
    ['role names', 'aws iam get-role --role-name w', ['web', 'worker']],
    ['profile names', 'aws iam get-instance-profile --instance-profile-name ', ['web-profile', 'worker-profile']],
    ['policy ARNs: attached, customer managed and AWS managed', 'aws iam attach-role-policy --role-name worker --policy-arn arn:aws:iam::1', ['arn:aws:iam::123456789012:policy/s3-read']],
    ['file:// paths in an option value', 'aws iam create-role --assume-role-policy-document file://ec2-role-t', ['file://ec2-role-trust-policy.json']],
    ['folders one level at a time', 'aws iam create-role --assume-role-policy-document file://d', ['file://dir/']],
    ['cat: files, quoted where needed', 'cat no', ["'notes file.txt'"]],
    ['cat: absolute paths', 'cat /home/learner/dir/', ['/home/learner/dir/inner.json']],
    ['rm: files under ~', 'rm ~/dir/i', ['~/dir/inner.json']],
    ['edit: files', 'edit ec2-role-a', ['ec2-role-access-policy.json']],
    ['a redirection target', 'echo hi > ec2-role-t', ['ec2-role-trust-policy.json']],
    ['nothing for an unknown command', 'whoami ', []],
    ['nothing after aws help', 'aws help ', []],
  ])('%s', (_, line, candidates) => {
    expect(at(workspace, line).candidates).toEqual(candidates);
  });

  it('every command on an empty line, from the terminal\'s own list', () => {
    expect(at(workspace, '')).toEqual({ from: 0, candidates: [...COMMAND_NAMES] });
  });

  it('instance ids for --instance-ids, each offered once', () => {
    expect(at(workspace, 'aws ec2 start-instances --instance-ids ').candidates).toEqual([running, stopped].sort());
    expect(at(workspace, `aws ec2 start-instances --instance-ids ${running} `).candidates).toEqual([stopped]);
    expect(at(workspace, `aws ec2 start-instances --instance-ids ${running} --d`).candidates).toEqual(['--debug', '--dry-run']);
  });

  it('instance ids for --instance-id and association ids for --association-id', () => {
    expect(at(workspace, 'aws ec2 modify-instance-metadata-options --instance-id i-').candidates).toEqual([running, stopped].sort());
    expect(at(workspace, 'aws ec2 disassociate-iam-instance-profile --association-id ').candidates).toEqual([association]);
    expect(at(workspace, 'aws ec2 describe-iam-instance-profile-associations --association-ids ').candidates).toEqual([association]);
  });

  it('ssh and connect offer running instances only, also after a user name', () => {
    expect(at(workspace, 'ssh ').candidates).toEqual([running]);
    expect(at(workspace, 'connect i').candidates).toEqual([running]);
    expect(at(workspace, 'ssh ec2-user@').candidates).toEqual([`ec2-user@${running}`]);
  });

  it('includes AWS managed policies among the known ARNs', () => {
    expect(at(workspace, 'aws iam attach-role-policy --policy-arn arn:aws:iam::aws:policy/AmazonS3F').candidates).toEqual(['arn:aws:iam::aws:policy/AmazonS3FullAccess']);
  });

  it('completes the word under the cursor mid-line and says where it starts', () => {
    expect(at(workspace, 'aws iam get-role --role-name w| --output json')).toEqual({ from: 29, candidates: ['web', 'worker'] });
    expect(at(workspace, 'aws i|am get-role')).toEqual({ from: 4, candidates: ['iam'] });
    expect(at(workspace, 'aws iam get-role --output json --role-name |')).toEqual({ from: 43, candidates: ['web', 'worker'] });
  });

  it('reads a quoted word without its quotes, and replaces it from the quote', () => {
    expect(at(workspace, "cat 'notes f")).toEqual({ from: 4, candidates: ["'notes file.txt'"] });
    expect(at(workspace, 'aws iam get-role --role-name "wo')).toEqual({ from: 29, candidates: ['worker'] });
  });

  it('offers each candidate once, in order', () => {
    // web has s3-read attached and it is also a customer managed policy: listed once.
    const { candidates } = at(workspace, 'aws iam detach-role-policy --role-name web --policy-arn arn:aws:iam::123');
    expect(candidates).toEqual(['arn:aws:iam::123456789012:policy/s3-read']);
  });

  it('copes with cursors outside the line', () => {
    expect(complete(workspace, 'aws ia', 99)).toEqual({ from: 4, candidates: ['iam'] });
    expect(complete(workspace, 'aws ia', -5)).toEqual({ from: 0, candidates: expect.arrayContaining(['aws']) });
  });

  it('changes nothing in the workspace', () => {
    const before = JSON.stringify(workspace);
    at(workspace, 'aws iam get-role --role-name ');
    at(workspace, 'cat ');
    expect(JSON.stringify(workspace)).toBe(before);
  });
});
