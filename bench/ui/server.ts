import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

/** The production build the benchmark measures, kept apart from `dist/` so it never races another build. */
export const OUT_DIR = resolve('bench/out/ui-dist');

export function build(): void {
  const started = performance.now();
  const result = spawnSync('npx', ['vite', 'build', '--outDir', OUT_DIR, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
  console.log(`built into ${OUT_DIR} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

export interface Preview {
  url: string;
  stop(): Promise<void>;
}

/** A loopback port nobody listens on (others may be serving their own builds on the usual ones). */
export function freePort(): Promise<number> {
  return new Promise((done, failed) => {
    const probe = createServer();
    probe.once('error', failed);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : failed(new Error('no port'))));
    });
  });
}

/** `vite preview` of the build on a loopback port, stopped by the benchmark when it is done. */
export async function preview(port: number): Promise<Preview> {
  const index = readFileSync(join(OUT_DIR, 'index.html'), 'utf8');
  const child: ChildProcess = spawn('npx', ['vite', 'preview', '--outDir', OUT_DIR, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((done) => child.once('exit', done));
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  };
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode}); is port ${port} taken?`);
    try {
      // Our build, not another server that happens to hold the port.
      const response = await fetch(url);
      if (response.ok && (await response.text()) === index) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`vite preview did not answer on ${url}`);
}
