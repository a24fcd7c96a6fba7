import { expect, test, type Page } from '@playwright/test';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LabPage } from './pages/LabPage';
import { Panels } from './pages/Panels';

/** The seed's command-line path, pasted as one block: a role, a profile, a launch, IMDS from inside. */
const SESSION = [
  'aws iam create-role --role-name s3access --assume-role-policy-document file://ec2-role-trust-policy.json',
  'aws iam put-role-policy --role-name s3access --policy-name S3-Permissions --policy-document file://ec2-role-access-policy.json',
  'aws iam create-instance-profile --instance-profile-name s3access-profile',
  'aws iam add-role-to-instance-profile --instance-profile-name s3access-profile --role-name s3access',
  'IID=$(aws ec2 run-instances --image-id ami-11aa22bb --iam-instance-profile Name=s3access-profile --query "Instances[0].InstanceId" --output text)',
  'aws ec2 wait instance-running --instance-ids "$IID"',
  'ssh "$IID"',
  'TOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H "X-aws-ec2-metadata-token-ttl-seconds: 21600")',
  'curl -s -H "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/iam/security-credentials/s3access',
  'aws sts get-caller-identity',
  // Addresses a learner might type: the lab answers them itself (or fails as curl would), never the network.
  'curl -s https://example.com/',
  'curl -s http://127.0.0.1:9/',
  'exit',
].join('\n');

type CspWindow = { __cspViolations?: string[] };

/** Records every request the page, its workers and the service worker make, and every CSP violation. */
async function record(page: Page): Promise<{ urls: string[] }> {
  const urls: string[] = [];
  page.context().on('request', (request) => urls.push(request.url()));
  await page.addInitScript(() => {
    const w = globalThis as unknown as CspWindow & { document: { addEventListener(type: string, f: (e: { violatedDirective: string; blockedURI: string }) => void): void } };
    w.__cspViolations = [];
    w.document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations?.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { urls };
}

const cspViolations = (page: Page) => page.evaluate(() => (globalThis as unknown as CspWindow).__cspViolations ?? []);

/** `data:` URLs never leave the page; `blob:` URLs carry their creator's origin, which URL reports. */
const foreign = (urls: string[], origin: string) => urls.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);

test.describe('no request beyond the origin', () => {
  // The session test loads every panel, Monaco included: more than the default 30 s on two busy cores.
  test.setTimeout(90_000);

  test('a full session (terminal, details, console, languages, export, reload) asks nothing of any other origin', async ({ page, baseURL }) => {
    const origin = new URL(baseURL ?? '').origin;
    const { urls } = await record(page);
    const lab = new LabPage(page);
    const panels = new Panels(page);
    await lab.openSandbox();

    await lab.terminal.input.fill(SESSION);
    await lab.terminal.input.press('Enter');
    await lab.terminal.idle();
    await expect(lab.terminal.lastEntry()).toContainText('Connection to instance closed.');
    expect((await lab.published())?.shell.location).toEqual({ type: 'local' });
    await lab.terminal.run('aws iam help');

    // Details of a node picked in the terminal output.
    const arn = lab.terminal.output.getByRole('button', { name: 'arn:aws:iam::123456789012:role/s3access' }).first();
    await arn.click();
    await panels.showDetails();
    await expect(page.getByTestId('details.selected')).toHaveAttribute('data-node-id', 'role:s3access');

    // The console, when the build has it: both services, a role's page.
    if (await panels.showConsole()) {
      await panels.consoleTab('iam');
      await page.getByTestId('console.iam.roles.link').filter({ hasText: 's3access' }).click();
      await expect(page.getByTestId('console.iam.role.arn')).toHaveText('arn:aws:iam::123456789012:role/s3access');
      await panels.consoleTab('ec2');
      await expect(page.getByTestId('console.ec2.instances.row')).toHaveCount(1);
    }

    // The graph and the editor (Monaco and its workers load lazily: they must come from the origin too).
    const present = await panels.present();
    if (present.graph) {
      await panels.graph.locator('[data-node-id="role:s3access"]').first().dispatchEvent('click');
      await expect(page.getByTestId('details.selected')).toHaveAttribute('data-node-id', 'role:s3access');
    }
    if (present.editor) {
      await panels.openInEditor((line) => lab.terminal.run(line), 'ec2-role-access-policy.json');
      await expect(panels.editorSurface).toContainText('s3:');
      await panels.closeEditor();
    }

    await lab.language('ja').click();
    await lab.terminal.run('aws iam get-role --role-name nobody');
    await expect(lab.terminal.lastEntry().getByTestId('terminal.hint')).toBeVisible();
    await lab.language('en').click();

    const downloading = page.waitForEvent('download');
    await lab.scenario('export');
    await downloading;

    await lab.reload();
    await lab.terminal.run('aws iam list-roles --query "Roles[].RoleName" --output text');
    await expect(lab.terminal.lastEntry().getByTestId('terminal.stdout')).toHaveText('s3access\n');

    // The lab really was loaded over the network it was watched on: the page, its worker, the service worker.
    expect(urls.some((url) => /\/assets\/lab\.worker-[\w-]+\.js$/.test(url))).toBe(true);
    expect(urls.some((url) => url.endsWith('/sw.js'))).toBe(true);
    expect(foreign(urls, origin)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
  });

  test('the Content-Security-Policy allows scripts from the origin only', async ({ page }) => {
    await page.goto('/');
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toBeTruthy();
    const directives = new Map(
      (policy ?? '')
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((words) => words[0])
        .map(([name, ...sources]) => [name, sources] as const),
    );
    const scriptSrc = directives.get('script-src') ?? directives.get('default-src') ?? [];
    expect(scriptSrc).toContain("'self'");
    for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'data:', 'blob:', 'http:', 'https:']) expect(scriptSrc).not.toContain(unsafe);
    expect(scriptSrc.filter((s) => /^https?:\/\//.test(s))).toEqual([]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
  });

  test('the built pages carry no inline script and no inline event handler', async () => {
    // IAM_LAB_DIST: a build kept elsewhere (so a run never races another build of dist/).
    const dist = process.env.IAM_LAB_DIST ?? join(process.cwd(), 'dist');
    const pages = (await readdir(dist)).filter((name) => name.endsWith('.html'));
    expect(pages).toContain('index.html');
    for (const name of pages) {
      const html = await readFile(join(dist, name), 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)];
      expect(scripts.length, `${name} loads its scripts`).toBeGreaterThan(0);
      for (const [tag, attributes = '', body = ''] of scripts) {
        expect(attributes, `${name}: ${tag}`).toMatch(/\bsrc\s*=\s*"\/[^"/]/);
        expect(body.trim(), `${name}: ${tag}`).toBe('');
      }
      expect(html.match(/\son[a-z]+\s*=/gi) ?? [], `${name} has no inline event handlers`).toEqual([]);
      expect(html, `${name} has no javascript: URLs`).not.toMatch(/javascript:/i);
      expect(html, `${name} keeps its Content-Security-Policy`).toContain('http-equiv="Content-Security-Policy"');
    }
  });
});
