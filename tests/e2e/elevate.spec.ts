/**
 * Elevate through the console in Chromium against a real demo appliance: a browser customer's
 * session shows Click-to-Chat; Elevate asks them (on their own customer client) to run the full
 * client, then Prompt Customer makes it Elevated. A Jump to an emulated endpoint elevates with
 * Specific User: a wrong password is refused in the dialog, the local administrator works.
 */
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO, repoRoot, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { customer, eventOf, portal } from '../helpers/support.js';
import { logInToConsole } from '../helpers/login-page.js';

let app: RunningAppliance;
const ana = DEMO.reps.general[0];

test.beforeAll(async () => {
  app = await startAppliance({ demo: true });
});
test.afterAll(async () => {
  await app?.stop({ remove: true });
});

async function logIn(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await logInToConsole(page, app.url, ana);
  await expect(page.getByRole('button', { name: 'Home' })).toBeVisible();
  return page;
}

const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Session' });
const mode = (page: Page) => page.getByTestId('session-mode');
const shot = (page: Page, name: string) => page.screenshot({ path: join(repoRoot, 'docs/screenshots', name), animations: 'disabled' });

test('click-to-chat → full client → elevated, the customer answering on their customer client', async ({ browser }) => {
  const page = await logIn(browser);
  const reps = (await (await fetch(`${app.url}/api/portal`)).json()) as { reps: { id: number; publicDisplayName: string }[] };
  const joined = await portal(app.url, { name: 'Greta Browser', repId: reps.reps.find((r) => r.publicDisplayName.startsWith('Ana'))!.id });
  const { client: cust } = await customer(app.url, joined.body.customerToken);

  await page.getByRole('button', { name: 'Home' }).click();
  await page.getByRole('row').filter({ hasText: 'Greta Browser' }).click();
  await page.getByRole('complementary', { name: 'Session Details' }).getByRole('button', { name: 'Accept' }).click();
  await expect(mode(page)).toHaveText('Click-to-Chat');

  await toolbar(page).getByRole('button', { name: 'Elevate' }).click();
  const dialog = page.getByRole('dialog', { name: 'Elevate' });
  await expect(dialog.getByText('Greta Browser is chatting from their browser (Click-to-Chat).')).toBeVisible();
  await shot(page, 'console-elevate-full-client.png');
  await dialog.getByRole('button', { name: 'Run Full Customer Client' }).click();
  await expect(page.getByText('Waiting on Greta Browser to respond to the prompt.')).toBeVisible();
  const full = await eventOf(cust, 'customer.prompt', (p) => p.kind === 'full_client' && p.state === 'pending');
  await cust.customer('customer.answer', { promptId: full.id, allow: true });
  await expect(mode(page)).toHaveText('Full client');

  await toolbar(page).getByRole('button', { name: 'Elevate' }).click();
  await expect(dialog.getByText('Please select method for elevation of the customer client privileges.')).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /Prompt Customer/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'OK' }).click();
  const admin = await eventOf(cust, 'customer.prompt', (p) => p.kind === 'elevation' && p.state === 'pending');
  await cust.customer('customer.answer', { promptId: admin.id, allow: true });
  await expect(mode(page)).toHaveText('Elevated');
  await expect(page.getByRole('log', { name: 'Chat messages' }).getByText('The customer client now runs with administrative rights.')).toBeVisible();
  cust.close();
});

test('Specific User on an emulated endpoint: a wrong password is refused, the local administrator elevates', async ({ browser }) => {
  const page = await logIn(browser);
  await page.getByRole('tab', { name: 'Jump Items' }).click();
  await page.getByRole('searchbox', { name: 'Search Jump Items' }).fill('LYON-POS-01');
  await page.getByRole('row').filter({ hasText: 'LYON-POS-01' }).first().getByRole('button', { name: 'Jump', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'LYON-POS-01' })).toBeVisible();
  await expect(mode(page)).toHaveText('Full client');

  await toolbar(page).getByRole('button', { name: 'Elevate' }).click();
  const dialog = page.getByRole('dialog', { name: 'Elevate' });
  await dialog.getByRole('radio', { name: /Specific User/ }).check();
  await dialog.getByRole('textbox', { name: 'Username' }).fill('.\\localadmin');
  await dialog.getByLabel('Password', { exact: true }).fill('not-the-password');
  await shot(page, 'console-elevate-specific-user.png');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/did not accept that administrator username and password/);
  await expect(dialog.getByLabel('Password', { exact: true })).toHaveValue('');

  await dialog.getByLabel('Password', { exact: true }).fill('Elevate-Demo-1');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toBeHidden();
  await expect(mode(page)).toHaveText('Elevated');
  await expect(page.getByText('The customer client now runs with administrative rights as LYON-POS-01\\localadmin.').first()).toBeVisible();
  await shot(page, 'console-elevated-session.png');
});
