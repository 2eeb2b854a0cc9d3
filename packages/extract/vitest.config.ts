import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Whole-fixture-set passes and worker start-ups are slow on a busy machine; none depends on timing.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
