/** /login in Chromium against a real demo appliance: logging in, Status, Users, and what a rep may see. */
import { expect, test, type Page } from '@playwright/test';
import { DEMO, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { rep } from '../helpers/support.js';
import type { TestClient } from '../helpers/ws-client.js';

let app: RunningAppliance;
let ana: TestClient | null = null;

test.beforeAll(async () => {
  app = await startAppliance({ demo: true });
});
test.afterAll(async () => {
  ana?.close();
  await app?.stop({ remove: true });
});

async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${app.url}/login`);
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log In' }).click();
}

const TABS = ['Status', 'My Account', 'Jump Clients', 'Users', 'Reports', 'Support Portal', 'Management', 'Vault'];

test('the administrator logs in and sees Status with the version, the default-password banner and logged-in reps', async ({ page }) => {
  ana ??= await rep(app.url, DEMO.reps.general[0].username);
  await logIn(page, DEMO.admin.username, DEMO.admin.password);

  const nav = page.getByRole('navigation', { name: 'Administration' });
  for (const name of TABS) await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Status' })).toHaveAttribute('aria-current', 'page');
  await expect(page).toHaveURL(/\/login#\/status$/);

  await expect(
    page.getByText('The administrator still has the default password. Change it in My Account; until then the site only listens on this computer.'),
  ).toBeVisible();

  const status = (await (await page.request.get(`${app.url}/login/api/status`)).json()) as { version: string; timeZone: string };
  const site = page.getByRole('region', { name: 'Site status' });
  await expect(site.getByText(status.version, { exact: true })).toBeVisible();
  await expect(site.getByText(status.timeZone, { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Licences' }).getByText('Named user licences')).toBeVisible();

  const reps = page.getByRole('region', { name: 'Logged-in representatives' });
  const anaRow = reps.getByRole('row').filter({ hasText: DEMO.reps.general[0].displayName });
  await expect(anaRow).toBeVisible();
  await expect(anaRow.getByText('Web console')).toBeVisible();
});

test('Users lists every account with teams and roles, and search narrows the list', async ({ page }) => {
  ana ??= await rep(app.url, DEMO.reps.general[0].username);
  await logIn(page, DEMO.admin.username, DEMO.admin.password);
  await page.getByRole('link', { name: 'Users', exact: true }).click();
  await expect(page).toHaveURL(/#\/users$/);

  const table = page.getByRole('table');
  const anaRow = table.getByRole('row').filter({ has: page.getByRole('cell', { name: 'ana', exact: true }) });
  await expect(anaRow).toBeVisible();
  await expect(anaRow).toContainText('Ana Lopez');
  await expect(anaRow).toContainText('General');
  await expect(anaRow).toContainText('Member');
  // Ana is logged in to the console; Dieter never has been.
  await expect(anaRow).not.toContainText('Never');
  const dieterRow = table.getByRole('row').filter({ has: page.getByRole('cell', { name: 'dieter', exact: true }) });
  await expect(dieterRow).toContainText('Never');
  await expect(table.getByRole('cell', { name: 'carla', exact: true })).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search users' }).fill('carla');
  await expect(table.getByRole('cell', { name: 'carla', exact: true })).toBeVisible();
  await expect(table.getByRole('cell', { name: 'ana', exact: true })).toHaveCount(0);

  await page.getByRole('searchbox', { name: 'Search users' }).fill('Lopez');
  await expect(table.getByRole('cell', { name: 'ana', exact: true })).toBeVisible();

  // Tabs are addresses: a reload stays on Users.
  await page.reload();
  await expect(page.getByRole('link', { name: 'Users', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('cell', { name: 'ana', exact: true })).toBeVisible();
});

test('the user menu launches the web rep console, opens My Account, and logs out', async ({ page }) => {
  await logIn(page, DEMO.admin.username, DEMO.admin.password);
  const menuButton = page.getByRole('button', { name: 'Administrator' });
  await menuButton.click();
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem', { name: 'Launch Web Rep Console' })).toHaveAttribute('href', '/console');
  await menu.getByRole('menuitem', { name: 'My Account' }).click();
  await expect(page).toHaveURL(/#\/my-account$/);
  await expect(page.getByRole('link', { name: 'Launch Web Rep Console' })).toHaveAttribute('href', '/console');

  await menuButton.click();
  await page.getByRole('menuitem', { name: 'Log Out' }).click();
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await expect(page.getByText('You have logged out.')).toBeVisible();
  // The cookie is gone: a reload still shows the form.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Log In' })).toBeVisible();
});

test('a wrong password is refused with the reason', async ({ page }) => {
  await logIn(page, DEMO.admin.username, 'not-the-password');
  await expect(page.getByRole('alert')).toHaveText('The username or password is incorrect.');
  await expect(page.getByLabel('Password')).toHaveValue('');
  await expect(page.getByLabel('Username')).toHaveValue(DEMO.admin.username);
  await expect(page.getByRole('navigation', { name: 'Administration' })).toHaveCount(0);
});

test('a representative sees Status and My Account only, never Users', async ({ page }) => {
  const carla = DEMO.reps.remoteSupport[0];
  await logIn(page, carla.username, carla.password);
  const nav = page.getByRole('navigation', { name: 'Administration' });
  await expect(nav.getByRole('link', { name: 'Status' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'My Account' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await expect(nav.getByRole('link')).toHaveCount(2);
  await expect(page.getByText('The administrator still has the default password.', { exact: false })).toHaveCount(0);

  // Typing the address of a tab they may not see lands on Status.
  await page.goto(`${app.url}/login#/users`);
  await expect(nav.getByRole('link', { name: 'Status' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('table').getByRole('cell', { name: 'ana', exact: true })).toHaveCount(0);

  await nav.getByRole('link', { name: 'My Account' }).click();
  const names = page.getByRole('region', { name: 'Your names' });
  await expect(names.getByText(carla.displayName).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Teams' }).getByText('Remote Support')).toBeVisible();
});

test('ana logs in and does not see the Users tab', async ({ page }) => {
  const a = DEMO.reps.general[0];
  await logIn(page, a.username, a.password);
  await expect(page.getByRole('link', { name: 'Status' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
});
