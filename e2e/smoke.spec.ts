import { expect, test } from '@playwright/test';

test('the production build loads and asks nothing of any other origin', async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== baseURL && !url.protocol.startsWith('data') && !url.protocol.startsWith('blob')) foreign.push(request.url());
  });
  await page.goto('/');
  await expect(page.getByTestId('app.root')).toBeVisible();
  await expect(page).toHaveTitle('IAM Lab');
  expect(foreign).toEqual([]);
});
