/**
 * /login's tool pages in German (issue 11): with the /login language set to de-DE before the page
 * loads, Reports (filters, result table, a session's detail) and Jump Policies (list and editor)
 * show the vendor's German words, and German's long words wrap instead of breaking the layout.
 * Screenshots go to docs/screenshots/admin-*-de.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { DEMO, repoRoot, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { customer, portal, rep } from '../helpers/support.js';
import { fitsWidth } from '../helpers/layout.js';

const shots = join(repoRoot, 'docs/screenshots');
let app: RunningAppliance;
let lseq: number;

test.beforeAll(async () => {
  app = await startAppliance({ demo: true });
  // One finished support session with a chat line, so the report has a row and a detail.
  const ana = await rep(app.url, 'ana');
  const key = await ana.call('sessionKey.generate', { expiresInMinutes: 10 });
  const joined = await portal(app.url, { name: 'Jürgen Müller-Lüdenscheidt', company: 'Stadtwerke Schleswig-Holstein', sessionKey: key.key });
  const sessionId: string = joined.body.sessionId;
  const { client: cust } = await customer(app.url, joined.body.customerToken);
  await ana.call('session.accept', { sessionId });
  await ana.call('session.chat', { sessionId, body: 'Guten Tag, hier ist Ana vom Helpdesk.' });
  await ana.call('session.end', { sessionId });
  cust.close();
  ana.close();
  const db = (await import('better-sqlite3')).default(join(app.dataDir, 'site.db'), { readonly: true });
  lseq = (db.prepare('SELECT lseq FROM sessions WHERE id = ?').get(sessionId) as { lseq: number }).lseq;
  db.close();
});
test.afterAll(async () => {
  await app?.stop({ remove: true });
});

/** Logs in to /login with the page's language already German, then opens `hash`. */
async function openInGerman(page: Page, hash: string): Promise<void> {
  await page.addInitScript("localStorage.setItem('rep-console.language.admin', 'de-DE')");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${app.url}/login`);
  await page.locator('#login-username').fill(DEMO.admin.username);
  await page.locator('#login-password').fill(DEMO.admin.password);
  await page.locator('#login-password').press('Enter');
  await expect(page.locator('#login-password')).toHaveCount(0);
  await page.evaluate(`location.hash = ${JSON.stringify(hash)}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de-DE');
}


test('Reports in German: filters, the result table and a session detail', async ({ page }) => {
  await openInGerman(page, '#/reports');
  const form = page.getByRole('form', { name: 'Berichtsfilter' });
  await expect(form.getByText('Sitzungs-ID oder Sequenznummer').first()).toBeVisible();
  await expect(form.getByText('Zeitraum')).toBeVisible();
  await form.getByRole('button', { name: 'Bericht erstellen' }).click();
  const table = page.getByRole('table', { name: 'Support-Sitzungen' });
  await expect(table.getByRole('columnheader', { name: 'Dauer' })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'Jürgen Müller-Lüdenscheidt' })).toBeVisible();
  await expect(page.getByText(/Sitzung(en)?, neueste zuerst/)).toBeVisible();
  expect(await fitsWidth(page)).toBe(true);
  await page.screenshot({ path: join(shots, 'admin-reports-de.png'), fullPage: true, animations: 'disabled' });

  await table.getByRole('link', { name: `Details der Sitzung ${lseq} mit Jürgen Müller-Lüdenscheidt` }).click();
  await expect(page.getByRole('heading', { name: `Sitzung ${lseq} · Jürgen Müller-Lüdenscheidt` })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Chat-Protokoll' })).toContainText('Guten Tag, hier ist Ana vom Helpdesk.');
  // The appliance's own lines, worded in the administrator's language.
  await expect(page.getByRole('list', { name: 'Chat-Protokoll' })).toContainText('ist der Sitzung beigetreten.');
  await expect(page.getByRole('link', { name: '← Zurück zum Bericht' })).toBeVisible();
  expect(await fitsWidth(page)).toBe(true);
  await page.screenshot({ path: join(shots, 'admin-report-detail-de.png'), fullPage: true, animations: 'disabled' });
});

test('Jump Policies in German: the list and the editor', async ({ page }) => {
  await openInGerman(page, '#/jump-policies');
  const table = page.getByRole('table', { name: 'Jump-Richtlinien' });
  await expect(table.getByRole('columnheader', { name: 'Zeitplan' })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'Business hours' })).toContainText('Mo–Fr 08:00–18:00 (Europe/Paris)');
  await expect(table.getByRole('row').filter({ hasText: 'Maintenance window' })).toContainText('Sitzungsende erzwingen');
  expect(await fitsWidth(page)).toBe(true);
  await page.screenshot({ path: join(shots, 'admin-jump-policies-de.png'), fullPage: true, animations: 'disabled' });

  await page.getByRole('button', { name: 'Hinzufügen', exact: true }).click();
  const form = page.getByRole('form', { name: 'Jump-Richtlinie hinzufügen' });
  await form.getByLabel('Anzeigename').fill('Wochenendbereitschaft');
  await form.getByLabel('Zeitplan erzwingen').check();
  await expect(form.getByRole('group', { name: 'Tage des Zeitplaneintrags 1' }).getByLabel('Mo')).toBeChecked();
  await form.getByLabel('Sitzungsende erzwingen, wenn').check();
  await form.getByLabel('Sitzungsrichtlinie bei anwesendem Kunden').selectOption({ label: 'Endbenutzer fragen' });
  await form.getByLabel('Zeitlimit für Antwort').selectOption({ label: '2 Minuten' });
  expect(await fitsWidth(page)).toBe(true);
  await page.screenshot({ path: join(shots, 'admin-jump-policy-editor-de.png'), fullPage: true, animations: 'disabled' });
});
