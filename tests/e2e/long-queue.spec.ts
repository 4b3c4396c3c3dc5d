/**
 * A long queue in /console: with more than a hundred waiting customers the session table renders
 * the rows in view (and a margin) rather than all of them, yet says how many there are, scrolls to
 * any of them, and ↑/↓/Home/End still reach every row.
 */
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DEMO, repoRoot, startAppliance, type RunningAppliance } from '../helpers/appliance.js';

let app: RunningAppliance;
const ana = DEMO.reps.general[0];
const CUSTOMERS = 110;
const nameOf = (i: number) => `Queue Customer ${String(i).padStart(3, '0')}`;

test.beforeAll(async () => {
  app = await startAppliance({ demo: true });
  // Through an issue of Ana's team (General), so they wait in a queue she sees.
  const portal = (await (await fetch(`${app.url}/api/portal`)).json()) as { issues: { id: number; codeName: string }[] };
  const issueId = portal.issues.find((i) => i.codeName === 'printer')!.id;
  for (let i = 1; i <= CUSTOMERS; i++) {
    const r = await fetch(`${app.url}/api/portal/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: nameOf(i), issueId }) });
    expect(r.ok, `join ${i}: ${r.status} ${await r.clone().text()}`).toBe(true);
  }
});
test.afterAll(async () => {
  await app?.stop({ remove: true });
});

const sessionTable = (page: Page) => page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Total Time' }) });

test('a queue of 110 renders a window of rows, scrolls to the last one, and the keyboard reaches both ends', async ({ page }) => {
  await page.goto(`${app.url}/console`);
  await page.getByLabel('Username').fill(ana.username);
  await page.getByLabel('Password').fill(ana.password);
  await page.getByRole('button', { name: 'Log In' }).click();
  const table = sessionTable(page);
  await expect(table.getByRole('row').filter({ hasText: nameOf(1) })).toBeVisible();

  // Every customer is counted, not every row is in the page.
  const rowCount = Number(await table.getAttribute('aria-rowcount'));
  expect(rowCount).toBeGreaterThan(CUSTOMERS);
  const rendered = await table.locator('tbody tr[data-id]').count();
  expect(rendered).toBeLessThan(80);
  await expect(table.getByRole('row').filter({ hasText: nameOf(CUSTOMERS) })).toHaveCount(0);

  // Scrolled to the bottom, the last customer is there.
  await page.locator('.table-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(table.getByRole('row').filter({ hasText: nameOf(CUSTOMERS) })).toBeVisible();

  // Home and End select and focus the first and last rows, wherever the table is scrolled.
  const last = table.getByRole('row').filter({ hasText: nameOf(CUSTOMERS) });
  await last.click();
  await page.keyboard.press('Home');
  // The queue's first row (the demo site keeps a few customers of its own waiting before ours).
  const first = table.locator('tbody tr[aria-rowindex="2"]');
  await expect(first).toBeFocused();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(last).toBeFocused();
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(table.getByRole('row').filter({ hasText: nameOf(CUSTOMERS - 1) })).toBeFocused();
  await page.screenshot({ path: join(repoRoot, 'docs/screenshots/console-long-queue.png'), animations: 'disabled' });
});
