/**
 * The UI benchmark: `npm run bench:ui`. Builds the app into bench/out/ui-dist, serves it with
 * `vite preview` on a loopback port, and measures it in Debian's Chromium through Playwright's
 * library API, one thing at a time (the machine has two cores). Figures are printed, not asserted.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fmt, percentile, report } from '../stats';
import { accountScenario } from './account';
import { enterToPaint, firstLoad, heapUsed, idle, panFrames, ready, until, type Latency, type ScriptLoad } from './measures';
import { build, freePort, OUT_DIR, preview } from './server';

const CHROMIUM = process.env.IAM_LAB_CHROMIUM ?? '/usr/bin/chromium';
const BANDS = 250;
const kb = (bytes: number) => `${fmt(bytes / 1024, 1)} KB`;
const mb = (bytes: number) => `${fmt(bytes / 1024 / 1024, 1)} MB`;

const COMMANDS = Array.from({ length: 10 }, (_, i) => [
  `aws iam create-role --role-name bench-${i} --assume-role-policy-document file://ec2-role-trust-policy.json`,
  `aws iam get-role --role-name bench-${i}`,
  'aws iam list-roles --query "Roles[].RoleName" --output text',
  'aws sts get-caller-identity',
  `aws iam get-role --role-name nobody-${i}`,
]).flat();

function printLoads(title: string, loads: ScriptLoad[]): void {
  const sum = (kind?: ScriptLoad['kind']) => loads.filter((l) => !kind || l.kind === kind).reduce((a, l) => a + l.gzip, 0);
  report(title, [
    ...loads.map((l): [string, string] => [`${l.path} (${l.kind})`, `${kb(l.gzip)} gzip, ${kb(l.raw)} raw`]),
    ['page JS', kb(sum('page'))],
    ['lab worker JS', kb(sum('lab worker'))],
    ['editor JS loaded at start', kb(sum('editor'))],
    ['total', kb(sum()), '≤ 300 KB'],
  ]);
}

function latencyRows(label: string, { samples, mainThreadMs }: Latency): [string, string, string?][] {
  const sorted = [...samples].sort((a, b) => a - b);
  return [
    [`${label}: commands`, String(samples.length)],
    [`${label}: p50`, `${fmt(percentile(sorted, 50), 1)} ms`, '≤ 16 ms'],
    [`${label}: p95`, `${fmt(percentile(sorted, 95), 1)} ms`, '≤ 50 ms'],
    [`${label}: max`, `${fmt(sorted.at(-1) ?? 0, 1)} ms`],
    [`${label}: page main thread per command`, `${fmt(mainThreadMs.task, 1)} ms busy (script ${fmt(mainThreadMs.script, 1)}, style and layout ${fmt(mainThreadMs.styleAndLayout, 1)}) — includes typing the line in`],
  ];
}

async function openSandbox(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${url}/?testapi`);
  await ready(page);
  await page.getByTestId('dialog.welcome.sandbox').click();
  return page;
}

/** Imports the 1,000-resource lab through the Scenario menu's file input, as a learner would. */
async function importAccount(page: Page): Promise<{ ms: number; nodes: number }> {
  const account = accountScenario(BANDS);
  if (account.failed > 0) throw new Error(`${account.failed} of the account script's ${account.commands} commands failed`);
  const file = join(OUT_DIR, '..', 'account-1000.json');
  writeFileSync(file, account.text);
  const started = performance.now();
  await page.getByTestId('scenario.file').setInputFiles(file);
  await until(page, `Object.keys(window.__iamLab.published()?.sim.tables.instances ?? {}).length === ${BANDS}`, 120_000);
  await idle(page);
  const graphNodes = page.locator('[data-testid="panel.graph"] .react-flow__node');
  if ((await page.locator('[data-testid="panel.graph"] .react-flow').count()) > 0) await graphNodes.first().waitFor({ timeout: 60_000 });
  const ms = performance.now() - started;
  const nodes = (await page.evaluate('window.__iamLab.published()?.graph.nodes.length ?? 0')) as number;
  return { ms, nodes };
}

