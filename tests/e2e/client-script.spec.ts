/**
 * The client scripting API's web console path in Chromium against a real demo appliance:
 * /api/client_script?type=web_console… → (login) → one match starts, several offer a choice, none
 * says so.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { liftOfficeHours } from '../helpers/office-hours.js';

let app: RunningAppliance;
const ana = DEMO.reps.general[0];

test.beforeAll(async () => {
  app = await startAppliance({ demo: true });
  liftOfficeHours(app.dataDir);
});
test.afterAll(async () => {
  await app?.stop({ remove: true });
});

const scriptUrl = (criteria: string) => `${app.url}/api/client_script?type=web_console&operation=execute&action=start_jump_item_session&${criteria}`;

async function fillLogin(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await page.getByLabel('Username').fill(ana.username);
  await page.getByLabel('Password').fill(ana.password);
  await page.getByRole('button', { name: 'Log In' }).click();
}

async function logIn(page: Page): Promise<void> {
  await page.goto(`${app.url}/console`);
  await fillLogin(page);
  await expect(page.getByRole('button', { name: ana.displayName })).toBeVisible();
}

const jumpTable = (page: Page) => page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Last Accessed' }) });

test('signed out: the link shows the login screen, then starts the one matching Jump Item', async ({ page }) => {
  await page.goto(scriptUrl('search_string=dc01.corp.example'));
  await expect(page).toHaveURL(/\/console#client_script=/);
  await fillLogin(page);

  // The Jump starts (jump.start): its session view opens.
  await expect(page.getByRole('heading', { level: 1, name: 'DC01 – Domain Controller' })).toBeVisible();
  await expect(page.getByRole('log', { name: 'Chat messages' }).getByText('Ana Lopez started a Jump to DC01 – Domain Controller.')).toBeVisible();
  // The Jump Items view shows the item the script found, details open.
  await page.getByRole('tab', { name: 'Jump Items' }).click();
  await expect(page.getByRole('searchbox', { name: 'Search Jump Items' })).toHaveValue('DC01 – Domain Controller');
  await expect(jumpTable(page).getByText('Primary domain controller')).toBeVisible();

  // The script ran once: it left the address, so a reload does not run it again.
  await expect(page).toHaveURL(`${app.url}/console`);
  await page.reload();
  await expect(page.getByRole('button', { name: ana.displayName })).toBeVisible();
  await expect(page.getByText(/Starting a session with/)).toHaveCount(0);
});

test('several matches: the console lists them to choose from', async ({ page }) => {
  await logIn(page);
  await page.goto(scriptUrl('client.tag=finance&jump.method=pinned'));

  const chooser = page.getByRole('dialog', { name: 'Choose a Jump Item' });
  await expect(chooser).toBeVisible();
  await expect(chooser.getByText('2 Jump Items match jump.method "pinned", client.tag "finance".')).toBeVisible();
  for (const name of ['Name', 'Jump Method', 'Group', 'Status']) await expect(chooser.getByRole('columnheader', { name, exact: true })).toBeVisible();
  const rows = chooser.getByRole('row').filter({ has: page.getByRole('button', { name: 'Jump' }) });
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('WS-107 Finance – M. Keller');
  await expect(rows.nth(0)).toContainText('Jump Client');
  await expect(rows.nth(0)).toContainText('HQ Workstations');
  await expect(rows.nth(0)).toContainText('Active');
  await expect(rows.nth(1)).toContainText('WS-115 Finance – J. Novak');
  await expect(rows.nth(1)).toContainText('Offline');

  // The chosen one is offline: the appliance's reason shows on its row.
  await rows.nth(1).getByRole('button', { name: 'Jump' }).click();
  await expect(chooser).toHaveCount(0);
  await expect(jumpTable(page).getByRole('alert')).toHaveText(
    'Could not jump to WS-115 Finance – J. Novak: WS-115 Finance – J. Novak is offline: its Jump Client is not connected to the appliance.',
  );

  // Closing the chooser starts nothing.
  await page.goto(scriptUrl('search_string=domain%20controller'));
  await expect(chooser).toBeVisible();
  await expect(chooser.getByRole('row').filter({ hasText: 'Domain Controller' })).toHaveCount(2);
  await chooser.getByRole('button', { name: 'Close' }).click();
  await expect(chooser).toHaveCount(0);
  await expect(page.getByText(/Starting a session with/)).toHaveCount(0);
});

test('no match: the console says which criteria matched nothing', async ({ page }) => {
  await logIn(page);
  await page.goto(scriptUrl('search_string=no-such-host&client.tag=finance'));
  await expect(page.getByRole('alert')).toContainText('No Jump Item matches search_string "no-such-host", client.tag "finance".');

  // client.private_ip applies to Jump Clients only: the Shell Jump item with that address does not count.
  await page.goto(scriptUrl('client.private_ip=10.0.255.1&jump.method=shelljump'));
  await expect(page.getByRole('alert')).toContainText('No Jump Item matches jump.method "shelljump", client.private_ip "10.0.255.1".');
});

test('a script opened in a tab already running the console runs there, and only start_jump_item_session runs', async ({ page }) => {
  await logIn(page);
  // A hand-edited fragment with another action is refused, not run.
  await page.goto(`${app.url}/console#client_script=${encodeURIComponent('action=push_and_start_local&hostname=ws-042')}`);
  await expect(page.getByRole('alert')).toContainText('The web console runs only start_jump_item_session, not push_and_start_local.');
  await expect(page.getByText(/Starting a session with/)).toHaveCount(0);
  await expect(page).toHaveURL(`${app.url}/console`);

  // The hand-off URL the appliance redirects to, reached by a fragment change alone (no reload).
  const r = await page.request.get(scriptUrl('client.hostname=ws-042'), { maxRedirects: 0 });
  const location = r.headers()['location']!;
  await page.evaluate('window.__sameDocument = true');
  await page.goto(`${app.url}${location}`);
  await expect(page.getByRole('heading', { level: 1, name: 'WS-042 Reception' })).toBeVisible();
  expect(await page.evaluate('window.__sameDocument')).toBe(true);
});

test('credential_id: the script’s credential is injected into the endpoint’s login screen once the Jump starts', async ({ page }) => {
  await logIn(page);
  // vault:1 is the demo Vault's DEMO\Administrator (appliance/src/vault-wiring.ts); WS-042 sits at its login screen.
  await page.goto(scriptUrl('client.hostname=ws-042&credential_id=vault%3A1'));
  await expect(page.getByRole('heading', { level: 1, name: 'WS-042 Reception' })).toBeVisible();
  await expect(page.getByRole('log', { name: 'Chat messages' }).getByText(/Ana Lopez injected the credentials “DEMO\\Administrator” \(Vault\) into ws-042/)).toBeVisible();
});
