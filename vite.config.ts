import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { labPwa } from './pwa.config.ts';

export default defineConfig({
  plugins: [react(), labPwa()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
