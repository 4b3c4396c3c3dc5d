import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Compiles runes in .svelte.ts modules (the renderer's state and i18n) for the unit tests that import them.
  plugins: [svelte({ compilerOptions: { runes: true } })],
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
    // English catalogues for the renderer modules that speak through t().
    setupFiles: ['tests/setup/i18n-english.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
