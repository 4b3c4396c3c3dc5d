/**
 * The customer portal speaks the customer's language (issue 11): French and German browsers get the
 * portal in their language, the switcher in the banner changes it at once, German's long words do
 * not break the layout, and the appliance's own lines in the chat (sent as a key and arguments) read
 * in the customer's language too.
 */
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { DEMO, repoRoot, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { fitsWidth } from '../helpers/layout.js';
import { rep } from '../helpers/support.js';

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

test('a French customer reads the appliance’s lines in French, down to why the session ended', async ({ browser }) => {
  const ana = DEMO.reps.general[0];
  const repClient = await rep(app.url, ana.username);
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  try {
    await page.goto(`${app.url}/`);
    const form = page.getByRole('region', { name: 'Dites-nous ce dont vous avez besoin' });
    await form.getByLabel('Votre nom').fill('Camille Martin');
    await form.getByLabel('Problème', { exact: true }).selectOption({ label: 'Printer or scanner' });
    const response = page.waitForResponse((r) => r.url().endsWith('/api/portal/sessions') && r.request().method() === 'POST');
    await form.getByRole('button', { name: 'Envoyer' }).click();
    const { sessionId } = (await (await response).json()) as { sessionId: string };

    const log = page.getByRole('log', { name: 'Conversation' });
    await repClient.call('session.accept', { sessionId });
    await expect(page.getByRole('heading', { name: `${ana.displayName} a rejoint la session` })).toBeVisible();
    await repClient.call('session.hold', { sessionId });
    await expect(log.getByText(`${ana.displayName} a mis la session en attente.`, { exact: true })).toBeVisible();
    await repClient.call('session.accept', { sessionId });
    await expect(log.getByText(`${ana.displayName} a repris la session.`, { exact: true })).toBeVisible();
    await expect(log.getByText(/put the session on hold|resumed the session/)).toHaveCount(0);

    await repClient.call('session.end', { sessionId });
    await expect(page.getByRole('heading', { name: 'Cette session est terminée' })).toBeVisible();
    await expect(page.locator('.chat-ended')).toContainText(`${ana.displayName} a mis fin à la session.`);

    // The switcher rewords what is already on the page, without a reload.
    await page.getByRole('combobox', { name: 'Langue' }).selectOption('en-US');
    await expect(log.getByText(`${ana.displayName} put the session on hold.`, { exact: true })).toBeVisible();
    await expect(page.locator('.chat-ended')).toContainText(`${ana.displayName} ended the session.`);
  } finally {
    repClient.close();
    await context.close();
  }
});
