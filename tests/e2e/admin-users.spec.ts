/**
 * /login > Users in Chromium against a real demo appliance: creating a user (the password policy
 * refuses weak passwords and nothing is created), a permission removed while the rep's console is
 * open (the console loses the action at once and the server refuses it), Reset, teams with roles,
 * delete, and what a rep may not do.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { DEMO, repoRoot, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { TestClient } from '../helpers/ws-client.js';

let app: RunningAppliance;
test.beforeAll(async () => {
  app = await startAppliance({ demo: true });
});
test.afterAll(async () => {
  await app?.stop({ remove: true });
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(repoRoot, `docs/screenshots/${name}.png`), fullPage: true });

async function adminLogIn(page: Page, tab = 'users'): Promise<void> {
  await page.goto(`${app.url}/login#/${tab}`);
  await page.getByLabel('Username').fill(DEMO.admin.username);
  await page.getByLabel('Password').fill(DEMO.admin.password);
  await page.getByRole('button', { name: 'Log In' }).click();
  await expect(page.getByRole('navigation', { name: 'Administration' })).toBeVisible();
}

test('create a user under the password policy, then remove a permission while their console is open', async ({ page, browser }) => {
  await adminLogIn(page);
  await page.getByRole('button', { name: 'Create New User' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create New User' });
  await dialog.getByLabel('Username').fill('zoe');
  await dialog.getByLabel('Display name', { exact: true }).fill('Zoe Martin');
  await expect(dialog.getByLabel('Public display name')).toHaveValue('Zoe Martin');
  await dialog.getByLabel('Password', { exact: true }).fill('weakpass');
  await dialog.getByLabel('Confirm password').fill('weakpass');
  await dialog.getByRole('combobox', { name: 'Team to add' }).selectOption({ label: 'General' });
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await dialog.getByRole('combobox', { name: 'Role in General' }).selectOption('lead');
  await shot(page, 'admin-users-create');
  await dialog.getByRole('button', { name: 'Create User' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The new password needs an upper-case letter, a digit and a special character (such as - ! #).');
  // Nothing was created.
  expect(((await (await page.request.get(`${app.url}/login/api/users`)).json()).users as { username: string }[]).some((u) => u.username === 'zoe')).toBe(false);

  await dialog.getByLabel('Password', { exact: true }).fill('zoe');
  await dialog.getByLabel('Confirm password').fill('zoe');
  await dialog.getByRole('button', { name: 'Create User' }).click();
  await expect(dialog.getByRole('alert')).toContainText('needs at least 8 characters');

  await dialog.getByLabel('Password', { exact: true }).fill('Zoe-Support-2026!');
  await dialog.getByLabel('Confirm password').fill('Zoe-Support-2026!');
  await dialog.getByRole('button', { name: 'Create User' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'zoe was created' })).toBeVisible();
  const row = page.getByRole('region', { name: 'Users' }).getByRole('row').filter({ hasText: 'Zoe Martin' });
  await expect(row.getByText('General')).toBeVisible();
  await expect(row.getByText('Lead')).toBeVisible();

  // Zoe opens the web console; Generate Session Key... is there.
  const zoeContext = await browser.newContext();
  const zoe = await zoeContext.newPage();
  await zoe.goto(`${app.url}/console`);
  await zoe.getByLabel('Username').fill('zoe');
  await zoe.getByLabel('Password').fill('Zoe-Support-2026!');
  await zoe.getByRole('button', { name: 'Log In' }).click();
  await zoe.getByRole('button', { name: 'Actions' }).click();
  await expect(zoe.getByRole('menuitem', { name: 'Generate Session Key...' })).not.toHaveAttribute('aria-disabled', 'true');
  await zoe.keyboard.press('Escape');

  // The administrator takes "Generate session keys" away.
  await row.getByRole('button', { name: 'Edit zoe' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit zoe' });
  await edit.getByRole('checkbox', { name: 'Generate session keys' }).uncheck();
  await shot(page, 'admin-users-edit');
  await edit.getByRole('button', { name: 'Save Changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'zoe was saved' })).toBeVisible();

  // Her open console loses the action without a reload...
  await zoe.getByRole('button', { name: 'Actions' }).click();
  await expect(zoe.getByRole('menuitem', { name: 'Generate Session Key...' })).toHaveAttribute('aria-disabled', 'true');
  await expect(zoe.getByRole('menuitem', { name: 'Generate Session Key...' }).getByText('Not allowed for your account')).toBeVisible();
  // ...and the server refuses it whatever the client does.
  const ws = await TestClient.connect(app.url);
  await ws.call('auth.login', { username: 'zoe', password: 'Zoe-Support-2026!', console: 'desktop' });
  await expect(ws.call('sessionKey.generate', {})).rejects.toMatchObject({ code: 'E_FORBIDDEN' });
  ws.close();
  await zoeContext.close();
});

test('search, Reset failed logins, teams with roles, delete; yourself cannot be deleted', async ({ page }) => {
  // Two wrong passwords for Ana.
  for (let i = 0; i < 2; i++) {
    await page.request.post(`${app.url}/login/api/login`, { data: { username: 'ana', password: `wrong-${i}` } });
  }
  await adminLogIn(page);
  await page.getByRole('searchbox', { name: 'Search users' }).fill('lopez');
  await expect(page.getByText('1 of')).toBeVisible();
  const ana = page.getByRole('region', { name: 'Users' }).getByRole('row').filter({ hasText: 'Ana Lopez' });
  await expect(ana.getByRole('cell').filter({ hasText: /^2/ })).toBeVisible();
  await ana.getByRole('button', { name: 'Reset failed logins of ana' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'ana’s failed-login count is back to 0' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search users' }).fill('');

  // No Delete for yourself.
  await expect(page.getByRole('row').filter({ hasText: 'Administrator' }).first().getByRole('button', { name: 'Delete admin' })).toHaveCount(0);

  // A team with a lead and a member.
  const teams = page.getByRole('region', { name: 'Teams' });
  await teams.getByRole('button', { name: 'Create Team' }).click();
  const td = page.getByRole('dialog', { name: 'Create Team' });
  await td.getByLabel('Name', { exact: true }).fill('Night Shift');
  await td.getByLabel('Name', { exact: true }).blur();
  await expect(td.getByLabel('Code name')).toHaveValue('night_shift');
  await td.getByRole('combobox', { name: 'User to add' }).selectOption({ label: 'Ben Walker (ben)' });
  await td.getByRole('button', { name: 'Add', exact: true }).click();
  await td.getByRole('combobox', { name: 'Role of Ben Walker (ben)' }).selectOption('manager');
  await td.getByRole('combobox', { name: 'User to add' }).selectOption({ label: 'Ana Lopez (ana)' });
  await td.getByRole('button', { name: 'Add', exact: true }).click();
  await td.getByRole('button', { name: 'Create Team' }).click();
  const night = teams.getByRole('row').filter({ hasText: 'Night Shift' });
  await expect(night.getByText('Manager')).toBeVisible();
  await expect(night.getByText('Member')).toBeVisible();
  await shot(page, 'admin-users');

  // Delete a user (asks first).
  await page.request.post(`${app.url}/login/api/users`, {
    data: {
      username: 'temp', displayName: 'Temp Person', publicDisplayName: 'Temp Person', email: '', language: 'en-US', password: 'Temp-Person-1!', passwordExpiresAt: null,
      securityQuestion: '', securityAnswer: '', disabled: false, extendedAvailability: false,
      permissions: (await (await page.request.get(`${app.url}/login/api/users/1`)).json()).permissions, policy: { remotePaths: [], localPaths: [], promptAttended: 'always', promptUnattended: 'never' }, teams: [],
    },
  });
  await page.reload();
  await page.getByRole('button', { name: 'Delete temp' }).click();
  await page.getByRole('dialog', { name: 'Delete temp?' }).getByRole('button', { name: 'Delete User' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'temp was deleted' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Temp Person' })).toHaveCount(0);
});

test('a representative sees no Users tab and the appliance refuses them anyway', async ({ page }) => {
  await page.goto(`${app.url}/login#/users`);
  await page.getByLabel('Username').fill('carla');
  await page.getByLabel('Password').fill('Support-Demo-1');
  await page.getByRole('button', { name: 'Log In' }).click();
  await expect(page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Users' })).toHaveCount(0);
  await expect(page).toHaveURL(/#\/status$/);
  const r = await page.request.post(`${app.url}/login/api/users/2/delete`, { data: {} });
  expect(r.status()).toBe(403);
});
