/**
 * /login > Jump Policies in Chromium against a real demo appliance: the list (schedule in words, open
 * now or when next), Add with a schedule entry in a chosen time zone and "Force session to end" (its
 * warning shows), Edit, and Delete after a confirmation. Then the console: a Jump whose Jump Policy
 * prompts the end user shows the wait until the demo user allows it, and a Jump session under "force
 * session to end" shows its scheduled end in the session header.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { DEMO, repoRoot, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { logInToAdmin, logInToConsole } from '../helpers/login-page.js';

let app: RunningAppliance;

test.beforeAll(async () => {
  app = await startAppliance({ demo: true, env: { REP_DEMO_CONSENT_MS: '2500' } });
});
test.afterAll(async () => {
  await app?.stop({ remove: true });
});

async function openJumpPolicies(page: Page): Promise<void> {
  await logInToAdmin(page, app.url);
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Jump Policies', exact: true }).click();
  await expect(page).toHaveURL(/#\/jump-policies$/);
}

test('add, edit and delete a Jump Policy', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openJumpPolicies(page);
  const table = page.getByRole('table', { name: 'Jump Policies' });
  await expect(table.getByRole('row').filter({ hasText: 'Business hours' })).toContainText('Mon–Fri 08:00–18:00 (Europe/Paris)');
  await expect(table.getByRole('row').filter({ hasText: 'Maintenance window' })).toContainText('Force session to end');
  await page.screenshot({ path: join(repoRoot, 'docs/screenshots/admin-jump-policies.png'), animations: 'disabled' });

  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const form = page.getByRole('form', { name: 'Add Jump Policy' });
  await form.getByLabel('Display Name').fill('Weekend on-call');
  await expect(form.getByLabel('Code Name')).toHaveValue('weekend-on-call');
  await form.getByLabel('Enforce a schedule').check();
  await form.getByLabel('Time Zone').selectOption('America/New_York');
  const days = form.getByRole('group', { name: 'Days of schedule entry 1' });
  for (const d of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']) await days.getByLabel(d).uncheck();
  await days.getByLabel('Sat').check();
  await days.getByLabel('Sun').check();
  await form.getByLabel('Start time of schedule entry 1').fill('09:00');
  await form.getByLabel('End time of schedule entry 1').fill('17:30');
  await form.getByLabel('Force session to end').check();
  await expect(form.getByText('The representative is warned 15, 5 and 1 minutes before.')).toBeVisible();
  await form.getByLabel('Customer Present Session Policy').selectOption({ label: 'Prompt the end user' });
  await form.getByLabel('Prompt Timeout').selectOption({ label: '2 minutes' });
  await page.screenshot({ path: join(repoRoot, 'docs/screenshots/admin-jump-policy-editor.png'), animations: 'disabled', fullPage: true });
  await form.getByRole('button', { name: 'Add Jump Policy' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Jump Policy "Weekend on-call" was added.' })).toBeVisible();
  const added = table.getByRole('row').filter({ hasText: 'Weekend on-call' });
  await expect(added).toContainText('Sat, Sun 09:00–17:30 (America/New_York)');
  await expect(added).toContainText('Customer present: prompt (2 minutes to answer)');

  // Edit: the code name is fixed; a second entry.
  await page.getByRole('button', { name: 'Edit Weekend on-call' }).click();
  const edit = page.getByRole('form', { name: 'Edit Jump Policy' });
  await expect(edit.getByLabel('Code Name')).toHaveAttribute('readonly', '');
  await edit.getByRole('button', { name: 'Add Schedule Entry' }).click();
  const second = edit.getByRole('group', { name: 'Days of schedule entry 2' });
  for (const d of ['Tue', 'Wed', 'Thu', 'Fri']) await second.getByLabel(d).uncheck();
  await edit.getByLabel('Start time of schedule entry 2').fill('22:00');
  await edit.getByLabel('End time of schedule entry 2').fill('06:00');
  await edit.getByRole('button', { name: 'Save Jump Policy' }).click();
  await expect(added).toContainText('Sat, Sun 09:00–17:30; Mon 22:00–06:00 (America/New_York)');

  // A schedule entry without days is refused before anything is sent.
  await page.getByRole('button', { name: 'Edit Weekend on-call' }).click();
  for (const d of ['Sat', 'Sun']) await edit.getByRole('group', { name: 'Days of schedule entry 1' }).getByLabel(d).uncheck();
  await edit.getByRole('button', { name: 'Save Jump Policy' }).click();
  await expect(edit.getByRole('alert')).toHaveText('Schedule entry 1: choose at least one day.');
  await edit.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Delete Weekend on-call' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete the Jump Policy Weekend on-call?' });
  await expect(confirm).toContainText('No Jump Item uses this policy.');
  await confirm.getByRole('button', { name: 'Delete Jump Policy' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'was deleted' })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'Weekend on-call' })).toHaveCount(0);
});

async function consoleLogIn(page: Page, who: { username: string; password: string }): Promise<void> {
  await logInToConsole(page, app.url, who);
  await expect(page.getByRole('button', { name: 'Home' })).toBeVisible();
  await page.getByRole('tab', { name: 'Jump Items' }).click();
}
const jumpRow = (page: Page, name: string) =>
  page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Last Accessed' }) }).getByRole('row').filter({ hasText: name }).first();

test('a Jump whose policy prompts the end user shows the wait, then opens when they allow it', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await consoleLogIn(page, DEMO.reps.general[0]);
  await page.getByRole('searchbox', { name: 'Search Jump Items' }).fill('LT-HR-12');
  await jumpRow(page, 'LT-HR-12').getByRole('button', { name: 'Jump', exact: true }).click();
  const wait = page.getByRole('dialog', { name: 'Waiting for the End User' });
  await expect(wait).toContainText('Waiting for the end user at LT-HR-12 (laptop) to allow the session (Jump Policy "Attended sessions only").');
  await expect(wait).toContainText(/\d+ seconds left to answer/);
  await page.screenshot({ path: join(repoRoot, 'docs/screenshots/console-jump-waiting.png'), animations: 'disabled' });
  await expect(page.getByRole('heading', { level: 1, name: 'LT-HR-12 (laptop)' })).toBeVisible({ timeout: 15_000 });
  await expect(wait).toHaveCount(0);
  await expect(page.getByRole('log', { name: 'Chat messages' }).getByText('The end user at LT-HR-12 (laptop) allowed the session.')).toBeVisible();
});

test('Cancel Jump while waiting: nothing starts and the row says so', async ({ page }) => {
  await consoleLogIn(page, DEMO.reps.general[1]);
  await page.getByRole('searchbox', { name: 'Search Jump Items' }).fill('LT-HR-12');
  await jumpRow(page, 'LT-HR-12').getByRole('button', { name: 'Jump', exact: true }).click();
  const wait = page.getByRole('dialog', { name: 'Waiting for the End User' });
  await wait.getByRole('button', { name: 'Cancel Jump' }).click();
  await expect(wait).toHaveCount(0);
  await expect(page.getByRole('alert').filter({ hasText: 'LT-HR-12' })).toContainText('you cancelled it before the end user answered');
  await page.waitForTimeout(4000); // the demo user's late Allow starts nothing
  await expect(page.getByRole('heading', { level: 1, name: 'LT-HR-12 (laptop)' })).toHaveCount(0);
});

test('a Jump session under "force session to end" shows its scheduled end in the session header', async ({ page, request }) => {
  // Open now until the next full hour in UTC, forcing sessions to end: set on WS-042 through the admin API.
  const login = await request.post(`${app.url}/login/api/login`, { data: { username: DEMO.admin.username, password: DEMO.admin.password } });
  expect(login.ok()).toBe(true);
  const now = new Date();
  const h = now.getUTCHours();
  const created = await request.post(`${app.url}/login/api/jump-policies`, {
    data: {
      name: 'Closes on the hour', code: 'closes-on-the-hour', description: '', scheduleEnabled: true, timeZone: 'UTC',
      windows: [{ days: [['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][now.getUTCDay()]], start: `${String(h).padStart(2, '0')}:00`, end: `${String((h + 1) % 24).padStart(2, '0')}:00` }],
      forceEnd: true, presentPrompt: 'no_prompt', notPresentPrompt: 'no_prompt', promptTimeoutSeconds: 60,
    },
  });
  expect(created.ok()).toBe(true);
  const policyId = ((await created.json()) as { policy: { id: number } }).policy.id;
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(join(app.dataDir, 'site.db'));
  db.pragma('busy_timeout = 5000');
  db.prepare("UPDATE jump_items SET policy_id = ? WHERE name = 'WS-042 Reception'").run(policyId);
  db.close();

  await page.setViewportSize({ width: 1366, height: 768 });
  await consoleLogIn(page, DEMO.reps.general[0]);
  await page.getByRole('searchbox', { name: 'Search Jump Items' }).fill('WS-042');
  await jumpRow(page, 'WS-042 Reception').getByRole('button', { name: 'Jump', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'WS-042 Reception' })).toBeVisible();
  const end = page.getByRole('note').filter({ hasText: /^Session ends / });
  await expect(end).toContainText(`${String((h + 1) % 24 === 0 ? 12 : ((h + 1) % 12 || 12)).padStart(2, '0')}:00`);
  await expect(end).toContainText('(UTC)');
  await expect(page.getByRole('log', { name: 'Chat messages' }).getByText('The Jump Policy "Closes on the hour" ends this session at')).toBeVisible();
  await page.screenshot({ path: join(repoRoot, 'docs/screenshots/console-jump-session-end.png'), animations: 'disabled' });
});
