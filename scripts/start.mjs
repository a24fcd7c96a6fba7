// Starts the app on a fresh clone: installs dependencies when they are missing or stale, then runs Vite.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const lock = 'package-lock.json';
const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || statSync(lock).mtimeMs > statSync(marker).mtimeMs;
if (stale) {
  console.log('Installing dependencies (npm ci)…');
  const install = spawnSync('npm', ['ci'], { stdio: 'inherit' });
  if (install.status !== 0) process.exit(install.status ?? 1);
}
const dev = spawnSync('npx', ['vite', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(dev.status ?? 0);
