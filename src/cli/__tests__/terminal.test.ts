import { describe, expect, it } from 'vitest';
import { splitCommands } from '../shell/split';
import { newWorkspace, prompt, runCommand, type Workspace } from '../terminal';

function session() {
  const workspace = newWorkspace({ seed: 5 });
  const run = (line: string) => {
    const result = runCommand(workspace, line, { language: 'en' });
    const text = (s: 'stdout' | 'stderr') => result.chunks.filter((c) => c.stream === s).map((c) => c.text).join('');
    return { stdout: text('stdout'), stderr: text('stderr'), exitCode: result.exitCode, events: result.events };
  };
  const runAll = (script: string) => splitCommands(script).map(run);
  return { workspace, run, runAll };
}

const instanceId = (workspace: Workspace) => Object.keys(workspace.sim.tables.instances)[0] ?? '';

describe('aws in the terminal', () => {
  it('prints nothing for operations without output and exits 0', () => {
    const { run } = session();
    run('aws iam create-role --role-name r --assume-role-policy-document file://ec2-role-trust-policy.json');
    expect(run('aws iam put-role-policy --role-name r --policy-name p --policy-document file://ec2-role-access-policy.json')).toEqual({ stdout: '', stderr: '', exitCode: 0, events: [expect.objectContaining({ kind: 'updated' })] });
  });

  it('writes service errors to stderr after an empty line, exit 254, and changes nothing', () => {
    const { run, workspace } = session();
    run('aws iam create-role --role-name s3access --assume-role-policy-document file://ec2-role-trust-policy.json');
    const before = JSON.stringify(workspace.sim);
    expect(run('aws ec2 run-instances --image-id ami-11aa22bb --iam-instance-profile Name=s3access')).toEqual({
      stdout: '',
      stderr: '\naws: [ERROR]: An error occurred (InvalidParameterValue) when calling the RunInstances operation: Value (s3access) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name\n',
      exitCode: 254,
      events: [],
    });
    expect(JSON.stringify(workspace.sim)).toBe(before);
  });

  it('honours --cli-error-format and AWS_CLI_ERROR_FORMAT for service errors', () => {
    const { run } = session();
    expect(run('aws iam get-role --role-name nope --cli-error-format json').stderr).toBe('{\n    "Code": "NoSuchEntity",\n    "Message": "The role with name nope cannot be found."\n}\n');
    expect(run('AWS_CLI_ERROR_FORMAT=legacy aws iam get-role --role-name nope').stderr).toBe('\naws: [ERROR]: An error occurred (NoSuchEntity) when calling the GetRole operation: The role with name nope cannot be found.\n');
  });

  it('reports a bare file name as invalid JSON from the service, as AWS does', () => {
    const { run } = session();
    expect(run('aws iam create-role --role-name r --assume-role-policy-document ec2-role-trust-policy.json')).toMatchObject({
      stderr: '\naws: [ERROR]: An error occurred (MalformedPolicyDocument) when calling the CreateRole operation: This policy contains invalid Json\n',
      exitCode: 254,
    });
  });

  it('applies --query and --output, and text output of a query on one line', () => {
    const { run } = session();
    run('aws iam create-role --role-name a --assume-role-policy-document file://ec2-role-trust-policy.json');
    run('aws iam create-role --role-name b --assume-role-policy-document file://ec2-role-trust-policy.json');
    expect(run('aws iam list-roles --query "Roles[].RoleName" --output text').stdout).toBe('a\tb\n');
    expect(run('aws iam list-roles --query "Roles[].RoleName"').stdout).toBe('[\n    "a",\n    "b"\n]\n');
    // A bare scalar under yaml prints as the CLI's own tests show it: JSON-quoted.
    expect(run('aws iam get-role --role-name a --query Role.Arn --output yaml').stdout).toBe('"arn:aws:iam::123456789012:role/a"\n');
  });

  it('pages automatically and drops the paging keys; --max-items adds a NextToken', () => {
    const { run, runAll } = session();
    runAll(Array.from({ length: 130 }, (_, i) => `aws iam create-instance-profile --instance-profile-name p${String(i).padStart(3, '0')} --output text`).join('\n'));
    const all = JSON.parse(run('aws iam list-instance-profiles').stdout) as Record<string, unknown[]>;
    expect(Object.keys(all)).toEqual(['InstanceProfiles']);
    expect(all.InstanceProfiles).toHaveLength(130);
    const some = JSON.parse(run('aws iam list-instance-profiles --max-items 2 --query "{names: InstanceProfiles[].InstanceProfileName, next: NextToken}"').stdout) as { names: string[]; next: string };
    expect(some.names).toEqual(['p000', 'p001']);
    const rest = JSON.parse(run(`aws iam list-instance-profiles --max-items 2 --starting-token ${some.next} --query "InstanceProfiles[].InstanceProfileName"`).stdout) as string[];
    expect(rest).toEqual(['p002', 'p003']);
  });

  it('waits by moving simulated time, and fails a waiter with exit 255', () => {
    const { run, workspace } = session();
    run('aws ec2 run-instances --image-id ami-11aa22bb');
    const id = instanceId(workspace);
    const before = workspace.clock;
    expect(run(`aws ec2 wait instance-running --instance-ids ${id}`).exitCode).toBe(0);
    expect(workspace.clock).toBeGreaterThan(before);
    expect(run(`aws ec2 describe-instances --instance-ids ${id} --query "Reservations[0].Instances[0].State.Name" --output text`).stdout).toBe('running\n');
    expect(run('aws iam wait instance-profile-exists --instance-profile-name nope')).toMatchObject({
      stderr: '\naws: [ERROR]: Waiter InstanceProfileExists failed: Max attempts exceeded. Previously accepted state: Matched expected HTTP status code: 404\n',
      exitCode: 255,
    });
  });

  it('has DryRun outcomes with exit 254', () => {
    const { run } = session();
    expect(run('aws ec2 run-instances --image-id ami-11aa22bb --dry-run')).toMatchObject({
      stderr: '\naws: [ERROR]: An error occurred (DryRunOperation) when calling the RunInstances operation: Request would have succeeded, but DryRun flag is set.\n',
      exitCode: 254,
    });
  });

  it('signs requests with an exported AssumeRole session', () => {
    const { run } = session();
    run('aws iam create-role --role-name admin --assume-role-policy-document \'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}\'');
    const token = run('aws sts assume-role --role-arn arn:aws:iam::123456789012:role/admin --role-session-name lab --query Credentials.SessionToken --output text').stdout.trim();
    expect(run(`AWS_SESSION_TOKEN=${token} aws sts get-caller-identity --query Arn --output text`).stdout).toBe('arn:aws:sts::123456789012:assumed-role/admin/lab\n');
    expect(run('AWS_SESSION_TOKEN=garbage aws sts get-caller-identity').exitCode).toBe(254);
  });
});

