/**
 * The customer's chat page (`/`, then `/#chat`) in Chromium against a real demo appliance, with the
 * representatives played over their WebSocket: chat both ways from the queue on, permission prompts
 * answered, history after a reload, /api/start_session landing on the chat, the session ended by
 * the rep or left by the customer, a rep whose connection drops, and a refused line retried.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { MAX_CHAT_CHARS } from '../../appliance/src/protocol/index.js';
import { DEMO, repoRoot, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { eventOf, rep } from '../helpers/support.js';
import type { TestClient } from '../helpers/ws-client.js';

let app: RunningAppliance;
const reps: TestClient[] = [];
const [ana, ben] = DEMO.reps.general;
const [carla, dieter] = DEMO.reps.remoteSupport;

test.beforeAll(async () => {
  // A rep whose console drops gets 1 s before their sessions go back to a queue.
  app = await startAppliance({ demo: true, env: { REP_REP_GRACE_SECONDS: '1' } });
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

const log = (page: Page) => page.getByRole('log', { name: 'Conversation' });
const composer = (page: Page) => page.getByRole('textbox', { name: 'Type your message' });
const status = (page: Page) => page.getByRole('status');
const title = (page: Page) => page.locator('#chat-title');

/** Submits the issue form on the portal; returns the new session's id. */
async function submitIssue(page: Page, name: string, issue: string, details = ''): Promise<string> {
  await page.goto(`${app.url}/`);
  const form = page.getByRole('region', { name: 'Tell us what you need' });
  await form.getByLabel('Your Name').fill(name);
  await form.getByLabel('Issue', { exact: true }).selectOption({ label: issue });
  if (details) await form.getByLabel('Describe your issue').fill(details);
  const response = page.waitForResponse((r) => r.url().endsWith('/api/portal/sessions') && r.request().method() === 'POST');
  await form.getByRole('button', { name: 'Submit' }).click();
  const body = (await (await response).json()) as { sessionId: string };
  await expect(status(page)).toContainText('Waiting for a representative');
  return body.sessionId;
}

/** Types a line and presses Enter. */
async function say(page: Page, text: string): Promise<void> {
  await composer(page).fill(text);
  await composer(page).press('Enter');
  await expect(composer(page)).toHaveValue('');
}

