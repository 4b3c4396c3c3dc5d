/**
 * The session view in German (issue 11): a Jump to the demo's emulated Windows workstation with the
 * console language set to German before the page loads ('rep-console.language.console'). The
 * session header, the session buttons, the tool tabs, the screen sharing toolbar, File Transfer's
 * ICU plural counts and the close dialog speak the vendor's German („Sitzung beenden“,
 * „Bildschirmfreigabe“, „Befehlshell“, „Dateitransfer“), and German's long words do not spill out
 * of their boxes. Screenshots: docs/screenshots/session-de.png (screen sharing),
 * session-files-de.png (File Transfer) and session-close-de.png (the close dialog); French: session-fr.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { DEMO, repoRoot, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { liftOfficeHours } from '../helpers/office-hours.js';
import { spills } from '../helpers/layout.js';

let app: RunningAppliance;
test.beforeAll(async () => {
  app = await startAppliance({ demo: true, env: { REP_DEMO_CONSENT_MS: '0' } });
  liftOfficeHours(app.dataDir);
});
test.afterAll(async () => {
  await app?.stop({ remove: true });
});

const ana = DEMO.reps.general[0];

/** Logs Ana in with the console already in `lang`, then Jumps to WS-107 through the translated Jump Items tab. */
async function jumpInLanguage(page: Page, lang: string, words: { jumpItems: string; search: string }): Promise<void> {
  // A string, not a function: the tests' tsconfig has no DOM types.
  await page.addInitScript(`localStorage.setItem('rep-console.language.console', '${lang}')`);
  await page.setViewportSize({ width: 1366, height: 800 });
  await page.goto(`${app.url}/console`);
  await page.locator('#login-username').fill(ana.username);
  await page.locator('#login-password').fill(ana.password);
  await page.locator('#login-password').press('Enter');
  await expect(page.getByRole('button', { name: ana.displayName })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);

  await page.getByRole('tab', { name: words.jumpItems }).click();
  await page.getByRole('searchbox', { name: words.search }).fill('WS-107');
  await page.getByRole('row').filter({ hasText: 'WS-107' }).first().getByRole('button', { name: 'Jump', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /WS-107/ })).toBeVisible();
}

