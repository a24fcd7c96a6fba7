import type { Browser, Page } from '@playwright/test';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { OUT_DIR } from './server';

/*
 * The page-side code runs in the browser; it is written as strings because the bench compiles
 * against Node's types, not the DOM's.
 */

/** Chunks that belong to the editor: loaded when it first opens, never at start. */
const EDITOR_CHUNK = /monaco|editor\.worker|json\.worker|jsonMode|ts\.worker|css\.worker|html\.worker/i;
const WORKER_CHUNK = /lab\.worker/;

export interface ScriptLoad {
  path: string;
  raw: number;
  gzip: number;
  kind: 'page' | 'lab worker' | 'editor';
}

const sizeOf = (path: string): { raw: number; gzip: number } => {
  const file = join(OUT_DIR, path);
  return { raw: statSync(file).size, gzip: gzipSync(readFileSync(file), { level: 9 }).length };
};

const kindOf = (path: string): ScriptLoad['kind'] => (EDITOR_CHUNK.test(path) ? 'editor' : WORKER_CHUNK.test(path) ? 'lab worker' : 'page');

/**
 * Waits until a page expression is true. (`page.waitForFunction` evaluates its predicate with
 * eval, which the app's Content-Security-Policy refuses; `page.evaluate` of a string does not.)
 */
export async function until(page: Page, expression: string, timeoutMs = 30_000): Promise<void> {
  const ok = await page.evaluate(`new Promise((done) => {
    const limit = performance.now() + ${timeoutMs};
    const check = () => { if (${expression}) done(true); else if (performance.now() > limit) done(false); else setTimeout(check, 5); };
    check();
  })`);
  if (!ok) throw new Error(`timed out waiting for ${expression}`);
}

/** Waits until the lab's worker has started (the test API is on with `?testapi`). */
export async function ready(page: Page): Promise<void> {
  await until(page, 'window.__iamLab !== undefined');
  const status = await page.evaluate('window.__iamLab.ready()');
  if ((status as { phase: string }).phase !== 'ready') throw new Error(`the lab did not start: ${JSON.stringify(status)}`);
}

export async function idle(page: Page): Promise<void> {
  await page.evaluate('window.__iamLab.idle()');
}

/**
 * Every script the page loads from a cold start (no service worker, empty cache) until the lab is
 * ready and the network is quiet; then what opening the editor adds. Sizes are the built files'
 * own, gzipped at level 9, as a static host would send them.
 */
export async function firstLoad(browser: Browser, url: string): Promise<{ start: ScriptLoad[]; editor: ScriptLoad[] }> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const loaded: string[] = [];
  context.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.endsWith('.js') && !loaded.includes(pathname)) loaded.push(pathname);
  });
  await page.goto(`${url}/?testapi`);
  await ready(page);
  await page.waitForLoadState('networkidle');
  const start = loaded.splice(0).map((path) => ({ path, ...sizeOf(path), kind: kindOf(path) }));

  await page.getByTestId('dialog.welcome.sandbox').click();
  let editor: ScriptLoad[] = [];
  if ((await page.getByTestId('files.button').count()) > 0) {
    await page.getByTestId('terminal.input').fill('edit ec2-role-trust-policy.json');
    await page.getByTestId('terminal.input').press('Enter');
    await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    editor = loaded.splice(0).map((path) => ({ path, ...sizeOf(path), kind: kindOf(path) }));
  }
  await context.close();
  return { start, editor };
}

const RECORD_LATENCY = `(() => {
  const input = document.querySelector('[data-testid="terminal.input"]');
  const output = document.querySelector('[data-testid="terminal.output"]');
  const bench = (window.__bench = { samples: [], t0: 0 });
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter' && !e.shiftKey) bench.t0 = performance.now(); }, true);
  const isEntry = (n) => n.nodeType === 1 && (n.matches('[data-testid="terminal.entry"]') || n.querySelector('[data-testid="terminal.entry"]'));
  new MutationObserver((mutations) => {
    if (!bench.t0 || !mutations.some((m) => [...m.addedNodes].some(isEntry))) return;
    const t0 = bench.t0;
    bench.t0 = 0;
    // The frame that shows the new entry is painted after this rAF callback; the message runs after that paint.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => bench.samples.push(performance.now() - t0);
      channel.port2.postMessage(0);
    });
  }).observe(output, { childList: true, subtree: true });
})()`;

