import { expect, type Locator, type Page } from '@playwright/test';

/** The terminal panel's "Files" button and the dialog it opens: the home folder's files. */
export class FilesDialog {
  readonly button: Locator;
  readonly dialog: Locator;
  readonly items: Locator;
  readonly newName: Locator;
  readonly create: Locator;
  readonly problem: Locator;
  readonly confirmDelete: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByTestId('files.button');
    this.dialog = page.getByTestId('files.dialog');
    this.items = page.getByTestId('files.item');
    this.newName = page.getByTestId('files.new.name');
    this.create = page.getByTestId('files.new.create');
    this.problem = page.getByTestId('files.new.problem');
    this.confirmDelete = page.getByTestId('files.confirmDelete');
  }

  async open(): Promise<void> {
    await this.button.click();
    await expect(this.dialog).toBeVisible();
  }

  item(name: string): Locator {
    return this.dialog.locator(`[data-testid="files.item"][data-name="${name}"]`);
  }

  async names(): Promise<string[]> {
    // Specs compile without the DOM library, hence the cast.
    return this.items.evaluateAll((items) => items.map((item) => (item as unknown as { dataset: { name?: string } }).dataset.name ?? ''));
  }

  async openFile(name: string): Promise<void> {
    await this.item(name).getByTestId('files.item.open').click();
  }

  async deleteFile(name: string): Promise<void> {
    await this.item(name).getByTestId('files.item.delete').click();
    await expect(this.confirmDelete).toBeVisible();
    await this.confirmDelete.getByTestId('files.confirmDelete.confirm').click();
    await expect(this.item(name)).toHaveCount(0);
  }

  async newFile(name: string): Promise<void> {
    await this.newName.fill(name);
    await this.create.click();
  }
}
