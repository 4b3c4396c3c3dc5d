/** The customer portal in Chromium against a real demo appliance: issues, reps, session keys, waiting. */
import { expect, test, type Page } from '@playwright/test';
import { DEMO, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { rep } from '../helpers/support.js';
import type { TestClient } from '../helpers/ws-client.js';

let app: RunningAppliance;
const reps: TestClient[] = [];

test.beforeAll(async () => {
  app = await startAppliance({ demo: true });
});
test.afterAll(async () => {
  for (const r of reps) r.close();
  await app?.stop({ remove: true });
});

async function loggedInRep(username: string): Promise<TestClient> {
  const c = await rep(app.url, username);
  reps.push(c);
  return c;
}

/** Submits the name form shown after picking a rep, entering a key, or following a link. */
async function giveName(page: Page, name: string): Promise<string> {
  const response = page.waitForResponse((r) => r.url().endsWith('/api/portal/sessions') && r.request().method() === 'POST');
  await page.getByLabel('Your Name').fill(name);
  await page.getByRole('button', { name: 'Submit' }).click();
  const body = (await (await response).json()) as { sessionId?: string };
  return body.sessionId ?? '';
}

test('the portal lists the issues, and a customer who submits one waits in the team queue', async ({ page }) => {
  await page.goto(`${app.url}/`);
  await expect(page.getByText('Demo Support').first()).toBeVisible();

  const portal = (await (await page.request.get(`${app.url}/api/portal`)).json()) as { issues: { description: string; teamName: string }[] };
  const issue = page.getByLabel('Issue', { exact: true });
  for (const i of portal.issues) await expect(issue.locator('option', { hasText: i.description })).toHaveCount(1);

  // Nothing is sent until the form is complete.
  const form = page.getByRole('region', { name: 'Tell us what you need' });
  await form.getByRole('button', { name: 'Submit' }).click();
  await expect(form.getByRole('alert')).toContainText('enter your name');

  const printer = portal.issues.find((i) => i.description === 'Printer or scanner')!;
  await form.getByLabel('Your Name').fill('Maria Schmidt');
  await form.getByLabel('Company').fill('Northwind Traders');
  await issue.selectOption({ label: printer.description });
  await form.getByLabel('Describe your issue').fill('The printer says paper jam, but nothing is stuck.');
  await form.getByRole('button', { name: 'Submit' }).click();

  const waiting = page.getByRole('region', { name: /A representative will be with you shortly/ });
  await expect(waiting.getByRole('heading')).toHaveText('Thanks, Maria Schmidt. A representative will be with you shortly.');
  await expect(waiting.getByText(printer.teamName, { exact: true })).toBeVisible();
  await expect(waiting.getByRole('status')).toContainText('Waiting for a representative');
  await expect(waiting.getByText(/You’re next|Number \d+ in line/)).toBeVisible();

  // A reload resumes the same session rather than starting over.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Thanks, Maria Schmidt. A representative will be with you shortly.' })).toBeVisible();

  await page.getByRole('button', { name: 'Leave' }).click();
  await expect(page.getByRole('heading', { name: 'This session has ended' })).toBeVisible();
  await page.getByRole('button', { name: 'Start a new request' }).click();
  await expect(page.getByLabel('Session key')).toBeVisible();
});

test('a customer picks a logged-in representative, waits in their queue, and sees them join', async ({ page }) => {
  const ana = await loggedInRep('ana');
  const anaName = DEMO.reps.general[0].displayName;
  await page.goto(`${app.url}/`);
  await page.getByRole('button', { name: anaName }).click();
  await expect(page.getByRole('heading', { name: `Chat with ${anaName}` })).toBeVisible();
  const sessionId = await giveName(page, 'Jonas Berg');
  expect(sessionId).toMatch(/^[0-9a-f]{32}$/);

  await expect(page.getByRole('heading', { name: 'Thanks, Jonas Berg. A representative will be with you shortly.' })).toBeVisible();
  await expect(page.getByText(anaName, { exact: true })).toBeVisible();

  await ana.call('session.accept', { sessionId });
  await expect(page.getByRole('heading', { name: `${anaName} has joined` })).toBeVisible();
  await expect(page.getByRole('status')).toContainText(`Connected to ${anaName}`);
});

test('a session key typed with spaces is grouped in fours and puts the customer in the issuer’s queue', async ({ page }) => {
  const ben = await loggedInRep('ben');
  const { key } = await ben.call('sessionKey.generate', { expiresInMinutes: 15 });
  await page.goto(`${app.url}/`);
  const field = page.getByLabel('Session key');
  await field.pressSequentially(key.replace(/ /g, '').slice(0, 6));
  await expect(field).toHaveValue(`${key.slice(0, 4)} ${key.slice(5, 7)}`);
  await field.fill('');
  await field.pressSequentially(` ${key} `);
  await expect(field).toHaveValue(key);
  await page.getByRole('button', { name: 'Submit' }).first().click();
  await giveName(page, 'Lena Vogel');
  await expect(page.getByRole('heading', { name: 'Thanks, Lena Vogel. A representative will be with you shortly.' })).toBeVisible();
  await expect(page.getByText(DEMO.reps.general[1].displayName, { exact: true })).toBeVisible();
});

test('a wrong or short session key is refused with the reason', async ({ page }) => {
  await page.goto(`${app.url}/`);
  await page.getByLabel('Session key').fill('1234 5678');
  await page.getByRole('button', { name: 'Submit' }).first().click();
  await expect(page.getByRole('alert')).toContainText('A session key has 12 digits');

  await page.getByLabel('Session key').fill('000000000000');
  await page.getByRole('button', { name: 'Submit' }).first().click();
  await giveName(page, 'Someone');
  await expect(page.getByRole('alert')).toHaveText('That session key is not valid. Check the digits with your representative.');
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByLabel('Session key')).toBeVisible();
});

test('a session link (/?ak=...) asks only for the name', async ({ page }) => {
  const dieter = await loggedInRep('dieter');
  const { url } = await dieter.call('sessionKey.generate', { expiresInMinutes: 15 });
  const ak = new URL(url, app.url).searchParams.get('ak');
  expect(ak).toBeTruthy();
  await page.goto(`${app.url}/?ak=${encodeURIComponent(ak!)}`);
  await expect(page.getByRole('heading', { name: 'Join your support session' })).toBeVisible();
  await expect(page.getByLabel('Session key')).toHaveCount(0);
  await giveName(page, 'Paul Martin');
  await expect(page.getByRole('heading', { name: 'Thanks, Paul Martin. A representative will be with you shortly.' })).toBeVisible();
  await expect(page.getByText(DEMO.reps.remoteSupport[1].displayName, { exact: true })).toBeVisible();
  // The link is used up and gone from the address bar.
  expect(page.url()).not.toContain('ak=');
});
