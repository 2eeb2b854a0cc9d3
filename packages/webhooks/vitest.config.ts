import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: [fileURLToPath(import.meta.resolve('@tally/local-services/vitest-setup'))],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