async function main(): Promise<void> {
  console.log('IAM Lab UI benchmark (figures are printed, not asserted)');
  // Timings mean little on a busy machine: say how busy it was.
  const load = () => `load average ${loadavg().map((l) => fmt(l, 1)).join(' ')} on ${cpus().length} cores`;
  console.log(`before: ${load()}`);
  // IAM_LAB_BENCH_REUSE=1 measures the build already in bench/out/ui-dist (while iterating on the bench itself).
  if (process.env.IAM_LAB_BENCH_REUSE !== '1' || !existsSync(join(OUT_DIR, 'index.html'))) build();
  const server = await preview(Number(process.env.IAM_LAB_BENCH_PORT ?? (await freePort())));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  try {
    const loads = await firstLoad(browser, server.url);
    printLoads('First load: JavaScript the page fetches at start (cold cache, no service worker)', loads.start);
    if (loads.editor.length > 0) printLoads('Opening the editor adds (Monaco, lazily)', loads.editor);

    const page = await openSandbox(browser, server.url);
    const emptyHeap = await heapUsed(page);
    const snapshotBytes = async () => (await page.evaluate('JSON.stringify(window.__iamLab.published()).length')) as number;
    const emptySnapshot = await snapshotBytes();
    const small = await enterToPaint(page, COMMANDS);

    const imported = await importAccount(page);
    const bigHeap = await heapUsed(page);
    const bigSnapshot = await snapshotBytes();
    const big = await enterToPaint(page, COMMANDS.slice(0, 20).map((c) => c.replace(/bench-/g, 'big-')));
    report('Terminal: Enter → output painted (performance.now around a MutationObserver, rAF and a message after the paint)', [
      ...latencyRows('empty lab', small),
      ...latencyRows(`${BANDS * 4}-resource lab`, big),
    ]);

    const graph = (await page.locator('[data-testid="panel.graph"] .react-flow').count()) > 0;
    if (graph) {
      const pan = await panFrames(page, 3);
      const sorted = [...pan.frameMs].sort((a, b) => a - b);
      const fps = pan.frameMs.length / (pan.frameMs.reduce((a, b) => a + b, 0) / 1000);
      report(`Graph: panning ${imported.nodes} nodes with the mouse`, [
        ['import of the lab until drawn', `${fmt(imported.ms / 1000, 1)} s`],
        ['frames', `${pan.frameMs.length} in ${fmt(pan.seconds, 1)} s${pan.moved ? '' : ' (the view did NOT move)'}`],
        ['frame rate', `${fmt(fps, 1)} fps`, '≥ 50 fps'],
        ['frame time p50 / p95 / max', `${fmt(percentile(sorted, 50), 1)} / ${fmt(percentile(sorted, 95), 1)} / ${fmt(sorted.at(-1) ?? 0, 1)} ms`],
        ['frames over 50 ms', String(sorted.filter((ms) => ms > 50).length)],
      ]);
    } else {
      report('Graph', [['panning', 'skipped: this build has no graph view yet']]);
    }

    report('JS heap of the page (after a full GC; the lab worker keeps the simulator in its own heap)', [
      ['empty lab', `${mb(emptyHeap.used)} used of ${mb(emptyHeap.total)}`],
      [`${BANDS * 4} resources (${imported.nodes} graph nodes)`, `${mb(bigHeap.used)} used of ${mb(bigHeap.total)}`],
    ]);
    // What the page holds; a command that changed the account sends all of it across again, one
    // that changed nothing sends neither the account nor the graph (src/worker/wire.ts).
    report('Snapshot the page holds (as JSON; sent whole only after a change to the account)', [
      ['empty lab', kb(emptySnapshot)],
      [`${BANDS * 4} resources`, kb(bigSnapshot)],
    ]);
    console.log(`\nafter: ${load()}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
