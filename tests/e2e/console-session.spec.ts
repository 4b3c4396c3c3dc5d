/**
 * The console's session view in Chromium against a real demo appliance, with a real customer client on
 * /ws/customer: Accept opens the session, chat both ways, prompts answered, share with a teammate who
 * accepts from Home, reps-only lines, Remove Member, Transfer, End and Hold.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { customer, eventOf, portal } from '../helpers/support.js';
import type { TestClient } from '../helpers/ws-client.js';
import { logInToConsole } from '../helpers/login-page.js';

let app: RunningAppliance;
const ana = DEMO.reps.general[0];
const ben = DEMO.reps.general[1];

test.beforeAll(async () => {
  app = await startAppliance({ demo: true });
});
test.afterAll(async () => {
  await app?.stop({ remove: true });
});

async function logIn(browser: Browser, who: { username: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await logInToConsole(page, app.url, who);
  await expect(page.getByRole('button', { name: 'Home' })).toBeVisible();
  return page;
}

/** A customer who picked `repName` on the portal, connected with the customer client. */
async function customerFor(repName: string, name: string): Promise<TestClient> {
  const reps = (await (await fetch(`${app.url}/api/portal`)).json()) as { reps: { id: number; publicDisplayName: string }[] };
  const rep = reps.reps.find((r) => r.publicDisplayName.startsWith(repName.split(' ')[0]!));
  expect(rep, `${repName} is listed on the portal`).toBeTruthy();
  const joined = await portal(app.url, { name, company: 'Contoso', details: 'Outlook will not start', repId: rep!.id });
  expect(joined.status).toBe(200);
  return (await customer(app.url, joined.body.customerToken)).client;
}

/** Selects the customer's row on Home and presses Accept: the session view opens. */
async function accept(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Home' }).click();
  await page.getByRole('row').filter({ hasText: name }).click();
  await page.getByRole('complementary', { name: 'Session Details' }).getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `[Browser] ${name}` })).toBeVisible();
}

const chatInput = (page: Page) => page.getByRole('textbox', { name: 'Type your message here.' });
const chatLog = (page: Page) => page.getByRole('log', { name: 'Chat messages' });

test('Accept opens the session: the rep chats with the customer, asks for rights, and ends the session', async ({ browser }) => {
  const page = await logIn(browser, ana);
  const cust = await customerFor(ana.displayName, 'Erin Customer');
  await accept(page, 'Erin Customer');
  await expect(page.getByRole('button', { name: 'Sessions (1)' })).toBeVisible();
  await expect(page.getByText('Customer connected')).toBeVisible();

  // Chat both ways: the line is stored before it shows as sent, and the customer's answer appears.
  await chatInput(page).fill('Hello Erin, I am looking at it now.');
  await chatInput(page).press('Enter');
  await expect(chatLog(page).getByText('Hello Erin, I am looking at it now.')).toBeVisible();
  await eventOf(cust, 'customer.chat', (m) => m.body === 'Hello Erin, I am looking at it now.');
  await cust.customer('customer.chat', { body: 'Thank you! It crashes on start.' });
  await expect(chatLog(page).getByText('Thank you! It crashes on start.')).toBeVisible();

  // A browser (click-to-chat) session elevates to the full client before any tool.
  const toolPanel = page.getByRole('tabpanel', { name: 'Screen Sharing' });
  await toolPanel.getByRole('button', { name: 'Elevate to the Full Client' }).click();
  const elevation = await eventOf(cust, 'customer.prompt', (p) => p.kind === 'full_client' && p.state === 'pending');
  await cust.customer('customer.answer', { promptId: elevation.id, allow: true });

  // Screen sharing asks the customer; a refusal is said, and the rep may ask again.
  await toolPanel.getByRole('button', { name: 'Start Screen Sharing' }).click();
  await expect(toolPanel.getByText('Waiting on the customer to respond to the prompt.')).toBeVisible();
  const screen = await eventOf(cust, 'customer.prompt', (p) => p.kind === 'screen_control' && p.state === 'pending');
  await cust.customer('customer.answer', { promptId: screen.id, allow: false });
  await expect(toolPanel.getByText('Erin Customer refused. You can ask again.')).toBeVisible();
  await expect(toolPanel.getByRole('button', { name: 'Start Screen Sharing' })).toBeEnabled();

  // Tools are tabs.
  await page.getByRole('tab', { name: 'Command Shell' }).click();
  await expect(page.getByRole('button', { name: 'Start the Command Shell' })).toBeVisible();

  // ✕ → End Session: the customer is told, the rep is back on Home.
  await page.getByRole('toolbar', { name: 'Session' }).getByRole('button', { name: 'End Session' }).click();
  const dialog = page.getByRole('dialog', { name: 'End or Hold Session' });
  await dialog.getByRole('button', { name: 'End Session' }).click();
  await expect(page.getByText('You ended the session with Erin Customer.')).toBeVisible();
  await eventOf(cust, 'customer.ended');
  await expect(page.getByRole('button', { name: 'Sessions (0)' })).toBeVisible();
  cust.close();
});

