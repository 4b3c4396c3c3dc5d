/**
 * Screen Sharing in Chromium against a real demo appliance: Ana Jumps to MUENCHEN-POS-02 (an
 * emulated Windows till with a customer display as second monitor), starts screen sharing, takes
 * control, types into Notepad on the virtual desktop and sees it on the next frame; Black and
 * White sends far fewer bytes than All Colors (measured on the WebSocket); Screenshot saves a PNG;
 * Ctrl-Alt-Del shows the Windows security screen; Stop returns to the start card. A real agent
 * (`rep-appliance customer`) says screen sharing is not available, with its code.
 */
import { expect, test, type Page, type WebSocket as PwWebSocket } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/agent-cli.js';
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

/** What the tests read from the viewer's canvas (the e2e tsconfig has no DOM types). */
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

interface WireFrame {
  bytes: number;
  keyframe: boolean;
  colorMode: number;
  width: number;
}

/** Screen frames received on the console socket (binary messages: "RSS1", stream id, packed frame). */
function recordFrames(page: Page): WireFrame[] {
  const frames: WireFrame[] = [];
  page.on('websocket', (ws: PwWebSocket) => {
    if (!ws.url().endsWith('/ws/console')) return;
    ws.on('framereceived', ({ payload }) => {
      if (typeof payload === 'string' || payload.length < 8 + 36 || payload.readUInt32LE(0) !== 0x31535352) return;
      frames.push({ bytes: payload.length, keyframe: (payload[8 + 5]! & 1) === 1, colorMode: payload[8 + 7]!, width: payload.readUInt16LE(8 + 12) });
    });
  });
  return frames;
}

/** A checksum of the canvas pixels in a rectangle given as fractions of the remote screen. */
async function region(page: Page, fx: number, fy: number, fw: number, fh: number): Promise<number> {
  return page.locator('canvas[aria-label^="Remote screen"]').evaluate(
    (c: CanvasLike, [fx, fy, fw, fh]) => {
      const ctx = c.getContext('2d')!;
      const d = ctx.getImageData(Math.floor(c.width * fx), Math.floor(c.height * fy), Math.max(1, Math.floor(c.width * fw)), Math.max(1, Math.floor(c.height * fh))).data;
      let h = 0;
      for (let i = 0; i < d.length; i += 4) h = (h * 31 + d[i]! * 7 + d[i + 1]! * 3 + d[i + 2]!) >>> 0;
      return h;
    },
    [fx, fy, fw, fh] as const,
  );
}

