import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { LabPage } from './pages/LabPage';
import { Panels } from './pages/Panels';

/**
 * Text a learner controls, built to run script if any panel ever rendered it as markup. The page's
 * Content-Security-Policy would block the handlers anyway, so the spec does not rely on
 * `window.__pwned` alone: it also looks for any element a payload would have created, and for
 * CSP violations (a blocked inline handler or script reports one).
 */
const IMG = '<img src=x onerror=window.__pwned=1>';
const SCRIPT = '"><script>window.__pwned=1</script>';

type Guarded = {
  __pwned?: unknown;
  __cspViolations?: string[];
  document: {
    querySelectorAll(selector: string): { length: number };
    addEventListener(type: string, f: (e: { violatedDirective: string; blockedURI: string }) => void): void;
  };
};

/** Watches a page for dialogs and CSP violations from its first script on. */
async function guard(page: Page): Promise<string[]> {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    const w = globalThis as unknown as Guarded;
    w.__cspViolations = [];
    w.document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations?.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return dialogs;
}

/** Nothing ran, nothing opened, no element came from a payload. */
async function expectInert(page: Page, dialogs: string[], where: string): Promise<void> {
  const found = await page.evaluate(() => {
    const w = globalThis as unknown as Guarded;
    return {
      pwned: w.__pwned,
      violations: w.__cspViolations ?? [],
      injected: w.document.querySelectorAll('img[src="x"], script:not([src]), [onerror], [onload], [onclick], [onmouseover]').length,
    };
  });
  expect(found, where).toEqual({ pwned: undefined, violations: [], injected: 0 });
  expect(dialogs, where).toEqual([]);
}

/** Runs a pasted block of command lines, one after another, as a learner pasting would. */
async function paste(lab: LabPage, lines: string[]): Promise<void> {
  await lab.terminal.input.fill(lines.join('\n'));
  await lab.terminal.input.press('Enter');
  await lab.terminal.idle();
}

const jsonString = (s: string) => JSON.stringify(s).slice(1, -1);

/** Walks a parsed scenario file and replaces string values (anywhere: the file's text lives in the shell's files). */
function replaceStrings(value: unknown, from: string, to: string): unknown {
  if (value === from) return to;
  if (Array.isArray(value)) return value.map((v) => replaceStrings(v, from, to));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceStrings(v, from, to)]));
  return value;
}

/** An exported scenario turned into the file an attacker might send: payloads in the role's description and tags, and in a file. */
function craft(scenario: string): string {
  type Role = { Description?: string; Tags?: { Key: string; Value: string }[] };
  const file = replaceStrings(JSON.parse(scenario), 'hello\n', `${SCRIPT}\n`) as { workspace: { sim: { tables: { roles: Record<string, Role> } } } };
  const role = file.workspace.sim.tables.roles['shared-role'];
  if (!role) throw new Error('the exported scenario has no shared-role');
  role.Description = IMG;
  role.Tags = [{ Key: 'note', Value: SCRIPT }];
  return JSON.stringify(file, null, 2);
}

/** A policy whose Sid and Resource carry the payloads, written with echo as a learner would. */
const POLICY = `{"Version":"2012-10-17","Statement":[{"Sid":"${jsonString(IMG)}","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::${jsonString(SCRIPT)}"}]}`;

const SETUP = [
  `aws iam create-role --role-name xss-role --description '${IMG}' --assume-role-policy-document file://ec2-role-trust-policy.json --tags Key=team,Value=lab`,
  // IAM refuses these characters in a tag value: the error quotes the value back.
  `aws iam tag-role --role-name xss-role --tags '[{"Key":"note","Value":${JSON.stringify(SCRIPT)}}]'`,
  `echo '${POLICY}' > xss-policy.json`,
  'aws iam put-role-policy --role-name xss-role --policy-name xss --policy-document file://xss-policy.json',
  'aws iam create-instance-profile --instance-profile-name xss-profile',
  'aws iam add-role-to-instance-profile --instance-profile-name xss-profile --role-name xss-role',
  // EC2 tag values take any character: the instance's Name carries the payload into every view of it.
  `aws ec2 run-instances --image-id ami-11aa22bb --iam-instance-profile Name=xss-profile --tag-specifications '[{"ResourceType":"instance","Tags":[{"Key":"Name","Value":${JSON.stringify(IMG)}}]}]' --query "Instances[0].InstanceId" --output text`,
  'cat xss-policy.json',
  // A file name is the learner's too: the shell, the Files dialog and the editor's title show it.
  `echo '{}' > '${IMG}.json'`,
  'ls',
  'aws iam get-role-policy --role-name xss-role --policy-name xss',
  'aws iam get-role --role-name xss-role',
  'aws ec2 describe-instances --query "Reservations[].Instances[].Tags[]" --output table',
];

