import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.spec.ts', 'src/**/*.{test,spec}.ts'],
    globalSetup: [fileURLToPath(import.meta.resolve('@tally/local-services/vitest-setup'))],
    // The suites start worker processes and servers of their own: one file at a time keeps a
    // two-core machine from starving them.
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
