import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { LabPage } from './pages/LabPage';

const CREATE_ROLE = 'aws iam create-role --role-name s3access --assume-role-policy-document file://ec2-role-trust-policy.json';
type Clipboard = { navigator: { clipboard: { readText(): Promise<string> } } };

/**
 * Visible text and accessible names on screen that are not wrapped in the pseudo-locale's ⟦…⟧:
 * text that does not come from the locale files. What the lab itself prints (commands, prompts,
 * output, completion candidates, the sample command) is not UI text and is skipped.
 */
async function untranslated(page: Page): Promise<string[]> {
  return (await page.evaluate(`(() => {
    const skip = 'pre.term-out, .term-typed, [data-testid="terminal.prompt"], [data-testid="terminal.completions"], .code-sample, textarea, [aria-hidden="true"], script, style';
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      if (text && !node.parentElement.closest(skip) && !/^⟦[^]*⟧$/.test(text)) found.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label], [title]')) {
      for (const name of ['aria-label', 'title']) {
        const value = el.getAttribute(name);
        if (value && !el.closest('pre.term-out') && !/^⟦[^]*⟧$/.test(value)) found.push(name + '=' + value);
      }
    }
    return found;
  })()`)) as string[];
}

test.describe('app shell', () => {
  test('the welcome shows on the first visit only, and leads into the sandbox', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await expect(lab.welcome).toBeVisible();
    await expect(lab.welcome.getByRole('button', { name: /Start the walkthrough/ })).toBeEnabled();
    await lab.welcome.getByTestId('dialog.welcome.sandbox').click();
    await expect(lab.terminal.input).toBeFocused();
    // Sandbox mode: the walkthrough panel is closed for free play.
    await expect(lab.panel('walkthrough')).toHaveCount(0);
    await expect(page.getByTestId('header.mode.sandbox')).toHaveAttribute('aria-pressed', 'true');
    await lab.reload();
    await expect(lab.welcome).toBeHidden();
  });

  test('reset asks first: Escape keeps the lab, confirming empties it', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.openSandbox();
    await lab.terminal.run(CREATE_ROLE);

    // Keyboard: the menu opens with ↓ and walks with ↓; the dialog opens on its safe button.
    await page.getByTestId('scenario.menu').focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('scenario.undo')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('scenario.reset')).toBeFocused();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('dialog.reset');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('dialog.reset.cancel')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(await lab.roleNames()).toEqual(['s3access']);

    await lab.scenario('reset');
    await dialog.getByTestId('dialog.reset.confirm').click();
    await expect(lab.terminal.output.getByTestId('terminal.note')).toHaveText('The lab was reset.');
    expect(await lab.roleNames()).toEqual([]);
  });

  test('undo takes back the last command, then has nothing left to undo', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.openSandbox();
    await page.getByTestId('scenario.menu').click();
    await expect(page.getByTestId('scenario.undo')).toHaveAttribute('aria-disabled', 'true');
    await page.keyboard.press('Escape');

    await lab.terminal.run(CREATE_ROLE);
    await lab.scenario('undo');
    await expect(lab.terminal.output.getByTestId('terminal.note')).toHaveText('The last change was undone.');
    expect(await lab.roleNames()).toEqual([]);
  });

  test('Ctrl+Z undoes the lab from an empty command line, and is the text\'s own undo while a line is typed', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.openSandbox();
    await lab.terminal.run(CREATE_ROLE);
    await expect(page.getByTestId('scenario.undo')).toHaveAttribute('aria-keyshortcuts', 'Control+Z Meta+Z');

    await lab.terminal.input.pressSequentially('aws iam');
    await page.keyboard.press('Control+z');
    // The worker answers in order: an undo sent by that key press would have been taken before this command.
    await lab.terminal.run('aws sts get-caller-identity');
    expect(await lab.roleNames()).toEqual(['s3access']);
    await expect(lab.terminal.output.getByTestId('terminal.note')).toHaveCount(0);

    await page.keyboard.press('Control+z');
    await expect(lab.terminal.output.getByTestId('terminal.note')).toHaveText('The last change was undone.');
    expect(await lab.roleNames()).toEqual([]);
  });

  test('export downloads the lab; import loads it back; a bad file is refused with the reason, translated', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.openSandbox();
    await lab.terminal.run(CREATE_ROLE);

    const downloading = page.waitForEvent('download');
    await lab.scenario('export');
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^iam-lab-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
    const path = await download.path();
    expect(JSON.parse(await readFile(path, 'utf8'))).toBeTruthy();

    await lab.scenario('reset');
    await page.getByTestId('dialog.reset.confirm').click();
    await expect.poll(() => lab.roleNames()).toEqual([]);

    await page.getByTestId('scenario.file').setInputFiles(path);
    await expect.poll(() => lab.roleNames()).toEqual(['s3access']);
    await expect(lab.notices.filter({ hasText: 'Scenario loaded from' })).toBeVisible();

    await lab.language('ja').click();
    await page.getByTestId('scenario.file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
    const refused = lab.notices.filter({ hasText: 'notes.json を読み込めませんでした' });
    await expect(refused).toContainText('JSON ファイルではありません');
    await expect(refused).toHaveAttribute('data-tone', 'error');
    expect(await lab.roleNames()).toEqual(['s3access']);
  });

  test('a share link opens the lab elsewhere, and asks before replacing a lab with content', async ({ browser }) => {
    const sharer = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const lab = new LabPage(await sharer.newPage());
    await lab.openSandbox();
    await lab.terminal.run(CREATE_ROLE);
    await lab.scenario('share');
    await expect(lab.notices.filter({ hasText: 'Link copied' })).toBeVisible();
    const link = await lab.page.evaluate(() => (globalThis as unknown as Clipboard).navigator.clipboard.readText());
    const fragment = new URL(link).hash;
    expect(fragment).toMatch(/^#scenario=/);
    await sharer.close();

    // A first visit: nothing to lose, so the shared lab opens at once.
    const learner = await browser.newContext();
    const other = new LabPage(await learner.newPage());
    await other.open(fragment);
    await expect.poll(() => other.roleNames()).toEqual(['s3access']);
    expect(new URL(other.page.url()).hash).toBe('');
    await other.welcome.getByTestId('dialog.welcome.sandbox').click();

    // With a lab of their own, the learner is asked first.
    await other.terminal.run('aws iam delete-role --role-name s3access');
    await other.terminal.run('aws iam create-role --role-name mine --assume-role-policy-document file://ec2-role-trust-policy.json');
    await other.page.goto(`/?testapi${fragment}`);
    await other.ready();
    const asking = other.page.getByTestId('dialog.shared');
    await expect(asking).toBeVisible();
    await asking.getByTestId('dialog.shared.cancel').click();
    expect(await other.roleNames()).toEqual(['mine']);

    await other.page.goto(`/?testapi${fragment}`);
    await other.ready();
    await asking.getByTestId('dialog.shared.confirm').click();
    await expect.poll(() => other.roleNames()).toEqual(['s3access']);
    await learner.close();
  });

  test('narrow screens show the panels as tabs', async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 700 });
    const lab = new LabPage(page);
    await lab.openSandbox();
    const tabs = page.getByTestId('panels.tabs');
    await expect(tabs.getByRole('tab', { selected: true })).toHaveText('Terminal');
    await expect(lab.panel('terminal')).toBeVisible();
    await expect(lab.panel('details')).toBeHidden();

    await tabs.getByRole('tab', { selected: true }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(tabs.getByRole('tab', { selected: true })).toHaveText('Console and details');
    await expect(lab.panel('details')).toBeVisible();
    await expect(lab.panel('terminal')).toBeHidden();
  });

  test('presentation mode keeps the graph and the terminal only, and the theme switch themes the page', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.openSandbox();
    await page.getByTestId('header.presentation').click();
    await expect(page.getByTestId('header.presentation')).toHaveAttribute('aria-pressed', 'true');
    await expect(lab.panel('walkthrough')).toHaveCount(0);
    await expect(lab.panel('details')).toHaveCount(0);
    await expect(lab.panel('graph')).toBeVisible();
    await expect(lab.terminal.input).toBeInViewport();
    await expect(page.locator('html')).toHaveAttribute('data-presentation', 'true');

    await page.getByTestId('header.theme').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await lab.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.locator('html')).toHaveAttribute('data-presentation', 'true');
  });

  test('panels resize from the keyboard and collapse', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.openSandbox();
    await page.getByTestId('header.mode.walkthrough').click();
    const splitter = page.getByTestId('splitter.walkthrough');
    await expect(splitter).toHaveAttribute('aria-valuenow', '300');
    await splitter.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await expect(splitter).toHaveAttribute('aria-valuenow', '380');
    const box = await lab.panel('walkthrough').boundingBox();
    expect(box?.width).toBe(380);
    await page.keyboard.press('End');
    await expect(splitter).toHaveAttribute('aria-valuenow', '560');

    await page.keyboard.press('Enter');
    await expect(lab.panel('walkthrough')).toHaveAttribute('data-collapsed', 'true');
    await expect(page.getByTestId('walkthrough.panel')).toBeHidden();
    await page.getByTestId('panel.walkthrough.toggle').click();
    await expect(page.getByTestId('walkthrough.panel')).toBeVisible();
  });

  test('every piece of UI text comes from the locale files (pseudo-locale)', async ({ page }) => {
    await page.goto('/?testapi&pseudo');
    const lab = new LabPage(page);
    await lab.ready();
    await expect(lab.welcome).toContainText('⟦Welcome to IAM Lab⟧');
    expect(await untranslated(page)).toEqual([]);
    await lab.welcome.getByTestId('dialog.welcome.sandbox').click();
    await lab.terminal.run('aws iam get-role --role-name nobody');
    await lab.terminal.run('sleep 2');
    await lab.terminal.input.fill('aws iam list-rol');
    await lab.terminal.input.press('Tab');
    await page.getByTestId('scenario.menu').click();
    expect(await untranslated(page)).toEqual([]);
  });

  for (const [language, theme] of [['en', 'light'], ['ja', 'dark']] as const) {
    test(`has no detectable accessibility problems (${language}, ${theme} theme)`, async ({ page }) => {
      const lab = new LabPage(page);
      await lab.openSandbox();
      if (language === 'ja') await lab.language('ja').click();
      if (theme === 'dark') await page.getByTestId('header.theme').click();
      await lab.terminal.run('aws iam get-role --role-name nobody');
      await lab.terminal.run(CREATE_ROLE);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
});