/** Shows every view of the lab the build has, checking after each that nothing ran. */
async function visitEveryPanel(lab: LabPage, dialogs: string[], expectText: boolean): Promise<void> {
  const { page } = lab;
  const panels = new Panels(page);
  const present = await panels.present();

  // Details: a node picked in the terminal's output, then (with the graph) every node in turn.
  await lab.terminal.output.getByRole('button', { name: 'arn:aws:iam::123456789012:role/xss-role' }).last().click();
  await panels.showDetails();
  await expect(page.getByTestId('details.selected')).toBeVisible();
  const describe = page.getByTestId('details.output');
  if (expectText && (await describe.count()) > 0) await expect(describe).toContainText(IMG);
  await expectInert(page, dialogs, 'details of the role');

  if (present.graph) {
    await expect(panels.graphNodes.first()).toBeVisible();
    if (expectText) await expect(panels.graph).toContainText(IMG);
    const ids = await panels.graphNodes.evaluateAll((nodes) => nodes.map((n) => (n as unknown as { dataset: { nodeId?: string } }).dataset.nodeId ?? ''));
    for (const id of ids) {
      // Nodes can sit under the minimap or outside the viewport: a click event, not a pointer.
      await panels.graph.locator(`[data-node-id="${id}"]`).first().dispatchEvent('click');
      await expectInert(page, dialogs, `graph node ${id}`);
    }
  }

  if (await panels.showConsole()) {
    await panels.consoleTab('iam');
    await page.getByTestId('console.iam.roles.link').filter({ hasText: 'xss-role' }).click();
    if (expectText) await expect(panels.console).toContainText(IMG);
    for (const tab of ['permissions', 'trust', 'tags']) {
      await page.getByTestId(`console.iam.role.tab.${tab}`).click();
      await expectInert(page, dialogs, `console, role page, ${tab}`);
    }
    await panels.consoleTab('ec2');
    if (expectText) await expect(panels.console).toContainText(IMG);
    const instance = page.getByTestId('console.ec2.instances.link').first();
    if ((await instance.count()) > 0) await instance.click();
    await expectInert(page, dialogs, 'console, EC2');
  }

  // The editor, when the build has one: the policy file's text in Monaco, and the list of files.
  if ((await panels.present()).editor) {
    await panels.openInEditor((line) => lab.terminal.run(line), 'xss-policy.json');
    if (expectText) await expect(panels.editorSurface).toContainText('window.__pwned=1');
    await expectInert(page, dialogs, 'editor');
    await panels.closeEditor();
    await page.getByTestId('files.button').click();
    const files = page.getByTestId('files.list');
    await expect(files).toContainText('xss-policy.json');
    if (expectText) await expect(files).toContainText(`${IMG}.json`);
    await expectInert(page, dialogs, 'files dialog');
    const named = page.locator(`[data-testid="files.item"][data-name="${IMG}.json"]`);
    if ((await named.count()) > 0) {
      await named.getByTestId('files.item.open').click();
      await expect(panels.editor).toBeVisible();
      await expect(panels.editor).toContainText(`${IMG}.json`);
      await expectInert(page, dialogs, 'editor titled with a payload');
      await panels.closeEditor();
    }
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('files.dialog')).toBeHidden();
  }
  await expectInert(page, dialogs, 'editor');
}

async function exportedScenario(lab: LabPage): Promise<string> {
  const downloading = lab.page.waitForEvent('download');
  await lab.scenario('export');
  return readFile(await (await downloading).path(), 'utf8');
}

async function openIn(browser: Browser, hash: string): Promise<{ lab: LabPage; dialogs: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const dialogs = await guard(page);
  const lab = new LabPage(page);
  await lab.open(hash);
  return { lab, dialogs, close: () => context.close() };
}

const visible = (where: Locator, text: string) => expect(where.getByText(text, { exact: false }).first()).toBeVisible();

