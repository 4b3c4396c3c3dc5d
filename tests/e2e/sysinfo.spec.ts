/**
 * System Info in Chromium against a real demo appliance: after a Jump to an emulated Windows
 * workstation, the System Info tab shows the categories of a Windows machine as a tree, each as a
 * table, with Refresh, Copy and Save.
 */
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { DEMO, repoRoot, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { liftOfficeHours } from '../helpers/office-hours.js';
import { logInToConsole } from '../helpers/login-page.js';

let app: RunningAppliance;

test.beforeAll(async () => {
  app = await startAppliance({ demo: true, env: { REP_DEMO_CONSENT_MS: '0' } });
  liftOfficeHours(app.dataDir);
});
test.afterAll(async () => {
  await app?.stop({ remove: true });
});

test('System Info: categories, tables, Refresh, Save', async ({ page }) => {
  const ana = DEMO.reps.general[0];
  await logInToConsole(page, app.url, ana);
  await page.getByRole('tab', { name: 'Jump Items' }).click();
  await page.getByRole('searchbox', { name: 'Search Jump Items' }).fill('WS-107');
  await page.getByRole('row').filter({ hasText: 'WS-107' }).first().getByRole('button', { name: 'Jump', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /WS-107/ })).toBeVisible();

  await page.getByRole('tab', { name: 'System Info' }).click();
  const tree = page.getByRole('tree', { name: 'System Info categories' });
  for (const c of ['System', 'Operating System', 'Processors', 'Memory', 'Drives', 'Network', 'Processes', 'Services', 'Users']) {
    await expect(tree.getByRole('treeitem', { name: new RegExp(`^${c}`) })).toBeVisible();
  }
  const table = page.getByRole('table', { name: 'System' });
  await expect(table.getByRole('row', { name: /Computer name\s+WS-107/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /Logged-in user\s+mkeller/ })).toBeVisible();

  await tree.getByRole('treeitem', { name: /^Services/ }).click();
  await expect(page.getByRole('table', { name: 'Services' }).getByRole('row', { name: /Spooler\s+Running\s+Automatic/ })).toBeVisible();
  await tree.getByRole('treeitem', { name: /^Drives/ }).click();
  await expect(page.getByRole('table', { name: 'Drives' }).getByRole('cell', { name: 'NTFS' })).toBeVisible();

  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('button', { name: 'Refresh' })).toBeEnabled();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/^system-info-WS-107-disks-.*\.csv$/);

  await tree.getByRole('treeitem', { name: /^Processes/ }).click();
  await expect(page.getByRole('table', { name: 'Processes' }).getByRole('cell', { name: 'explorer.exe' })).toBeVisible();
  await page.screenshot({ path: join(repoRoot, 'docs/screenshots/console-system-info.png'), animations: 'disabled' });
});