test('a customer chats from the queue on, answers prompts, keeps the history on reload, and sees the rep end the session', async ({ page }) => {
  const rep = await loggedInRep(ana.username);
  const sessionId = await submitIssue(page, 'Maria Schmidt', 'Printer or scanner', 'The printer says paper jam.');
  await expect(title(page)).toHaveText('Thanks, Maria Schmidt. A representative will be with you shortly.');
  await expect(status(page)).toContainText(/You’re next|Number \d+ in line/);
  await expect(status(page).getByText('General', { exact: true })).toBeVisible();

  // Already while waiting the customer can write; the line shows as sent once the appliance stored it.
  await say(page, 'Hello, my printer stopped working this morning.');
  await expect(log(page).getByText('Hello, my printer stopped working this morning.')).toBeVisible();
  await expect(log(page).getByText('Sent', { exact: true })).toBeVisible();

  // The rep accepts: the header and the conversation say who is helping.
  await rep.call('session.accept', { sessionId });
  await expect(page.getByRole('heading', { name: `${ana.displayName} has joined` })).toBeVisible();
  await expect(title(page)).toHaveText(`${ana.displayName} is helping you`);
  await expect(status(page)).toHaveText(`Connected to ${ana.displayName}`);
  const opened = await rep.call('session.open', { sessionId });
  expect(opened.messages.map((m) => m.body)).toContain('Hello, my printer stopped working this morning.');

  // Rep → customer, with the sender's name and a time.
  await rep.call('session.chat', { sessionId, body: 'Hi Maria, I’m Ana. Sorry to hear that. Let’s get it printing again.' });
  await rep.call('session.chat', { sessionId, body: 'Does the printer show an error on its display?' });
  await expect(log(page).getByText('Does the printer show an error on its display?')).toBeVisible();
  const repGroup = log(page).locator('.msg-group[data-side="rep"]').last();
  await expect(repGroup.getByText(ana.displayName, { exact: true })).toBeVisible();
  await expect(repGroup.locator('time').first()).toHaveText(/\d{1,2}:\d{2}/);

  // Customer → rep: Shift+Enter is a new line, Enter sends.
  await composer(page).fill('It says paper jam,');
  await composer(page).press('Shift+Enter');
  await composer(page).pressSequentially('but nothing is stuck.');
  await expect(composer(page)).toHaveValue('It says paper jam,\nbut nothing is stuck.');
  await composer(page).press('Enter');
  const got = await eventOf(rep, 'session.chat', (m) => m.body === 'It says paper jam,\nbut nothing is stuck.');
  expect(got.from).toMatchObject({ kind: 'customer', name: 'Maria Schmidt' });
  await expect(log(page).getByText('Sent', { exact: true })).toBeVisible();

  // The length cap: a counter near it, and a line over it is not sent.
  await composer(page).fill('x'.repeat(MAX_CHAT_CHARS - 100));
  await expect(page.getByText(`${(MAX_CHAT_CHARS - 100).toLocaleString('en-US')} / ${MAX_CHAT_CHARS.toLocaleString('en-US')}`)).toBeVisible();
  await composer(page).fill('x'.repeat(MAX_CHAT_CHARS + 5));
  await expect(page.getByText('Your message is 5 characters too long.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();
  await composer(page).press('Enter');
  await expect(composer(page)).toHaveValue('x'.repeat(MAX_CHAT_CHARS + 5));
  await composer(page).fill('');

  // A prompt: the card asks; Allow answers; the rep hears it; the card shows the answer.
  const control = (await rep.call('session.prompt', { sessionId, kind: 'screen_control' })).prompt;
  const controlCard = page.getByRole('group', { name: `${ana.displayName} is requesting to view and control your computer` });
  await expect(controlCard).toContainText('They will see your screen and can use your mouse and keyboard.');
  // docs/screenshots: a little taller than the other pages' shots, so the whole conversation shows.
  await page.setViewportSize({ width: 1366, height: 900 });
  await expect(controlCard).toBeInViewport();
  await page.screenshot({ path: join(repoRoot, 'docs/screenshots/portal-chat.png'), animations: 'disabled' });
  await page.setViewportSize({ width: 1366, height: 768 });
  await controlCard.getByRole('button', { name: 'Allow' }).click();
  await eventOf(rep, 'session.prompt', (p) => p.id === control.id && p.state === 'allowed');
  await expect(controlCard).toContainText(`You allowed ${ana.displayName} to view and control your computer.`);
  await expect(controlCard.getByRole('button')).toHaveCount(0);

  await rep.call('session.chat', { sessionId, body: 'Thanks! The print queue is stuck. I can copy a fixed driver over if you like.' });
  const files = (await rep.call('session.prompt', { sessionId, kind: 'file_transfer' })).prompt;
  const filesCard = page.getByRole('group', { name: `${ana.displayName} is requesting to transfer files to and from your computer` });
  await filesCard.getByRole('button', { name: 'Refuse' }).click();
  await eventOf(rep, 'session.prompt', (p) => p.id === files.id && p.state === 'refused');
  await expect(filesCard).toContainText(`You refused to let ${ana.displayName} transfer files to and from your computer.`);

  await rep.call('session.chat', { sessionId, body: 'No problem. May I check the driver version instead?' });
  const info = (await rep.call('session.prompt', { sessionId, kind: 'system_info' })).prompt;
  const infoCard = page.getByRole('group', { name: `${ana.displayName} is requesting to view system information about your computer` });
  await expect(infoCard).toBeInViewport();
  await infoCard.getByRole('button', { name: 'Allow' }).click();
  await eventOf(rep, 'session.prompt', (p) => p.id === info.id && p.state === 'allowed');

  // A reload shows the same conversation (the cookie identifies the customer).
  await page.reload();
  await expect(title(page)).toHaveText(`${ana.displayName} is helping you`);
  for (const line of [
    'Hello, my printer stopped working this morning.',
    'Does the printer show an error on its display?',
    'It says paper jam,\nbut nothing is stuck.',
    'No problem. May I check the driver version instead?',
    'You allowed the request to view and control your computer.',
    'You refused the request to transfer files to and from your computer.',
  ])
    await expect(log(page).getByText(line, { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: `${ana.displayName} has joined` })).toBeVisible();

  // The rep ends the session: the page says so and why, and leads back to the portal.
  await rep.call('session.end', { sessionId });
  await expect(page.getByRole('heading', { name: 'This session has ended' })).toBeVisible();
  await expect(page.locator('.chat-ended')).toContainText(`${ana.displayName} ended the session.`);
  await expect(composer(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Leave' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Start a new request' }).click();
  await expect(page.getByLabel('Session key')).toBeVisible();
});

test('Leave asks first, then ends the session for the representative', async ({ page }) => {
  const rep = await loggedInRep(ben.username);
  await page.goto(`${app.url}/`);
  await page.getByRole('button', { name: ben.displayName }).click();
  const response = page.waitForResponse((r) => r.url().endsWith('/api/portal/sessions'));
  await page.getByLabel('Your Name').fill('Jonas Berg');
  await page.getByRole('button', { name: 'Submit' }).click();
  const { sessionId } = (await (await response).json()) as { sessionId: string };
  await rep.call('session.accept', { sessionId });
  await expect(title(page)).toHaveText(`${ben.displayName} is helping you`);

  await page.getByRole('button', { name: 'Leave' }).click();
  const dialog = page.getByRole('dialog', { name: 'Leave this session?' });
  await expect(dialog).toContainText(`${ben.displayName} will be disconnected`);
  await dialog.getByRole('button', { name: 'Stay' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(title(page)).toHaveText(`${ben.displayName} is helping you`);

  await page.getByRole('button', { name: 'Leave' }).click();
  await page.getByRole('dialog', { name: 'Leave this session?' }).getByRole('button', { name: 'Leave session' }).click();
  await expect(page.getByRole('heading', { name: 'This session has ended' })).toBeVisible();
  await expect(page.locator('.chat-ended')).toContainText('You left the session.');
  const closed = await eventOf(rep, 'session.closed', (d) => d.sessionId === sessionId);
  expect(closed.reason).toBe('The customer left the session.');
});

test('/api/start_session lands on the chat page; /#chat without a session is the portal with a notice', async ({ page, browser }) => {
  // An integration's own page posting the vendor's form.
  await page.setContent(`
    <form method="post" action="${app.url}/api/start_session">
      <input name="issue_menu" value="1"><input name="codeName" value="email">
      <input name="customer.name" value="Li Wei"><input name="c2cjs" value="1">
      <button>Get help</button>
    </form>`);
  await page.getByRole('button', { name: 'Get help' }).click();
  await page.waitForURL(`${app.url}/#chat`);
  await expect(title(page)).toHaveText('Thanks, Li Wei. A representative will be with you shortly.');
  await expect(status(page).getByText('General', { exact: true })).toBeVisible();
  await say(page, 'I cannot see my calendar.');
  await expect(log(page).getByText('Sent', { exact: true })).toBeVisible();
  await page.reload();
  await expect(log(page).getByText('I cannot see my calendar.')).toBeVisible();

  const stranger = await browser.newPage();
  await stranger.goto(`${app.url}/#chat`);
  await expect(stranger.getByRole('status')).toHaveText('There is no open support session in this browser. You can start a new request below.');
  await expect(stranger.getByLabel('Session key')).toBeVisible();
  expect(new URL(stranger.url()).hash).toBe('');
  await stranger.close();
});

test('when the representative’s connection drops, the customer is told and the next rep picks up', async ({ page }) => {
  const first = await loggedInRep(carla.username);
  const sessionId = await submitIssue(page, 'Sofia Rossi', 'Computer slow or not working');
  await first.call('session.accept', { sessionId });
  await first.call('session.chat', { sessionId, body: 'Let me look at your startup programs.' });
  await expect(title(page)).toHaveText(`${carla.displayName} is helping you`);

  first.close();
  await expect(title(page)).toHaveText('Representative disconnected, waiting…', { timeout: 10_000 });
  await expect(status(page)).toContainText('Remote Support');
  await expect(log(page).getByText(`${carla.displayName} was disconnected; the session went back to a queue.`)).toBeVisible();

  const next = await loggedInRep(dieter.username);
  await next.call('session.accept', { sessionId });
  await expect(title(page)).toHaveText(`${dieter.displayName} is helping you`);
  await expect(page.getByRole('heading', { name: `${dieter.displayName} has joined` })).toBeVisible();
  // The conversation so far is still there.
  await expect(log(page).getByText('Let me look at your startup programs.')).toBeVisible();
});

test('a line the site refuses is marked not sent, and Retry sends it', async ({ page }) => {
  // Between the page and the appliance: the first copy of one line is refused.
  let refused = false;
  await page.routeWebSocket(/\/ws\/customer$/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((data) => {
      const frame = JSON.parse(String(data)) as { id: number; method: string; params?: { body?: string } };
      if (!refused && frame.method === 'customer.chat' && frame.params?.body === 'Is this thing on?') {
        refused = true;
        ws.send(JSON.stringify({ t: 'err', id: frame.id, code: 'E_RATE_LIMITED', message: 'Too many attempts. Wait a moment and try again.' }));
        return;
      }
      server.send(data);
    });
  });
  await submitIssue(page, 'Kim Retry', 'Password reset or account locked');
  await say(page, 'Is this thing on?');
  const line = log(page).locator('.msg-line').filter({ hasText: 'Is this thing on?' });
  await expect(line).toContainText('Not sent. Too many attempts. Wait a moment and try again.');
  // Typing goes on meanwhile.
  await composer(page).fill('still typing');
  await line.getByRole('button', { name: 'Retry' }).click();
  await expect(line).toContainText('Sent');
  await expect(composer(page)).toHaveValue('still typing');
  await page.reload();
  await expect(log(page).getByText('Is this thing on?', { exact: true })).toHaveCount(1);
});
