import { defineConfig } from '@playwright/test';

/** Chromium end-to-end journeys against a real appliance process (Debian's chromium, never a download). */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  workers: 1,
  // Artifacts go below test-results/ but not at its top: Playwright empties its outputDir, and the
  // other suites' reports live in test-results/.
  outputDir: 'test-results/e2e-artifacts',
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    viewport: { width: 1366, height: 768 },
    // The suites read English labels; the language tests switch languages themselves.
    locale: 'en-US',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
