import { splitCommands } from '../../src/cli/shell/split';
import { newWorkspace, runCommand } from '../../src/cli/terminal';
import { scenarioText } from '../../src/worker/scenario';

/**
 * A lab with `bands` × (role, inline policy, instance profile, instance): 1,000 resources and about
 * as many graph nodes at 250 bands. Written as the shell script a learner could paste, and run
 * through the same shell and simulator as the terminal (in Node, so the benchmark does not spend
 * minutes typing it), then saved as a scenario file the page imports.
 */
export function accountScript(bands: number): string {
  const lines: string[] = ['echo \'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}\' > s3.json'];
  for (let i = 0; i < bands; i++) {
    const name = `app-${i}`;
    lines.push(
      `aws iam create-role --role-name ${name} --assume-role-policy-document file://ec2-role-trust-policy.json`,
      `aws iam put-role-policy --role-name ${name} --policy-name s3 --policy-document file://s3.json`,
      `aws iam create-instance-profile --instance-profile-name ${name}-profile`,
      `aws iam add-role-to-instance-profile --instance-profile-name ${name}-profile --role-name ${name}`,
      `aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=${name}-profile`,
    );
  }
  return lines.join('\n');
}

export function accountScenario(bands: number): { text: string; commands: number; failed: number } {
  const workspace = newWorkspace({ seed: 42 });
  const commands = splitCommands(accountScript(bands));
  let failed = 0;
  for (const command of commands) if (runCommand(workspace, command, { language: 'en' }).exitCode !== 0) failed++;
  return { text: scenarioText(workspace), commands: commands.length, failed };
}