test.describe('learner text stays text', () => {
  // Each test walks every panel (and the second opens three browsers): more than the default 30 s on two busy cores.
  test.setTimeout(120_000);

  test('descriptions, tag values, a policy\'s Sid and Resource, and a file shown with cat render as text everywhere', async ({ page }) => {
    const dialogs = await guard(page);
    const lab = new LabPage(page);
    await lab.openSandbox();
    await paste(lab, SETUP);

    const output = lab.terminal.output;
    await visible(output, `"Description": "${IMG}"`);
    await visible(output, `Value '${SCRIPT}' at 'tags.1.member.value' failed to satisfy constraint`);
    await visible(output, `"Sid": "${IMG}"`);
    await visible(output, `"Resource": "arn:aws:s3:::\\"><script>window.__pwned=1</script>"`);
    await visible(output, POLICY);
    await visible(output, IMG);
    await visible(output, `${IMG}.json`);
    await expectInert(page, dialogs, 'terminal');

    await visitEveryPanel(lab, dialogs, true);

    for (const language of ['ja', 'en'] as const) {
      await lab.language(language).click();
      await expectInert(page, dialogs, `after switching to ${language}`);
    }
    await lab.reload();
    await visible(lab.terminal.output, `"Description": "${IMG}"`);
    await expectInert(page, dialogs, 'after a reload');
  });

  test('an imported scenario and a share link carrying payloads stay text', async ({ page, browser }) => {
    const dialogs = await guard(page);
    const lab = new LabPage(page);
    await lab.openSandbox();
    await paste(lab, ['aws iam create-role --role-name shared-role --description benign --assume-role-policy-document file://ec2-role-trust-policy.json', 'echo hello > notes.txt']);

    // The file a learner was sent: payloads in the role's description and tags, and in a file.
    const scenario = await exportedScenario(lab);
    expect(scenario).toContain('"Description": "benign"');
    expect(scenario).toContain('hello');
    const crafted = craft(scenario);
    expect(crafted).not.toBe(scenario);
    await page.getByTestId('scenario.file').setInputFiles({ name: `${IMG}.json`, mimeType: 'application/json', buffer: Buffer.from(crafted) });
    await expect(lab.notices.filter({ hasText: 'Scenario loaded from' })).toBeVisible();
    await expect(lab.notices.filter({ hasText: 'Scenario loaded from' })).toContainText(`${IMG}.json`);
    expect((await lab.published())?.sim.tables.roles['shared-role']?.Description).toBe(IMG);

    await paste(lab, ['aws iam get-role --role-name shared-role', 'cat notes.txt']);
    await visible(lab.terminal.output, `"Description": "${IMG}"`);
    await visible(lab.terminal.output, SCRIPT);
    await expectInert(page, dialogs, 'imported scenario in the terminal');
    await lab.terminal.output.getByRole('button', { name: 'arn:aws:iam::123456789012:role/shared-role' }).last().click();
    await expectInert(page, dialogs, 'imported scenario in the details');

    // A refused file whose name and content are payloads: the reason is shown as text.
    await page.getByTestId('scenario.file').setInputFiles({ name: `${SCRIPT}.json`, mimeType: 'application/json', buffer: Buffer.from(IMG) });
    await expect(lab.notices.filter({ hasText: `${SCRIPT}.json` })).toBeVisible();
    await expectInert(page, dialogs, 'refused import');

    // The share link carries the same lab to another browser.
    const shared = await sharedFragment(browser, crafted);
    const other = await openIn(browser, shared);
    await expect.poll(() => other.lab.roleNames()).toEqual(['shared-role']);
    await other.lab.welcome.getByTestId('dialog.welcome.sandbox').click();
    await paste(other.lab, ['aws iam get-role --role-name shared-role', 'cat notes.txt']);
    await visible(other.lab.terminal.output, `"Description": "${IMG}"`);
    await visitEveryPanelLite(other.lab);
    await expectInert(other.lab.page, other.dialogs, 'shared lab');
    await other.close();

    // Links built by hand: a broken share link, and a fragment that is not one.
    for (const hash of [`#scenario=${IMG}`, `#scenario=${encodeURIComponent(SCRIPT)}`, `#${SCRIPT}`]) {
      const crafted = await openIn(browser, hash);
      await expectInert(crafted.lab.page, crafted.dialogs, `link ${hash}`);
      await expect(crafted.lab.root).toBeVisible();
      await crafted.close();
    }
  });
});

/** A share link made the way a learner makes one: import the file, choose Share, read the clipboard. */
async function sharedFragment(browser: Browser, scenario: string): Promise<string> {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const lab = new LabPage(page);
  await lab.openSandbox();
  await page.getByTestId('scenario.file').setInputFiles({ name: 'shared.json', mimeType: 'application/json', buffer: Buffer.from(scenario) });
  await expect.poll(() => lab.roleNames()).toEqual(['shared-role']);
  await lab.scenario('share');
  await expect(lab.notices.filter({ hasText: 'Link copied' })).toBeVisible();
  const link = await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
  await context.close();
  return new URL(link).hash;
}

/** The shared lab's role in the details, the graph and the console, when the build has them. */
async function visitEveryPanelLite(lab: LabPage): Promise<void> {
  const panels = new Panels(lab.page);
  await lab.terminal.output.getByRole('button', { name: 'arn:aws:iam::123456789012:role/shared-role' }).last().click();
  await panels.showDetails();
  if (await panels.showConsole()) {
    await panels.consoleTab('iam');
    await lab.page.getByTestId('console.iam.roles.link').filter({ hasText: 'shared-role' }).click();
    await expect(panels.console).toContainText(IMG);
  }
  if ((await panels.present()).graph) await expect(panels.graph).toContainText('shared-role');
}
