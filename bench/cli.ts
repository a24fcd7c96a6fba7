import { emptyState } from '../src/sim';
import { splitCommands } from '../src/cli/shell/split';
import { newWorkspace, runCommand } from '../src/cli/terminal';
import { fmt, percentile, report, timeEach, timeOnce } from './stats';

/** A learner-like script: creating, linking, launching, reading, querying and some mistakes. */
function script(lines: number): string {
  const out: string[] = [];
  for (let i = 0; out.length < lines; i++) {
    out.push(
      `aws iam create-role --role-name app-${i} --assume-role-policy-document file://ec2-role-trust-policy.json`,
      `aws iam put-role-policy --role-name app-${i} --policy-name s3 --policy-document file://ec2-role-access-policy.json`,
      `aws iam create-instance-profile --instance-profile-name app-${i}-profile --output text`,
      `aws iam add-role-to-instance-profile --instance-profile-name app-${i}-profile --role-name app-${i}`,
      `aws ec2 run-instances --image-id ami-11aa22bb --iam-instance-profile Name=app-${i} --count 1`,
      `IID=$(aws ec2 run-instances --image-id ami-11aa22bb --iam-instance-profile Name="app-${i}-profile" --query "Instances[0].InstanceId" --output text)`,
      `aws iam get-role --role-name app-${i} --query Role.Arn --output text`,
      `aws iam get-instance-profile --instance-profile-name app-${i}-profile --output yaml`,
      `aws ec2 describe-instances --instance-ids "$IID" --query "Reservations[].Instances[].IamInstanceProfile.Arn"`,
      `aws sts get-caller-identity --output table`,
    );
  }
  return out.slice(0, lines).join('\n');
}

export function benchCli(): void {
  const workspace = newWorkspace({ seed: 3 });
  workspace.sim = emptyState({ quotas: { rolesPerAccount: 20_000, instanceProfilesPerAccount: 20_000 } });
  const split = timeOnce(() => splitCommands(script(10_000)));
  const { totalMs, perItemMs } = timeEach(split.value, (command) => runCommand(workspace, command, { language: 'en' }));
  report('CLI — a 10,000-line script through tokenize → parse → simulate → format', [
    ['splitting the script', `${fmt(split.ms)} ms`],
    ['lines per second', fmt(split.value.length / (totalMs / 1000), 0), '≥ 20,000'],
    ['p50 per line', `${fmt(percentile(perItemMs, 50), 4)} ms`],
    ['p99 per line', `${fmt(percentile(perItemMs, 99), 4)} ms`, '< 1 ms'],
  ]);
}