async function logInAndJump(page: Page, name: string): Promise<void> {
  await logInToConsole(page, app.url, ana);
  await page.getByRole('tab', { name: 'Jump Items' }).click();
  await page.getByRole('searchbox', { name: 'Search Jump Items' }).fill(name);
  await page.getByRole('row').filter({ hasText: name }).first().getByRole('button', { name: 'Jump', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

const settle = (page: Page, ms = 400) => page.waitForTimeout(ms);

test('take control of an emulated endpoint’s screen, type into Notepad, colour modes, screenshot', async ({ page }, testInfo) => {
  const frames = recordFrames(page);
  await logInAndJump(page, 'MUENCHEN-POS-02');
  await expect(page.getByRole('tab', { name: 'Screen Sharing' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'Start Screen Sharing' }).click();

  const screen = page.locator('canvas[aria-label^="Remote screen of MUC-POS-02"]');
  await expect(screen).toHaveAttribute('aria-label', 'Remote screen of MUC-POS-02 (view only)');
  await expect(page.getByText('Waiting for the first picture')).toBeHidden();
  await expect(page.getByText('Viewing MUC-POS-02')).toBeVisible();
  await expect(page.getByRole('log', { name: 'Chat messages' }).getByText('Ana Lopez started screen sharing with muc-pos-02.branch.example (view only).')).toBeVisible();

  // The monitor menu: the primary is marked P.
  const toolbar = page.getByRole('toolbar', { name: 'Screen sharing tools' });
  await toolbar.getByRole('button', { name: 'Monitor 1 P' }).click();
  await expect(page.getByRole('menuitem', { name: /Monitor 1 P/ })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /Monitor 2/ })).toBeVisible();
  await page.keyboard.press('Escape');

  // Take control, click into Notepad's text (640..1400 × 260..760 of 1920×1080) and type.
  await toolbar.getByRole('button', { name: 'Request Control' }).click();
  await expect(screen).toHaveAttribute('aria-label', 'Remote screen of MUC-POS-02 (you are in control)');
  await expect(page.getByText('In control of MUC-POS-02')).toBeVisible();
  const box = (await screen.boundingBox())!;
  await page.mouse.click(box.x + box.width * (1000 / 1920), box.y + box.height * (700 / 1080));
  await settle(page);
  const textArea = [650 / 1920, 420 / 1080, 700 / 1920, 120 / 1080] as const;
  const before = await region(page, ...textArea);
  const framesBefore = frames.length;
  await page.keyboard.type('Rep typed this over screen sharing');
  await expect.poll(() => region(page, ...textArea)).not.toBe(before);
  expect(frames.length).toBeGreaterThan(framesBefore);

  // Colour modes change the bytes on the wire: the keyframe in Black and White vs All Colors (same size).
  await settle(page);
  const allColors = frames.filter((f) => f.keyframe && f.colorMode === 3).at(-1)!;
  expect(allColors).toBeDefined();
  await toolbar.getByRole('button', { name: 'Color Mode: All Colors' }).click();
  await page.getByRole('menuitem', { name: /Black and White/ }).click();
  await expect(toolbar.getByRole('button', { name: 'Color Mode: Black and White' })).toBeVisible();
  await expect.poll(() => frames.some((f) => f.keyframe && f.colorMode === 0)).toBe(true);
  const bw = frames.find((f) => f.keyframe && f.colorMode === 0)!;
  expect(bw.width).toBe(allColors.width);
  expect(bw.bytes).toBeLessThan(allColors.bytes / 4);
  testInfo.annotations.push({ type: 'bytes', description: `keyframe ${allColors.width}px wide: All Colors ${allColors.bytes} B, Black and White ${bw.bytes} B` });
  await toolbar.getByRole('button', { name: 'Color Mode: Black and White' }).click();
  await page.getByRole('menuitem', { name: /All Colors/ }).click();

  // Screenshot > Save to File: a full-resolution PNG of the monitor.
  await toolbar.getByRole('button', { name: 'Screenshot' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Save to File' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^MUC-POS-02-monitor-1-.+\.png$/);
  const png = readFileSync((await download.path())!);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1920, 1080]);
  await expect(page.getByText(/The screenshot was saved as MUC-POS-02-monitor-1-/)).toBeVisible();

  // docs/screenshots: the live screen in control mode, Notepad holding what the rep typed.
  await settle(page, 600);
  await page.screenshot({ path: join(repoRoot, 'docs/screenshots/console-screen-sharing.png') });

  // Ctrl-Alt-Del shows the Windows security options; again returns to the desktop.
  const whole = await region(page, 0.3, 0.3, 0.4, 0.4);
  await toolbar.getByRole('button', { name: 'Send Ctrl-Alt-Del' }).click();
  await expect.poll(() => region(page, 0.3, 0.3, 0.4, 0.4)).not.toBe(whole);
  await settle(page, 600);
  await page.screenshot({ path: join(repoRoot, 'docs/screenshots/console-screen-ctrl-alt-del.png') });
  await toolbar.getByRole('button', { name: 'Send Ctrl-Alt-Del' }).click();
  await expect.poll(() => region(page, 0.3, 0.3, 0.4, 0.4)).toBe(whole);

  // Special actions and the privacy screen: the privacy screen needs an elevated session.
  await expect(toolbar.getByRole('button', { name: 'Privacy Screen' })).toBeDisabled();
  await toolbar.getByRole('button', { name: 'Special Actions' }).click();
  await expect(page.getByRole('menuitem', { name: /Task Manager/ })).toBeVisible();
  await page.getByRole('menuitem', { name: /Task Manager/ }).click();
  await expect(page.getByText('Task Manager was started.')).toBeVisible();

  // Screen sharing keeps running while the rep looks at another tool, and picks up again on return.
  await page.getByRole('tab', { name: 'Command Shell' }).click();
  await expect(screen).toBeHidden();
  await page.getByRole('tab', { name: 'Screen Sharing' }).click();
  await expect(screen).toHaveAttribute('aria-label', 'Remote screen of MUC-POS-02 (you are in control)');
  await expect(page.getByText('Waiting for the first picture')).toBeHidden();
  const back = await region(page, ...textArea);
  await page.keyboard.press('Enter');
  await page.mouse.click(box.x + box.width * (1000 / 1920), box.y + box.height * (700 / 1080));
  await page.keyboard.type('still here');
  await expect.poll(() => region(page, ...textArea)).not.toBe(back);

  // Stop: back to the start card, and the chat says so.
  await toolbar.getByRole('button', { name: 'Stop Screen Sharing' }).click();
  await expect(page.getByRole('button', { name: 'Start Screen Sharing' })).toBeVisible();
  await expect(page.getByRole('log', { name: 'Chat messages' }).getByText('Ana Lopez stopped screen sharing.')).toBeVisible();
});

test('a mobile endpoint is view only', async ({ page }) => {
  await logInAndJump(page, 'MUENCHEN-IPAD-LAGER');
  await expect(page.getByText('View the screen of muc-ipad-lager, and take control of its mouse and keyboard.')).toBeVisible();
  await page.screenshot({ path: join(repoRoot, 'docs/screenshots/console-screen-start.png') });
  await page.getByRole('button', { name: 'Start Screen Sharing' }).click();
  const toolbar = page.getByRole('toolbar', { name: 'Screen sharing tools' });
  await expect(page.locator('canvas[aria-label="Remote screen of muc-ipad-lager (view only)"]')).toBeVisible();
  await expect(page.getByText('Waiting for the first picture')).toBeHidden();
  // A portrait picture arrived (the phone's 750×1334 screen, scaled to fit).
  await expect.poll(() => page.locator('canvas[aria-label^="Remote screen"]').evaluate((c: CanvasLike) => c.height > c.width && c.width > 0)).toBe(true);
  await expect(toolbar.getByRole('button', { name: 'Request Control' })).toBeDisabled();
  await expect(page.getByText('View only (mobile device)')).toBeVisible();
  await settle(page, 600);
  await page.screenshot({ path: join(repoRoot, 'docs/screenshots/console-screen-mobile.png') });
});

test('a real agent’s machine says screen sharing is not available', async ({ page }) => {
  await logInToConsole(page, app.url, ana);
  await page.getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: 'Generate Session Key...' }).click();
  const digits = page.locator('.key-digits');
  await expect(digits).toHaveText(/\d/);
  const key = (await digits.innerText()).replace(/\D/g, '');
  await page.keyboard.press('Escape');

  const home = mkdtempSync(join(tmpdir(), 'rep-screen-e2e-'));
  const cli = runCli(['customer', '--site', app.url, '--key', key, '--name', 'Pat Agent', '--allow-path', home]);
  try {
    await cli.waitFor('this computer is attached to the session', 15_000);
    await page.getByRole('button', { name: 'Home' }).click();
    await page.getByRole('row').filter({ hasText: 'Pat Agent' }).click();
    await page.getByRole('complementary', { name: 'Session Details' }).getByRole('button', { name: 'Accept' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Pat Agent/ })).toBeVisible();

    // The customer is asked first (their own machine); once they allow it, the stream starts and is refused.
    await page.getByRole('tabpanel', { name: 'Screen Sharing' }).getByRole('button', { name: 'Start Screen Sharing' }).click();
    await cli.waitFor('Allow? [y/n]');
    cli.type('y');
    const panel = page.getByRole('tabpanel', { name: 'Screen Sharing' });
    await expect(panel.getByRole('alert')).toContainText(/^Screen sharing is not available on this endpoint: the agent on .+ does not capture its screen\. \(E_SCREEN_UNAVAILABLE\)$/);
    await expect(panel.getByText('The Command Shell, File Transfer and System Info tools work on this computer.')).toBeVisible();
    await page.screenshot({ path: join(repoRoot, 'docs/screenshots/console-screen-unavailable.png') });
  } finally {
    await cli.kill();
    rmSync(home, { recursive: true, force: true });
  }
});
