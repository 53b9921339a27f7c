import { defineConfig } from 'vitest/config';
import path from 'node:path';

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      // `server-only` throws outside a React Server Component bundle; tests import server code directly.
      'server-only': path.join(root, 'tests/support/server-only.ts'),
    },
  },
  test: {
    environment: 'node',
    include: ['lib/**/*.test.ts', 'components/**/*.test.tsx', 'db/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration tests each open their own PGlite (WASM, ~100 MB): cap parallelism on 2 cores.
    maxWorkers: 2,
    globalSetup: ['tests/support/global-setup.ts'],
  },
});
