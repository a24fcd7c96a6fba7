import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { labPwa } from './pwa.config.ts';

export default defineConfig({
  plugins: [react(), labPwa()],
  worker: {
    format: 'es',
    // The lab worker's chunks (the CLI's parts, the lessons, the layout engine, what they share with
    // it) carry its name, so a build listing and bench:ui tell them from the page's. Monaco's workers keep theirs.
    rolldownOptions: {
      output: { chunkFileNames: (chunk) => (chunk.moduleIds.some((id) => id.includes('/monaco-editor/')) ? 'assets/[name]-[hash].js' : 'assets/lab.worker.[name]-[hash].js') },
    },
  },
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/__tests__/setup.ts'],
    // Property tests replay whole sessions; on a busy 2-core machine they take seconds. Speed is
    // measured by `npm run bench`, never by a test's clock.
    testTimeout: 120_000,
  },
});
