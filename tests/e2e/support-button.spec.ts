/**
 * Support Buttons through the console in Chromium against a real demo appliance: Jump to an
 * emulated endpoint, Add Support Button (Description, Profile, Queue, Expiration), the demo customer
 * clicks it and a session arrives in the personal queue, then Remove Support Button (Yes).
 */
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DEMO, repoRoot, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { logInToConsole } from '../helpers/login-page.js';

let app: RunningAppliance;
const ana = DEMO.reps.general[0];

test.beforeAll(async () => {
  // The demo's customers click eligible Support Buttons every second (instead of now and then).
  app = await startAppliance({ demo: true, env: { REP_DEMO_BUTTON_CLICK_MS: '1000' } });
});
test.afterAll(async () => {
  await app?.stop({ remove: true });
});

const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Session' });
const shot = (page: Page, name: string) => page.screenshot({ path: join(repoRoot, 'docs/screenshots', name), animations: 'disabled' });

test('deploy a Support Button from a Jump, the customer clicks it, then remove it', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await logInToConsole(page, app.url, ana);
  await page.getByRole('tab', { name: 'Jump Items' }).click();
  await page.getByRole('searchbox', { name: 'Search Jump Items' }).fill('MUENCHEN-POS-02');
  await page.getByRole('row').filter({ hasText: 'MUENCHEN-POS-02' }).first().getByRole('button', { name: 'Jump', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'MUENCHEN-POS-02' })).toBeVisible();

  await toolbar(page).getByRole('button', { name: 'Support Button' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add Support Button' });
  await expect(dialog.getByText('Select the options for deploying the Support Button to the customer.')).toBeVisible();
  await expect(dialog.getByLabel('Description')).toHaveValue('muc-pos-02.branch.example');
  await dialog.getByLabel('Description').fill('Kasse 2 – IT-Hilfe');
  await expect(dialog.getByLabel('Profile')).toHaveValue('default');
  await dialog.getByLabel('Queue').selectOption({ label: 'Personal Support Button' });
  await dialog.getByLabel('Expiration').selectOption({ label: '1 Week' });
  await expect(dialog.getByTestId('sb-until')).toContainText('Valid until');
  await shot(page, 'console-support-button-add.png');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('The Support Button “Kasse 2 – IT-Hilfe” is on muc-pos-02.branch.example.').first()).toBeVisible();

  // The demo customer at the till clicks it: a session waits in Ana's personal queue.
  await page.getByRole('button', { name: 'Home' }).click();
  const arrived = page.getByRole('row').filter({ hasText: 'muc-pos-02.branch.example' }).filter({ hasText: 'Waiting' }).first();
  await expect(arrived).toBeVisible({ timeout: 15_000 });

  // Back in the Jump session: the button is listed on this computer; Remove Support Button → Yes.
  await page.getByRole('button', { name: /^Sessions/ }).click();
  await page.getByRole('menuitem', { name: /MUENCHEN-POS-02/ }).first().click();
  await toolbar(page).getByRole('button', { name: 'Support Button' }).click();
  const existing = dialog.getByRole('region', { name: 'Support Buttons on this computer' });
  await expect(existing.getByText('Kasse 2 – IT-Hilfe')).toBeVisible();
  await expect(existing.getByText(/1 session/)).toBeVisible();
  await existing.getByRole('button', { name: 'Remove Support Button Kasse 2 – IT-Hilfe' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove Support Button' });
  await shot(page, 'console-support-button-remove.png');
  await confirm.getByRole('button', { name: 'Yes' }).click();
  await expect(page.getByText('The Support Button “Kasse 2 – IT-Hilfe” was removed from muc-pos-02.branch.example.').first()).toBeVisible();
});
