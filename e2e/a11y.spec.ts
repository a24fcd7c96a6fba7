import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ConsolePanel } from './pages/ConsolePanel';
import { LabPage } from './pages/LabPage';
import { Panels } from './pages/Panels';

/** A lab with every kind of node: a role in a profile on an instance, a policy, a role without a profile. */
const LAB = [
  'aws iam create-role --role-name s3access --assume-role-policy-document file://ec2-role-trust-policy.json',
  'aws iam put-role-policy --role-name s3access --policy-name S3-Permissions --policy-document file://ec2-role-access-policy.json',
  'aws iam create-instance-profile --instance-profile-name s3access-profile',
  'aws iam add-role-to-instance-profile --instance-profile-name s3access-profile --role-name s3access',
  'aws ec2 run-instances --image-id ami-11aa22bb --iam-instance-profile Name=s3access-profile --query "Instances[0].InstanceId" --output text',
  'aws iam create-role --role-name lonely --assume-role-policy-document file://ec2-role-trust-policy.json',
  'aws ec2 run-instances --image-id ami-11aa22bb --iam-instance-profile Name=s3access',
  'aws iam get-role --role-name nobody',
].join('\n');

/** Serious and critical axe violations inside `selector`, one line each (rule, impact, where). */
async function violations(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

// English in the light theme, Japanese in the dark one: both languages and both themes.
for (const [language, theme] of [['en', 'light'], ['ja', 'dark']] as const) {
  test.describe(`accessibility of every panel (${language}, ${theme} theme)`, () => {
    // Several axe runs over a full lab, and Monaco's first load: more than the default 30 s on two busy cores.
    test.setTimeout(120_000);

    test('terminal, walkthrough, graph, details, console and editor have no serious or critical axe violations', async ({ page }) => {
      const lab = new LabPage(page);
      const panels = new Panels(page);
      await lab.openSandbox();
      if (language === 'ja') await lab.language('ja').click();
      if (theme === 'dark') await page.getByTestId('header.theme').click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await lab.terminal.input.fill(LAB);
      await lab.terminal.input.press('Enter');
      await lab.terminal.idle();
      await expect(lab.terminal.lastEntry().getByTestId('terminal.hint')).toBeVisible();
      const present = await panels.present();
      const found: Record<string, string[]> = {};

      found.terminal = await violations(page, '[data-testid="panel.terminal"]');

      if (present.graph) {
        await expect(panels.graphNodes.first()).toBeVisible();
        found.graph = await violations(page, '[data-testid="panel.graph"]');
      }

      await lab.terminal.output.getByRole('button', { name: 'arn:aws:iam::123456789012:role/s3access' }).first().click();
      await panels.showDetails();
      await expect(page.getByTestId('details.selected')).toBeVisible();
      found.details = await violations(page, '[data-testid="panel.details"]');

      if (present.console) {
        const console = new ConsolePanel(page);
        await console.show();
        const pages: [string, () => Promise<void>][] = [
          ['IAM roles', () => console.home('iam')],
          ['IAM role', () => console.roleRow('s3access').getByTestId('console.iam.roles.link').click()],
          ['IAM create role', async () => {
            await console.home('iam');
            await console.roles().getByTestId('console.iam.roles.create').click();
          }],
          ['EC2 instances', () => console.home('ec2')],
          ['EC2 instance', () => page.getByTestId('console.ec2.instances.link').first().click()],
          ['EC2 launch', async () => {
            await console.home('ec2');
            await page.getByTestId('console.ec2.instances.launch').click();
          }],
        ];
        for (const [name, open] of pages) {
          await open();
          found[`console: ${name}`] = await violations(page, '[data-testid="panel.details"]');
        }
      }

      if (present.editor) {
        await panels.openInEditor((line) => lab.terminal.run(line), 'ec2-role-trust-policy.json');
        found.editor = await violations(page, '[data-testid="editor.dialog"]');
        await panels.closeEditor();
        await page.getByTestId('files.button').click();
        await expect(page.getByTestId('files.list')).toBeVisible();
        found.files = await violations(page, '[role="dialog"], dialog[open]');
        await page.keyboard.press('Escape');
      }

      // The walkthrough, when the build has it: its panel opens beside the others.
      const walkthrough = page.getByTestId('header.mode.walkthrough');
      if ((await walkthrough.count()) > 0) {
        await walkthrough.click();
        await expect(page.getByTestId('panel.walkthrough')).toBeVisible();
        found.walkthrough = await violations(page, '[data-testid="panel.walkthrough"]');
      }

      expect(Object.keys(found)).toContain('terminal');
      expect(Object.entries(found).filter(([, list]) => list.length > 0)).toEqual([]);
    });
  });
}
