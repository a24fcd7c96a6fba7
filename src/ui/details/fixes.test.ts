import { describe, expect, it } from 'vitest';
import { newWorkspace, runCommand, type Workspace } from '../../cli/terminal';
import { deriveGraph } from '../../graph/derive';
import type { WarningCode } from '../../graph/types';
import { fixCommands, PLACEHOLDER, shellWord } from './fixes';

const run = (ws: Workspace, line: string) => {
  const result = runCommand(ws, line, { language: 'en' });
  if (result.exitCode !== 0) throw new Error(`${line}\n${result.chunks.map((c) => c.text).join('')}`);
};
const ROLE = (name: string) => `aws iam create-role --role-name ${name} --assume-role-policy-document file://ec2-role-trust-policy.json`;
const LAUNCH = (profile: string) => `aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=${profile}`;
const NO_EC2 = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

/** For each warning: a lab that shows it, and what the learner puts in place of the placeholders. */
const CASES: [WarningCode, string[], Record<string, string>][] = [
  ['empty-profile-attached', ['aws iam create-instance-profile --instance-profile-name empty', LAUNCH('empty'), ROLE('web'), 'aws iam put-role-policy --role-name web --policy-name p --policy-document file://ec2-role-access-policy.json'], { [PLACEHOLDER.role]: 'web' }],
  ['association-profile-deleted', ['aws iam create-instance-profile --instance-profile-name old', LAUNCH('old'), 'sleep 10', 'aws iam delete-instance-profile --instance-profile-name old', 'aws iam create-instance-profile --instance-profile-name fresh'], { [PLACEHOLDER.profile]: 'fresh' }],
  ['profile-role-not-trusted-by-ec2', [`aws iam create-role --role-name fn --assume-role-policy-document '${NO_EC2}'`, 'aws iam create-instance-profile --instance-profile-name fn', 'aws iam add-role-to-instance-profile --instance-profile-name fn --role-name fn'], {}],
  ['ec2-role-without-profile', [ROLE('s3access')], {}],
  ['same-name-not-linked', [ROLE('app'), ROLE('other'), 'aws iam create-instance-profile --instance-profile-name app', 'aws iam add-role-to-instance-profile --instance-profile-name app --role-name other'], {}],
  ['role-without-permissions', [ROLE('bare'), 'aws iam create-instance-profile --instance-profile-name bare', 'aws iam add-role-to-instance-profile --instance-profile-name bare --role-name bare'], {}],
];

describe('fixCommands', () => {
  it.each(CASES)('%s: the commands run as they are (placeholders filled in) and the warning goes away', (code, setup, fill) => {
    const ws = newWorkspace();
    for (const line of setup) run(ws, line);
    const graph = deriveGraph(ws.sim);
    const warning = graph.warnings.find((w) => w.code === code);
    if (!warning) throw new Error(`no ${code} in ${JSON.stringify(graph.warnings.map((w) => w.code))}`);
    const commands = fixCommands(warning, graph.edges);
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) {
      expect(command).toMatch(/^aws (iam|ec2) /);
      run(ws, Object.entries(fill).reduce((line, [placeholder, value]) => line.replaceAll(placeholder, value), command));
    }
    expect(deriveGraph(ws.sim).warnings.filter((w) => w.id === warning.id)).toEqual([]);
  });

  it('quotes names the shell would read differently', () => {
    expect(shellWord('s3access')).toBe('s3access');
    expect(shellWord('Name=a+b@c.d,e')).toBe('Name=a+b@c.d,e');
    expect(shellWord("it's $HOME")).toBe(`'it'\\''s $HOME'`);
    expect(shellWord('')).toBe("''");
  });
});
