/**
 * The desktop console end to end in a real Electron: the embedded demo site starts, the hardened
 * window shows /console, a rep logs in; the window cannot be steered elsewhere; quitting stops the
 * site. Skipped, with the reason, where no Electron binary runs (see electron-binary.ts).
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEMO } from '../helpers/appliance.js';
import { TestClient } from '../helpers/ws-client.js';
import { findElectronBinary } from './electron-binary.js';

const root = resolve(import.meta.dirname, '../..');
const mainBundle = join(root, 'out/main/index.js');
const binary = findElectronBinary();
const ana = DEMO.reps.general[0];
// Say why once, in the runner (the list reporter shows skipped tests but not their reason).
if (!binary.runs && process.env.TEST_WORKER_INDEX === undefined) console.log(`Electron e2e: skipped — ${binary.reason}`);

/** What the page can see of the preload's capability object and of Node (typed loosely: no DOM lib here). */
type PageGlobals = { require?: unknown; process?: unknown; module?: unknown; repConsole?: Record<string, unknown>; location: { href: string } };

interface Launched {
  app: ElectronApplication;
  page: Page;
  userData: string;
  origin: string;
}

const running: Launched[] = [];

async function launch(): Promise<Launched> {
  if (!binary.runs) throw new Error('unreachable: the suite is skipped without a binary');
  const userData = mkdtempSync(join(tmpdir(), 'rep-console-e2e-'));
  const app = await electron.launch({
    executablePath: binary.path,
    args: [mainBundle],
    env: { ...process.env, REP_CONSOLE_USER_DATA_DIR: userData },
    timeout: 60_000,
  });
  const page = await app.firstWindow();
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/console/, { timeout: 60_000 });
  const launched = { app, page, userData, origin: new URL(page.url()).origin };
  running.push(launched);
  return launched;
}

async function logIn(page: Page, who: { username: string; password: string }): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await page.getByLabel('Username').fill(who.username);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Log In' }).click();
}

test.describe('desktop console (Electron)', () => {
  test.skip(!binary.runs, `No Electron binary runs on this machine: ${binary.runs ? '' : binary.reason}`);

  test.afterEach(async () => {
    for (const l of running.splice(0)) {
      await l.app.close().catch(() => undefined);
      rmSync(l.userData, { recursive: true, force: true });
    }
  });

  test('starts its embedded demo site and a rep logs in, in a hardened window', async () => {
    const { app, page, userData } = await launch();

    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const win = BrowserWindow.getAllWindows()[0]!;
      // getLastWebPreferences is real but missing from Electron's typings.
      const p = (win.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
      return {
        contextIsolation: p.contextIsolation,
        sandbox: p.sandbox,
        nodeIntegration: p.nodeIntegration,
        webviewTag: p.webviewTag,
        webSecurity: p.webSecurity,
        title: win.getTitle(),
        minimumSize: win.getMinimumSize(),
      };
    });
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true, minimumSize: [1024, 640] });
    expect(prefs.title).toContain('Rep Console');

    // The page sees the capability object and nothing of Node or IPC.
    const seen = await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      return { require: typeof g.require, process: typeof g.process, module: typeof g.module, api: Object.keys(g.repConsole ?? {}).sort() };
    });
    expect(seen).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      api: ['keychainStatus', 'loadLoginToken', 'notify', 'openFiles', 'platform', 'saveFile', 'saveLoginToken', 'saveUpdateToken', 'setWaitingCount', 'version'],
    });

    await logIn(page, ana);
    await expect(page.getByRole('button', { name: 'Home' })).toBeVisible();
    await expect(page.getByRole('button', { name: ana.displayName })).toBeVisible();
    expect(existsSync(join(userData, 'site', 'site.db'))).toBe(true);
  });

  test('stays on the embedded site: navigation elsewhere and new windows are refused', async () => {
    const { app, page, origin } = await launch();
    await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals & { open(url: string): unknown };
      g.open('file:///etc/passwd');
      g.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(1000);
    expect(new URL(page.url()).origin).toBe(origin);
    expect(app.windows()).toHaveLength(1);
  });

  test('a hand-off file opened in a second launch logs the desktop console in and the web console out', async () => {
    const { page, origin, userData } = await launch();
    // A web console on the embedded site (a browser tab would do the same), and its hand-off file.
    const web = await TestClient.connect(origin);
    await web.call('auth.login', { username: ana.username, password: ana.password, console: 'web' });
    const file = await web.call('desktop.handoff', {});
    const path = join(userData, file.fileName);
    writeFileSync(path, file.text);
    // The OS opens it with the console: a second instance hands its argv to the running one and quits.
    const second = spawn(binary.runs ? binary.path : 'false', [mainBundle, '--', path], { env: { ...process.env, REP_CONSOLE_USER_DATA_DIR: userData }, stdio: 'ignore' });
    await new Promise((resolve) => second.once('exit', resolve));
    await expect(page.getByRole('button', { name: ana.displayName })).toBeVisible({ timeout: 30_000 });
    const kicked = await web.until(() => web.events.find((e) => e.event === 'auth.kicked')?.data as { code: string } | undefined, 10_000);
    expect(kicked.code).toBe('E_AUTH_HANDED_OFF');
  });

  test('quitting stops the embedded site', async () => {
    const launched = await launch();
    const health = await fetch(`${launched.origin}/console`);
    expect(health.ok).toBe(true);
    await launched.app.close();
    await expect(fetch(`${launched.origin}/console`)).rejects.toThrow();
  });
});
