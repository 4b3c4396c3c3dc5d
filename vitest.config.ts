import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'appliance/**/*.test.ts',
      'src-main/**/*.test.ts',
      'src-preload/**/*.test.ts',
      'src-renderer/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      'tests/installers/**/*.test.ts',
      'tests/desktop/**/*.test.ts',
      'tests/fuzz/**/*.test.ts',
      'tests/i18n/**/*.test.ts',
    ],
    // Native modules (better-sqlite3) and child processes are happiest in forked workers.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
