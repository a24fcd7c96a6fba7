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
  /** The file editor (a dialog around Monaco) and its text surface. */
  readonly editor: Locator;
  readonly editorSurface: Locator;

  constructor(readonly page: Page) {
    this.graph = page.getByTestId('panel.graph');
    this.graphNodes = this.graph.locator('[data-node-id]');
    this.sideConsoleTab = page.getByTestId('side.tab.console');
    this.sideDetailsTab = page.getByTestId('side.tab.details');
    this.console = page.getByTestId('console');
    this.details = page.getByTestId('panel.details');
    this.editor = page.getByTestId('editor.dialog');
    this.editorSurface = page.getByTestId('editor.surface');
  }

  async present(): Promise<{ graph: boolean; console: boolean; editor: boolean }> {
    return {
      graph: (await this.graph.locator('.react-flow').count()) > 0,
      console: (await this.sideConsoleTab.count()) > 0,
      editor: (await this.page.getByTestId('files.button').count()) > 0,
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

  /** Opens a file in the editor with the terminal's `edit`, and waits for Monaco to show it. */
  async openInEditor(run: (line: string) => Promise<unknown>, path: string): Promise<void> {
    await run(`edit ${path}`);
    await expect(this.editor).toBeVisible();
    // Monaco is a lazily loaded chunk of several megabytes: its first load may take a while.
    await expect(this.editorSurface.locator('.monaco-editor .view-lines')).toBeVisible({ timeout: 30_000 });
  }

  async closeEditor(): Promise<void> {
    await this.page.getByTestId('editor.close').click();
    await expect(this.editor).toBeHidden();
  }

  /** Opens a console page by its tab and link test ids, e.g. `console.tab.iam`, then `console.iam.roles.link`. */
  async consoleTab(service: 'iam' | 'ec2'): Promise<void> {
    await this.page.getByTestId(`console.tab.${service}`).click();
  }
}
