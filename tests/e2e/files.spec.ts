/**
 * File Transfer in Chromium against a real demo appliance: a rep Jumps to an emulated endpoint,
 * opens File Transfer (Volumes, breadcrumbs, listing), uploads a file from the browser, sees it
 * listed, downloads it back byte-identical, renames it and deletes it (after being told it is permanent).
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
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

async function jumpTo(page: Page, name: string): Promise<void> {
  await logInToConsole(page, app.url, ana);
  await expect(page.getByRole('button', { name: 'Home' })).toBeVisible();
  await page.getByRole('tab', { name: 'Jump Items' }).click();
  await page.getByRole('searchbox', { name: 'Search Jump Items' }).fill(name);
  await page.getByRole('table').getByRole('row').filter({ hasText: name }).first().getByRole('button', { name: 'Jump', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible({ timeout: 15_000 });
}

test('upload, list, download byte-identical, rename and delete on an emulated endpoint', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await jumpTo(page, 'WS-042 Reception');
  await page.getByRole('tab', { name: 'File Transfer' }).click();

  const volumes = page.getByRole('navigation', { name: 'Volumes' });
  await expect(volumes.getByRole('button', { name: /^Home/ })).toBeVisible();
  const files = page.getByRole('table', { name: 'Remote files' });
  const row = (name: string) => files.getByRole('row').filter({ hasText: name });
  await expect(row('Documents')).toBeVisible();
  await expect(page.getByText(/\d+ Files?, \d+ Director(y|ies)/)).toBeVisible();

  // Into Documents and back with the breadcrumbs.
  await row('Documents').dblclick();
  await expect(row('Quarterly report.xlsx').or(row('Printer setup'))).not.toHaveCount(0);
  await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('button', { name: 'Home' }).click();
  await expect(row('Documents')).toBeVisible();

  // Upload from the browser.
  const body = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 31 + (i >> 8)) & 0xff));
  await page.getByLabel('Files to upload').setInputFiles({ name: 'e2e-upload.bin', mimeType: 'application/octet-stream', buffer: body });
  const progress = page.getByRole('region', { name: 'Transfer Progress' });
  await expect(progress.getByRole('listitem', { name: 'Upload e2e-upload.bin' })).toContainText('Completed', { timeout: 15_000 });
  await expect(row('e2e-upload.bin')).toBeVisible();
  await expect(row('e2e-upload.bin')).toContainText('300 KB');

  // Select it: the count says so.
  await row('e2e-upload.bin').click();
  await expect(page.getByText(/\(1 File Selected\)/)).toBeVisible();
  mkdirSync(join(repoRoot, 'docs/screenshots'), { recursive: true });
  await page.screenshot({ path: join(repoRoot, 'docs/screenshots/file-transfer.png') });

  // Download it back: the same bytes.
  const downloading = page.waitForEvent('download');
  await page.getByRole('toolbar', { name: 'File Transfer tools' }).getByRole('button', { name: 'Download' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('e2e-upload.bin');
  expect(Buffer.compare(readFileSync((await download.path())!), body)).toBe(0);
  await expect(progress.getByRole('listitem', { name: 'Download e2e-upload.bin' })).toContainText('Completed');

  // Rename.
  await page.getByRole('toolbar', { name: 'File Transfer tools' }).getByRole('button', { name: 'Rename' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('New name').fill('e2e-renamed.bin');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(row('e2e-renamed.bin')).toBeVisible();
  await expect(row('e2e-upload.bin')).toHaveCount(0);

  // Delete: permanent, and it says so.
  await row('e2e-renamed.bin').click();
  await page.getByRole('toolbar', { name: 'File Transfer tools' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('dialog')).toContainText('This is permanent');
  await page.screenshot({ path: join(repoRoot, 'docs/screenshots/file-transfer-delete.png') });
  await page.getByRole('dialog').getByRole('button', { name: 'Delete Permanently' }).click();
  await expect(row('e2e-renamed.bin')).toHaveCount(0);
  await expect(page.getByRole('log', { name: 'Chat messages' }).getByText(/uploaded e2e-upload\.bin/)).toBeVisible();
});
