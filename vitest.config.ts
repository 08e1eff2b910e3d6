import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'test/bench/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Argon2id at 64 MiB is CPU-heavy; two cores, so keep parallelism modest.
    pool: 'forks',
    maxWorkers: 2,
  },
});
