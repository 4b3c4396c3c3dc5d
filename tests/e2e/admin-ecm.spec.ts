/**
 * /login > Status > ECM Clients in Chromium against a real demo appliance: the demo ECM (its own
 * child process, file plugin) is listed with its hostname, version, plugin and connection time; a
 * second ECM process joins as Standby; one with a wrong client secret is listed nowhere. A site
 * without ECMs says so.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { DEMO, repoRoot, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { runCli, type RunningCli } from '../helpers/agent-cli.js';

let app: RunningAppliance;
const clis: RunningCli[] = [];
test.beforeAll(async () => {
  app = await startAppliance({ demo: true });
});
test.afterAll(async () => {
  await Promise.all(clis.map((c) => c.kill()));
  await app?.stop({ remove: true });
});

async function adminLogIn(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/login#/status`);
  await page.getByLabel('Username').fill(DEMO.admin.username);
  await page.getByLabel('Password').fill(DEMO.admin.password);
  await page.getByRole('button', { name: 'Log In' }).click();
  await expect(page.getByRole('navigation', { name: 'Administration' })).toBeVisible();
}

const ecmArgs = (secret: string, name: string) => {
  const u = new URL(app.url);
  return ['ecm', '--client-id', 'demo-ecm', '--client-secret', secret, '--site', `http://${u.hostname}`, '--port', u.port, '--plugin', 'file', '--name', name, '--file', join(app.dataDir, 'demo-ecm/credentials.ecm'), '--passphrase-file', join(app.dataDir, 'demo-ecm/passphrase')];
};

test('Status lists the connected ECMs: the demo ECM answers, a second one stands by, a wrong secret is not listed', async ({ page }) => {
  // The demo ECM starts with the appliance; on a loaded machine it may take a moment to connect.
  await adminLogIn(page, app.url);
  const section = page.getByRole('region', { name: 'ECM Clients' });
  await expect
    .poll(async () => {
      await page.reload();
      return (await section.textContent({ timeout: 5_000 })) ?? '';
    }, { timeout: 30_000 })
    .toContain('Demo ECM');

  const wrong = runCli(ecmArgs('not-the-secret', 'Intruder ECM'));
  clis.push(wrong);
  const standby = runCli(ecmArgs('demo-ecm-secret', 'Backup ECM'));
  clis.push(standby);
  await standby.waitFor('ECM connected', 15_000);
  expect((await wrong.exited()).code).toBe(3);
  await page.reload();
  const rows = section.getByRole('row');
  // The demo ECM starts with the appliance, so it has been connected longest.
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('Demo ECM');
  await expect(rows.nth(1)).toContainText('file');
  await expect(rows.nth(1)).toContainText('Answers requests');
  await expect(rows.nth(2)).toContainText('Backup ECM');
  await expect(rows.nth(2)).toContainText('Standby');
  await expect(section).not.toContainText('Intruder');
  await expect(section.getByRole('columnheader')).toHaveText(['Name', 'Hostname', 'Version', 'Plugin', 'Connected Since', 'Role']);
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: join(repoRoot, 'docs/screenshots/admin-status-ecm.png') });

  // The standby leaves: the list follows on the next load.
  await standby.kill();
  await page.reload();
  await expect(page.getByRole('region', { name: 'ECM Clients' }).getByRole('row')).toHaveCount(2);
});

test('Management > ECM Accounts: a new account’s secret is shown once, and an ECM using it shows up on Status', async ({ page }) => {
  await adminLogIn(page, app.url);
  await page.getByRole('link', { name: 'Management', exact: true }).click();
  const section = page.getByRole('region', { name: 'ECM Accounts' });
  await section.getByRole('button', { name: 'Add ECM account' }).click();
  await section.getByRole('button', { name: 'Create ECM account' }).click();
  await expect(section.getByRole('alert')).toHaveText('Give the ECM account a name, such as the server the ECM runs on.');
  await section.getByLabel('Name').fill('ECM on vault-01');
  await section.getByRole('button', { name: 'Create ECM account' }).click();
  await expect(section.getByRole('status')).toHaveText('ECM account “ECM on vault-01” created.');
  const clientId = (await section.getByTestId('ecm-client-id').textContent())!.trim();
  const clientSecret = (await section.getByTestId('ecm-client-secret').textContent())!.trim();
  await expect(section.getByRole('table', { name: 'ECM accounts' })).toContainText('ECM on vault-01');
  await section.screenshot({ path: join(repoRoot, 'docs/screenshots/admin-management-ecm-accounts.png') });
  await section.getByRole('button', { name: 'I have stored it' }).click();
  await expect(section.getByTestId('ecm-client-secret')).toHaveCount(0);

  const args = ecmArgs(clientSecret, 'vault-01 ECM');
  args[2] = clientId;
  const cli = runCli(args);
  clis.push(cli);
  await cli.waitFor('ECM connected', 15_000);
  await page.getByRole('link', { name: 'Status', exact: true }).click();
  await expect(page.getByRole('region', { name: 'ECM Clients' })).toContainText('vault-01 ECM');

  // Deleting the account disconnects its ECM at once; the ECM is refused when it tries again and stops.
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('link', { name: 'Management', exact: true }).click();
  await section.getByRole('row', { name: /ECM on vault-01/ }).getByRole('button', { name: 'Delete' }).click();
  await expect(section.getByRole('status')).toHaveText('ECM account “ECM on vault-01” deleted.');
  expect((await cli.exited()).code).toBe(3);
  await page.getByRole('link', { name: 'Status', exact: true }).click();
  await expect(page.getByRole('region', { name: 'ECM Clients' })).not.toContainText('vault-01 ECM');
});

test('a site without ECMs says so', async ({ page }) => {
  const bare = await startAppliance({ demo: true, env: { REP_DEMO_ECM: '0' } });
  try {
    await adminLogIn(page, bare.url);
    await expect(page.getByRole('region', { name: 'ECM Clients' }).getByText('No ECM clients connected.')).toBeVisible();
  } finally {
    await bare.stop({ remove: true });
  }
});
