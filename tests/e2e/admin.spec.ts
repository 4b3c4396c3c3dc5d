/**
 * /login in Chromium against a real demo appliance: logging in, Status, Users, what a rep may see,
 * changing the password on My Account, and ending a rep's console login from Status.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { DEMO, repoRoot, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { rep } from '../helpers/support.js';
import type { TestClient } from '../helpers/ws-client.js';
import { logInToConsole } from '../helpers/login-page.js';

let app: RunningAppliance;
let ana: TestClient | null = null;

test.beforeAll(async () => {
  app = await startAppliance({ demo: true });
});
test.afterAll(async () => {
  ana?.close();
  await app?.stop({ remove: true });
});

async function logIn(page: Page, username: string, password: string, url = app.url): Promise<void> {
  await page.goto(`${url}/login`);
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

test('a representative sees Status, My Account and (with Inject Credentials) Vault, never Users', async ({ page }) => {
  const carla = DEMO.reps.remoteSupport[0];
  await logIn(page, carla.username, carla.password);
  const nav = page.getByRole('navigation', { name: 'Administration' });
  await expect(nav.getByRole('link', { name: 'Status' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'My Account' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0);
  // Reps who may inject credentials check Vault accounts out here, as on the vendor's /login.
  await expect(nav.getByRole('link', { name: 'Vault' })).toBeVisible();
  await expect(nav.getByRole('link')).toHaveCount(3);
  await expect(page.getByText('The administrator still has the default password.', { exact: false })).toHaveCount(0);

  // Typing the address of a tab they may not see lands on Status.
  await page.goto(`${app.url}/login#/users`);
  await expect(nav.getByRole('link', { name: 'Status' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('table').getByRole('cell', { name: 'ana', exact: true })).toHaveCount(0);

  await nav.getByRole('link', { name: 'My Account' }).click();
  const names = page.getByRole('region', { name: 'Display names' });
  await expect(names.getByLabel('Private display name')).toHaveValue(carla.displayName);
  await expect(page.getByRole('region', { name: 'Teams' }).getByText('Remote Support')).toBeVisible();
});

test('ana logs in and does not see the Users tab', async ({ page }) => {
  const a = DEMO.reps.general[0];
  await logIn(page, a.username, a.password);
  await expect(page.getByRole('link', { name: 'Status' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
});

const BANNER = 'The administrator still has the default password. Change it in My Account; until then the site only listens on this computer.';

test('the administrator changes the password on My Account: the banner goes, and the new password logs in', async ({ page }) => {
  // A site of its own: the other tests log in with the factory password.
  const site = await startAppliance({ demo: false });
  try {
    await logIn(page, 'admin', 'password', site.url);
    await expect(page.getByText(BANNER)).toBeVisible();
    await page.getByRole('link', { name: 'Open My Account' }).click();
    await expect(page).toHaveURL(/#\/my-account$/);

    const form = page.getByRole('form', { name: 'Change password' });
    await expect(form.getByLabel('Username')).toHaveValue('admin');
    await expect(page.getByRole('region', { name: 'Change password' }).getByText('This account still uses the password the site shipped with.', { exact: false })).toBeVisible();

    // The confirmation must match, the current password must be right, and the rule is enforced.
    await form.getByLabel('Current password').fill('password');
    await form.getByLabel('New password', { exact: true }).fill('Site-Admin-2026!');
    await form.getByLabel('Confirm new password').fill('Site-Admin-2026?');
    await form.getByRole('button', { name: 'Change Password' }).click();
    await expect(form.getByRole('alert')).toHaveText('The two new passwords are not the same. Type the new password again.');
    await expect(form.getByLabel('Confirm new password')).toBeFocused();

    await form.getByLabel('Current password').fill('not-it');
    await form.getByLabel('Confirm new password').fill('Site-Admin-2026!');
    await form.getByRole('button', { name: 'Change Password' }).click();
    await expect(form.getByRole('alert')).toHaveText('Your current password is incorrect.');
    await expect(form.getByLabel('Current password')).toHaveValue('');
    await expect(form.getByLabel('Current password')).toBeFocused();

    await form.getByLabel('Current password').fill('password');
    await form.getByLabel('New password', { exact: true }).fill('sitepassword');
    await form.getByLabel('Confirm new password').fill('sitepassword');
    await form.getByRole('button', { name: 'Change Password' }).click();
    await expect(form.getByRole('alert')).toHaveText('The new password needs an upper-case letter, a digit and a special character (such as - ! #).');
    await expect(page.getByText(BANNER)).toBeVisible();

    await form.getByLabel('New password', { exact: true }).fill('Site-Admin-2026!');
    await form.getByLabel('Confirm new password').fill('Site-Admin-2026!');
    await form.getByRole('button', { name: 'Change Password' }).click();
    await expect(form.getByRole('status')).toContainText('Your password has been changed.');
    await expect(page.getByText(BANNER)).toHaveCount(0);
    await expect(page.getByText('This account still uses the password the site shipped with.', { exact: false })).toHaveCount(0);
    await expect(form.getByLabel('Current password')).toHaveValue('');
    await page.screenshot({ path: join(repoRoot, 'docs/screenshots/admin-my-account.png'), fullPage: true });

    // Log out; the old password is refused, the new one logs in, and the banner stays gone.
    await page.getByRole('button', { name: 'Administrator' }).click();
    await page.getByRole('menuitem', { name: 'Log Out' }).click();
    await expect(page.getByText('You have logged out.')).toBeVisible();
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill('password');
    await page.getByRole('button', { name: 'Log In' }).click();
    await expect(page.getByRole('alert')).toHaveText('The username or password is incorrect.');
    await page.getByLabel('Password').fill('Site-Admin-2026!');
    await page.getByRole('button', { name: 'Log In' }).click();
    await expect(page.getByRole('navigation', { name: 'Administration' })).toBeVisible();
    await expect(page.getByText(BANNER)).toHaveCount(0);
  } finally {
    await site.stop({ remove: true });
  }
});

test('the administrator ends a rep’s console login from Status; the rep’s console says why', async ({ page, browser }) => {
  const ben = DEMO.reps.general[1];
  const repContext = await browser.newContext();
  try {
    const repPage = await repContext.newPage();
    await logInToConsole(repPage, app.url, ben);
    await expect(repPage.getByRole('button', { name: ben.displayName })).toBeVisible();

    await logIn(page, DEMO.admin.username, DEMO.admin.password);
    const reps = page.getByRole('region', { name: 'Logged-in representatives' });
    const benRow = reps.getByRole('row').filter({ hasText: ben.displayName });
    await expect(benRow).toBeVisible();
    await benRow.getByRole('button', { name: 'End' }).click();

    const dialog = page.getByRole('dialog', { name: `End ${ben.displayName}’s console login?` });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('tells them that an administrator logged them out');
    // Cancel changes nothing.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(repPage.getByRole('button', { name: ben.displayName })).toBeVisible();

    await benRow.getByRole('button', { name: 'End' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'End Login' }).click();
    await expect(reps.getByRole('status')).toHaveText(`${ben.displayName} was logged out of the representative console.`);
    await expect(reps.getByRole('row').filter({ hasText: ben.displayName })).toHaveCount(0);

    // Ben's console is back at its login screen and says why.
    await expect(repPage.getByRole('heading', { name: 'Log in' })).toBeVisible();
    await expect(repPage.getByText('An administrator logged you out of the representative console.')).toBeVisible();
    // A reload does not bring the login back.
    await repPage.reload();
    await expect(repPage.getByRole('heading', { name: 'Log in' })).toBeVisible();
  } finally {
    await repContext.close();
  }
});

test('a representative sees no End button on Status', async ({ page }) => {
  ana ??= await rep(app.url, DEMO.reps.general[0].username);
  const carla = DEMO.reps.remoteSupport[0];
  await logIn(page, carla.username, carla.password);
  const reps = page.getByRole('region', { name: 'Logged-in representatives' });
  await expect(reps.getByRole('row').filter({ hasText: DEMO.reps.general[0].displayName })).toBeVisible();
  await expect(reps.getByRole('button', { name: 'End' })).toHaveCount(0);
});


test('Users > Set password… gives a user a new password, refusing a weak one with the reason', async ({ page }) => {
  await logIn(page, DEMO.admin.username, DEMO.admin.password);
  await page.getByRole('link', { name: 'Users', exact: true }).click();
  const row = page.getByRole('table').getByRole('row').filter({ has: page.getByRole('cell', { name: 'dieter', exact: true }) });
  await row.getByRole('button', { name: 'Set password…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Set password for dieter' });
  await dialog.getByLabel('New password', { exact: true }).fill('dieter');
  await dialog.getByLabel('Confirm new password').fill('dieter');
  await dialog.getByRole('button', { name: 'Set Password' }).click();
  await expect(dialog.getByRole('alert')).toContainText('The new password needs at least 8 characters');
  await expect(dialog.getByLabel('New password', { exact: true })).toBeFocused();

  await dialog.getByLabel('New password', { exact: true }).fill('Dieter-Fresh-7!');
  await dialog.getByLabel('Confirm new password').fill('Dieter-Fresh-7!');
  await dialog.getByRole('button', { name: 'Set Password' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'dieter’s password has been set.' })).toBeVisible();
});
