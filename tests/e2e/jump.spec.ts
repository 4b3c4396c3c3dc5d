/**
 * The Jump Items view in Chromium against a real demo appliance: search, 50 per page, + details,
 * Jump into an item (its session opens), Frequently Used, a schedule refusal in the vendor's words
 * (and "Start anyway?" for those who may override it), the Jump Client password prompt, and Pin as
 * Jump Client / Unpin from a session. Extra Jump Items, schedules and passwords are written into the
 * site's database the way an administrator's change would land.
 */
import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { hashPassword } from '../../appliance/src/domain/passwords.js';
import { DEMO, repoRoot, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { logInToConsole } from '../helpers/login-page.js';

let app: RunningAppliance;
const ana = DEMO.reps.general[0];

/** Runs statements on the live site database (WAL: the appliance sees them on its next read). */
function onSite(fn: (db: Database.Database) => void): void {
  const db = new Database(join(app.dataDir, 'site.db'));
  db.pragma('busy_timeout = 5000');
  try {
    fn(db);
  } finally {
    db.close();
  }
}

test.beforeAll(async () => {
  app = await startAppliance({ demo: true });
  // 80 more Jump Clients in Branch Offices, so Ana's list runs to three pages.
  onSite((db) => {
    const group = (db.prepare("SELECT id FROM jump_groups WHERE code = 'branch-offices'").get() as { id: number }).id;
    const add = db.prepare(
      `INSERT INTO jump_items (name, method, group_id, hostname, comments, tag, public_ip, private_ip, os, status, created_at)
       VALUES (?, 'pinned', ?, ?, 'Store till', 'pos', '', ?, 'windows', 'offline', ?)`,
    );
    db.transaction(() => {
      for (let i = 1; i <= 80; i++) add.run(`STORE-${String(i).padStart(3, '0')}-TILL`, group, `store-${i}.branch.example`, `10.60.0.${i}`, new Date().toISOString());
    })();
  });
});
test.afterAll(async () => {
  await app?.stop({ remove: true });
});

async function logIn(page: Page, who: { username: string; password: string }): Promise<void> {
  await logInToConsole(page, app.url, who);
  await expect(page.getByRole('button', { name: 'Home' })).toBeVisible();
  await page.getByRole('tab', { name: 'Jump Items' }).click();
}

const jumpTable = (page: Page) => page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Last Accessed' }) });
const row = (page: Page, name: string) => jumpTable(page).getByRole('row').filter({ hasText: name }).first();
const search = (page: Page) => page.getByRole('searchbox', { name: 'Search Jump Items' });

/** The weekday three days from now in Paris as a policy-window mask: a window on it is closed now. */
function closedDayMask(): number {
  const day = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', weekday: 'short' }).format(Date.now() + 3 * 86_400_000);
  return 1 << ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(day);
}

test('search, 50 per page, + details', async ({ page }) => {
  await logIn(page, ana);
  for (const name of ['Name', 'Jump Method', 'Group', 'Status', 'Last Accessed']) await expect(jumpTable(page).getByRole('columnheader', { name, exact: true })).toBeVisible();
  await expect(page.getByText('1–50 of 106')).toBeVisible();
  await expect(jumpTable(page).getByRole('button', { name: 'Jump', exact: true })).toHaveCount(50);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('51–100 of 106')).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('101–106 of 106')).toBeVisible();
  await expect(jumpTable(page).getByRole('button', { name: 'Jump', exact: true })).toHaveCount(6);
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();

  // Groups and Personal on the left.
  const groups = page.getByRole('complementary', { name: 'Jump Groups' });
  await groups.getByRole('button', { name: 'Personal' }).click();
  await expect(page.getByRole('heading', { name: 'Personal' })).toBeVisible();
  await expect(page.getByText('1–2 of 2')).toBeVisible();
  await groups.getByRole('button', { name: 'All Jump Items' }).click();

  // Search by private IP, then by tag; + shows the details with the Jump Policy and its schedule.
  await search(page).fill('10.1.0.107');
  await expect(page.getByText('1–1 of 1')).toBeVisible();
  await row(page, 'WS-107').getByRole('button', { name: '+' }).click();
  const details = jumpTable(page).locator('.details-row');
  await expect(details.getByText('ws-107.corp.example')).toBeVisible();
  await expect(details.getByText('Finance, two monitors')).toBeVisible();
  await expect(details.getByText('Business hours', { exact: true })).toBeVisible();
  await expect(details.getByText('Mon–Fri 08:00–18:00 (Europe/Paris)')).toBeVisible();
  await expect(details.getByText('Someone is at the computer')).toBeVisible();
  await search(page).fill('pos');
  await expect(page.getByText(/^1–50 of 8[23]$/)).toBeVisible(); // the two POS terminals and the 80 tills (+ "Kasse" has none)
  await search(page).fill('no-such-thing');
  await expect(page.getByText('No Jump Items match “no-such-thing”.')).toBeVisible();
});

