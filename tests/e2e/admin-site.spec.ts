/**
 * /login's site settings in Chromium against a real demo appliance: Management > Security (the
 * password policy, and the web console gate enforced on /console), Support Portal (start methods the
 * portal honours, chat banner uploads refused with the reason, Revert to default, issues), and
 * Status (time zone, ECM clients, Restart).
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { DEMO, repoRoot, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { makeBmp, makePng } from '../helpers/images.js';

let app: RunningAppliance;
test.beforeAll(async () => {
  app = await startAppliance({ demo: true });
});
test.afterAll(async () => {
  await app?.stop({ remove: true });
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(repoRoot, `docs/screenshots/${name}.png`), fullPage: true });

async function adminLogIn(page: Page, tab: string): Promise<void> {
  await page.goto(`${app.url}/login#/${tab}`);
  await page.getByLabel('Username').fill(DEMO.admin.username);
  await page.getByLabel('Password').fill(DEMO.admin.password);
  await page.getByRole('button', { name: 'Log In' }).click();
  await expect(page.getByRole('navigation', { name: 'Administration' })).toBeVisible();
}

test('Management > Security: the password policy applies to the next password, and the web console is refused while it is off', async ({ page, browser }) => {
  await adminLogIn(page, 'management');
  const sec = page.getByRole('region', { name: 'Security' });
  await sec.getByLabel('Minimum password length').fill('12');
  await sec.getByRole('button', { name: 'Save Changes' }).click();
  await expect(sec.getByRole('status')).toHaveText('Saved. Minimum password length: 12.');

  // Out of range: refused before anything is saved.
  await sec.getByLabel('Lock an account after failed logins').fill('0');
  await sec.getByRole('button', { name: 'Save Changes' }).click();
  await expect(sec.getByRole('alert')).toHaveText('The lockout threshold must be a whole number from 1 to 100.');
  await sec.getByLabel('Lock an account after failed logins').fill('5');

  // My Account: a 10-character password follows the old rule but not the new one.
  await page.getByRole('link', { name: 'My Account', exact: true }).click();
  const pw = page.getByRole('region', { name: 'Change password' });
  await pw.getByLabel('Current password').fill(DEMO.admin.password);
  await pw.getByLabel('New password', { exact: true }).fill('Admin-2026');
  await pw.getByLabel('Confirm new password').fill('Admin-2026');
  await pw.getByRole('button', { name: 'Change Password' }).click();
  await expect(pw.getByRole('alert')).toHaveText('The new password needs at least 12 characters.');

  // Turn the web console off: /console refuses with the coded message.
  await page.getByRole('link', { name: 'Management', exact: true }).click();
  await sec.getByRole('checkbox', { name: /Allow the web rep console to connect/ }).click();
  await sec.getByRole('button', { name: 'Save Changes' }).click();
  await expect(sec.getByRole('status')).toContainText('Allow the web rep console to connect: off');
  await shot(page, 'admin-management-security');

  const other = await (await browser.newContext()).newPage();
  await other.goto(`${app.url}/console`);
  await other.getByLabel('Username').fill('ana');
  await other.getByLabel('Password').fill('Support-Demo-1');
  await other.getByRole('button', { name: 'Log In' }).click();
  await expect(other.getByRole('alert')).toHaveText('The web rep console is not allowed to connect to this site.');

  await sec.getByRole('checkbox', { name: /Allow the web rep console to connect/ }).click();
  await sec.getByLabel('Minimum password length').fill('8');
  await sec.getByRole('button', { name: 'Save Changes' }).click();
  await expect(sec.getByRole('status')).toContainText('Allow the web rep console to connect: on');
  await other.getByRole('button', { name: 'Log In' }).click();
  await expect(other.getByRole('button', { name: 'Actions' })).toBeVisible();
});

test('Support Portal: start methods the portal honours, chat banner refused with the reason, uploaded, reverted; issues route to teams', async ({ page, browser }) => {
  await adminLogIn(page, 'support-portal');
  const methods = page.getByRole('region', { name: 'Session start methods' });
  await methods.getByText('Show the session key form').click();
  await methods.getByRole('button', { name: 'Save Changes' }).click();
  await expect(methods.getByRole('status')).toContainText('Saved');
  const portal = await (await browser.newContext()).newPage();
  await portal.goto(app.url);
  await expect(portal.getByRole('heading', { name: 'How can we help?' })).toBeVisible();
  await expect(portal.getByLabel(/session key/i)).toHaveCount(0);

  const banner = page.getByRole('region', { name: 'Chat banner' });
  const upload = async (name: string, buffer: Buffer) => {
    await banner.getByLabel('Choose a file').setInputFiles({ name, mimeType: 'image/bmp', buffer });
    await banner.getByRole('button', { name: 'Upload' }).click();
  };
  await upload('banner24.bmp', makeBmp(480, 40, 24));
  await expect(banner.getByRole('alert')).toHaveText('The bitmap has 24 bits per pixel; the banner must be 8-bit (256 colours).');
  await upload('wide.bmp', makeBmp(600, 40));
  await expect(banner.getByRole('alert')).toHaveText('The bitmap is 600 pixels wide; the banner must be exactly 480 pixels wide.');
  await upload('photo.bmp', makePng(480, 40));
  await expect(banner.getByRole('alert')).toHaveText('The file is not a Windows bitmap (.bmp).');
  await expect(banner.getByText('The default banner.')).toBeVisible();
  await upload('banner.bmp', makeBmp(480, 40));
  await expect(banner.getByRole('status')).toContainText('The banner was uploaded');
  await expect(banner.getByText('Uploaded banner, 480×40 pixels.')).toBeVisible();
  await shot(page, 'admin-support-portal');
  await banner.getByRole('button', { name: 'Revert to default' }).click();
  await expect(banner.getByRole('status')).toHaveText('The default banner is back.');

  const issues = page.getByRole('region', { name: 'Issues' });
  await issues.getByRole('button', { name: 'Add Issue' }).click();
  const dlg = page.getByRole('dialog', { name: 'Add Issue' });
  await dlg.getByLabel('Description').fill('VPN will not connect');
  await dlg.getByLabel('Team').selectOption({ label: 'Remote Support' });
  await dlg.getByRole('button', { name: 'Save Issue' }).click();
  await expect(issues.getByRole('status')).toHaveText('“VPN will not connect” goes to Remote Support.');
  await expect(issues.getByRole('row').filter({ hasText: 'VPN will not connect' }).getByText('vpn_will_not_connect')).toBeVisible();
  await portal.reload();
  await expect(portal.getByRole('combobox', { name: 'Issue' })).toContainText('VPN will not connect');
});

test('Status: time zone, ECM clients, and a graceful restart', async ({ page }) => {
  await adminLogIn(page, 'status');
  // The demo site's ECM connects on its own: tests/e2e/admin-ecm.spec.ts checks the list.
  await expect(page.getByRole('region', { name: 'ECM Clients' })).toBeVisible();
  const controls = page.getByRole('region', { name: 'Time zone and restart' });
  await controls.getByRole('combobox', { name: 'Time zone' }).selectOption('America/New_York');
  await controls.getByRole('button', { name: 'Save Time Zone' }).click();
  await expect(controls.getByRole('status')).toHaveText('The site’s time zone is now America/New_York.');
  await expect(page.getByRole('region', { name: 'Site status' }).getByText('America/New_York', { exact: true })).toBeVisible();
  await shot(page, 'admin-status');

  const startedAt = async () => ((await (await page.request.get(`${app.url}/login/api/status`)).json()) as { startedAt: string }).startedAt;
  const started = await startedAt();
  await controls.getByRole('button', { name: 'Restart' }).click();
  await page.getByRole('dialog', { name: 'Restart the appliance?' }).getByRole('button', { name: 'Restart' }).click();
  await expect(controls.getByRole('status').last()).toHaveText('The appliance restarted. Consoles reconnect by themselves.', { timeout: 30_000 });
  await expect.poll(startedAt, { timeout: 20_000 }).not.toBe(started);
  await expect(page.getByRole('region', { name: 'Site status' }).getByText('America/New_York', { exact: true })).toBeVisible();
});
