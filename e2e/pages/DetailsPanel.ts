import type { Locator, Page } from '@playwright/test';

/** The details of the selected node: its warnings explained, the command that shows it and what it prints. */
export class DetailsPanel {
  readonly selected: Locator;
  readonly name: Locator;
  readonly command: Locator;
  readonly copy: Locator;
  readonly paste: Locator;
  readonly output: Locator;
  readonly warnings: Locator;
  readonly fixes: Locator;

  constructor(readonly page: Page) {
    this.selected = page.getByTestId('details.selected');
    this.name = this.selected.getByTestId('details.name');
    this.command = this.selected.getByTestId('details.command');
    this.copy = this.selected.getByTestId('details.command.copy');
    this.paste = this.selected.getByTestId('details.command.paste');
    this.output = this.selected.getByTestId('details.output');
    this.warnings = this.selected.getByTestId('details.warning');
    this.fixes = this.selected.getByTestId('details.fix');
  }
}
