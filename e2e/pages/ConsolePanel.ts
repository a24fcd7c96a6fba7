import { expect, type Locator, type Page } from '@playwright/test';

/** The simulated AWS console in the right-hand panel, and its "API calls" log. */
export class ConsolePanel {
  readonly root: Locator;
  readonly flash: Locator;
  /** The flash's sentence in the learner's language (AWS's error text is apart, in `console.flash.error`). */
  readonly flashText: Locator;
  readonly apiLog: Locator;
  readonly logEntries: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('console');
    this.flash = this.root.getByTestId('console.flash');
    this.flashText = this.flash.getByTestId('console.flash.text');
    this.apiLog = page.getByTestId('console.apiLog');
    this.logEntries = this.apiLog.getByTestId('console.apiLog.entry');
  }

  /** Shows the console view of the side panel (selecting a node shows details instead). */
  async show(): Promise<void> {
    await this.page.getByTestId('side.tab.console').click();
    await expect(this.root).toBeVisible();
  }

  async service(id: 'iam' | 'ec2'): Promise<void> {
    await this.root.getByTestId(`console.tab.${id}`).click();
  }

  /** The service's list page (Roles, Instances), through the first breadcrumb, as a learner would. */
  async home(id: 'iam' | 'ec2'): Promise<void> {
    await this.service(id);
    const list = id === 'iam' ? this.roles() : this.instances();
    if (await list.isVisible()) return;
    await this.root.getByTestId('console.crumbs').getByRole('button').first().click();
    await expect(list).toBeVisible();
  }

  /** The aws command lines of the newest log entry, one per API call, and whether each succeeded. */
  async lastCalls(): Promise<{ cli: string; ok: boolean }[]> {
    const calls = this.logEntries.last().getByTestId('console.apiLog.call');
    const out: { cli: string; ok: boolean }[] = [];
    for (const call of await calls.all()) {
      out.push({ cli: (await call.getByTestId('console.apiLog.cli').textContent()) ?? '', ok: (await call.getAttribute('data-ok')) === 'true' });
    }
    return out;
  }

  // IAM
  roles(): Locator {
    return this.root.getByTestId('console.iam.roles');
  }

  roleRow(name: string): Locator {
    return this.roles().locator(`[data-testid="console.iam.roles.row"][data-role-name="${name}"]`);
  }

  rolePage(): Locator {
    return this.root.getByTestId('console.iam.role');
  }

  createRoleWizard(): Locator {
    return this.root.getByTestId('console.iam.createRole');
  }

  /** IAM › Roles › Create role › AWS service › EC2 › (policies) › name › Create role. */
  async createEc2Role(roleName: string, policies: readonly string[]): Promise<void> {
    await this.home('iam');
    await this.roles().getByTestId('console.iam.roles.create').click();
    const wizard = this.createRoleWizard();
    await wizard.getByTestId('console.iam.createRole.useCase').selectOption('ec2');
    await wizard.getByTestId('console.iam.createRole.next').click();
    for (const policy of policies) {
      await wizard.getByTestId('console.iam.createRole.policySearch').fill(policy);
      await wizard.locator(`[data-testid="console.iam.createRole.policy"][data-policy-name="${policy}"] input[type="checkbox"]`).check();
    }
    await wizard.getByTestId('console.iam.createRole.next').click();
    await wizard.getByTestId('console.iam.createRole.roleName').fill(roleName);
    await wizard.getByTestId('console.iam.createRole.submit').click();
  }

  async deleteRole(roleName: string): Promise<void> {
    await this.home('iam');
    await this.roleRow(roleName).getByRole('radio').check();
    await this.roles().getByTestId('console.iam.roles.delete').click();
    const dialog = this.page.getByTestId('console.iam.deleteRole');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('console.iam.deleteRole.confirm')).toBeDisabled();
    await dialog.getByTestId('console.iam.deleteRole.input').fill(roleName);
    await dialog.getByTestId('console.iam.deleteRole.confirm').click();
  }

  // EC2
  instances(): Locator {
    return this.root.getByTestId('console.ec2.instances');
  }

  instanceRow(instanceId: string): Locator {
    return this.instances().locator(`[data-testid="console.ec2.instances.row"][data-instance-id="${instanceId}"]`);
  }

  launchWizard(): Locator {
    return this.root.getByTestId('console.ec2.launch');
  }

  /** EC2 › Instances › Launch instances, with Advanced details › IAM instance profile. */
  async launch(name: string, profile: string | undefined): Promise<void> {
    await this.home('ec2');
    await this.instances().getByTestId('console.ec2.instances.launch').click();
    const wizard = this.launchWizard();
    await wizard.getByTestId('console.ec2.launch.name').fill(name);
    if (profile !== undefined) {
      await wizard.getByTestId('console.ec2.launch.advanced').locator('summary').click();
      await wizard.getByTestId('console.ec2.launch.profile').selectOption(profile);
    }
    await wizard.getByTestId('console.ec2.launch.submit').click();
  }

  async openInstance(instanceId: string, tab: 'details' | 'security'): Promise<Locator> {
    await this.home('ec2');
    await this.instanceRow(instanceId).getByTestId('console.ec2.instances.link').click();
    await this.root.getByTestId(`console.ec2.instance.tab.${tab}`).click();
    return this.root.getByTestId(tab === 'security' ? 'console.ec2.security' : 'console.ec2.details');
  }
}
