import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';
import { Panels } from './pages/Panels';

type SwWindow = {
  navigator: { serviceWorker: { ready: Promise<unknown>; controller: { scriptURL: string } | null } };
};

test.describe('offline', () => {
  // Monaco's first load from the cache is part of the test: more than the default 30 s on two busy cores.
  test.setTimeout(90_000);

  test('after one visit the lab loads and runs commands with no network', async ({ page, context }) => {
    const lab = new LabPage(page);
    await lab.openSandbox();

    // The service worker activates once every file of the build is in its cache; it then claims the page.
    await page.evaluate(() => (globalThis as unknown as SwWindow).navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as SwWindow).navigator.serviceWorker.controller?.scriptURL ?? null)).toMatch(/\/sw\.js$/);

    // Offline applies to the service worker's own fetches too, so anything not precached would fail.
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(request.url()));
    await context.setOffline(true);
    await lab.reload();
    await expect(lab.welcome).toBeHidden();
    const entry = await lab.terminal.run('aws iam create-role --role-name offline-role --assume-role-policy-document file://ec2-role-trust-policy.json');
    await expect(entry.getByTestId('terminal.stdout')).toContainText('"RoleName": "offline-role"');
    const listed = await lab.terminal.run('aws iam list-roles --query "Roles[].RoleName" --output text');
    await expect(listed.getByTestId('terminal.stdout')).toHaveText('offline-role\n');
    expect(await lab.roleNames()).toEqual(['offline-role']);

    // The lazily loaded parts come from the cache too: the graph, and the editor (Monaco and its workers).
    const panels = new Panels(page);
    const present = await panels.present();
    if (present.graph) await expect(panels.graph.locator('[data-node-id="role:offline-role"]').first()).toBeVisible();
    if (present.editor) {
      await panels.openInEditor((line) => lab.terminal.run(line), 'ec2-role-trust-policy.json');
      await expect(panels.editorSurface).toContainText('sts:AssumeRole');
      await panels.closeEditor();
    }

    // A new page in the same browser (a new tab, or the next day) opens offline too.
    const again = new LabPage(await context.newPage());
    await again.open();
    expect(await again.roleNames()).toEqual(['offline-role']);
    expect(failed).toEqual([]);

    // And the network really is off for the service worker: what it does not keep cannot be fetched.
    const reachable = await page.evaluate(() => fetch('/not-part-of-the-build.txt').then(() => true, () => false));
    expect(reachable).toBe(false);
    await context.setOffline(false);
  });

  test('the manifest names the lab and uses our own icon', async ({ page }) => {
    await page.goto('/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBeTruthy();
    const response = await page.request.get(href ?? '');
    expect(response.ok()).toBe(true);
    const manifest = (await response.json()) as { name: string; start_url: string; display: string; icons: { src: string; type: string }[] };
    expect(manifest).toMatchObject({ name: 'IAM Lab', start_url: '/', display: 'standalone' });
    expect(manifest.icons).toEqual([expect.objectContaining({ src: 'favicon.svg', type: 'image/svg+xml' })]);
    const icon = await page.request.get(new URL(manifest.icons[0]?.src ?? '', response.url()).href);
    expect(icon.ok()).toBe(true);
    expect(icon.headers()['content-type']).toContain('svg');
  });
});
