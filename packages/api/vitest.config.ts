import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Real Redis and PostgreSQL; most API tests keep the log in an in-memory PGlite, those about
    // what only a PostgreSQL server does (NUL bytes, encodings) use the server.
    globalSetup: [fileURLToPath(import.meta.resolve('@tally/local-services/vitest-setup'))],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
