import { defineConfig } from '@playwright/test';

/**
 * The desktop console in a real Electron, driven by Playwright's `_electron`. Where no Electron
 * binary runs (none can be downloaded on our build machines) every test reports itself skipped,
 * by name, with the reason — see tests/e2e-electron/electron-binary.ts.
 */
export default defineConfig({
  testDir: 'tests/e2e-electron',
  timeout: 120_000,
  workers: 1,
  // Below test-results/ but not at its top: Playwright empties its outputDir, and the other suites'
  // reports live in test-results/.
  outputDir: 'test-results/electron-artifacts',
  reporter: [['list'], ['json', { outputFile: 'test-results/electron.json' }]],
});
