/**
 * Web → desktop hand-off in Chromium: Actions > Desktop Representative Console downloads the
 * `.brcs-<site>` file (name and content checked: a one-time token, never a password); the desktop
 * side's session code (run here in Node) opens it, and the web console lands on its login screen
 * saying why.
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { runBrcsFile } from '../../src-main/logic/brcs-session.js';
import { openConsoleLink } from '../../src-main/logic/console-link.js';
import { SitesStore } from '../../src-main/logic/sites.js';
import { DEMO, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { logInToAdmin, logInToConsole } from '../helpers/login-page.js';

let app: RunningAppliance;
let userData: string;
const ana = DEMO.reps.general[0];

test.beforeAll(async () => {
  app = await startAppliance({ demo: true });
  userData = mkdtempSync(join(tmpdir(), 'rep-console-e2e-'));
});
test.afterAll(async () => {
  await app?.stop({ remove: true });
  rmSync(userData, { recursive: true, force: true });
});

test('Actions > Desktop Representative Console downloads the hand-off file; opening it logs the web console out with the reason', async ({ page }) => {
  await logInToConsole(page, app.url, ana);
  await expect(page.getByRole('button', { name: ana.displayName })).toBeVisible();

  await page.getByRole('button', { name: 'Actions' }).click();
  const item = page.getByRole('menuitem', { name: /Desktop Representative Console/ });
  await expect(item).toBeEnabled();
  const [download] = await Promise.all([page.waitForEvent('download'), item.click()]);

  expect(download.suggestedFilename()).toMatch(/^desktop-console\.brcs-demo_site$/);
  const text = readFileSync((await download.path())!, 'utf8');
  const lines = text.trimEnd().split('\n');
  expect(lines[0]).toBe('BRCS1.0');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(new RegExp(`^action=login&mechanism=one_time_token&token=[\\w-]{43}&site=${encodeURIComponent(app.url).replace(/[.]/g, '\\.')}$`));
  expect(text).not.toContain(ana.password);
  await expect(page.getByText(/Saved desktop-console\.brcs-demo_site\. Open it with the desktop Representative Console within 2 minutes/)).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/handoff-downloaded.png' });

  // The desktop console opens it (its session code, in Node): the web console is logged out and says why.
  const result = await runBrcsFile(
    { name: download.suggestedFilename(), text },
    { sites: new SitesStore(join(userData, 'sites.json')), connect: (origin) => openConsoleLink(origin), confirmUnknownSite: async () => true },
  );
  expect(result.ok).toBe(true);
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await expect(page.getByText('You signed in to the desktop Representative Console')).toBeVisible();
  // The appliance closed the old socket; the page reconnects (logged out) and the reason stays.
  await expect(page.getByText('The site cannot be reached right now')).toBeHidden({ timeout: 10_000 });
  await expect(page.getByText('You signed in to the desktop Representative Console')).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/handoff-web-logged-out.png' });
  if (result.ok) result.link?.close();
});

test('/login > Status > Upgrade (demo) makes the site offer the next desktop console', async ({ page }) => {
  await logInToAdmin(page, app.url);
  const section = page.getByRole('region', { name: 'Desktop console updates' });
  await expect(section.getByText('0.1.0', { exact: true })).toBeVisible();
  await section.getByRole('button', { name: 'Upgrade (demo)' }).click();
  await expect(section.getByText('0.1.1', { exact: true })).toBeVisible();
  await expect(section.getByRole('status')).toContainText('The site now offers desktop console 0.1.1');
  expect(await (await fetch(`${app.url}/download/update/version`)).json()).toEqual({ version: '0.1.1', demo: true });
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/screenshots/admin-status-upgrade-demo.png' });
});
