/**
 * /login > Vault > Accounts in Chromium against a real demo appliance: the administrator adds an
 * account (the password field is write-only: the list never shows it), checks it out for an hour
 * (the password is shown once), a rep sees it checked out, and it is checked back in. The console's
 * Actions > View Vault Accounts opens this page.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { DEMO, repoRoot, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { logInToConsole } from '../helpers/login-page.js';

let app: RunningAppliance;
test.beforeAll(async () => {
  app = await startAppliance({ demo: true });
});
test.afterAll(async () => {
  await app?.stop({ remove: true });
});

const SECRET = 'Lab-Vault-Pass-3141!';

async function logIn(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.goto(`${app.url}/login#/vault`);
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Log In' }).click();
  await expect(page.getByRole('navigation', { name: 'Administration' })).toBeVisible();
}

test('add an account, check it out (password shown once) and in', async ({ page, browser }) => {
  await page.setViewportSize({ width: 1300, height: 800 });
  await logIn(page, DEMO.admin);
  await expect(page.getByRole('heading', { name: 'Accounts' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'DEMO\\Administrator' }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Add Account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add Account' });
  await dialog.getByLabel('Name', { exact: true }).fill('LAB\\labadmin');
  await dialog.getByLabel('Username').fill('labadmin');
  await dialog.getByLabel('Domain').fill('LAB');
  await dialog.getByLabel('Password').fill(SECRET);
  await dialog.getByLabel('Description').fill('Lab PCs, room 2.14');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText('LAB\\labadmin was added to the Vault.');
  const row = page.getByRole('row').filter({ hasText: 'LAB\\labadmin' });
  await expect(row).toContainText('Available');
  await expect(page.locator('body')).not.toContainText(SECRET);

  await row.getByRole('button', { name: 'Check Out' }).click();
  const co = page.getByRole('dialog', { name: 'Check out LAB\\labadmin' });
  await co.getByLabel('Check out for').selectOption({ label: '1 hour' });
  await co.getByRole('button', { name: 'Check Out' }).click();
  const shown = page.getByRole('dialog', { name: 'LAB\\labadmin is checked out to you' });
  await expect(shown.getByTestId('vault-password')).toHaveText(SECRET);
  await shown.getByRole('button', { name: 'Done' }).click();
  await expect(page.locator('body')).not.toContainText(SECRET);
  await expect(row).toContainText('Checked out by you until');
  await page.screenshot({ path: join(repoRoot, 'docs/screenshots/admin-vault.png') });

  // A rep with the permission sees who has it and cannot take it.
  const ctx = await browser.newContext();
  const rep = await ctx.newPage();
  await logIn(rep, DEMO.reps.general[1]);
  const repRow = rep.getByRole('row').filter({ hasText: 'LAB\\labadmin' });
  await expect(repRow).toContainText('Checked out by Administrator');
  await expect(repRow.getByRole('button', { name: 'Check Out' })).toHaveCount(0);
  await expect(rep.getByRole('button', { name: 'Add Account' })).toHaveCount(0);
  await ctx.close();

  await row.getByRole('button', { name: 'Check In' }).click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText('LAB\\labadmin was checked in.');
  await expect(row).toContainText('Available');
});

test('the console’s Actions > View Vault Accounts opens /login#/vault', async ({ page, context }) => {
  await logInToConsole(page, app.url, DEMO.reps.general[0]);
  await page.getByRole('button', { name: 'Actions' }).click();
  const [popup] = await Promise.all([context.waitForEvent('page'), page.getByRole('menuitem', { name: /View Vault Accounts/ }).click()]);
  await popup.waitForLoadState();
  expect(popup.url()).toBe(`${app.url}/login#/vault`);
});
