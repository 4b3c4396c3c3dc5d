/**
 * The console's main view in English, French and German (issue 11): the vendor's own words in each
 * language, and German's long words never spill out of their boxes (top bar buttons, queue names,
 * table headers fit or end in an ellipsis with the full text as a tooltip).
 * Screenshots: docs/screenshots/console-{en,fr,de}.png (Home), console-jump-{en,fr,de}.png, console-key-de.png.
 * The portal's languages are covered by i18n-portal.spec.ts (a fr-FR / de-DE browser, the switcher).
 *
 * The language is chosen with the console's Languages dialog when it offers the language, else by the
 * language the console keeps in this browser ('rep-console.language.console') and a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { DEMO, repoRoot, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { spills } from '../helpers/layout.js';

let app: RunningAppliance;
test.beforeAll(async () => {
  app = await startAppliance({ demo: true });
});
test.afterAll(async () => {
  await app?.stop({ remove: true });
});

const ana = DEMO.reps.general[0];

interface Words {
  lang: 'en-US' | 'fr-FR' | 'de-DE';
  name: string;
  home: string;
  jumpItems: string;
  actions: string;
  generateKey: string;
  queues: string;
  details: string;
  accept: string;
  totalTime: string;
  lastAccessed: string;
  dialogClose: string;
}

const LANGS: Words[] = [
  {
    lang: 'en-US', name: 'English (US)', home: 'Home', jumpItems: 'Jump Items', actions: 'Actions', generateKey: 'Generate Session Key...',
    queues: 'Queues', details: 'Session Details', accept: 'Accept', totalTime: 'Total Time', lastAccessed: 'Last Accessed', dialogClose: 'Close',
  },
  {
    lang: 'fr-FR', name: 'Français', home: 'Accueil', jumpItems: 'Éléments de Jump', actions: 'Actions', generateKey: 'Générer une clé de session…',
    queues: 'Files d’attente', details: 'Détails de la session', accept: 'Accepter', totalTime: 'Durée totale', lastAccessed: 'Dernier accès', dialogClose: 'Fermer',
  },
  {
    lang: 'de-DE', name: 'Deutsch', home: 'Startseite', jumpItems: 'Jump-Elemente', actions: 'Aktionen', generateKey: 'Sitzungsschlüssel generieren…',
    queues: 'Warteschlangen', details: 'Sitzungsdetails', accept: 'Akzeptieren', totalTime: 'Gesamtzeit', lastAccessed: 'Letzter Zugriff', dialogClose: 'Schließen',
  },
];

async function logIn(page: Page): Promise<void> {
  await page.goto(`${app.url}/console`);
  await page.locator('#login-username').fill(ana.username);
  await page.locator('#login-password').fill(ana.password);
  await page.locator('#login-password').press('Enter');
  await expect(page.getByRole('button', { name: ana.displayName })).toBeVisible();
}

/** The Languages dialog when it offers `w` (the account's preference), else the browser's kept choice and a reload. */
async function chooseLanguage(page: Page, w: Words): Promise<void> {
  if ((await page.locator('html').getAttribute('lang')) === w.lang) return;
  await page.getByRole('button', { name: ana.displayName }).click();
  await page.getByRole('menuitem', { name: /^(Languages|Langues|Sprachen)$/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const choice = dialog.getByLabel(w.name, { exact: true });
  if ((await choice.count()) > 0 && (await choice.isEnabled())) {
    await choice.check();
    await expect(page.locator('html')).toHaveAttribute('lang', w.lang);
    await page.keyboard.press('Escape');
  } else {
    await page.keyboard.press('Escape');
    await page.evaluate(`localStorage.setItem('rep-console.language.console', '${w.lang}')`);
    await page.reload();
  }
  await expect(page.locator('html')).toHaveAttribute('lang', w.lang);
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

for (const w of LANGS) {
  test(`the console's main view in ${w.lang}`, async ({ page }) => {
    await logIn(page);
    await chooseLanguage(page, w);

    // Top bar.
    await expect(page.getByRole('button', { name: w.home })).toBeVisible();
    await expect(page.getByRole('tab', { name: w.jumpItems })).toBeVisible();
    await page.getByRole('button', { name: w.actions, exact: true }).click();
    await expect(page.getByRole('menuitem', { name: w.generateKey })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menuitem', { name: w.generateKey })).toHaveCount(0);

    // Queues, the session table with the demo's waiting customers, and a session's details.
    const queues = page.getByRole('complementary', { name: w.queues });
    await expect(queues).toBeVisible();
    const table = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: w.totalTime }) });
    const firstRow = table.locator('tbody tr').first();
    await expect(firstRow).toBeVisible();
    await firstRow.click();
    const details = page.getByRole('complementary', { name: w.details });
    await expect(details.getByRole('button', { name: w.accept })).toBeVisible();
    await page.mouse.move(0, 400); // no hover highlight in the picture
    await page.screenshot({ path: join(repoRoot, `docs/screenshots/console-${w.lang.slice(0, 2)}.png`) });

    const fit = [
      ...(await spills(page, '.topbar .top-btn')),
      ...(await spills(page, '.queue-pane .q-name')),
      ...(await spills(page, '.pane-title, .pane-heading')),
      ...(await spills(page, '.grid th')),
      ...(await spills(page, '.details-pane dt, .details-pane .btn')),
      ...(await spills(page, '.sessions tbody td')),
    ];
    expect(fit, 'text cut without an ellipsis and a tooltip').toEqual([]);
    expect(await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true);

    // Jump Items: groups, the table's headers, the demo fleet.
    await page.getByRole('tab', { name: w.jumpItems }).click();
    const jumpTable = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: w.lastAccessed }) });
    await expect(jumpTable.locator('tbody tr').first()).toBeVisible();
    await page.mouse.move(0, 400);
    await page.screenshot({ path: join(repoRoot, `docs/screenshots/console-jump-${w.lang.slice(0, 2)}.png`) });
    const jumpFit = [
      ...(await spills(page, '.queue-pane .q-name')),
      ...(await spills(page, '.grid th')),
      ...(await spills(page, '.pager .btn, .pane-heading')),
      ...(await spills(page, '.jump-table tbody td')),
    ];
    expect(jumpFit, 'text cut without an ellipsis and a tooltip').toEqual([]);

    // Generate Session Key in this language.
    await page.getByRole('button', { name: w.actions, exact: true }).click();
    await page.getByRole('menuitem', { name: w.generateKey }).click();
    const keyDialog = page.getByRole('dialog');
    await expect(keyDialog).toBeVisible();
    await expect(keyDialog.getByRole('button', { name: w.dialogClose }).last()).toBeVisible();
    await expect(keyDialog.locator('.key-digits')).toBeVisible();
    if (w.lang === 'de-DE') await page.screenshot({ path: join(repoRoot, 'docs/screenshots/console-key-de.png') });
    expect(await spills(page, 'dialog label, dialog .btn, dialog h2')).toEqual([]);
  });
}

test('the login screen speaks the language kept in this browser, refusals included', async ({ page }) => {
  await page.addInitScript(`localStorage.setItem('rep-console.language.console', 'de-DE')`);
  await page.goto(`${app.url}/console`);
  await expect(page.getByRole('heading', { name: 'Anmelden' })).toBeVisible();
  await page.getByLabel('Benutzername').fill(ana.username);
  await page.getByLabel('Kennwort').fill('not-the-password');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('alert')).toHaveText('Der Benutzername oder das Kennwort ist falsch.');
});
