/**
 * The console as the desktop app runs it, in Chromium: the preload's `window.repConsole` bridge is
 * stood in for by a script (no Electron binary here) that records what the page asks of it. A .brcs
 * file's commands handed over after its login run in the console (the Jump starts by itself), a
 * screenshot goes to the native save dialog (saveFile) instead of a browser download, and the
 * waiting count reaches the taskbar badge.
 */
import { expect, test } from '@playwright/test';
import { DEMO, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { logInToConsole } from '../helpers/login-page.js';

let app: RunningAppliance;
const ana = DEMO.reps.general[0];

test.beforeAll(async () => {
  app = await startAppliance({ demo: true });
});
test.afterAll(async () => {
  await app?.stop({ remove: true });
});

interface Recorded {
  saved: { kind: string; name: string; bytes: number; png: boolean }[];
  waiting: number[];
  taken: number;
}

test('a .brcs file’s Jump runs in the console; Screenshot > Save to File uses the native save dialog', async ({ page }) => {
  await page.addInitScript(() => {
    const rec: Recorded = { saved: [], waiting: [], taken: 0 };
    (globalThis as unknown as { __bridge: Recorded }).__bridge = rec;
    let handed = false;
    (globalThis as unknown as { repConsole: unknown }).repConsole = Object.freeze({
      version: '0.0.0-test',
      platform: 'linux',
      saveLoginToken: async () => true,
      loadLoginToken: async () => null,
      notify: () => undefined,
      setWaitingCount: (n: number) => void rec.waiting.push(n),
      saveFile: async (kind: string, name: string, data: Uint8Array) => {
        rec.saved.push({ kind, name, bytes: data.byteLength, png: data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47 });
        return { saved: true, fileName: name };
      },
      takeBrcsCommands: async () => {
        rec.taken++;
        if (handed) return [];
        handed = true;
        return [{ file: 'ops.brcs-demo', commands: [{ line: 2, command: { action: 'start_jump_item_session', params: { search_string: 'muc-pos-02' }, custom: {} } }] }];
      },
      onBrcsCommandsReady: () => () => undefined,
    });
  });

  await logInToConsole(page, app.url, ana);

  // The file's start_jump_item_session: one match, so the Jump starts without a click.
  await expect(page.getByRole('heading', { level: 1, name: 'MUENCHEN-POS-02' })).toBeVisible();
  expect(await page.evaluate(() => (globalThis as unknown as { __bridge: Recorded }).__bridge.taken)).toBeGreaterThanOrEqual(1);

  await page.getByRole('button', { name: 'Start Screen Sharing' }).click();
  await expect(page.getByText('Waiting for the first picture')).toBeHidden();
  const toolbar = page.getByRole('toolbar', { name: 'Screen sharing tools' });
  await toolbar.getByRole('button', { name: 'Screenshot' }).click();
  await page.getByRole('menuitem', { name: 'Save to File' }).click();
  await expect(page.getByText(/The screenshot was saved as MUC-POS-02-monitor-1-.+\.png\./)).toBeVisible();
  const bridge = await page.evaluate(() => (globalThis as unknown as { __bridge: Recorded }).__bridge);
  expect(bridge.saved).toHaveLength(1);
  expect(bridge.saved[0]).toMatchObject({ kind: 'screenshot', png: true });
  expect(bridge.saved[0]!.name).toMatch(/^MUC-POS-02-monitor-1-.+\.png$/);
  expect(bridge.saved[0]!.bytes).toBeGreaterThan(1000);
  // The queues' waiting count went to the badge.
  expect(bridge.waiting.length).toBeGreaterThan(0);
});