export interface Latency {
  /** Enter → painted, per command. */
  samples: number[];
  /** The page's main thread per command, from Chrome's own counters (the rest is the worker, IndexedDB and waiting). */
  mainThreadMs: { task: number; script: number; styleAndLayout: number };
}

type Cdp = Awaited<ReturnType<ReturnType<Page['context']>['newCDPSession']>>;

async function mainThreadTotals(cdp: Cdp): Promise<{ task: number; script: number; styleAndLayout: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { task: value('TaskDuration'), script: value('ScriptDuration'), styleAndLayout: value('RecalcStyleDuration') + value('LayoutDuration') };
}

/** Enter → the command's output painted in the terminal, for each command in turn. */
export async function enterToPaint(page: Page, commands: readonly string[]): Promise<Latency> {
  await page.evaluate(RECORD_LATENCY);
  const input = page.getByTestId('terminal.input');
  // One session from start to end: Chrome counts from when the domain was enabled in it.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const before = await mainThreadTotals(cdp);
  for (const [i, command] of commands.entries()) {
    await input.fill(command);
    await input.press('Enter');
    await idle(page);
    await until(page, `window.__bench.samples.length >= ${i + 1}`);
  }
  const after = await mainThreadTotals(cdp);
  await cdp.detach();
  const per = (key: keyof typeof before) => (after[key] - before[key]) / commands.length;
  return { samples: (await page.evaluate('window.__bench.samples')) as number[], mainThreadMs: { task: per('task'), script: per('script'), styleAndLayout: per('styleAndLayout') } };
}

const RECORD_FRAMES = `(() => {
  const frames = (window.__frames = { times: [], on: true });
  const tick = (t) => { frames.times.push(t); if (frames.on) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;

const viewportTransform = (page: Page) => page.locator('.react-flow__viewport').first().evaluate((el) => (el as unknown as { style: { transform: string } }).style.transform);

/** Frames while the graph is dragged with the mouse: there and back, `passes` times. */
export async function panFrames(page: Page, passes: number): Promise<{ frameMs: number[]; seconds: number; moved: boolean }> {
  // Grab the pane where no node, edge label or control lies on top (dragging a node moves the node).
  const spot = (await page.evaluate(`(() => {
    const pane = document.querySelector('[data-testid="panel.graph"] .react-flow__pane');
    const box = pane.getBoundingClientRect();
    for (let fy = 0.5; fy < 0.95; fy += 0.05) for (const fx of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
      for (const sy of [1, -1]) {
        const x = box.left + box.width * fx, y = box.top + box.height * (sy > 0 ? fy : 1 - fy);
        if (document.elementFromPoint(x, y) === pane) return { x, y };
      }
    }
    return null;
  })()`)) as { x: number; y: number } | null;
  if (!spot) throw new Error('no empty spot on the graph pane to grab');
  const { x, y } = spot;
  const before = await viewportTransform(page);
  await page.evaluate(RECORD_FRAMES);
  const started = performance.now();
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 0; i < passes; i++) {
    await page.mouse.move(x - 160, y - 80, { steps: 40 });
    await page.mouse.move(x + 160, y + 80, { steps: 40 });
  }
  await page.mouse.move(x - 60, y - 30, { steps: 10 });
  await page.mouse.up();
  const seconds = (performance.now() - started) / 1000;
  const times = (await page.evaluate('(window.__frames.on = false, window.__frames.times)')) as number[];
  const frameMs = times.slice(1).map((t, i) => t - (times[i] ?? t));
  return { frameMs, seconds, moved: (await viewportTransform(page)) !== before };
}

/** The page's JS heap after a full garbage collection (main thread; the lab's worker has its own). */
export async function heapUsed(page: Page): Promise<{ used: number; total: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return { used: usedSize, total: totalSize };
}
