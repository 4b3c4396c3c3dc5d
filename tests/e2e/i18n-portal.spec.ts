/**
 * The customer portal speaks the customer's language (issue 11): French and German browsers get the
 * portal in their language, the switcher in the banner changes it at once, and German's long words
 * do not break the layout.
 */
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { repoRoot, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { fitsWidth } from '../helpers/layout.js';

let app: RunningAppliance;
test.beforeAll(async () => {
  app = await startAppliance({ demo: true });
});
test.afterAll(async () => {
  await app?.stop({ remove: true });
});

for (const [locale, title, key, submit] of [
  ['fr-FR', 'Comment pouvons-nous vous aider ?', 'Clé de session', 'Envoyer'],
  ['de-DE', 'Wie können wir helfen?', 'Sitzungsschlüssel', 'Absenden'],
] as const) {
  test(`a ${locale} browser gets the portal in its language`, async ({ browser }) => {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await page.goto(`${app.url}/`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByLabel(key)).toBeVisible();
    await expect(page.getByRole('button', { name: submit }).first()).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    // Long words wrap instead of pushing the page sideways.
    expect(await fitsWidth(page)).toBe(true);
    await page.screenshot({ path: join(repoRoot, `docs/screenshots/portal-${locale.slice(0, 2)}.png`) });

    // A wrong key is refused in the customer's language.
    await page.getByRole('button', { name: submit }).first().click();
    await expect(page.getByRole('alert')).not.toHaveText(/Enter the session key/);

    // The switcher: English at once, no reload.
    await page.getByRole('combobox', { name: /Langue|Sprache/ }).selectOption('en-US');
    await expect(page.getByRole('heading', { level: 1, name: 'How can we help?' })).toBeVisible();
    await context.close();
  });
}
