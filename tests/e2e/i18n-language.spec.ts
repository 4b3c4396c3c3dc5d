/**
 * Per-user interface language (issue 11), end to end in one browser context: the rep picks Français
 * in the console's Languages dialog and the console switches without a reload; /login opened next
 * shows French (the choice is the account's); Deutsch picked in /login > My Account switches the
 * console, still open in its own tab, at once. The session key's Send Local Email follows the
 * preferred e-mail language, not the interface's. Screenshots: docs/screenshots/admin-my-account-{fr,de}.png, console-languages-fr.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { DEMO, repoRoot, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { fitsWidth } from '../helpers/layout.js';
import { logInToConsole } from '../helpers/login-page.js';

let app: RunningAppliance;
test.beforeAll(async () => {
  app = await startAppliance({ demo: true });
});
test.afterAll(async () => {
  await app?.stop({ remove: true });
});

const ana = DEMO.reps.general[0];

async function consoleLogIn(page: Page): Promise<void> {
  await logInToConsole(page, app.url, ana);
  await expect(page.getByRole('button', { name: ana.displayName })).toBeVisible();
}

test('Français in the console’s Languages dialog, then Deutsch in My Account: both views follow at once', async ({ context }) => {
  const consolePage = await context.newPage();
  await consoleLogIn(consolePage);
  await expect(consolePage.locator('html')).toHaveAttribute('lang', 'en-US');
  // A marker that disappears on a reload: the switch must happen in this very page.
  await consolePage.evaluate(() => ((globalThis as unknown as { marker: number }).marker = 42));

  await consolePage.getByRole('button', { name: ana.displayName }).click();
  await consolePage.getByRole('menuitem', { name: 'Languages' }).click();
  const dialog = consolePage.getByRole('dialog', { name: 'Languages' });
  await dialog.getByLabel('Français').check();
  await expect(consolePage.locator('html')).toHaveAttribute('lang', 'fr-FR');
  await expect(consolePage.getByRole('dialog', { name: 'Langues' })).toBeVisible();
  await consolePage.getByRole('dialog', { name: 'Langues' }).screenshot({ path: join(repoRoot, 'docs/screenshots/console-languages-fr.png') });
  await consolePage.getByRole('dialog', { name: 'Langues' }).getByRole('button', { name: 'Fermer' }).click();
  await expect(consolePage.getByRole('button', { name: 'Accueil' })).toBeVisible();
  expect(await consolePage.evaluate(() => (globalThis as unknown as { marker?: number }).marker)).toBe(42);

  // /login in the same browser: French as soon as it knows who is logged in.
  const login = await context.newPage();
  await login.setViewportSize({ width: 1280, height: 1000 });
  await login.goto(`${app.url}/login`);
  await login.locator('#login-username').fill(ana.username);
  await login.locator('#login-password').fill(ana.password);
  await login.locator('#login-password').press('Enter');
  await expect(login.locator('#login-password')).toHaveCount(0);
  await expect(login.locator('html')).toHaveAttribute('lang', 'fr-FR');
  await login.evaluate(() => ((globalThis as unknown as { location: { hash: string } }).location.hash = '#/my-account'));
  const select = login.getByLabel('Langue de l’interface');
  await expect(select).toHaveValue('fr-FR');
  await login.screenshot({ path: join(repoRoot, 'docs/screenshots/admin-my-account-fr.png'), fullPage: false });

  // Deutsch on My Account: this page and the console switch.
  await select.selectOption('de-DE');
  await expect(login.locator('html')).toHaveAttribute('lang', 'de-DE');
  await expect(login.getByLabel('Sprache der Benutzeroberfläche')).toHaveValue('de-DE');
  await expect(consolePage.locator('html')).toHaveAttribute('lang', 'de-DE');
  await expect(consolePage.getByRole('button', { name: 'Startseite' })).toBeVisible();
  expect(await consolePage.evaluate(() => (globalThis as unknown as { marker?: number }).marker)).toBe(42);
  await login.screenshot({ path: join(repoRoot, 'docs/screenshots/admin-my-account-de.png'), fullPage: false });
  expect(await fitsWidth(login)).toBe(true);

  // Send Local Email follows the PREFERRED E-MAIL language (still English), not the German interface…
  const mailHref = async (): Promise<string> => {
    await consolePage.getByRole('button', { name: 'Aktionen' }).click();
    await consolePage.getByRole('menuitem', { name: 'Sitzungsschlüssel generieren…' }).click();
    const dialog = consolePage.getByRole('dialog', { name: 'Sitzungsschlüssel generieren' });
    const link = dialog.getByRole('link', { name: 'Lokale E-Mail senden' });
    await expect(link).toHaveAttribute('href', /^mailto:\?subject=/);
    await expect.poll(async () => (await link.getAttribute('href')) ?? '').toContain('has%20invited%20you');
    const href = (await link.getAttribute('href')) ?? '';
    await consolePage.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    return href;
  };
  expect(await mailHref()).toContain(`subject=${encodeURIComponent('Remote support session')}`);
  // …and switches when My Account's preferred e-mail language does.
  await login.locator('#acct-email').fill('ana@example.com');
  await login.locator('#acct-lang').selectOption('fr-FR');
  await login.locator('#acct-email-pw').fill(ana.password);
  await login.getByRole('button', { name: 'E-Mail-Einstellungen speichern' }).click();
  await expect(login.getByRole('status').filter({ hasText: 'ana@example.com' })).toBeVisible();
  await consolePage.getByRole('button', { name: 'Aktionen' }).click();
  await consolePage.getByRole('menuitem', { name: 'Sitzungsschlüssel generieren…' }).click();
  const link = consolePage.getByRole('dialog', { name: 'Sitzungsschlüssel generieren' }).getByRole('link', { name: 'Lokale E-Mail senden' });
  await expect.poll(async () => (await link.getAttribute('href')) ?? '').toContain(`subject=${encodeURIComponent('Session d’assistance à distance')}`);
});
