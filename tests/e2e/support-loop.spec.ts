/**
 * The whole support loop in Chromium, every party in its own browser context against one real demo
 * appliance: a rep generates a session key, a customer redeems it on the portal, the New Session popup
 * leads the rep to the session in their Personal queue, they chat both ways, a second rep is invited
 * and sees the history, ownership is transferred, the session is held and resumed, then ended — and
 * the session's events and transcript are in the SQLite file, in order.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DEMO, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { logInToConsole } from '../helpers/login-page.js';

let app: RunningAppliance;
const [ana, ben] = DEMO.reps.general;

test.beforeAll(async () => {
  app = await startAppliance({ demo: true });
});
test.afterAll(async () => {
  await app?.stop({ remove: true });
});

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
}

async function logIn(browser: Browser, who: { username: string; password: string }): Promise<Page> {
  const page = await newPage(browser);
  await logInToConsole(page, app.url, who);
  await expect(page.getByRole('button', { name: 'Home' })).toBeVisible();
  return page;
}

const repChat = (page: Page) => page.getByRole('log', { name: 'Chat messages' });
const repInput = (page: Page) => page.getByRole('textbox', { name: 'Type your message here.' });
const customerChat = (page: Page) => page.getByRole('log', { name: 'Conversation' });
const customerInput = (page: Page) => page.getByRole('textbox', { name: 'Type your message' });
const endButton = (page: Page) => page.getByRole('toolbar', { name: 'Session' }).getByRole('button', { name: 'End Session' });

async function repSays(page: Page, text: string): Promise<void> {
  await repInput(page).fill(text);
  await repInput(page).press('Enter');
  await expect(repChat(page).getByText(text)).toBeVisible();
}

test('key → portal → popup → accept → chat → invite → transfer → hold → resume → end, all recorded in order', async ({ browser }) => {
  // 1. Ana generates a session key from Actions.
  const owner = await logIn(browser, ana);
  await owner.getByRole('button', { name: 'Actions' }).click();
  await owner.getByRole('menuitem', { name: 'Generate Session Key...' }).click();
  const keyDialog = owner.getByRole('dialog', { name: 'Generate Session Key' });
  const keyButton = keyDialog.getByRole('button', { name: /Session key/ });
  await expect(keyButton).toHaveText(/\d{4} \d{4} \d{4}/);
  const key = /(\d{4} \d{4} \d{4})/.exec((await keyButton.textContent()) ?? '')![1]!;
  await expect(keyDialog.getByLabel('Expires in')).toBeVisible();
  await keyDialog.getByRole('button', { name: 'Close' }).click();

  // 2. The customer redeems it on the portal and gives a name.
  const cust = await newPage(browser);
  await cust.goto(`${app.url}/`);
  await cust.getByLabel('Session key').fill(key);
  await cust.getByRole('button', { name: 'Submit' }).first().click();
  const joined = cust.waitForResponse((r) => r.url().endsWith('/api/portal/sessions') && r.request().method() === 'POST' && r.status() === 200);
  await cust.getByLabel('Your Name').fill('Olga Keyholder');
  await cust.getByRole('button', { name: 'Submit' }).click();
  const { sessionId } = (await (await joined).json()) as { sessionId: string };
  await expect(cust.getByRole('status')).toContainText('Waiting for a representative');

  // 3. Ana gets the New Session popup; View shows the session in her Personal queue; Accept opens it.
  const popup = owner.getByRole('region', { name: 'New Session' }).filter({ hasText: 'Olga Keyholder' });
  await expect(popup).toBeVisible();
  await popup.getByRole('button', { name: 'View' }).click();
  const row = owner.getByRole('row').filter({ hasText: 'Olga Keyholder' });
  await expect(row).toContainText('Personal');
  await row.click();
  await owner.getByRole('complementary', { name: 'Session Details' }).getByRole('button', { name: 'Accept' }).click();
  await expect(owner.getByRole('heading', { level: 1, name: '[Browser] Olga Keyholder' })).toBeVisible();
  await expect(cust.locator('#chat-title')).toHaveText(`${ana.displayName} is helping you`);

  // 4. Chat both ways.
  await repSays(owner, 'Hello Olga, how can I help?');
  await expect(customerChat(cust).getByText('Hello Olga, how can I help?')).toBeVisible();
  await customerInput(cust).fill('My VPN drops every few minutes.');
  await customerInput(cust).press('Enter');
  await expect(repChat(owner).getByText('My VPN drops every few minutes.')).toBeVisible();

  // 5. Ben is invited (Share → Rep) and, once in, sees the whole history.
  const mate = await logIn(browser, ben);
  await owner.getByRole('button', { name: 'Share', exact: true }).click();
  const share = owner.getByRole('dialog', { name: 'Share Session' });
  await share.getByRole('radio', { name: `Rep: ${ben.displayName}` }).check();
  await share.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(share.getByText('Invitation sent.')).toBeVisible();
  await share.getByRole('button', { name: 'Close', exact: true }).first().click();
  await mate.getByRole('region', { name: 'Invitations' }).getByRole('button', { name: 'Accept' }).click();
  await expect(mate.getByRole('heading', { level: 1, name: '[Browser] Olga Keyholder' })).toBeVisible();
  await expect(repChat(mate).getByText('Hello Olga, how can I help?')).toBeVisible();
  await expect(repChat(mate).getByText('My VPN drops every few minutes.')).toBeVisible();
  await repSays(mate, 'Hi Olga, Ben here — I look after the VPN.');
  await expect(customerChat(cust).getByText('Hi Olga, Ben here — I look after the VPN.')).toBeVisible();

  // 6. Ana transfers ownership to Ben and leaves.
  await owner.getByRole('button', { name: 'Transfer' }).click();
  const transfer = owner.getByRole('dialog', { name: 'Transfer Session' });
  await transfer.getByRole('radio', { name: `Rep: ${ben.displayName}` }).check();
  await transfer.getByRole('checkbox', { name: /Stay in the session/ }).uncheck();
  await transfer.getByRole('button', { name: 'Transfer', exact: true }).click();
  // Ben, in the session, finds the transfer request on Home with his other invitations.
  await mate.getByRole('button', { name: 'Home' }).click();
  await mate.getByRole('region', { name: 'Invitations' }).getByRole('button', { name: 'Accept' }).click();
  await expect(endButton(mate)).toBeVisible();
  await expect(owner.getByRole('status').filter({ hasText: 'You can still read the chat.' })).toBeVisible();
  await expect(cust.locator('#chat-title')).toHaveText(`${ben.displayName} is helping you`);

  // 7. Ben holds the session: it waits in his Personal queue; the customer is told.
  await endButton(mate).click();
  await mate.getByRole('dialog', { name: 'End or Hold Session' }).getByRole('button', { name: 'Hold Session' }).click();
  await expect(mate.getByText('The session with Olga Keyholder is on hold in your Personal queue.')).toBeVisible();
  await expect(cust.locator('#chat-title')).toHaveText('Your session is on hold');
  const held = mate.getByRole('row').filter({ hasText: 'Olga Keyholder' });
  await expect(held).toContainText('Held');

  // 8. …and resumes it from there.
  await held.click();
  await mate.getByRole('complementary', { name: 'Session Details' }).getByRole('button', { name: 'Accept' }).click();
  await expect(mate.getByRole('heading', { level: 1, name: '[Browser] Olga Keyholder' })).toBeVisible();
  await expect(cust.locator('#chat-title')).toHaveText(`${ben.displayName} is helping you`);
  await repSays(mate, 'Back with you — please restart the VPN client.');
  await expect(customerChat(cust).getByText('Back with you — please restart the VPN client.')).toBeVisible();

  // 9. Ben ends it; the customer's page says so.
  await endButton(mate).click();
  await mate.getByRole('dialog', { name: 'End or Hold Session' }).getByRole('button', { name: 'End Session' }).click();
  await expect(mate.getByText('You ended the session with Olga Keyholder.')).toBeVisible();
  await expect(cust.getByRole('button', { name: 'Start a new request' })).toBeVisible();

  // 10. The record: every step, in order, and the transcript in the order it was said.
  const db = new Database(join(app.dataDir, 'site.db'), { readonly: true, fileMustExist: true });
  try {
    const events = db
      .prepare<[string], { kind: string; actor: string; data: string }>('SELECT kind, actor, data FROM session_events WHERE session_id = ? ORDER BY id')
      .all(sessionId);
    const kinds = events.map((e) => e.kind).filter((k) => k !== 'chat.message');
    const order = ['session.start', 'session.accept', 'member.joined', 'session.transfer', 'session.hold', 'session.resume', 'session.end'];
    const positions = order.map((k) => kinds.indexOf(k));
    expect(positions.every((p) => p >= 0), `all of ${order.join(', ')} in ${kinds.join(', ')}`).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(kinds.at(-1)).toBe('session.end');

    const transcript = events
      .filter((e) => e.kind === 'chat.message')
      .map((e) => JSON.parse(e.data) as { from: { kind: string; name: string }; body: string })
      .filter((m) => m.from.kind !== 'system')
      .map((m) => `${m.from.kind}: ${m.body}`);
    expect(transcript).toEqual([
      'rep: Hello Olga, how can I help?',
      'customer: My VPN drops every few minutes.',
      'rep: Hi Olga, Ben here — I look after the VPN.',
      'rep: Back with you — please restart the VPN client.',
    ]);
    const status = db.prepare<[string], { status: string }>('SELECT status FROM sessions WHERE id = ?').get(sessionId);
    expect(status?.status).toBe('ended');
  } finally {
    db.close();
  }
});
