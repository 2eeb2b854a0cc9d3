import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Redis only: the API tests keep the log in an in-memory PGlite.
    globalSetup: [fileURLToPath(new URL('./test/redisGlobalSetup.ts', import.meta.url))],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
