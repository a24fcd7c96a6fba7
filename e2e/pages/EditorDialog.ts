import { expect, type Locator, type Page } from '@playwright/test';

type Clipboard = { navigator: { clipboard: { writeText(text: string): Promise<void> } } };

/** The file editor: a dialog around Monaco, with its state, problem list and buttons. */
export class EditorDialog {
  readonly dialog: Locator;
  readonly surface: Locator;
  /** Monaco's root element; it carries the class `focused` while it has the keyboard. */
  readonly monaco: Locator;
  readonly focused: Locator;
  readonly lines: Locator;
  readonly state: Locator;
  readonly kind: Locator;
  readonly problems: Locator;
  readonly problemItems: Locator;
  readonly save: Locator;
  readonly close: Locator;
  readonly use: Locator;
  readonly guard: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('editor.dialog');
    this.surface = page.getByTestId('editor.surface');
    this.monaco = this.surface.locator('.monaco-editor');
    this.focused = this.surface.locator('.monaco-editor.focused');
    this.lines = this.surface.locator('.monaco-editor .view-lines');
    this.state = page.getByTestId('editor.state');
    this.kind = page.getByTestId('editor.kind');
    this.problems = page.getByTestId('editor.problems');
    this.problemItems = page.getByTestId('editor.problem');
    this.save = page.getByTestId('editor.save');
    this.close = page.getByTestId('editor.close');
    this.use = page.getByTestId('editor.use');
    this.guard = page.getByTestId('editor.guard');
  }

  /** Waits until Monaco shows the file and has the keyboard (the first load fetches and parses Monaco). */
  async ready(): Promise<void> {
    await expect(this.dialog).toBeVisible();
    await expect(this.lines).toBeVisible({ timeout: 30_000 });
    await expect(this.focused).toBeVisible();
  }

  /** Gives Monaco the keyboard (a click in its text). */
  async focus(): Promise<void> {
    await this.lines.click();
    await expect(this.focused).toBeVisible();
  }

  /**
   * Replaces the whole text by pasting it, as a learner pastes a policy copied from elsewhere
   * (typed text would meet Monaco's auto-indent and closing brackets).
   */
  async replaceText(text: string): Promise<void> {
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await this.page.evaluate((t) => (globalThis as unknown as Clipboard).navigator.clipboard.writeText(t), text);
    await this.focus();
    await this.page.keyboard.press('ControlOrMeta+a');
    if (text === '') await this.page.keyboard.press('Delete');
    else await this.page.keyboard.press('ControlOrMeta+v');
  }

  /** The text Monaco shows (spaces as Monaco renders them: no-break spaces become spaces). */
  async shownText(): Promise<string> {
    return ((await this.lines.innerText()) ?? '').replace(/\u00a0/g, ' ');
  }

  async saveWithKeyboard(): Promise<void> {
    await this.focus();
    await this.page.keyboard.press('ControlOrMeta+s');
    await expect(this.state).toHaveAttribute('data-state', 'saved');
  }
}
