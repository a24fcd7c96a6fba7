import { expect, type Locator, type Page } from '@playwright/test';
import type { IamLabTestApi } from '../../src/ui/store/testApi';

type LabWindow = { __iamLab?: IamLabTestApi };

/** The terminal: its command line, its output log and the entries in it. */
export class TerminalPanel {
  readonly input: Locator;
  readonly output: Locator;
  readonly entries: Locator;
  readonly prompt: Locator;
  readonly pending: Locator;
  readonly completions: Locator;

  constructor(readonly page: Page) {
    this.input = page.getByTestId('terminal.input');
    this.output = page.getByTestId('terminal.output');
    this.entries = this.output.getByTestId('terminal.entry');
    this.prompt = page.getByTestId('terminal.prompt');
    this.pending = page.getByTestId('terminal.pending');
    this.completions = page.getByTestId('terminal.completions');
  }

  lastEntry(): Locator {
    return this.entries.last();
  }

  /** Puts text in the command line, presses Enter and waits until the worker has answered. */
  async run(text: string): Promise<Locator> {
    const before = await this.entries.count();
    await this.input.fill(text);
    await this.input.press('Enter');
    await this.idle();
    await expect(this.entries).not.toHaveCount(before);
    return this.lastEntry();
  }

  /** The test id of the focused element (specs compile without the DOM library, hence the cast). */
  focusedTestId(): Promise<string | null | undefined> {
    type Doc = { document: { activeElement: { getAttribute(name: string): string | null } | null } };
    return this.page.evaluate(() => (globalThis as unknown as Doc).document.activeElement?.getAttribute('data-testid'));
  }

  async isFocused(): Promise<boolean> {
    return (await this.focusedTestId()) === 'terminal.input';
  }

  async idle(): Promise<void> {
    await this.page.evaluate(() => (globalThis as unknown as LabWindow).__iamLab?.idle());
  }
}
