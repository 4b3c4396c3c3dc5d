/** /console in Chromium against a real demo appliance: log in, queues, Jump Items, live arrivals, reload, log out. */
import { expect, test, type Page } from '@playwright/test';
import { DEMO, startAppliance, type RunningAppliance } from '../helpers/appliance.js';

let app: RunningAppliance;
const ana = DEMO.reps.general[0];
const ben = DEMO.reps.general[1];

test.beforeAll(async () => {
  app = await startAppliance({ demo: true });
});
test.afterAll(async () => {
  await app?.stop({ remove: true });
});

async function logIn(page: Page, who: { username: string; password: string }): Promise<void> {
  await page.goto(`${app.url}/console`);
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await page.getByLabel('Username').fill(who.username);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Log In' }).click();
}

const sessionTable = (page: Page) => page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Total Time' }) });

test('a rep logs in, sees waiting customers and the Jump Items, stays logged in on reload, and logs out', async ({ page }) => {
  await logIn(page, ana);

  // Top bar, with the vendor's labels as accessible names.
  await expect(page.getByRole('button', { name: 'Home' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Sessions \(\d+\)$/ })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Jump Items' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Actions' })).toBeVisible();
  await expect(page.getByRole('button', { name: ana.displayName })).toBeVisible();

  // The session table and at least one customer the demo site keeps waiting.
  const table = sessionTable(page);
  for (const name of ['Type', 'Name', 'Queue Type', 'Status', 'Assignee', 'Total Time']) {
    await expect(table.getByRole('columnheader', { name, exact: true })).toBeVisible();
  }
  const waiting = table.getByRole('row').filter({ hasText: 'Waiting' });
  await expect(waiting.first()).toBeVisible();
  await expect(waiting.first()).toContainText(/\d+:\d{2}:\d{2}/);

  // Queues: Personal first, then the rep's team.
  const queues = page.getByRole('complementary', { name: 'Queues' });
  const names = await queues.locator('.q-name').allTextContents();
  expect(names.slice(0, 3)).toEqual(['All queues', 'Personal', 'General']);

  // Selecting a row shows its details and Accept.
  await waiting.first().click();
  const details = page.getByRole('complementary', { name: 'Session Details' });
  await expect(details.getByText('Waiting time')).toBeVisible();
  await expect(details.getByRole('button', { name: 'Accept' })).toBeVisible();

  // Jump Items: the demo fleet (≥ 20), paged 50 at a time, + for details.
  await page.getByRole('tab', { name: 'Jump Items' }).click();
  const jumpTable = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Last Accessed' }) });
  for (const name of ['Name', 'Jump Method', 'Group', 'Status', 'Last Accessed']) {
    await expect(jumpTable.getByRole('columnheader', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByText(/^1–\d+ of \d+$/)).toBeVisible();
  const total = Number(/of (\d+)/.exec((await page.getByText(/^1–\d+ of \d+$/).textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThanOrEqual(20);
  expect(await jumpTable.getByRole('button', { name: 'Jump', exact: true }).count()).toBe(Math.min(total, 50));

  // Server-side search by IP, then + shows the item's details.
  await page.getByRole('searchbox', { name: 'Search Jump Items' }).fill('10.0.0.10');
  const dc01 = jumpTable.getByRole('row').filter({ hasText: 'DC01' });
  await expect(dc01).toBeVisible();
  await expect(jumpTable.getByRole('button', { name: 'Jump', exact: true })).toHaveCount(1);
  await dc01.getByRole('button', { name: '+' }).click();
  await expect(jumpTable.getByText('dc01.corp.example').first()).toBeVisible();
  await expect(jumpTable.getByText('Primary domain controller')).toBeVisible();

  // Jump starts a session with the item: its session view opens (refusals are on the row: tests/e2e/jump.spec.ts).
  await dc01.getByRole('button', { name: 'Jump', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'DC01 – Domain Controller' })).toBeVisible();

  // A reload resumes the login from the HttpOnly cookie.
  await page.reload();
  await expect(page.getByRole('button', { name: ana.displayName })).toBeVisible();
  await expect(sessionTable(page).getByRole('row').filter({ hasText: 'Waiting' }).first()).toBeVisible();

  // Log Out from the user menu: back to the login screen, and a reload stays there.
  await page.getByRole('button', { name: ana.displayName }).click();
  for (const name of ['Preferences...', 'Languages', 'Log Out']) await expect(page.getByRole('menuitem', { name })).toBeVisible();
  await page.getByRole('menuitem', { name: 'Log Out' }).click();
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await expect(page.getByText('You have logged out.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
});

test('a customer who picks the rep on the portal pops up as a New Session, and Accept opens it as theirs', async ({ page }) => {
  await logIn(page, ana);
  await expect(sessionTable(page)).toBeVisible();
  await expect(page.getByRole('button', { name: /^Sessions \(0\)$/ })).toBeVisible();

  const portal = (await (await page.request.get(`${app.url}/api/portal`)).json()) as { reps: { id: number; publicDisplayName: string }[] };
  const me = portal.reps.find((r) => r.publicDisplayName.startsWith('Ana'));
  expect(me).toBeTruthy();
  const joined = await page.request.post(`${app.url}/api/portal/sessions`, {
    data: { name: 'Holdout Customer', company: 'Contoso', details: 'VPN keeps dropping', repId: me!.id },
  });
  expect(joined.ok()).toBe(true);

  const popup = page.getByRole('region', { name: 'New Session' });
  await expect(popup.getByText('Your Personal Queue has a new session.')).toBeVisible();
  await popup.getByRole('button', { name: 'View' }).click();
  await expect(popup).toHaveCount(0);

  const row = sessionTable(page).getByRole('row').filter({ hasText: '[Browser] Holdout Customer' });
  await expect(row).toContainText('Personal');
  await expect(row).toHaveAttribute('aria-selected', 'true');
  const details = page.getByRole('complementary', { name: 'Session Details' });
  await expect(details.getByText('VPN keeps dropping')).toBeVisible();

  await details.getByRole('button', { name: 'Accept' }).click();
  // Accept opens the session view; back on Home the session shows as the rep's own.
  await expect(page.getByRole('heading', { level: 1, name: '[Browser] Holdout Customer' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sessions (1)' })).toBeVisible();
  await page.getByRole('button', { name: 'Home' }).click();
  await expect(row).toContainText('Active');
  await expect(row).toContainText(ana.displayName);
  await expect(details.getByText('You own this session.')).toBeVisible();
});

test('menus work from the keyboard and name their items', async ({ page }) => {
  await logIn(page, ana);
  const actions = page.getByRole('button', { name: 'Actions' });
  await actions.focus();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu', { name: 'Actions' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Generate Session Key...' })).toBeFocused();
  await expect(menu.getByRole('menuitem', { name: 'View Vault Accounts' })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Desktop Representative Console' })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'View Vault Accounts' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(actions).toBeFocused();

  // Generate Session Key... shows a key in three groups of four digits.
  await actions.click();
  await page.getByRole('menuitem', { name: 'Generate Session Key...' }).click();
  const dialog = page.getByRole('dialog', { name: 'Generate Session Key' });
  await expect(dialog.getByRole('button', { name: /^Session key \d{4} \d{4} \d{4}$/ })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});

test('a refused login says why', async ({ page }) => {
  await logIn(page, { username: ben.username, password: 'not-the-password' });
  await expect(page.getByRole('alert')).toHaveText('The username or password is incorrect.');
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
});
