/**
 * File Transfer in the desktop console, in Chromium: the preload's `window.repConsole` bridge is stood
 * in for by a script (no Electron binary here). Upload… asks the app's native open dialog (openFiles)
 * instead of the browser's file picker; the files it read are uploaded to the folder shown, the ones
 * it refused are listed as not uploaded, with why; the pane says downloads ask where to save.
 */
import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO, repoRoot, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { logInToConsole } from '../helpers/login-page.js';

let app: RunningAppliance;
const ana = DEMO.reps.general[0];

test.beforeAll(async () => {
  app = await startAppliance({ demo: true });
});
test.afterAll(async () => {
  await app?.stop({ remove: true });
});

interface Recorded {
  opened: number;
}

test('Upload… uses the native open dialog; refused files are listed with why', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.addInitScript(() => {
    const rec: Recorded = { opened: 0 };
    (globalThis as unknown as { __bridge: Recorded }).__bridge = rec;
    const body = new Uint8Array(50_000).map((_, i) => (i * 7) & 0xff);
    (globalThis as unknown as { repConsole: unknown }).repConsole = Object.freeze({
      version: '0.0.0-test',
      platform: 'win32',
      saveLoginToken: async () => true,
      loadLoginToken: async () => null,
      notify: () => undefined,
      openFiles: async () => {
        rec.opened++;
        return {
          files: [{ name: 'desktop-notes.bin', data: body, lastModified: Date.UTC(2026, 0, 5) }],
          refused: [{ name: 'install-image.iso', reason: 'larger than 256 MB' }],
        };
      },
    });
  });

  await logInToConsole(page, app.url, ana);
  await page.getByRole('tab', { name: 'Jump Items' }).click();
  await page.getByRole('searchbox', { name: 'Search Jump Items' }).fill('WS-042 Reception');
  await page.getByRole('table').getByRole('row').filter({ hasText: 'WS-042 Reception' }).first().getByRole('button', { name: 'Jump', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'WS-042 Reception' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('tab', { name: 'File Transfer' }).click();

  const local = page.getByRole('region', { name: 'Your computer' });
  await expect(local.getByText(/^This computer\. .*Downloads ask where to save each file\.$/)).toBeVisible();
  const files = page.getByRole('table', { name: 'Remote files' });
  await expect(files.getByRole('row').filter({ hasText: 'Documents' })).toBeVisible();

  await local.getByRole('button', { name: 'Upload…' }).click();
  const progress = page.getByRole('region', { name: 'Transfer Progress' });
  await expect(progress.getByRole('listitem', { name: 'Upload desktop-notes.bin' })).toContainText('Completed', { timeout: 15_000 });
  await expect(progress.getByRole('listitem', { name: 'Upload install-image.iso' })).toContainText('Not uploaded: larger than 256 MB.');
  await expect(files.getByRole('row').filter({ hasText: 'desktop-notes.bin' })).toContainText(/50(\.0)? KB/);
  expect(await page.evaluate(() => (globalThis as unknown as { __bridge: Recorded }).__bridge.opened)).toBe(1);

  mkdirSync(join(repoRoot, 'docs/screenshots'), { recursive: true });
  await page.screenshot({ path: join(repoRoot, 'docs/screenshots/desktop-file-transfer.png') });
});