test('a session in German: header, buttons, tools, plurals, close dialog', async ({ page }) => {
  await jumpInLanguage(page, 'de-DE', { jumpItems: 'Jump-Elemente', search: 'Jump-Elemente durchsuchen' });

  // The session's own words.
  const toolbar = page.getByRole('toolbar', { name: 'Sitzung' });
  await expect(toolbar.getByRole('button', { name: 'Sitzung beenden' })).toBeVisible();
  for (const b of ['Heraufsetzen', 'Übertragen', 'Freigeben', 'Mitglied entfernen', 'Chat ausblenden']) {
    await expect(toolbar.getByRole('button', { name: b, exact: true })).toBeVisible();
  }
  for (const tab of ['Bildschirmfreigabe', 'Befehlshell', 'Dateitransfer', 'Systeminformationen']) {
    await expect(page.getByRole('tab', { name: tab })).toBeVisible();
  }
  await expect(page.getByRole('heading', { level: 2, name: 'Chat' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Geben Sie hier Ihre Nachricht ein.' })).toBeVisible();
  // The appliance's own lines in the chat, worded from their key in German.
  const chat = page.getByRole('log', { name: 'Chatnachrichten' });
  await expect(chat.getByText(/Ana Lopez hat einen Jump zu WS-107.* gestartet\.$/)).toBeVisible();
  await expect(chat.getByText(/started a Jump/)).toHaveCount(0);

  // Screen sharing with the vendor's toolbar.
  await page.getByRole('button', { name: 'Bildschirmfreigabe starten' }).click();
  const screenTools = page.getByRole('toolbar', { name: 'Bildschirmfreigabe-Werkzeuge' });
  await expect(screenTools.getByRole('button', { name: 'Bildschirmfreigabe beenden' })).toBeVisible();
  await expect(screenTools.getByRole('button', { name: 'Steuerung anfordern' })).toBeVisible();
  await expect(page.getByText('Anzeige von WS-107')).toBeVisible();
  await expect(page.getByText(/^Warten auf das erste Bild/)).toHaveCount(0, { timeout: 15_000 });
  await expect(chat.getByText(/Ana Lopez hat die Bildschirmfreigabe mit \S+ gestartet \(nur Ansicht\)\.$/)).toBeVisible();
  await page.mouse.move(0, 790);
  await page.screenshot({ path: join(repoRoot, 'docs/screenshots/session-de.png'), animations: 'disabled' });
  const fit = [
    ...(await spills(page, '.session-head .status-badge, .session-head .role-badge, .session-head .mode-badge, .session-facts span', { offPage: true })),
    ...(await spills(page, '.tool-tab', { offPage: true })),
    ...(await spills(page, '.screen-toolbar .tb-btn, .screen-status .st-flag, .screen-status .st-mode', { offPage: true })),
    ...(await spills(page, '.chat-head select, .chat-head h2', { offPage: true })),
  ];
  expect(fit, 'German text cut without an ellipsis and a tooltip').toEqual([]);

  // File Transfer: the vendor's "3 Files, 2 Directories" line as ICU plurals.
  await page.getByRole('tab', { name: 'Dateitransfer' }).click();
  await expect(page.getByRole('table', { name: 'Remote-Dateien' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Volumen' }).getByRole('button').first()).toBeVisible();
  await expect(page.getByText('Wird geladen…')).toHaveCount(0);
  await expect(page.locator('.file-transfer-tool .summary')).toContainText(/\d+ (Datei|Dateien), \d+ (Verzeichnis|Verzeichnisse)/);
  await expect(page.getByRole('columnheader', { name: 'Geändert' })).toBeVisible();
  await page.screenshot({ path: join(repoRoot, 'docs/screenshots/session-files-de.png'), animations: 'disabled' });
  expect(await spills(page, '.file-transfer-tool .toolbar .btn, .file-transfer-tool h4, .ft-panel .toggle', { offPage: true })).toEqual([]);

  // A refusal from the appliance (E_FILE_EXISTS) reads in German too.
  for (let i = 0; i < 2; i++) {
    await page.getByRole('button', { name: 'Neuer Ordner' }).click();
    const mkdir = page.getByRole('dialog', { name: 'Neuer Ordner' });
    await mkdir.getByRole('textbox', { name: 'Ordnername' }).fill('Berichte-2026');
    await mkdir.getByRole('button', { name: 'Erstellen' }).click();
    if (i === 0) await expect(mkdir).toHaveCount(0);
  }
  await expect(page.getByRole('dialog', { name: 'Neuer Ordner' }).getByRole('alert')).toHaveText('Dort existiert bereits eine Datei oder ein Ordner mit diesem Namen.');
  await page.getByRole('dialog', { name: 'Neuer Ordner' }).getByRole('button', { name: 'Abbrechen' }).click();

  // The ✕: End or Hold, in the vendor's words.
  await toolbar.getByRole('button', { name: 'Sitzung beenden' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sitzung beenden oder pausieren' });
  await expect(dialog.getByRole('button', { name: 'Sitzung pausieren' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Sitzung beenden' })).toBeVisible();
  await page.screenshot({ path: join(repoRoot, 'docs/screenshots/session-close-de.png'), animations: 'disabled' });
  expect(await spills(page, '[role="dialog"] .btn', { offPage: true })).toEqual([]);
  await dialog.getByRole('button', { name: 'Sitzung beenden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /WS-107/ })).toHaveCount(0);
});

test('a session in French: the vendor’s words, nothing spills', async ({ page }) => {
  await jumpInLanguage(page, 'fr-FR', { jumpItems: 'Éléments de Jump', search: 'Rechercher des éléments de Jump' });

  const toolbar = page.getByRole('toolbar', { name: 'Session' });
  await expect(toolbar.getByRole('button', { name: 'Mettre fin à la session' })).toBeVisible();
  for (const tab of ['Partage d’écran', 'Interpréteur de commandes', 'Transfert de fichiers', 'Informations système']) {
    await expect(page.getByRole('tab', { name: tab })).toBeVisible();
  }
  await expect(page.getByRole('log', { name: 'Messages du chat' }).getByText(/Ana Lopez a lancé un Jump vers WS-107/)).toBeVisible();
  await page.getByRole('button', { name: 'Démarrer le partage d’écran' }).click();
  await expect(page.getByRole('toolbar', { name: 'Outils de partage d’écran' }).getByRole('button', { name: 'Demander le contrôle' })).toBeVisible();
  await expect(page.getByText(/^En attente de la première image/)).toHaveCount(0, { timeout: 15_000 });
  await page.mouse.move(0, 790);
  await page.screenshot({ path: join(repoRoot, 'docs/screenshots/session-fr.png'), animations: 'disabled' });
  const fit = [
    ...(await spills(page, '.tool-tab', { offPage: true })),
    ...(await spills(page, '.screen-toolbar .tb-btn, .screen-status .st-flag, .screen-status .st-mode', { offPage: true })),
    ...(await spills(page, '.chat-head select, .chat-head h2', { offPage: true })),
  ];
  expect(fit, 'French text cut without an ellipsis and a tooltip').toEqual([]);
});
