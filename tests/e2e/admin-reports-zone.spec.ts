/**
 * /login > Reports on the site's clock and with the customer's addresses, in Chromium against a real
 * demo appliance whose time zone (Status) is Pacific/Kiritimati — UTC+14, so the site's day and the
 * browser's (UTC) differ whatever the hour of the run:
 * - a session started by the real customer client (`rep-appliance customer`) records the public
 *   address the appliance saw and the private address the client reported; the Reports filter finds
 *   it by either, and the detail page shows both;
 * - the result table and the detail page write times in the site's zone, and the date-range filter
 *   reads its days as the site's days;
 * - Status shows the licence counts, including the licensed representatives logged in.
 * Screenshots: docs/screenshots/admin-reports-zone*.png, admin-status-licences.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { privateIp } from '../../appliance/src/agent/sysinfo.js';
import { runCli, type RunningCli } from '../helpers/agent-cli.js';
import { DEMO, repoRoot, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { eventOf, rep } from '../helpers/support.js';
import { logInToAdmin } from '../helpers/login-page.js';

const ZONE = 'Pacific/Kiritimati';
const shots = join(repoRoot, 'docs/screenshots');
const CUSTOMER = 'Zoe Zoned';

let app: RunningAppliance;
let cli: RunningCli | undefined;
let session: { lsid: string; lseq: number; startedAt: string };

test.beforeAll(async () => {
  app = await startAppliance({ demo: true });
  const login = await fetch(`${app.url}/login/api/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: app.url }, body: JSON.stringify(DEMO.admin) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const zoned = await fetch(`${app.url}/login/api/site/timezone`, { method: 'POST', headers: { 'content-type': 'application/json', origin: app.url, cookie }, body: JSON.stringify({ timeZone: ZONE }) });
  expect(zoned.status).toBe(200);

  // A customer on the real customer client: it joins with Ana's key and reports its private address.
  const ana = await rep(app.url, 'ana');
  const { key } = await ana.call('sessionKey.generate', { expiresInMinutes: 15 });
  cli = runCli(['customer', '--site', app.url, '--key', key, '--name', CUSTOMER]);
  const queued = await eventOf(ana, 'queue.session', (d) => d.customerName === CUSTOMER, 15_000);
  await cli.waitFor('this computer is attached to the session');
  await ana.call('session.accept', { sessionId: queued.id });
  await ana.call('session.chat', { sessionId: queued.id, body: 'Hello Zoe, the report will show where you are.' });
  await ana.call('session.end', { sessionId: queued.id });
  await cli.exited();
  ana.close();

  const found = (await (await fetch(`${app.url}/login/api/reports?customer=${encodeURIComponent(CUSTOMER)}`, { headers: { cookie } })).json()) as { rows: { lsid: string; lseq: number; startedAt: string }[] };
  session = found.rows[0]!;
});
test.afterAll(async () => {
  await cli?.kill().catch(() => undefined);
  await app?.stop({ remove: true });
});

const results = (page: Page) => page.getByRole('table', { name: 'Support sessions' });
const ourRow = (page: Page) => results(page).getByRole('row').filter({ has: page.getByRole('cell', { name: String(session.lseq), exact: true }) });

async function search(page: Page, fill: (form: ReturnType<Page['getByRole']>) => Promise<unknown>): Promise<void> {
  await page.getByRole('button', { name: 'Clear' }).click();
  const form = page.getByRole('form', { name: 'Report filters' });
  await fill(form);
  await form.getByRole('button', { name: 'Generate report' }).click();
  await expect(page.getByRole('region', { name: 'Support session report', exact: true })).toBeVisible();
}

/** How the page writes an instant (medium date, short time) in a zone — the browser's own Intl. */
const written = (page: Page, iso: string, timeZone: string) =>
  page.evaluate(([i, z]) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: z }).format(new Date(i!)), [iso, timeZone]);
/** The site's calendar day of an instant, plus `days`, as YYYY-MM-DD. */
const siteDay = (iso: string, days = 0) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.parse(iso) + days * 86_400_000));

test('Reports: customer addresses found and shown; times and the date filter on the site’s clock', async ({ page }) => {
  expect(session?.lsid).toMatch(/^[0-9a-f]{32}$/);
  const priv = privateIp();
  await logInToAdmin(page, app.url);
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Reports', exact: true }).click();

  // Found by the public address the appliance saw and by the private one the client reported.
  const byIp = page.getByRole('form', { name: 'Report filters' }).getByLabel('Customer name, computer name, public IP or private IP');
  await search(page, () => byIp.fill('127.0.0.1'));
  await expect(ourRow(page)).toBeVisible();
  if (priv) {
    await search(page, () => byIp.fill(priv));
    await expect(ourRow(page)).toBeVisible();
  }

  // The site's day holds it; the site's next day does not (the browser runs in UTC, 14 hours behind).
  await search(page, async (f) => {
    await f.getByLabel('Start date').fill(siteDay(session.startedAt));
    await f.getByLabel('End date').fill(siteDay(session.startedAt));
  });
  await expect(ourRow(page)).toBeVisible();
  // The table names the zone and writes the start time on the site's clock, not the browser's.
  await expect(results(page).getByRole('columnheader', { name: new RegExp(ZONE) })).toBeVisible();
  const siteTime = await written(page, session.startedAt, ZONE);
  expect(siteTime).not.toBe(await written(page, session.startedAt, 'UTC'));
  await expect(ourRow(page)).toContainText(siteTime);
  await page.screenshot({ path: join(shots, 'admin-reports-zone.png'), fullPage: true });
  await search(page, (f) => f.getByLabel('Start date').fill(siteDay(session.startedAt, 1)));
  await expect(ourRow(page)).toHaveCount(0);

  // The detail page: times in the zone, the zone named, both addresses.
  await page.goto(`${app.url}/login#/reports/${session.lsid}`);
  await expect(page.getByRole('list', { name: 'Chat transcript' })).toContainText('the report will show where you are');
  await expect(page.getByText(siteTime).first()).toBeVisible();
  await expect(page.getByText(ZONE, { exact: true })).toBeVisible();
  await expect(page.getByText(priv ? `127.0.0.1 · ${priv}` : '127.0.0.1', { exact: true })).toBeVisible();
  await page.screenshot({ path: join(shots, 'admin-reports-zone-detail.png'), fullPage: true });
});

test('Status: licence counts, with the licensed representatives logged in', async ({ page }) => {
  const ana = await rep(app.url, 'ana');
  try {
    await logInToAdmin(page, app.url);
    const licences = page.getByRole('region', { name: 'Licences' });
    await expect(licences.getByRole('meter', { name: 'Named user licences' })).toBeVisible();
    const loggedIn = licences.getByRole('meter', { name: 'Representatives logged in' });
    await expect(loggedIn).toHaveAttribute('aria-valuenow', /^[1-9]\d*$/);
    await expect(licences.getByRole('meter', { name: 'Active Jump Clients' })).toBeVisible();
    await licences.scrollIntoViewIfNeeded();
    await licences.screenshot({ path: join(shots, 'admin-status-licences.png') });
  } finally {
    ana.close();
  }
});
