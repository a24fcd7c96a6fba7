import { expect, type Locator, type Page } from '@playwright/test';
import type { Published } from '../../src/worker/protocol';
import type { IamLabTestApi } from '../../src/ui/store/testApi';
import { TerminalPanel } from './TerminalPanel';

type LabWindow = { __iamLab?: IamLabTestApi };

/**
 * The whole screen. Specs open the production build with `?testapi`, which installs the read-only
 * test API (`window.__iamLab`) so they can check the lab's state without scraping.
 */
export class LabPage {
  readonly terminal: TerminalPanel;
  readonly root: Locator;
  readonly welcome: Locator;
  readonly notices: Locator;

  constructor(readonly page: Page) {
    this.terminal = new TerminalPanel(page);
    this.root = page.getByTestId('app.root');
    this.welcome = page.getByTestId('dialog.welcome');
    this.notices = page.getByTestId('notice');
  }

  /** Opens the lab and waits until the worker has started it. */
  async open(hash = ''): Promise<void> {
    await this.page.goto(`/?testapi${hash}`);
    await this.ready();
  }

  async ready(): Promise<void> {
    const status = await this.page.evaluate(async () => {
      const lab = globalThis as unknown as LabWindow;
      for (let i = 0; i < 100 && !lab.__iamLab; i++) await new Promise((r) => setTimeout(r, 50));
      return lab.__iamLab?.ready();
    });
    expect(status).toEqual({ phase: 'ready' });
  }

  /** Opens the lab as a first-time visitor would, and goes past the welcome into the sandbox. */
  async openSandbox(hash = ''): Promise<void> {
    await this.open(hash);
    await this.welcome.getByTestId('dialog.welcome.sandbox').click();
    await expect(this.welcome).toBeHidden();
  }

  /** Reloads once the page has written what it keeps (a learner does not reload within the same frame). */
  async reload(): Promise<void> {
    await this.page.evaluate(() => (globalThis as unknown as LabWindow).__iamLab?.saved());
    await this.page.reload();
    await this.ready();
  }

  published(): Promise<Published | undefined> {
    return this.page.evaluate(() => (globalThis as unknown as LabWindow).__iamLab?.published());
  }

  selectedNodeId(): Promise<string | undefined> {
    return this.page.evaluate(() => (globalThis as unknown as LabWindow).__iamLab?.selectedNodeId());
  }

  async roleNames(): Promise<string[]> {
    const published = await this.published();
    return Object.values(published?.sim.tables.roles ?? {}).map((role) => role.RoleName);
  }

  /** The document element: its `lang` follows the language once the texts are in (a switch waits for them). */
  get html(): Locator {
    return this.page.locator('html');
  }

  language(lang: 'en' | 'ja'): Locator {
    return this.page.getByTestId(`header.language.${lang}`);
  }

  panel(id: 'walkthrough' | 'graph' | 'terminal' | 'details'): Locator {
    return this.page.getByTestId(`panel.${id}`);
  }

  /** Chooses an item of the Scenario menu, as a mouse user would. */
  async scenario(item: 'undo' | 'reset' | 'export' | 'import' | 'share'): Promise<void> {
    await this.page.getByTestId('scenario.menu').click();
    await this.page.getByTestId(`scenario.${item}`).click();
  }
}
