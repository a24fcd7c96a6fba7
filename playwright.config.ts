import { defineConfig } from '@playwright/test';

// Playwright cannot download its own browser here: Debian's Chromium is used unless
// IAM_LAB_CHROMIUM points at another build.
const executablePath = process.env.IAM_LAB_CHROMIUM ?? '/usr/bin/chromium';
const port = Number(process.env.IAM_LAB_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Generous waits: the suite runs on a 2-core machine; speed is measured by `npm run bench:ui`.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? 'list' : 'line',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    command: `npx vite preview --strictPort --port ${port} --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
