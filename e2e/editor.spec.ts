import { expect, test, type Page } from '@playwright/test';
import { EditorDialog } from './pages/EditorDialog';
import { FilesDialog } from './pages/FilesDialog';
import { LabPage } from './pages/LabPage';

const LAMBDA_TRUST = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "Service": "lambda.amazonaws.com" },
      "Action": "sts:AssumeRole"
    }
  ]
}`;

const CREATE_EDITED = 'aws iam create-role --role-name edited --assume-role-policy-document file://trust.json';

type CspWindow = { __cspViolations?: string[] };

/**
 * Every request the page, its workers and the service worker make, and every CSP violation, from
 * the first load on. The service worker precaches every file of the build (Monaco too) on the
 * first visit: `fromPage` keeps only what the page itself asked for.
 */
async function watchRequests(page: Page): Promise<{ url: string; fromPage: boolean }[]> {
  const urls: { url: string; fromPage: boolean }[] = [];
  page.context().on('request', (request) => urls.push({ url: request.url(), fromPage: request.serviceWorker() === null }));
  await page.addInitScript(() => {
    const w = globalThis as unknown as CspWindow & { document: { addEventListener(type: string, f: (e: { violatedDirective: string; blockedURI: string }) => void): void } };
    w.__cspViolations = [];
    w.document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations?.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return urls;
}

const cspViolations = (page: Page) => page.evaluate(() => (globalThis as unknown as CspWindow).__cspViolations ?? []);

test.describe('editor', () => {
  test('edit trust.json, write a trust policy, save: create-role reads the edited principal from file://trust.json', async ({ page }) => {
    const lab = new LabPage(page);
    const editor = new EditorDialog(page);
    await lab.openSandbox();

    await lab.terminal.run('edit trust.json');
    await editor.ready();
    await expect(editor.dialog.getByRole('heading')).toHaveText('Edit trust.json');
    await expect(editor.state).toHaveAttribute('data-state', 'new');
    await expect(editor.kind).toHaveAttribute('data-kind', 'trust');
    await expect(editor.use).toHaveText('In the terminal: file://trust.json');

    await editor.replaceText(LAMBDA_TRUST);
    await expect(editor.lines).toContainText('lambda.amazonaws.com');
    await expect(editor.problems).toHaveAttribute('data-errors', '0');
    await expect(editor.problems).toContainText('No problems found.');
    await editor.saveWithKeyboard();
    await expect(editor.save).toBeDisabled();
    expect((await lab.published())?.shell.files).toContain('/home/learner/trust.json');

    // Saved: Escape closes at once, and the command line has the keyboard again.
    await page.keyboard.press('Escape');
    await expect(editor.dialog).toBeHidden();
    await expect(lab.terminal.input).toBeFocused();

    const entry = await lab.terminal.run(CREATE_EDITED);
    await expect(entry).toHaveAttribute('data-exit-code', '0');
    const stdout = entry.getByTestId('terminal.stdout');
    await expect(stdout).toContainText('"RoleName": "edited"');
    await expect(stdout).toContainText('"Service": "lambda.amazonaws.com"');
    expect(await lab.roleNames()).toEqual(['edited']);

    // Reopening shows the saved text; the file is what cat prints too.
    await lab.terminal.run('edit trust.json');
    await editor.ready();
    await expect(editor.state).toHaveAttribute('data-state', 'saved');
    expect(await editor.shownText()).toContain('"Service": "lambda.amazonaws.com"');
    await editor.close.click();
    await expect(editor.dialog).toBeHidden();
    await expect(await lab.terminal.run('cat trust.json')).toContainText('"Service": "lambda.amazonaws.com"');
  });

  test('malformed JSON shows an error marker; a trust policy with a Resource shows the schema\'s warning, in the learner\'s language', async ({ page }) => {
    const lab = new LabPage(page);
    const editor = new EditorDialog(page);
    await lab.openSandbox();
    await lab.terminal.run('edit broken-trust.json');
    await editor.ready();

    await editor.replaceText('{\n  "Version": "2012-10-17"\n  "Statement": []\n}');
    await expect(editor.surface.locator('.squiggly-error').first()).toBeVisible();
    await expect(editor.problems).not.toHaveAttribute('data-errors', '0');
    await expect(editor.problemItems.first()).toContainText('Line 3: Expected comma');

    await editor.replaceText(LAMBDA_TRUST.replace('"sts:AssumeRole"', '"sts:AssumeRole",\n      "Resource": "*"'));
    await expect(editor.problems).toHaveAttribute('data-errors', '0');
    await expect(editor.problems).toHaveAttribute('data-warnings', '1');
    await expect(editor.surface.locator('.squiggly-warning').first()).toBeVisible();
    await expect(editor.problemItems.first()).toContainText('A trust policy has no Resource');
    await expect(editor.problemItems.first()).toContainText('Line 8');

    // Clicking a problem puts the caret on its line.
    await editor.problemItems.first().click();
    await expect(editor.focused).toBeVisible();
  });

  test('the schema speaks Japanese: problems and suggestions', async ({ page }) => {
    const lab = new LabPage(page);
    const editor = new EditorDialog(page);
    await lab.openSandbox();
    await lab.language('ja').click();
    await lab.terminal.run('edit policy.json');
    await editor.ready();
    await expect(editor.kind).toHaveText('許可ポリシーとしてチェック');

    await editor.replaceText('{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*" } ] }');
    await expect(editor.problemItems.first()).toContainText('許可ポリシーには Principal を書きません');

    // Completion in an empty document offers a whole permissions policy.
    await editor.replaceText('');
    await page.keyboard.press('Control+Space');
    const suggestions = editor.surface.locator('.suggest-widget');
    await expect(suggestions).toBeVisible();
    await expect(suggestions).toContainText('許可ポリシー');
    await page.keyboard.press('Enter');
    await expect(editor.lines).toContainText('"Version": "2012-10-17"');
    await expect(editor.lines).toContainText('s3:GetObject');
  });

  test('no request leaves the origin while Monaco loads and works, and the CSP is never violated', async ({ page, baseURL }) => {
    const origin = new URL(baseURL ?? '').origin;
    const urls = await watchRequests(page);
    const lab = new LabPage(page);
    const editor = new EditorDialog(page);
    await lab.openSandbox();
    const beforeEditor = urls.length;
    // The first load leaves Monaco out: the page asks for it only when the editor opens.
    expect(urls.filter((r) => r.fromPage && /monaco|editor\.worker|json\.worker|EditorDialog/.test(r.url))).toEqual([]);

    await lab.terminal.run('edit trust.json');
    await editor.ready();
    // A document's own $schema is never fetched (the editor's schemas are all built in).
    await editor.replaceText(LAMBDA_TRUST.replace('"Version"', '"$schema": "https://example.com/schema.json",\n  "Version"'));
    await expect(editor.problems).toContainText('No problems found.');
    await editor.focus();
    await page.keyboard.press('Control+Space');
    await expect(editor.surface.locator('.suggest-widget')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(editor.surface.locator('.suggest-widget')).toBeHidden();
    // Escape closed the suggestions, not the dialog.
    await expect(editor.dialog).toBeVisible();

    const loaded = urls.slice(beforeEditor).filter((r) => r.fromPage).map((r) => r.url);
    expect(loaded.some((url) => /\/assets\/monaco-[\w-]+\.js$/.test(url))).toBe(true);
    expect(loaded.some((url) => /\/assets\/json\.worker-[\w-]+\.js$/.test(url))).toBe(true);
    expect(urls.map((r) => r.url).filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
  });

  test('unsaved changes: Escape and Close ask first; keep editing, or close without saving', async ({ page }) => {
    const lab = new LabPage(page);
    const editor = new EditorDialog(page);
    await lab.openSandbox();
    await lab.terminal.run('edit ec2-role-trust-policy.json');
    await editor.ready();
    await expect(editor.state).toHaveAttribute('data-state', 'saved');
    await expect(editor.lines).toContainText('ec2.amazonaws.com');

    await editor.replaceText(LAMBDA_TRUST);
    await expect(editor.state).toHaveAttribute('data-state', 'unsaved');
    await page.keyboard.press('Escape');
    await expect(editor.guard).toBeVisible();
    await expect(editor.guard.getByTestId('editor.guard.cancel')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(editor.guard).toBeHidden();
    await expect(editor.dialog).toBeVisible();

    await editor.close.click();
    await expect(editor.guard).toBeVisible();
    await editor.guard.getByTestId('editor.guard.discard').click();
    await expect(editor.dialog).toBeHidden();
    await expect(lab.terminal.input).toBeFocused();
    await expect(await lab.terminal.run('cat ec2-role-trust-policy.json')).toContainText('ec2.amazonaws.com');

    // Save from the guard: the file changes, and Undo takes the save back.
    await lab.terminal.run('edit ec2-role-trust-policy.json');
    await editor.ready();
    await editor.replaceText(LAMBDA_TRUST);
    await editor.close.click();
    await editor.guard.getByTestId('editor.guard.save').click();
    await expect(editor.dialog).toBeHidden();
    await expect(await lab.terminal.run('cat ec2-role-trust-policy.json')).toContainText('lambda.amazonaws.com');
    await lab.scenario('undo');
    await expect(await lab.terminal.run('cat ec2-role-trust-policy.json')).toContainText('ec2.amazonaws.com');

    // Ctrl+S then Escape at once: the save finishes first, so nothing is left to ask about.
    await lab.terminal.run('edit ec2-role-trust-policy.json');
    await editor.ready();
    await editor.replaceText(LAMBDA_TRUST);
    await page.keyboard.press('ControlOrMeta+s');
    await page.keyboard.press('Escape');
    await expect(editor.dialog).toBeHidden();
    await expect(editor.guard).toBeHidden();
    await expect(await lab.terminal.run('cat ec2-role-trust-policy.json')).toContainText('lambda.amazonaws.com');
  });

  test('the Files dialog lists the home folder: open, create with a checked name, delete with rm', async ({ page }) => {
    const lab = new LabPage(page);
    const editor = new EditorDialog(page);
    const files = new FilesDialog(page);
    await lab.openSandbox();
    await files.open();
    expect(await files.names()).toContain('ec2-role-trust-policy.json');
    await expect(files.newName).toBeFocused();

    await files.openFile('ec2-role-trust-policy.json');
    await editor.ready();
    await expect(editor.lines).toContainText('ec2.amazonaws.com');
    await page.keyboard.press('Escape');
    await expect(editor.dialog).toBeHidden();
    await expect(files.item('ec2-role-trust-policy.json').getByTestId('files.item.open')).toBeFocused();

    await files.newFile('my policy.json');
    await expect(files.problem).toHaveAttribute('data-problem', 'badCharacters');
    await files.newFile('ec2-role-trust-policy.json');
    await expect(files.problem).toHaveAttribute('data-problem', 'exists');
    await files.newFile('policies/s3-read.json');
    await editor.ready();
    await expect(editor.kind).toHaveAttribute('data-kind', 'identity');
    await editor.replaceText('{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" } ] }');
    await editor.save.click();
    await expect(editor.state).toHaveAttribute('data-state', 'saved');
    await editor.close.click();
    await expect(editor.dialog).toBeHidden();
    expect(await files.names()).toContain('policies/s3-read.json');

    await files.deleteFile('policies/s3-read.json');
    await expect(files.newName).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(files.dialog).toBeHidden();
    await expect(files.button).toBeFocused();
    await expect(lab.terminal.lastEntry()).toContainText('rm /home/learner/policies/s3-read.json');
    expect((await lab.published())?.shell.files).not.toContain('/home/learner/policies/s3-read.json');
  });

  test('follows the theme, and presentation mode uses larger type', async ({ page }) => {
    const lab = new LabPage(page);
    const editor = new EditorDialog(page);
    await lab.openSandbox();
    await lab.terminal.run('edit trust.json');
    await editor.ready();
    const fontSize = () => editor.lines.evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }).getComputedStyle(el).fontSize);
    expect(await fontSize()).toBe('14px');
    await expect(editor.surface.locator('.monaco-editor')).toHaveClass(/\bvs\b/);
    await page.keyboard.press('Escape');

    await page.getByTestId('header.theme').click();
    await page.getByTestId('header.presentation').click();
    await lab.terminal.run('edit trust.json');
    await editor.ready();
    await expect(editor.surface.locator('.monaco-editor')).toHaveClass(/\bhc-black\b/);
    expect(await fontSize()).toBe('22px');
  });

  test('a path outside the home folder is refused with a notice', async ({ page }) => {
    const lab = new LabPage(page);
    const editor = new EditorDialog(page);
    await lab.openSandbox();
    await lab.terminal.run('edit /etc/hosts');
    await expect(lab.notices.last()).toContainText('/etc/hosts is outside the home folder');
    await expect(editor.dialog).toHaveCount(0);
    await lab.terminal.run('edit /home/learner');
    await expect(lab.notices.last()).toContainText('/home/learner is a folder.');
  });
});
