/**
 * /login > My Account in Chromium against a real demo appliance: two-factor enrolment and logins to
 * /login and /console with codes computed here by an independent RFC 6238 implementation (wrong
 * and reused codes refused), names kept in step, photo uploads refused with the reason (nothing
 * saved), and the Download Representative Console section.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { DEMO, repoRoot, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { fakePng, makePng } from '../helpers/images.js';
import { freshWindow, nextWindow, totp } from '../helpers/totp.js';
import { logInToConsole } from '../helpers/login-page.js';

let app: RunningAppliance;
test.beforeAll(async () => {
  app = await startAppliance({ demo: true });
});
test.afterAll(async () => {
  await app?.stop({ remove: true });
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(repoRoot, `docs/screenshots/${name}.png`), fullPage: true });

async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${app.url}/login#/my-account`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log In' }).click();
}

test('two-factor: enrol with the QR code’s secret, then /login and /console ask for a fresh code; wrong and reused codes are refused', async ({ page }) => {
  test.setTimeout(150_000);
  const ben = DEMO.reps.general[1];
  await logIn(page, ben.username, ben.password);
  const section = page.getByRole('region', { name: 'Two-factor authentication' });
  await section.getByRole('button', { name: 'Enable Two-Factor Authentication' }).click();
  await expect(section.getByRole('img', { name: 'QR code to scan with your authenticator app' })).toBeVisible();
  const secret = (await section.getByLabel('Secret key').innerText()).replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await shot(page, 'admin-my-account-2fa');

  // A wrong code is refused and nothing is turned on.
  await section.getByLabel('Password').fill(ben.password);
  await section.getByLabel('Code from the app').fill('123456');
  await section.getByRole('button', { name: 'Enable', exact: true }).click();
  await expect(section.getByRole('alert')).toContainText('does not match');

  await freshWindow();
  const enrolCode = totp(secret);
  await section.getByLabel('Code from the app').fill(enrolCode);
  await section.getByRole('button', { name: 'Enable', exact: true }).click();
  await expect(section.getByRole('status')).toContainText('Two-factor authentication is on');
  await expect(section.getByText('On', { exact: true })).toBeVisible();

  // Log out and in again: the code field appears after the password; the enrolment code was used already.
  await page.getByRole('button', { name: /Ben Walker/ }).click();
  await page.getByRole('menuitem', { name: 'Log Out' }).click();
  await page.getByLabel('Username').fill(ben.username);
  await page.getByLabel('Password').fill(ben.password);
  await page.getByRole('button', { name: 'Log In' }).click();
  const codeField = page.getByLabel('Two-factor code');
  await expect(codeField).toBeVisible();
  await codeField.fill(enrolCode);
  await page.getByRole('button', { name: 'Log In' }).click();
  await expect(page.getByRole('alert')).toContainText(/already used|not valid/);

  await nextWindow();
  const loginCode = totp(secret);
  await codeField.fill(loginCode);
  await page.getByRole('button', { name: 'Log In' }).click();
  await expect(page.getByRole('navigation', { name: 'Administration' })).toBeVisible();

  // The web rep console asks too; the code just used on /login is refused there, the next one works.
  await logInToConsole(page, app.url, ben);
  await expect(page.getByLabel('6-digit code')).toBeVisible();
  await page.getByLabel('6-digit code').fill(loginCode);
  await page.getByRole('button', { name: 'Log In' }).click();
  await expect(page.getByRole('alert')).toContainText(/already used/);
  await nextWindow();
  await page.getByLabel('6-digit code').fill(totp(secret));
  await page.getByRole('button', { name: 'Log In' }).click();
  await expect(page.getByRole('button', { name: 'Actions' })).toBeVisible({ timeout: 15_000 });
});

test('display names stay together until they differ; e-mail needs the password', async ({ page }) => {
  const carla = DEMO.reps.remoteSupport[0];
  await logIn(page, carla.username, carla.password);
  const names = page.getByRole('region', { name: 'Display names' });
  await names.getByLabel('Private display name').fill('Carla R.');
  await expect(names.getByLabel('Public display name')).toHaveValue('Carla R.');
  await names.getByLabel('Public display name').fill('Carla from Support');
  await names.getByLabel('Private display name').fill('Carla Rossi');
  await expect(names.getByLabel('Public display name')).toHaveValue('Carla from Support');
  await names.getByRole('button', { name: 'Save Names' }).click();
  await expect(names.getByRole('status')).toHaveText('Saved: representatives see Carla Rossi; customers see Carla from Support.');

  const email = page.getByRole('region', { name: 'E-mail settings' });
  await email.getByLabel('E-mail address').fill('carla@example.com');
  await email.getByLabel('Preferred e-mail language').selectOption('fr-FR');
  await email.getByLabel('Password').fill('wrong-password');
  await email.getByRole('button', { name: 'Save E-mail Settings' }).click();
  await expect(email.getByRole('alert')).toHaveText('Your current password is incorrect.');
  await email.getByLabel('Password').fill(carla.password);
  await email.getByRole('button', { name: 'Save E-mail Settings' }).click();
  await expect(email.getByRole('status')).toContainText('carla@example.com');
  await page.reload();
  await expect(page.getByRole('region', { name: 'E-mail settings' }).getByLabel('E-mail address')).toHaveValue('carla@example.com');
});

test('photo: fake, too small and oversize files are refused with the reason and the old photo stays; a real PNG is shown', async ({ page }) => {
  const dieter = DEMO.reps.remoteSupport[1];
  await logIn(page, dieter.username, dieter.password);
  const photo = page.getByRole('region', { name: 'Photo' });
  const upload = async (name: string, buffer: Buffer, mimeType = 'image/png') => {
    await photo.getByLabel('Choose a file').setInputFiles({ name, mimeType, buffer });
    await photo.getByRole('button', { name: 'Upload' }).click();
  };
  await upload('me.png', makePng(160, 160));
  await expect(photo.getByRole('status')).toContainText('Your photo was uploaded');
  await expect(photo.getByRole('img', { name: 'Dieter Braun' })).toBeVisible();
  const before = await photo.getByRole('img', { name: 'Dieter Braun' }).getAttribute('src');

  await upload('fake.png', fakePng());
  await expect(photo.getByRole('alert')).toContainText(/PNG file is (damaged|truncated)/);
  await upload('tiny.png', makePng(40, 60));
  await expect(photo.getByRole('alert')).toHaveText('The photo is 40×60 pixels; it must be at least 80×80.');
  await upload('huge.png', makePng(700, 700, true));
  await expect(photo.getByRole('alert')).toContainText('photos may be at most 1 MB');
  await upload('notes.txt', Buffer.from('hello'), 'text/plain');
  await expect(photo.getByRole('alert')).toHaveText('The file is neither a PNG nor a JPEG image.');
  await expect(photo.getByRole('img', { name: 'Dieter Braun' })).toHaveAttribute('src', before!);
  await shot(page, 'admin-my-account-photo-refused');
});

test('Download Representative Console: the platform comes from the browser, with the EXE /S and MSI command lines', async ({ page }) => {
  await logIn(page, DEMO.admin.username, DEMO.admin.password);
  const dl = page.getByRole('region', { name: 'Download Representative Console' });
  // Chromium here runs on Linux.
  await expect(dl.getByLabel('Platform')).toHaveValue('linux');
  await dl.getByLabel('Platform').selectOption('windows');
  await expect(dl.getByText(/\.exe \/S$/)).toBeVisible();
  await expect(dl.getByText(/^msiexec \/i rep-console-.*\.msi ALLUSERS="" RUNATSTARTUP=0 SHOULDAUTOUPDATE=1 \/quiet$/)).toBeVisible();
  await dl.getByLabel('INSTALLDIR (optional)').fill('D:\\Tools\\Rep Console');
  await dl.getByText('Install for every user of the computer (ALLUSERS=1)').click();
  await expect(dl.getByText('msiexec /i', { exact: false })).toContainText('INSTALLDIR="D:\\Tools\\Rep Console" ALLUSERS=1 RUNATSTARTUP=0 SHOULDAUTOUPDATE=0 /quiet');
  await shot(page, 'admin-my-account-download');
});

test('security question: a representative resets a forgotten password on the login page; administrators cannot', async ({ page }) => {
  const ana = DEMO.reps.general[0];
  await logIn(page, ana.username, ana.password);
  const sq = page.getByRole('region', { name: 'Security question' });
  await sq.getByRole('textbox', { name: 'Security question' }).fill('First pet’s name?');
  await sq.getByLabel('Security answer').fill('Rex');
  await sq.getByLabel('Password').fill(ana.password);
  await sq.getByRole('button', { name: 'Save Security Question' }).click();
  await expect(sq.getByRole('status')).toContainText('Saved');
  await page.getByRole('button', { name: /Ana Lopez/ }).click();
  await page.getByRole('menuitem', { name: 'Log Out' }).click();

  await page.getByRole('button', { name: 'Forgot your password?' }).click();
  await page.getByLabel('Username').fill('admin');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toHaveText('This account cannot reset its password with a security question. Ask an administrator.');
  await page.getByRole('button', { name: 'Back to log in' }).click();

  await page.getByRole('button', { name: 'Forgot your password?' }).click();
  await page.getByLabel('Username').fill('ana');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('First pet’s name?').fill('Max');
  await page.getByLabel('New password', { exact: true }).fill('Ana-New-Pass-9!');
  await page.getByLabel('Confirm new password').fill('Ana-New-Pass-9!');
  await page.getByRole('button', { name: 'Reset Password' }).click();
  await expect(page.getByRole('alert')).toHaveText('The answer to the security question is not correct.');
  await page.getByLabel('First pet’s name?').fill('  rex ');
  await page.getByRole('button', { name: 'Reset Password' }).click();
  await expect(page.getByText('Your password has been reset. Log in with the new one.')).toBeVisible();
  await page.getByLabel('Username').fill('ana');
  await page.getByLabel('Password').fill('Ana-New-Pass-9!');
  await page.getByRole('button', { name: 'Log In' }).click();
  await expect(page.getByRole('navigation', { name: 'Administration' })).toBeVisible();
});