describe('inside an instance', () => {
  function launched(profile: 'with-role' | 'empty' | 'none') {
    const s = session();
    s.runAll(`
aws iam create-role --role-name s3access --assume-role-policy-document file://ec2-role-trust-policy.json
aws iam attach-role-policy --role-name s3access --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess
aws iam create-instance-profile --instance-profile-name s3access-profile
${profile === 'with-role' ? 'aws iam add-role-to-instance-profile --instance-profile-name s3access-profile --role-name s3access' : ''}
aws ec2 run-instances --image-id ami-11aa22bb ${profile === 'none' ? '' : '--iam-instance-profile Name=s3access-profile'}
`);
    const id = instanceId(s.workspace);
    s.run(`aws ec2 wait instance-running --instance-ids ${id}`);
    s.run('sleep 10');
    return { ...s, id };
  }

  it('ssh changes the prompt, aws signs as the instance role, exit returns', () => {
    const { run, workspace, id } = launched('with-role');
    expect(run(`ssh ${id}`).exitCode).toBe(0);
    expect(prompt(workspace)).toMatch(/^\[ec2-user@ip-172-31-\d+-\d+ ~\]\$ $/);
    expect(run('aws sts get-caller-identity --query Arn --output text').stdout).toBe(`arn:aws:sts::123456789012:assumed-role/s3access/${id}\n`);
    expect(run('aws iam create-role --role-name x --assume-role-policy-document "{}"')).toMatchObject({
      stderr: `\naws: [ERROR]: An error occurred (AccessDenied) when calling the CreateRole operation: User: arn:aws:sts::123456789012:assumed-role/s3access/${id} is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::123456789012:role/x because no identity-based policy allows the iam:CreateRole action\n`,
      exitCode: 254,
    });
    expect(run('exit').exitCode).toBe(0);
    expect(prompt(workspace)).toBe('learner@iam-lab:~$ ');
  });

  it('runs the IMDSv2 example from the EC2 user guide verbatim', () => {
    const { run, id } = launched('with-role');
    run(`ssh ${id}`);
    const result = run(
      'TOKEN=`curl -X PUT "http://169.254.169.254/latest/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 21600"` \\\n&& curl -H "X-aws-ec2-metadata-token: $TOKEN" -v http://169.254.169.254/latest/meta-data/iam/security-credentials/s3access',
    );
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ Code: 'Success', Type: 'AWS-HMAC', AccessKeyId: expect.stringMatching(/^ASIA[A-Z0-9]{16}$/) });
    expect(result.stderr).toContain('< HTTP/1.1 200 OK');
    expect(result.stderr).toContain('% Total    % Received');
  });

  it('has no credentials with an empty profile or none', () => {
    for (const profile of ['empty', 'none'] as const) {
      const { run, id, workspace } = launched(profile);
      run(`ssh ${id}`);
      expect(run('aws sts get-caller-identity')).toMatchObject({
        stderr: '\naws: [ERROR]: Unable to locate credentials. You can configure credentials by running "aws configure".\n',
        exitCode: 253,
      });
      expect(run('curl -s -o /dev/null -w "%{http_code}" http://169.254.169.254/latest/meta-data/iam/security-credentials/').stdout).toBe('404');
      expect(Object.keys(workspace.shell.files)).not.toContain('/dev/null');
    }
  });

  it('refuses IMDSv1 when the instance requires tokens', () => {
    const s = session();
    s.run('aws ec2 run-instances --image-id ami-11aa22bb --metadata-options HttpTokens=required');
    const id = instanceId(s.workspace);
    s.run(`aws ec2 wait instance-running --instance-ids ${id}`);
    s.run(`ssh ${id}`);
    expect(s.run('curl -s -w " %{http_code}" http://169.254.169.254/latest/meta-data/instance-id').stdout).toMatch(/401 - Unauthorized[\s\S]* 401$/);
    expect(s.run('curl -s http://169.254.169.254/latest/meta-data/instance-id -H "X-aws-ec2-metadata-token: $(curl -s -X PUT http://169.254.169.254/latest/api/token -H \'X-aws-ec2-metadata-token-ttl-seconds: 60\')"').stdout).toBe(id);
  });

  it('curl from the learner machine cannot reach the metadata service', () => {
    const { run } = session();
    expect(run('curl http://169.254.169.254/latest/meta-data/')).toMatchObject({ exitCode: 28 });
  });
});
