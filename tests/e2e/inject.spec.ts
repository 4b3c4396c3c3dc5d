/**
 * Inject Credentials in Chromium against a real demo appliance: Ana Jumps to WS-042 (an emulated
 * Windows PC at its login screen), starts screen sharing, opens Inject Credentials, picks the Vault's
 * outdated DEMO\Administrator (2023) — the PC's login screen refuses it and the dialog says so with
 * its code — then the current DEMO\Administrator: the dialog closes and the next frames show the
 * desktop. No WebSocket message the console received carries either password.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { DEMO, repoRoot, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { logInToConsole } from '../helpers/login-page.js';

let app: RunningAppliance;
const ana = DEMO.reps.general[0];

test.beforeAll(async () => {
  app = await startAppliance({ demo: true });
});
test.afterAll(async () => {
  await app?.stop({ remove: true });
});

interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

/** A checksum of the middle of the remote screen (the login screen's user tile and password box). */
async function middle(page: Page): Promise<number> {
  return page.locator('canvas[aria-label^="Remote screen"]').evaluate((c: CanvasLike) => {
    const d = c.getContext('2d')!.getImageData(Math.floor(c.width * 0.3), Math.floor(c.height * 0.3), Math.floor(c.width * 0.4), Math.floor(c.height * 0.4)).data;
    let h = 0;
    for (let i = 0; i < d.length; i += 4) h = (h * 31 + d[i]! * 7 + d[i + 1]! * 3 + d[i + 2]!) >>> 0;
    return h;
  });
}

test('Jump to the login-screen PC, screen sharing, Inject Credentials from the Vault: wrong, then right', async ({ page }) => {
  const texts: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => void (typeof payload === 'string' ? texts.push(payload) : texts.push(payload.toString('latin1')))));
  await page.setViewportSize({ width: 1400, height: 900 });
  await logInToConsole(page, app.url, ana);
  await page.getByRole('tab', { name: 'Jump Items' }).click();
  await page.getByRole('searchbox', { name: 'Search Jump Items' }).fill('WS-042');
  await page.getByRole('row').filter({ hasText: 'WS-042 Reception' }).first().getByRole('button', { name: 'Jump', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'WS-042 Reception' })).toBeVisible();

  await page.getByRole('tab', { name: 'Screen Sharing' }).click();
  await page.getByRole('button', { name: 'Start Screen Sharing' }).click();
  await expect(page.getByText('Waiting for the first picture')).toBeHidden();
  await page.waitForTimeout(600);
  const atLogin = await middle(page);

  await page.getByRole('button', { name: 'Inject Credentials' }).click();
  const dialog = page.getByRole('dialog', { name: 'Inject Credentials' });
  await expect(dialog.getByRole('option', { name: /^DEMO\\Administrator Local administrator.*Vault$/ })).toBeVisible();
  await dialog.getByLabel('Search').fill('2023');
  await expect(dialog.getByRole('option')).toHaveCount(1);
  await dialog.getByRole('option', { name: /^DEMO\\Administrator \(2023\)/ }).click();
  await dialog.getByRole('button', { name: 'Inject', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('The remote computer did not accept those credentials. (E_INJECT_LOGIN_FAILED)');
  await expect(page.getByRole('log', { name: 'Chat messages' }).getByText('could not inject the credentials “DEMO\\Administrator (2023)”')).toBeVisible();

  await dialog.getByLabel('Search').fill('');
  await dialog.getByRole('option', { name: /^DEMO\\Administrator Local administrator.*Vault$/ }).click();
  await page.screenshot({ path: join(repoRoot, 'docs/screenshots/console-inject-credentials.png') });
  await dialog.getByRole('button', { name: 'Inject', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('The credentials “DEMO\\Administrator” were injected.')).toBeVisible();
  await expect(page.getByRole('log', { name: 'Chat messages' }).getByText('injected the credentials “DEMO\\Administrator” (Vault) into ws-042.corp.example.')).toBeVisible();
  // The next frames show the desktop instead of the login screen.
  await expect.poll(() => middle(page), { timeout: 5000 }).not.toBe(atLogin);
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(repoRoot, 'docs/screenshots/console-inject-credentials-desktop.png') });

  // Now the PC is logged in: a coded refusal, the session goes on.
  await page.getByRole('button', { name: 'Inject Credentials' }).click();
  await expect(page.getByRole('dialog', { name: 'Inject Credentials' }).getByRole('alert')).toContainText('(E_INJECT_NOT_AT_LOGIN)');
  await page.getByRole('dialog', { name: 'Inject Credentials' }).getByRole('button', { name: 'Cancel' }).click();

  expect(texts.length).toBeGreaterThan(10);
  for (const t of texts) {
    expect(t).not.toContain('Demo-Inject-4242!');
    expect(t).not.toContain('Demo-Inject-2023!');
  }
});
