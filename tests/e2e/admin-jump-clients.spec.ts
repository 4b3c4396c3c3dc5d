/**
 * /login > Jump Clients in Chromium against a real demo appliance: the Mass Deployment Wizard creates
 * an installer; the EXE and MSI command lines follow the vendor's rule; Copy puts a line on the
 * clipboard; the download links serve the installer; E-mail builds a mailto: with the download URL;
 * the installers table shows the installer and Revoke stops it.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO, repoRoot, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { logInToAdmin } from '../helpers/login-page.js';

let app: RunningAppliance;

test.beforeAll(async () => {
  app = await startAppliance({ demo: true });
});
test.afterAll(async () => {
  await app?.stop({ remove: true });
});

async function openJumpClients(page: Page): Promise<void> {
  await logInToAdmin(page, app.url);
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Jump Clients', exact: true }).click();
  await expect(page).toHaveURL(/#\/jump-clients$/);
  await expect(page.getByRole('region', { name: 'Jump Client Mass Deployment Wizard' })).toBeVisible();
}

test('the Mass Deployment Wizard creates an installer: command lines, Copy, download, e-mail, and Revoke', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
  await openJumpClients(page);
  const wizard = page.getByRole('form', { name: 'Jump Client Mass Deployment Wizard' });

  // A single-use installer for Ana's personal list first, revoked at the end.
  await wizard.getByLabel('Jump Group').selectOption({ label: 'Ana Lopez (ana)' });
  await wizard.getByLabel('Mass deployment').uncheck();
  await expect(wizard.getByText('One computer may install with this installer.')).toBeVisible();
  await wizard.getByLabel('This installer is valid for').selectOption({ label: '10 minutes' });
  await wizard.getByRole('button', { name: 'Create' }).click();
  const help = page.getByRole('region', { name: 'Mass Deployment Help' });
  await expect(help.getByRole('group', { name: 'EXE command line' })).toContainText('--jc-jump-group user:ana');

  // The installer the rest of the test uses: a mass deployment to a shared Jump Group.
  await wizard.getByLabel('Jump Group').selectOption({ label: 'Data Center Servers' });
  await wizard.getByLabel('Jump Policy').selectOption({ label: 'Business hours' });
  await wizard.getByLabel('Tag').fill('web tier');
  await wizard.getByLabel('Comments').fill('Rack 4, Building B');
  await wizard.getByLabel('This installer is valid for').selectOption({ label: '1 week' });
  await wizard.getByLabel('Install directory').fill('C:\\Program Files\\Rep');
  await wizard.getByLabel('Mass deployment').check();
  await wizard.getByRole('button', { name: 'Create' }).click();

  await expect(help.getByRole('status').filter({ hasText: 'Installer created' })).toBeVisible();
  await expect(help).toContainText('Mass deployment: any number of computers');
  const exe = help.getByRole('group', { name: 'EXE command line' }).locator('code');
  const msi = help.getByRole('group', { name: 'MSI command line' }).locator('code');
  const agent = help.getByRole('group', { name: 'Jump Client command line' }).locator('code');
  await expect(exe).toHaveText(/^rep-jump-client-[a-z2-7]{48}\.exe --install-dir "C:\\Program Files\\Rep" --jc-jump-group jumpgroup:dc-servers --jc-tag "web tier" --jc-comments "Rack 4, Building B"$/);
  const exeText = (await exe.textContent())!;
  const key = /rep-jump-client-([a-z2-7]{48})\.exe/.exec(exeText)![1]!;
  // The MSI rule: leading dashes stripped, dashes to underscores, = for values; INSTALLDIR the exception; KEY_INFO the key.
  await expect(msi).toHaveText(
    `msiexec /i rep-jump-client-${key}.msi KEY_INFO=${key} INSTALLDIR="C:\\Program Files\\Rep" jc_jump_group=jumpgroup:dc-servers jc_tag="web tier" jc_comments="Rack 4, Building B"`,
  );
  await expect(agent).toHaveText(`npx rep-appliance jump-client --site ${app.url} --key ${key} --install-dir 'C:\\Program Files\\Rep' --jc-jump-group jumpgroup:dc-servers --jc-tag 'web tier' --jc-comments 'Rack 4, Building B'`);

  // Copy puts the exact line on the clipboard.
  await help.getByRole('button', { name: 'Copy MSI command line' }).click();
  await expect(help.getByRole('status').filter({ hasText: 'MSI command line copied to the clipboard.' })).toBeAttached();
  expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(await msi.textContent());
  await help.getByRole('button', { name: 'Copy EXE command line' }).click();
  expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(exeText);

  // The downloads: the .sh names this site and the key; the .msi link is there (wixl permitting).
  const shLink = help.getByRole('link', { name: 'Linux and macOS (.sh)' });
  const shUrl = `${app.url}/download/jump-client/${key}/rep-jump-client-${key}.sh`;
  await expect(shLink).toHaveAttribute('href', shUrl);
  const [dl] = await Promise.all([page.waitForEvent('download'), shLink.click()]);
  expect(dl.suggestedFilename()).toBe(`rep-jump-client-${key}.sh`);
  const script = readFileSync((await dl.path())!, 'utf8');
  expect(script).toContain(`--site ${app.url} --key ${key}`);
  await expect(help.getByRole('link', { name: 'Windows (.cmd)' })).toHaveAttribute('href', `${app.url}/download/jump-client/${key}/rep-jump-client-${key}.cmd`);
  const options = (await (await page.request.get(`${app.url}/login/api/jump-clients/options`)).json()) as { msiAvailable: boolean };
  if (options.msiAvailable) await expect(help.getByRole('link', { name: 'Windows Installer (.msi)' })).toHaveAttribute('href', `${app.url}/download/jump-client/${key}/rep-jump-client-${key}.msi`);

  // E-mail: recipients are checked; the link is a mailto: with a subject and the download URLs in the body.
  const recipients = help.getByLabel('Recipients');
  const mail = help.getByRole('link', { name: 'E-mail' });
  await recipients.fill('alex@example.com, bob');
  await mail.click();
  await expect(help.getByRole('alert')).toHaveText('“bob” is not an e-mail address.');
  await expect(recipients).toHaveAttribute('aria-invalid', 'true');
  await recipients.fill('alex@example.com, sam@example.com');
  await expect(help.getByRole('alert')).toHaveCount(0);
  const href = (await mail.getAttribute('href'))!;
  expect(href.startsWith('mailto:alex@example.com,sam@example.com?subject=')).toBe(true);
  const mailto = new URL(href);
  expect(mailto.searchParams.get('subject')).toBe(`Jump Client installer for ${new URL(app.url).host}`);
  const body = mailto.searchParams.get('body')!;
  expect(body).toContain(shUrl);
  expect(body).toContain(`${app.url}/download/jump-client/${key}/rep-jump-client-${key}.cmd`);
  expect(body).toContain('can be used on several computers');

  // The installers table: newest first, Active; the personal one below it.
  const table = page.getByRole('table', { name: 'Jump Client Installers' });
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('Data Center Servers');
  await expect(rows.nth(1)).toContainText('web tier');
  await expect(rows.nth(1)).toContainText('Mass deployment');
  await expect(rows.nth(1)).toContainText(key.slice(0, 6));
  await expect(rows.nth(1).getByText('Active', { exact: true })).toBeVisible();
  const personal = rows.nth(2);
  await expect(personal).toContainText('Ana Lopez (personal)');
  await expect(personal).toContainText('Single use');
  await expect(personal).toContainText('0 of 1');

  await personal.getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByRole('region', { name: 'Jump Client Installers' }).getByRole('status')).toContainText('was revoked: it installs no more Jump Clients.');
  await expect(personal.getByText('Revoked', { exact: true })).toBeVisible();
  await expect(personal.getByRole('button', { name: 'Revoke' })).toHaveCount(0);

  // docs/screenshots: once the Copy buttons have gone back from "Copied".
  for (const name of ['Copy EXE command line', 'Copy MSI command line']) await expect(help.getByRole('button', { name })).toHaveText('Copy', { timeout: 5000 });
  await page.mouse.move(0, 0);
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(repoRoot, 'docs/screenshots/admin-jump-clients.png'), fullPage: true, animations: 'disabled' });
});

test('a revoked installer’s result goes away and its download link is refused with the reason', async ({ page }) => {
  await openJumpClients(page);
  const wizard = page.getByRole('form', { name: 'Jump Client Mass Deployment Wizard' });
  await wizard.getByLabel('Tag').fill('to-revoke');
  await wizard.getByRole('button', { name: 'Create' }).click();
  const help = page.getByRole('region', { name: 'Mass Deployment Help' });
  await expect(help).toBeVisible();
  const shUrl = (await help.getByRole('link', { name: 'Linux and macOS (.sh)' }).getAttribute('href'))!;

  const row = page.getByRole('table', { name: 'Jump Client Installers' }).getByRole('row').nth(1);
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(row.getByText('Revoked', { exact: true })).toBeVisible();
  // The result of a revoked installer is no longer offered.
  await expect(help).toHaveCount(0);

  const r = await page.request.get(shUrl);
  expect(r.status()).toBe(404);
  expect(((await r.json()) as { error: { code: string } }).error.code).toBe('E_INSTALLER_KEY_INVALID');
});
