import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { ConsolePanel } from './pages/ConsolePanel';
import { LabPage } from './pages/LabPage';

const PROFILE_ARN = 'arn:aws:iam::123456789012:instance-profile/s3access';
const S3_READ = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';

const TEXT = {
  en: {
    created: 'Role s3access created.',
    emptyProfile: 'No roles attached to instance profile: sample-profile',
    deleted: 'Role s3access deleted.',
    roleExistsHint: 'A role with this name already exists',
  },
  ja: {
    created: 'ロール s3access を作成しました。',
    emptyProfile: 'インスタンスプロファイルにアタッチされたロールがありません: sample-profile',
    deleted: 'ロール s3access を削除しました。',
    roleExistsHint: 'この名前のロールはすでにあります',
  },
} as const;

for (const language of ['en', 'ja'] as const) {
  test.describe(`console (${language})`, () => {
    test('create an EC2 role, launch with an empty profile made in the terminal, delete the role', async ({ page }) => {
      const lab = new LabPage(page);
      const awsConsole = new ConsolePanel(page);
      await lab.openSandbox();
      if (language === 'ja') await lab.language('ja').click();
      await expect(awsConsole.apiLog.getByTestId('console.apiLog.entry')).toHaveCount(0);

      // Create role for EC2: the console makes the role, attaches the policy, and makes the same-named profile (F3).
      await awsConsole.createEc2Role('s3access', ['AmazonS3ReadOnlyAccess']);
      await expect(awsConsole.flash).toHaveAttribute('data-tone', 'success');
      await expect(awsConsole.flashText).toHaveText(TEXT[language].created);
      const calls = await awsConsole.lastCalls();
      expect(calls.map((c) => c.ok)).toEqual([true, true, true, true]);
      expect(calls[0]?.cli).toMatch(/^aws iam create-role --role-name s3access --assume-role-policy-document '\{/);
      expect(calls[0]?.cli).toContain('"ec2.amazonaws.com"');
      expect(calls.slice(1).map((c) => c.cli)).toEqual([
        `aws iam attach-role-policy --role-name s3access --policy-arn ${S3_READ}`,
        'aws iam create-instance-profile --instance-profile-name s3access',
        'aws iam add-role-to-instance-profile --instance-profile-name s3access --role-name s3access',
      ]);
      // The role page shows the profile's ARN (F22), and the calls are in the terminal's history.
      await expect(awsConsole.rolePage().getByTestId('console.iam.role.arn')).toHaveText('arn:aws:iam::123456789012:role/s3access');
      await expect(awsConsole.rolePage().getByTestId('console.iam.role.profileArns')).toContainText(PROFILE_ARN);
      await expect(awsConsole.rolePage().getByTestId('console.iam.role.policy')).toHaveAttribute('data-policy-name', 'AmazonS3ReadOnlyAccess');
      expect((await lab.published())?.shell.history.slice(-3)).toEqual(calls.slice(1).map((c) => c.cli));

      // The same name again: AWS's own error, exactly, and a line in the learner's language.
      await awsConsole.createEc2Role('S3ACCESS', []);
      await expect(awsConsole.flash).toHaveAttribute('data-tone', 'error');
      await expect(awsConsole.flash.getByTestId('console.flash.error')).toContainText('EntityAlreadyExists: Role with name S3ACCESS already exists.');
      await expect(awsConsole.flash.getByTestId('console.flash.hint')).toContainText(TEXT[language].roleExistsHint);
      expect((await awsConsole.lastCalls()).map((c) => c.ok)).toEqual([false]);
      await awsConsole.createRoleWizard().getByTestId('console.iam.createRole.cancel').click();

      // An empty profile made in the terminal shows in the launch wizard's dropdown (profiles, not roles).
      await lab.terminal.run('aws iam create-instance-profile --instance-profile-name sample-profile');
      await awsConsole.show();
      await awsConsole.launch('web', 'sample-profile');
      await expect(awsConsole.flash).toHaveAttribute('data-tone', 'success');
      const launched = await awsConsole.lastCalls();
      expect(launched.map((c) => c.cli.split(' --')[0])).toEqual(['aws iam list-instance-profiles', 'aws ec2 run-instances']);
      expect(launched[1]?.cli).toContain('--iam-instance-profile Arn=arn:aws:iam::123456789012:instance-profile/sample-profile');
      const instanceId = Object.keys((await lab.published())?.sim.tables.instances ?? {})[0] ?? '';
      expect(instanceId).toMatch(/^i-[0-9a-f]{17}$/);
      await expect(awsConsole.instanceRow(instanceId).getByTestId('console.ec2.instances.role')).toHaveText(TEXT[language].emptyProfile);

      // Its Security tab: the role inside the profile, here none (F5).
      const security = await awsConsole.openInstance(instanceId, 'security');
      await expect(security.getByTestId('console.ec2.security.iamRole')).toHaveText(TEXT[language].emptyProfile);
      await expect(security.getByTestId('console.ec2.security.iamRole')).toHaveAttribute('data-kind', 'emptyProfile');

      // Delete role: typed confirmation; the console takes the role out of its profile and deletes both (F10).
      await awsConsole.deleteRole('s3access');
      await expect(awsConsole.flashText).toHaveText(TEXT[language].deleted);
      await expect(awsConsole.roleRow('s3access')).toHaveCount(0);
      expect((await awsConsole.lastCalls()).map((c) => c.cli)).toEqual([
        'aws iam list-instance-profiles-for-role --role-name s3access',
        'aws iam remove-role-from-instance-profile --instance-profile-name s3access --role-name s3access',
        'aws iam delete-instance-profile --instance-profile-name s3access',
        'aws iam list-attached-role-policies --role-name s3access',
        `aws iam detach-role-policy --role-name s3access --policy-arn ${S3_READ}`,
        'aws iam list-role-policies --role-name s3access',
        'aws iam delete-role --role-name s3access',
      ]);
      const tables = (await lab.published())?.sim.tables;
      expect(Object.keys(tables?.roles ?? {})).toEqual([]);
      expect(Object.keys(tables?.instanceProfiles ?? {})).toEqual(['sample-profile']);
    });
  });
}

test('keyboard only: Actions › Security › Modify IAM role attaches, then detaching asks for Detach', async ({ page }) => {
  const lab = new LabPage(page);
  const awsConsole = new ConsolePanel(page);
  await lab.openSandbox();
  await lab.terminal.run('aws iam create-instance-profile --instance-profile-name sample-profile');
  await lab.terminal.run('aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro');
  await lab.terminal.run('sleep 6');
  const instanceId = Object.keys((await lab.published())?.sim.tables.instances ?? {})[0] ?? '';

  // Service tabs move with the arrow keys; the instance's checkbox and the menus with the keyboard.
  await awsConsole.root.getByTestId('console.tab.iam').focus();
  await page.keyboard.press('ArrowRight');
  await expect(awsConsole.root.getByTestId('console.tab.ec2')).toBeFocused();
  await expect(awsConsole.instances()).toBeVisible();
  await awsConsole.instanceRow(instanceId).getByRole('checkbox').focus();
  await page.keyboard.press('Space');
  await awsConsole.instances().getByTestId('console.ec2.instances.actions').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('console.ec2.instances.actions.security')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('console.ec2.instances.actions.modifyRole')).toBeFocused();
  await page.keyboard.press('Enter');

  const modify = awsConsole.root.getByTestId('console.ec2.modifyRole');
  await expect(modify.getByRole('heading', { level: 3 })).toBeFocused();
  await modify.getByTestId('console.ec2.modifyRole.select').focus();
  await page.keyboard.press('ArrowDown');
  await expect(modify.getByTestId('console.ec2.modifyRole.select')).toHaveValue('sample-profile');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(modify.getByTestId('console.ec2.modifyRole.update')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(awsConsole.flash).toHaveAttribute('data-tone', 'success');
  expect((await awsConsole.lastCalls()).map((c) => c.cli.split(' --')[0])).toEqual(['aws ec2 describe-iam-instance-profile-associations', 'aws iam list-instance-profiles', 'aws ec2 associate-iam-instance-profile']);
  await expect(awsConsole.root.getByTestId('console.ec2.security.iamRole')).toHaveText('No roles attached to instance profile: sample-profile');

  // Detach: "No IAM Role", then the dialog wants the word typed; Esc keeps the profile.
  await lab.terminal.run('sleep 4');
  await awsConsole.show();
  await awsConsole.root.getByTestId('console.ec2.instance.actions').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('console.ec2.instance.actions.security')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('console.ec2.instance.actions.modifyRole')).toBeFocused();
  await page.keyboard.press('Enter');
  await modify.getByTestId('console.ec2.modifyRole.select').selectOption('');
  await modify.getByTestId('console.ec2.modifyRole.update').press('Enter');
  const dialog = page.getByTestId('console.ec2.detach');
  await expect(dialog.getByTestId('console.ec2.detach.input')).toBeFocused();
  await expect(dialog.getByTestId('console.ec2.detach.confirm')).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await modify.getByTestId('console.ec2.modifyRole.update').press('Enter');
  await page.keyboard.type('Detach');
  await page.keyboard.press('Enter');
  await expect(awsConsole.flash).toHaveAttribute('data-tone', 'success');
  expect((await awsConsole.lastCalls()).map((c) => c.cli.split(' --')[0])).toEqual(['aws ec2 describe-iam-instance-profile-associations', 'aws ec2 disassociate-iam-instance-profile']);
});

test('the console pages have no detectable accessibility problems', async ({ page }) => {
  test.setTimeout(120_000);
  const lab = new LabPage(page);
  const awsConsole = new ConsolePanel(page);
  await lab.openSandbox();
  await lab.language('ja').click();
  const axe = async () => (await new AxeBuilder({ page }).include('[data-testid="side"]').analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  await awsConsole.createEc2Role('s3access', ['AmazonS3ReadOnlyAccess']);
  expect(await axe()).toEqual([]);
  await awsConsole.rolePage().getByTestId('console.iam.role.tab.trust').click();
  expect(await axe()).toEqual([]);
  await awsConsole.service('ec2');
  await awsConsole.instances().getByTestId('console.ec2.instances.launch').click();
  await awsConsole.launchWizard().getByTestId('console.ec2.launch.advanced').locator('summary').click();
  expect(await axe()).toEqual([]);
  await awsConsole.launchWizard().getByTestId('console.ec2.launch.submit').click();
  await expect(awsConsole.flash).toHaveAttribute('data-tone', 'success');
  const instanceId = Object.keys((await lab.published())?.sim.tables.instances ?? {})[0] ?? '';
  await awsConsole.openInstance(instanceId, 'security');
  expect(await axe()).toEqual([]);
});
