/**
 * /login > Reports in Chromium against a real demo appliance: a finished support session (hostile
 * customer name and chat line) and a finished Jump with a recorded command shell are each found by
 * every report filter; the detail page shows the transcript, permissions and plays the recording;
 * LSID + dates is refused with a clear message; the CSV export is parsed back with its formula
 * injections neutralised. Management > API Configuration shows a new secret once. Screenshots go
 * to docs/screenshots/admin-reports*.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO, repoRoot, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { customer, eventOf, portal, rep } from '../helpers/support.js';
import { logInToAdmin } from '../helpers/login-page.js';

const HOSTILE_NAME = `=cmd|' /C calc'!A0`;
const HOSTILE_CHAT = `+SUM(1,2) <b>bold?</b> & "quoted"`;
const shots = join(repoRoot, 'docs/screenshots');

let app: RunningAppliance;
let support: { lsid: string; lseq: number };
let jump: { lsid: string; lseq: number };

test.beforeAll(async () => {
  app = await startAppliance({ demo: true });
  const ana = await rep(app.url, 'ana');

  // 1. A support session through a key: hostile name, chat both ways, a permission granted, ended by Ana.
  const key = await ana.call('sessionKey.generate', { expiresInMinutes: 10 });
  const joined = await portal(app.url, { name: HOSTILE_NAME, company: 'Acme Reports', sessionKey: key.key });
  const sessionId: string = joined.body.sessionId;
  const { client: cust } = await customer(app.url, joined.body.customerToken);
  await ana.call('session.accept', { sessionId });
  await ana.call('session.chat', { sessionId, body: 'Hello, this is Ana from the help desk.' });
  await cust.customer('customer.chat', { body: HOSTILE_CHAT });
  const { prompt } = await ana.call('session.prompt', { sessionId, kind: 'screen_control' });
  await eventOf(cust, 'customer.prompt', (p) => p.id === prompt.id);
  await cust.customer('customer.answer', { promptId: prompt.id, allow: true });
  await eventOf(ana, 'session.prompt', (p) => p.id === prompt.id && p.state === 'allowed');
  await ana.call('session.end', { sessionId });
  cust.close();

  // 2. A Jump to the reception PC with a command shell (recorded), then ended.
  const items = (await ana.call('jump.list', { pageSize: 50, search: 'WS-042 Reception' })).items as { id: number; name: string }[];
  const started = await ana.call('jump.start', { itemId: items.find((i) => i.name === 'WS-042 Reception')!.id });
  const { shellId } = await ana.call('session.shell.open', { sessionId: started.sessionId, cols: 80, rows: 12 });
  await eventOf(ana, 'session.shell.output', (d) => d.shellId === shellId, 10_000);
  await ana.call('session.shell.input', { shellId, data: 'echo report-e2e\r' });
  await eventOf(ana, 'session.shell.output', (d) => d.shellId === shellId && String(d.data).includes('report-e2e'), 10_000);
  await ana.call('session.shell.close', { shellId });
  await ana.call('session.end', { sessionId: started.sessionId });
  const db = (await import('better-sqlite3')).default(join(app.dataDir, 'site.db'), { readonly: true });
  const lseqOf = (id: string) => (db.prepare('SELECT lseq FROM sessions WHERE id = ?').get(id) as { lseq: number }).lseq;
  support = { lsid: sessionId, lseq: lseqOf(sessionId) };
  jump = { lsid: started.sessionId, lseq: lseqOf(started.sessionId) };
  db.close();
  ana.close();
});
test.afterAll(async () => {
  await app?.stop({ remove: true });
});

async function openReports(page: Page): Promise<void> {
  await logInToAdmin(page, app.url);
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Reports', exact: true }).click();
  await expect(page).toHaveURL(/#\/reports$/);
}

const results = (page: Page) => page.getByRole('table', { name: 'Support sessions' });
const rowOf = (page: Page, lseq: number) => results(page).getByRole('row').filter({ has: page.getByRole('cell', { name: String(lseq), exact: true }) });

async function search(page: Page, fill: (form: ReturnType<Page['getByRole']>) => Promise<unknown>): Promise<void> {
  await page.getByRole('button', { name: 'Clear' }).click();
  const form = page.getByRole('form', { name: 'Report filters' });
  await fill(form);
  await form.getByRole('button', { name: 'Generate report' }).click();
  await expect(page.getByRole('region', { name: 'Support session report', exact: true })).toBeVisible();
}

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

test('each report filter finds the finished sessions; the detail shows the transcript and plays the shell recording', async ({ page }) => {
  await openReports(page);

  // By LSID, and by sequence number.
  await search(page, (f) => f.getByLabel('Session ID or sequence number').fill(support.lsid));
  await expect(results(page).getByRole('row')).toHaveCount(2);
  await expect(rowOf(page, support.lseq)).toContainText(HOSTILE_NAME);
  await search(page, (f) => f.getByLabel('Session ID or sequence number').fill(String(jump.lseq)));
  await expect(results(page).getByRole('row')).toHaveCount(2);
  await expect(rowOf(page, jump.lseq)).toContainText('WS-042 Reception');

  // LSID + dates: refused with a clear message, nothing searched.
  await page.getByRole('button', { name: 'Clear' }).click();
  const form = page.getByRole('form', { name: 'Report filters' });
  await form.getByLabel('Session ID or sequence number').fill(support.lsid);
  await form.getByLabel('Start date').fill(today());
  await expect(form.getByRole('alert')).toHaveText(/cannot be combined with a date range/);
  await expect(form.getByRole('button', { name: 'Generate report' })).toBeDisabled();
  await page.screenshot({ path: join(shots, 'admin-reports-filter-conflict.png'), fullPage: false });
  // The appliance refuses the combination too.
  const refused = (await page.evaluate(async (lsid) => (await fetch(`/login/api/reports?session=${lsid}&from=2020-01-01T00:00:00Z`)).json(), support.lsid)) as { error: { code: string } };
  expect(refused.error.code).toBe('E_REPORT_FILTER_CONFLICT');

  // By date range (today), customer name, computer, public and private IP.
  await search(page, async (f) => {
    await f.getByLabel('Start date').fill(today());
    await f.getByLabel('End date').fill(today());
  });
  await expect(rowOf(page, support.lseq)).toBeVisible();
  await expect(rowOf(page, jump.lseq)).toBeVisible();
  await search(page, (f) => f.getByLabel('Customer name, computer name, public IP or private IP').fill("calc'!A0"));
  await expect(rowOf(page, support.lseq)).toBeVisible();
  await search(page, (f) => f.getByLabel('Customer name, computer name, public IP or private IP').fill('ws-042.corp'));
  await expect(rowOf(page, jump.lseq)).toBeVisible();
  await search(page, (f) => f.getByLabel('Customer name, computer name, public IP or private IP').fill('198.51.100.42'));
  await expect(rowOf(page, jump.lseq)).toBeVisible();
  await expect(rowOf(page, support.lseq)).toHaveCount(0);
  await search(page, (f) => f.getByLabel('Customer name, computer name, public IP or private IP').fill('10.1.0.42'));
  await expect(rowOf(page, jump.lseq)).toBeVisible();

  // Rep participation: a given rep, any rep, no rep.
  await search(page, async (f) => {
    await f.getByLabel('Representative participation').selectOption('rep');
    await f.getByLabel('Representative', { exact: true }).selectOption({ label: 'Ana Lopez (ana)' });
  });
  await expect(rowOf(page, support.lseq)).toBeVisible();
  await expect(rowOf(page, jump.lseq)).toBeVisible();
  await search(page, async (f) => {
    await f.getByLabel('Representative participation').selectOption('rep');
    await f.getByLabel('Representative', { exact: true }).selectOption({ label: 'Ben Walker (ben)' });
  });
  await expect(rowOf(page, support.lseq)).toHaveCount(0);
  await search(page, (f) => f.getByLabel('Representative participation').selectOption('any'));
  await expect(rowOf(page, support.lseq)).toBeVisible();
  await search(page, (f) => f.getByLabel('Representative participation').selectOption('none'));
  await expect(rowOf(page, support.lseq)).toHaveCount(0);
  // The demo's waiting customers are sessions no rep joined.
  await expect(results(page).getByRole('row')).not.toHaveCount(1);

  // The report with both sessions, then the support session's detail.
  await search(page, (f) => f.getByLabel('Representative participation').selectOption('any'));
  await page.screenshot({ path: join(shots, 'admin-reports.png'), fullPage: true });
  await rowOf(page, support.lseq).getByRole('link', { name: /^Details of session/ }).click();
  await expect(page).toHaveURL(new RegExp(`#/reports/${support.lsid}$`));
  const transcript = page.getByRole('list', { name: 'Chat transcript' });
  await expect(transcript).toContainText('Hello, this is Ana from the help desk.');
  await expect(transcript).toContainText(HOSTILE_CHAT);
  await expect(page.getByRole('region', { name: 'Permissions' })).toContainText('View and control the computer');
  await expect(page.getByRole('region', { name: 'Permissions' })).toContainText('Granted');
  await expect(page.getByRole('region', { name: 'Representatives' })).toContainText('Ana Lopez');
  await expect(page.getByRole('table', { name: 'Session events' })).toContainText('Session End');
  await page.screenshot({ path: join(shots, 'admin-reports-detail.png'), fullPage: true });

  // The Jump's detail: IPs and the command shell recording, played in the page.
  await page.goto(`${app.url}/login#/reports/${jump.lsid}`);
  await expect(page.getByText('198.51.100.42 · 10.1.0.42')).toBeVisible();
  const player = page.getByRole('figure', { name: 'Command shell recording on ws-042.corp.example' });
  const term = player.getByLabel('Terminal');
  await expect(term).toContainText('report-e2e');
  // Back to the start the screen is empty; playing replays it to the end.
  await player.getByLabel('Position in the recording').fill('0');
  await expect(term).not.toContainText('report-e2e');
  await player.getByRole('button', { name: 'Play' }).click();
  await expect(term).toContainText('report-e2e', { timeout: 15_000 });
  await expect(player.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 15_000 });
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(shots, 'admin-reports-recording.png'), fullPage: true });
});

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF lines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (c !== '\r') field += c;
  }
  return rows;
}

test('the CSV download parses back, with the formula injection neutralised', async ({ page }) => {
  await openReports(page);
  await search(page, (f) => f.getByLabel('Representative participation').selectOption('any'));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^support-sessions-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  const rows = parseCsv(text);
  expect(rows[0]).toEqual(expect.arrayContaining(['Session ID (LSID)', 'Sequence Number', 'Customer Name', 'Public IP', 'Representatives']));
  const col = (name: string) => rows[0]!.indexOf(name);
  const supportRow = rows.find((r) => r[col('Session ID (LSID)')] === support.lsid)!;
  expect(supportRow[col('Customer Name')]).toBe(`'${HOSTILE_NAME}`);
  expect(supportRow[col('Company')]).toBe('Acme Reports');
  expect(supportRow[col('Representatives')]).toBe('Ana Lopez');
  const jumpRow = rows.find((r) => r[col('Session ID (LSID)')] === jump.lsid)!;
  expect(jumpRow[col('Public IP')]).toBe('198.51.100.42');
  // No field a spreadsheet would run as a formula.
  for (const r of rows.slice(1)) for (const f of r) expect(f).not.toMatch(/^[=+\-@]/);
});

test('Management > API Configuration: a new account’s secret is shown once and works', async ({ page }) => {
  await openReports(page);
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Management', exact: true }).click();
  const section = page.getByRole('region', { name: 'API Configuration' });
  await expect(section.getByRole('table', { name: 'API accounts' })).toContainText('demo-api-client');
  await section.getByRole('button', { name: 'Add API account' }).click();
  const form = section.getByRole('form', { name: 'New API account' });
  await form.getByLabel('Name').fill('Service desk integration');
  await form.getByLabel('Full access').check();
  await form.getByRole('button', { name: 'Create API account' }).click();
  const secret = await section.getByTestId('client-secret').textContent();
  expect(secret).toMatch(/^[\w-]{40,}$/);
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(shots, 'admin-reports-api-configuration.png'), fullPage: true });
  const clientId = await section.getByRole('alert', { name: 'New client secret' }).locator('dd').first().textContent();
  const token = await page.evaluate(
    async ([id, s]) => (await fetch('/oauth2/token', { method: 'POST', headers: { authorization: `Basic ${btoa(`${id}:${s}`)}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' })).status,
    [clientId!, secret!],
  );
  expect(token).toBe(200);
  await section.getByRole('button', { name: 'I have stored it' }).click();
  await page.reload();
  await expect(page.getByRole('region', { name: 'API Configuration' })).toContainText('Service desk integration');
  await expect(page.getByText(secret!)).toHaveCount(0);
});
