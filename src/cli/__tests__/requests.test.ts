import { describe, expect, it } from 'vitest';
import type { ApiRequest } from '../shell/session';
import { newWorkspace, runCommand, type Workspace } from '../terminal';

/** What each request of a command came to: `Operation` or `Operation:ErrorCode`. */
const outcomes = (requests: readonly ApiRequest[]): string[] => requests.map((r) => (r.outcome.ok ? r.operation : `${r.operation}:${r.outcome.error.code}`));

function session() {
  const workspace = newWorkspace({ seed: 3 });
  const run = (line: string) => runCommand(workspace, line, { language: 'en' });
  return { workspace, run };
}

const instanceId = (workspace: Workspace) => Object.keys(workspace.sim.tables.instances)[0] ?? '';

describe('each command publishes the API requests it sent, with their outcomes', () => {
  it('a success and a service error, with the service and AWS error as the simulator answered', () => {
    const { run } = session();
    expect(run('aws iam list-roles; aws iam get-role --role-name missing').requests).toEqual([
      { service: 'iam', operation: 'ListRoles', outcome: { ok: true } },
      { service: 'iam', operation: 'GetRole', outcome: { ok: false, error: { service: 'iam', code: 'NoSuchEntity', message: 'The role with name missing cannot be found.', httpStatus: 404 } } },
    ]);
  });

  it.each([
    ['standard error thrown away', 'aws iam get-role --role-name missing 2>/dev/null'],
    ['standard error in a file', 'aws iam get-role --role-name missing 2> err.txt'],
    ['the json error format', 'aws iam get-role --role-name missing --cli-error-format json'],
    ['the yaml error format', 'aws iam get-role --role-name missing --cli-error-format yaml'],
    ['the text error format', 'aws iam get-role --role-name missing --cli-error-format text'],
    ['inside a command substitution', 'echo "$(aws iam get-role --role-name missing 2>&1)" > /dev/null'],
  ])('whatever the terminal shows: %s', (_name, line) => {
    expect(outcomes(session().run(line).requests)).toEqual(['GetRole:NoSuchEntity']);
  });

  it('none for what sends nothing: text that looks like an error, a usage error, a local file', () => {
    const { run } = session();
    expect(run('echo "An error occurred (InvalidParameterValue) when calling the RunInstances operation: x"').requests).toEqual([]);
    // On standard error too: cat names the file it cannot find.
    expect(run('cat "An error occurred (InvalidParameterValue) when calling the RunInstances operation: x"')).toMatchObject({ requests: [], chunks: [{ stream: 'stderr' }] });
    expect(run('aws iam get-role').requests).toEqual([]);
    expect(run('cat nothing.txt').requests).toEqual([]);
  });

  it('a dry run ends in DryRunOperation, as AWS reports it', () => {
    expect(outcomes(session().run('aws ec2 run-instances --image-id ami-11aa22bb --dry-run').requests)).toEqual(['RunInstances:DryRunOperation']);
  });

  it('every page and every waiter poll is a request', () => {
    const { run, workspace } = session();
    for (let i = 0; i < 3; i++) run(`aws iam create-instance-profile --instance-profile-name p${i}`);
    expect(outcomes(run('aws iam list-instance-profiles --page-size 1').requests)).toEqual(['ListInstanceProfiles', 'ListInstanceProfiles', 'ListInstanceProfiles']);
    run('aws ec2 run-instances --image-id ami-11aa22bb');
    const polls = outcomes(run(`aws ec2 wait instance-running --instance-ids ${instanceId(workspace)}`).requests);
    expect(polls.length).toBeGreaterThan(1);
    expect(new Set(polls)).toEqual(new Set(['DescribeInstances']));
  });

  it('inside an instance: the requests its role signs count; the metadata service curl reaches is no AWS API', () => {
    const { run, workspace } = session();
    run('aws iam create-role --role-name app --assume-role-policy-document file://ec2-role-trust-policy.json');
    run('aws iam create-instance-profile --instance-profile-name app');
    run('aws iam add-role-to-instance-profile --instance-profile-name app --role-name app');
    run('aws ec2 run-instances --image-id ami-11aa22bb --iam-instance-profile Name=app');
    run(`aws ec2 wait instance-running --instance-ids ${instanceId(workspace)}`);
    run('sleep 10');
    expect(run(`ssh ${instanceId(workspace)}`).requests).toEqual([]);
    expect(run('curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/app > /dev/null').requests).toEqual([]);
    expect(outcomes(run('aws sts get-caller-identity > /dev/null; aws iam create-role --role-name x --assume-role-policy-document "{}" 2>/dev/null').requests)).toEqual([
      'GetCallerIdentity',
      'CreateRole:AccessDenied',
    ]);
  });
});
