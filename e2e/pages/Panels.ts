import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The panels besides the terminal, some of which arrive feature by feature. The security and
 * accessibility specs cover every panel the build has: `present()` tells which are there, so a
 * spec written before a panel arrived covers it from the day it does.
 */
export class Panels {
  /** The live graph (React Flow); the placeholder stands in until it arrives. */
  readonly graph: Locator;
  readonly graphNodes: Locator;
  /** The right-hand column's views (console | details), when the console is there. */
  readonly sideConsoleTab: Locator;
  readonly sideDetailsTab: Locator;
  readonly console: Locator;
  readonly details: Locator;
  /** The file editor (Monaco). */
  readonly editor: Locator;

  constructor(readonly page: Page) {
    this.graph = page.getByTestId('panel.graph');
    this.graphNodes = this.graph.locator('[data-node-id]');
    this.sideConsoleTab = page.getByTestId('side.tab.console');
    this.sideDetailsTab = page.getByTestId('side.tab.details');
    this.console = page.getByTestId('console');
    this.details = page.getByTestId('panel.details');
    this.editor = page.locator('.monaco-editor');
  }

  async present(): Promise<{ graph: boolean; console: boolean; editor: boolean }> {
    return {
      graph: (await this.graph.locator('.react-flow').count()) > 0,
      console: (await this.sideConsoleTab.count()) > 0,
      editor: (await this.page.locator('[data-testid^="editor"]').count()) > 0 || (await this.editor.count()) > 0,
    };
  }

  /** Shows the console view of the right-hand column (a no-op when there is no console yet). */
  async showConsole(): Promise<boolean> {
    if ((await this.sideConsoleTab.count()) === 0) return false;
    await this.sideConsoleTab.click();
    await expect(this.console).toBeVisible();
    return true;
  }

  async showDetails(): Promise<void> {
    if ((await this.sideDetailsTab.count()) > 0) await this.sideDetailsTab.click();
    await expect(this.details).toBeVisible();
  }

  /** Opens a console page by its tab and link test ids, e.g. `console.tab.iam`, then `console.iam.roles.link`. */
  async consoleTab(service: 'iam' | 'ec2'): Promise<void> {
    await this.page.getByTestId(`console.tab.${service}`).click();
  }
}
