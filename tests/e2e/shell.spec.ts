/**
 * Command Shell in Chromium against a real demo appliance: a rep Jumps to an emulated Linux server,
 * the shell starts in the Command Shell tab (xterm), a command's output shows, a second tab opens
 * (SHELL 2), Ctrl+C interrupts a running command, the shell stays inside its sandbox, and the
 * recording links download the asciicast and the transcript.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { DEMO, repoRoot, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { logInToConsole } from '../helpers/login-page.js';

let app: RunningAppliance;

test.beforeAll(async () => {
  app = await startAppliance({ demo: true, env: { REP_DEMO_CONSENT_MS: '0' } });
});
test.afterAll(async () => {
  await app?.stop({ remove: true });
});

async function jumpTo(page: Page, who: { username: string; password: string }, search: string, name: string): Promise<void> {
  await logInToConsole(page, app.url, who);
  await expect(page.getByRole('button', { name: 'Home' })).toBeVisible();
  await page.getByRole('tab', { name: 'Jump Items' }).click();
  await page.getByRole('searchbox', { name: 'Search Jump Items' }).fill(search);
  const row = page.getByRole('row').filter({ hasText: name }).first();
  await row.getByRole('button', { name: 'Jump', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** The visible terminal's text. */
const screen = (page: Page) => page.locator('.term-host:not(.hidden) .xterm-rows');

async function type(page: Page, text: string): Promise<void> {
  await page.locator('.term-host:not(.hidden) .xterm').click();
  await page.keyboard.type(text);
}

test('Command Shell: run a command, a second tab, Ctrl+C, the sandbox, the recording', async ({ page }) => {
  await jumpTo(page, DEMO.admin, 'web-01', 'web-01 (nginx)');
  await page.getByRole('tab', { name: 'Command Shell' }).click();

  const tabs = page.getByRole('tablist', { name: 'Command shells' });
  await expect(tabs.getByRole('tab', { name: 'SHELL 1' })).toBeVisible();
  await expect(screen(page)).toContainText('admin@web-01:~$');

  await type(page, 'hostname\n');
  await expect(screen(page)).toContainText(/hostname\s*web-01/);
  await type(page, 'echo "hello from the rep"\n');
  await expect(screen(page)).toContainText('hello from the rep');

  // The sandbox: nothing above the home folder.
  await type(page, 'cd ..\n');
  await expect(screen(page)).toContainText('bash: cd: ..: Permission denied');
  await type(page, 'ls /etc\n');
  await expect(screen(page)).toContainText("ls: cannot open directory '/etc': Permission denied");

  // A second shell in its own tab.
  await page.getByRole('button', { name: 'New shell' }).click();
  await expect(tabs.getByRole('tab', { name: 'SHELL 2' })).toHaveAttribute('aria-selected', 'true');
  await expect(screen(page)).toContainText('admin@web-01:~$');
  await expect(screen(page)).not.toContainText('hello from the rep');
  await type(page, 'mkdir reports\ncd reports\n');
  await expect(screen(page)).toContainText('admin@web-01:~/reports$');

  // Ctrl+C interrupts a running command.
  await type(page, 'ping 10.0.2.1\n');
  await expect(screen(page)).toContainText('icmp_seq=2');
  await page.keyboard.press('Control+c');
  await expect(screen(page)).toContainText('--- 10.0.2.1 ping statistics ---');
  await expect(screen(page).locator('div').last()).toBeVisible();
  await type(page, 'echo after-interrupt\n');
  await expect(screen(page)).toContainText('after-interrupt');

  await page.screenshot({ path: join(repoRoot, 'docs/screenshots/console-command-shell.png'), animations: 'disabled' });

  // Back to SHELL 1: its scrollback is still there.
  await tabs.getByRole('tab', { name: 'SHELL 1' }).click();
  await expect(screen(page)).toContainText('hello from the rep');
  // Switching tools keeps the shells.
  await page.getByRole('tab', { name: 'System Info' }).click();
  await page.getByRole('tab', { name: 'Command Shell' }).click();
  await expect(screen(page)).toContainText('hello from the rep');

  // The recording of the active shell downloads (the console's cookie authorizes it).
  const recording = page.getByRole('link', { name: 'recording' });
  const href = await recording.getAttribute('href');
  expect(href).toMatch(/^\/console\/recordings\/\d+\.cast\?download=1$/);
  const cast = await page.request.get(app.url + href);
  expect(cast.status()).toBe(200);
  expect((await cast.text()).split('\n')[0]).toContain('"version":2');
  const transcript = await page.request.get(app.url + (await page.getByRole('link', { name: 'transcript' }).getAttribute('href')));
  expect(await transcript.text()).toContain('hello from the rep');

  // Closing a tab ends its shell; the other one stays.
  await page.getByRole('button', { name: 'Close SHELL 2' }).click();
  await expect(tabs.getByRole('tab', { name: 'SHELL 2' })).toHaveCount(0);
  await expect(tabs.getByRole('tab', { name: 'SHELL 1' })).toHaveAttribute('aria-selected', 'true');
});