test('Jump into an item opens its session; it is then Frequently Used', async ({ page }) => {
  await logIn(page, ana);
  await search(page).fill('WS-042');
  await row(page, 'WS-042 Reception').getByRole('button', { name: 'Jump', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'WS-042 Reception' })).toBeVisible();
  await expect(page.getByRole('log', { name: 'Chat messages' }).getByText('Ana Lopez started a Jump to WS-042 Reception.')).toBeVisible();
  await expect(page.getByText('Customer connected')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sessions (1)' })).toBeVisible();

  await page.getByRole('tab', { name: 'Jump Items' }).click();
  await search(page).fill('');
  const frequent = page.getByRole('region', { name: 'Frequently Used' });
  await expect(frequent.getByText('WS-042 Reception')).toBeVisible();
  await expect(row(page, 'WS-042 Reception')).not.toContainText('Never');

  // docs/screenshots: one Jump Group, Frequently Used above, an item's details (its Jump Policy) open.
  await page.getByRole('complementary', { name: 'Jump Groups' }).getByRole('button', { name: 'HQ Workstations' }).click();
  await expect(page.getByText('1–8 of 8')).toBeVisible();
  await row(page, 'WS-107').getByRole('button', { name: '+' }).click();
  await expect(jumpTable(page).getByText('Mon–Fri 08:00–18:00 (Europe/Paris)')).toBeVisible();
  await page.locator('.table-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(repoRoot, 'docs/screenshots/console-jump-items.png'), animations: 'disabled' });
});

test('outside the schedule the Jump is refused in the vendor’s words; an administrator may start anyway', async ({ page, browser }) => {
  onSite((db) => db.prepare("UPDATE jump_policy_windows SET days = ? WHERE policy_id = (SELECT id FROM jump_policies WHERE code = 'maintenance-window')").run(closedDayMask()));
  await logIn(page, ana);
  await search(page).fill('SQL-PROD');
  await row(page, 'SQL-PROD-01').getByRole('button', { name: 'Jump', exact: true }).click();
  const refusal = jumpTable(page).getByRole('alert');
  await expect(refusal).toContainText("The Jump Policy's schedule does not permit a session to start at this time. A session may start next at:");
  await expect(refusal).toContainText('02:00 AM (Europe/Paris)');

  const admin = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await logIn(admin, DEMO.admin);
  await search(admin).fill('SQL-PROD');
  await row(admin, 'SQL-PROD-01').getByRole('button', { name: 'Jump', exact: true }).click();
  const ask = admin.getByRole('dialog', { name: 'Jump Policy' });
  await expect(ask).toContainText('A session may start next at:');
  await expect(ask).toContainText('Start a session with SQL-PROD-01 anyway?');
  await ask.getByRole('button', { name: 'Start Anyway' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'SQL-PROD-01' })).toBeVisible();
  await admin.context().close();
});

test('a Jump Client with a password asks for it', async ({ page }) => {
  onSite((db) => db.prepare("UPDATE jump_items SET password_hash = ? WHERE name = 'DC01 – Domain Controller'").run(hashPassword('Dc01-Pin!')));
  await logIn(page, ana);
  await search(page).fill('dc01');
  await row(page, 'DC01').getByRole('button', { name: 'Jump', exact: true }).click();
  const ask = page.getByRole('dialog', { name: 'Jump Client Password' });
  await ask.getByLabel('Password').fill('guess');
  await ask.getByRole('button', { name: 'Start Session' }).click();
  await expect(ask.getByRole('alert')).toHaveText('The Jump Client password is incorrect.');
  await ask.getByLabel('Password').fill('Dc01-Pin!');
  await ask.getByRole('button', { name: 'Start Session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'DC01 – Domain Controller' })).toBeVisible();
});

test('Pin as Jump Client from a customer session, then Unpin', async ({ page }) => {
  await logIn(page, ana);
  const portal = (await (await page.request.get(`${app.url}/api/portal`)).json()) as { reps: { id: number; publicDisplayName: string }[] };
  const me = portal.reps.find((r) => r.publicDisplayName.startsWith('Ana'))!;
  expect((await page.request.post(`${app.url}/api/portal/sessions`, { data: { name: 'Paula Pin', company: 'Fabrikam', details: 'Keep an eye on it', repId: me.id } })).ok()).toBe(true);
  await page.getByRole('button', { name: 'Home' }).click();
  await page.getByRole('region', { name: 'New Session' }).getByRole('button', { name: 'View' }).click();
  await page.getByRole('complementary', { name: 'Session Details' }).getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '[Browser] Paula Pin' })).toBeVisible();

  const toolbar = page.getByRole('toolbar', { name: 'Session' });
  await toolbar.getByRole('button', { name: 'Pin as Jump Client' }).click();
  const dialog = page.getByRole('dialog', { name: 'Pin as Jump Client' });
  await expect(dialog.getByText('Select the queue to pin this session to as a Jump Client.')).toBeVisible();
  await expect(dialog.getByLabel('Queue')).toHaveValue('personal');
  await dialog.getByLabel('Optional Password').fill('Pin-It-1');
  await dialog.getByLabel('Confirm Password').fill('Pin-It-2');
  await expect(dialog.getByText('The passwords do not match.')).toBeVisible();
  await dialog.getByLabel('Confirm Password').fill('Pin-It-1');
  await dialog.getByRole('button', { name: 'Pin Session' }).click();
  await expect(page.getByText('Paula Pin is pinned as a Jump Client to your personal list.')).toBeVisible();
  await expect(page.getByRole('log', { name: 'Chat messages' }).getByText('Ana Lopez pinned a Jump Client to Ana Lopez\'s personal list, with a password.')).toBeVisible();

  await page.getByRole('tab', { name: 'Jump Items' }).click();
  await page.getByRole('complementary', { name: 'Jump Groups' }).getByRole('button', { name: 'Personal' }).click();
  await expect(row(page, 'Paula Pin')).toContainText('Offline');
  await expect(row(page, 'Paula Pin')).toContainText('(password required)');

  await page.getByRole('button', { name: /^Sessions \(\d+\)/ }).click();
  await page.getByRole('menuitem', { name: /Paula Pin/ }).click();
  await toolbar.getByRole('button', { name: 'Unpin Jump Client' }).click();
  await page.getByRole('dialog', { name: 'Unpin Jump Client' }).getByRole('button', { name: 'Unpin' }).click();
  await expect(page.getByText('The Jump Client Paula Pin is unpinned.')).toBeVisible();
  await expect(toolbar.getByRole('button', { name: 'Unpin Jump Client' })).toHaveCount(0);
});