test('the owner shares with a teammate, who accepts from Home, chats with reps only, and is removed', async ({ browser }) => {
  const owner = await logIn(browser, ana);
  const mate = await logIn(browser, ben);
  const cust = await customerFor(ana.displayName, 'Frank Shared');
  await accept(owner, 'Frank Shared');
  await chatInput(owner).fill('Let me ask a colleague.');
  await chatInput(owner).press('Enter');

  // Share → Rep: Ben Walker.
  await owner.getByRole('button', { name: 'Share', exact: true }).click();
  const share = owner.getByRole('dialog', { name: 'Share Session' });
  await share.getByRole('radio', { name: `Rep: ${ben.displayName}` }).check();
  await share.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(share.getByText('Invitation sent.')).toBeVisible();
  await expect(share.getByText(ben.displayName, { exact: true })).toBeVisible();
  await share.getByRole('button', { name: 'Close', exact: true }).first().click();

  // Ben sees the invitation on Home and accepts: the whole chat is there.
  const invite = mate.getByRole('region', { name: 'Invitations' });
  await expect(invite.getByText(`${ana.displayName} invites you to join a session.`)).toBeVisible();
  await invite.getByRole('button', { name: 'Accept' }).click();
  await expect(mate.getByRole('heading', { level: 1, name: '[Browser] Frank Shared' })).toBeVisible();
  await expect(mate.getByText('Participant', { exact: true })).toBeVisible();
  await expect(chatLog(mate).getByText('Let me ask a colleague.')).toBeVisible();

  // A line for representatives only: Ana sees it tagged, the customer never gets it.
  await mate.getByRole('combobox', { name: 'Chat audience' }).selectOption('reps');
  await chatInput(mate).fill('Looks like a broken profile.');
  await chatInput(mate).press('Enter');
  const line = chatLog(owner).getByRole('article').filter({ hasText: 'Looks like a broken profile.' });
  await expect(line.getByText('Representatives only')).toBeVisible();
  await cust.customer('customer.chat', { body: 'Still there?' });
  await expect(chatLog(mate).getByText('Still there?')).toBeVisible();
  expect(cust.events.some((e) => e.event === 'customer.chat' && (e.data as { body: string }).body === 'Looks like a broken profile.')).toBe(false);

  // Only the owner can Share; Remove Member takes Ben out and tells him why.
  await expect(mate.getByRole('button', { name: 'Share', exact: true })).toHaveAttribute('aria-disabled', 'true');
  await owner.getByRole('button', { name: 'Remove Member' }).click();
  const members = owner.getByRole('dialog', { name: 'Session Members' });
  await members.getByRole('button', { name: `Remove ${ben.displayName}` }).click();
  await expect(members.getByText(ben.displayName)).toHaveCount(0);
  await members.getByRole('button', { name: 'Close' }).last().click();
  await expect(mate.getByText(`${ana.displayName} removed you from the session.`)).toBeVisible();
  await expect(mate.getByRole('textbox', { name: 'Type your message here.' })).toHaveCount(0);
  await mate.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(mate.getByRole('button', { name: 'Sessions (0)' })).toBeVisible();

  // The owner ends it, so the next test starts with no session of Ana's.
  await owner.getByRole('toolbar', { name: 'Session' }).getByRole('button', { name: 'End Session' }).click();
  await owner.getByRole('dialog', { name: 'End or Hold Session' }).getByRole('button', { name: 'End Session' }).click();
  await expect(owner.getByRole('button', { name: 'Sessions (0)' })).toBeVisible();
  cust.close();
});

test('Transfer hands the session over when the other rep accepts; Hold puts a session back in the Personal queue', async ({ browser }) => {
  const owner = await logIn(browser, ana);
  const mate = await logIn(browser, ben);
  const cust = await customerFor(ana.displayName, 'Gina Transfer');
  await accept(owner, 'Gina Transfer');

  await owner.getByRole('button', { name: 'Transfer' }).click();
  const transfer = owner.getByRole('dialog', { name: 'Transfer Session' });
  await transfer.getByRole('radio', { name: `Rep: ${ben.displayName}` }).check();
  await transfer.getByRole('checkbox', { name: /Stay in the session/ }).uncheck();
  await transfer.getByRole('button', { name: 'Transfer', exact: true }).click();
  await expect(owner.getByText('Transfer requested.', { exact: false })).toBeVisible();

  await mate.getByRole('region', { name: 'Invitations' }).getByRole('button', { name: 'Accept' }).click();
  await expect(mate.getByRole('heading', { level: 1, name: '[Browser] Gina Transfer' })).toBeVisible();
  // The new owner may now end or hold it; the old owner, who did not stay, is out with a reason.
  await expect(mate.getByRole('toolbar', { name: 'Session' }).getByRole('button', { name: 'End Session' })).toBeVisible();
  await expect(owner.getByRole('status').filter({ hasText: 'You can still read the chat.' })).toBeVisible();

  await mate.getByRole('toolbar', { name: 'Session' }).getByRole('button', { name: 'End Session' }).click();
  await mate.getByRole('dialog', { name: 'End or Hold Session' }).getByRole('button', { name: 'Hold Session' }).click();
  await expect(mate.getByText('The session with Gina Transfer is on hold in your Personal queue.')).toBeVisible();
  const row = mate.getByRole('row').filter({ hasText: 'Gina Transfer' });
  await expect(row).toContainText('Held');
  await expect(row).toContainText('Personal');
  cust.close();
});
