/**
 * Team chat on Home in Chromium against a real demo appliance: Ana writes in the General team chat,
 * Ben's orange bubble counts up live, opening the chat shows the lines and clears it, Ben's reply
 * reaches Ana live, a reload keeps the history; the composer's cap, a refused line with Retry, and
 * paging back with "Load earlier messages".
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { join } from 'node:path';
import { DEMO, repoRoot, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { rep } from '../helpers/support.js';
import { logInToConsole } from '../helpers/login-page.js';

let app: RunningAppliance;
const ana = DEMO.reps.general[0];
const ben = DEMO.reps.general[1];
const dieter = DEMO.reps.remoteSupport[1];

test.beforeAll(async () => {
  app = await startAppliance({ demo: true });
});
test.afterAll(async () => {
  await app?.stop({ remove: true });
});

async function logIn(browser: Browser, who: { username: string; password: string }, prepare?: (page: Page) => Promise<void>): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await prepare?.(page);
  await logInToConsole(page, app.url, who);
  await expect(page.getByRole('button', { name: 'Home' })).toBeVisible();
  return page;
}

const queues = (page: Page) => page.getByRole('complementary', { name: 'Queues' });
const teamQueue = (page: Page, team: string) => queues(page).getByRole('button', { name: new RegExp(`^${team} \\d+ waiting$`) });
const bubble = (page: Page, team: string) => queues(page).getByRole('button', { name: new RegExp(`^${team} team chat: \\d+ unread`) });
const panel = (page: Page) => page.getByRole('region', { name: /^Team Chat/ });
const teamLog = (page: Page, team: string) => page.getByRole('log', { name: `${team} team chat` });
const composer = (page: Page, team: string) => page.getByRole('textbox', { name: `Message to the ${team} team` });

async function say(page: Page, team: string, text: string): Promise<void> {
  await composer(page, team).fill(text);
  await composer(page, team).press('Enter');
  await expect(composer(page, team)).toHaveValue('');
  const line = teamLog(page, team).locator('.tc-line').filter({ hasText: text }).last();
  await expect(line).toBeVisible();
  await expect(line).not.toHaveClass(/pending/);
}

test('Ana writes in General, Ben sees the bubble count up, reads, replies live; a reload keeps the history', async ({ browser }) => {
  const a = await logIn(browser, ana);
  const b = await logIn(browser, ben);

  // No unread team chat yet: the star sits in the bubble's place, and the chat is folded to a strip.
  await expect(queues(b).getByRole('button', { name: 'Favourite: General' })).toBeVisible();
  await expect(bubble(b, 'General')).toHaveCount(0);
  await expect(panel(b).getByRole('button', { name: 'Show General team chat' })).toHaveAttribute('aria-expanded', 'false');

  // Selecting the team queue opens its chat.
  await teamQueue(a, 'General').click();
  await expect(teamLog(a, 'General')).toBeVisible();
  await expect(teamLog(a, 'General')).toHaveAttribute('aria-live', 'polite');
  await expect(teamLog(a, 'General').getByText('No messages in General yet')).toBeVisible();
  await say(a, 'General', 'Morning all. The printer on floor 2 is back online.');

  // Ben's bubble appears live and counts up with every line.
  await expect(queues(b).getByRole('button', { name: 'General team chat: 1 unread message' })).toBeVisible();
  await say(a, 'General', 'Also: the VPN certificate renews tonight at 22:00, expect a few calls tomorrow.');
  await expect(queues(b).getByRole('button', { name: 'General team chat: 2 unread messages' })).toBeVisible();
  await expect(bubble(b, 'General')).toHaveText('2');
  // The strip says it too.
  await expect(panel(b).getByText('2 new')).toBeVisible();
  // Ana's own lines never raise her bubble.
  await expect(bubble(a, 'General')).toHaveCount(0);

  // Ben clicks the bubble: the chat opens on the new lines and the bubble clears.
  await bubble(b, 'General').click();
  const benLog = teamLog(b, 'General');
  await expect(benLog.getByText('Morning all. The printer on floor 2 is back online.')).toBeVisible();
  await expect(benLog.getByText('New messages')).toBeVisible();
  await expect(benLog.locator('.tc-who', { hasText: ana.displayName }).first()).toBeVisible();
  await expect(bubble(b, 'General')).toHaveCount(0);
  await expect(queues(b).getByRole('button', { name: 'Favourite: General' })).toBeVisible();

  // Ben replies; Ana sees it live in her open chat (marked read: no bubble), her own lines as "You".
  await say(b, 'General', 'Thanks Ana! I will put a note on the VPN tickets.');
  await expect(teamLog(a, 'General').getByText('Thanks Ana! I will put a note on the VPN tickets.')).toBeVisible();
  await expect(teamLog(a, 'General').locator('.tc-line.mine .tc-who').first()).toHaveText('You');
  await a.waitForTimeout(500);
  await expect(bubble(a, 'General')).toHaveCount(0);
  // Each line once: the sender hears its own event too.
  await expect(teamLog(a, 'General').locator('.tc-line')).toHaveCount(3);
  await expect(benLog.locator('.tc-line')).toHaveCount(3);

  // Replying took the "New messages" line away.
  await expect(benLog.getByText('New messages')).toHaveCount(0);

  await say(a, 'General', 'Perfect, thank you!');
  await say(a, 'General', 'Could one of you take the next customer waiting in General? I am on a call with a customer.');
  await expect(benLog.getByText('I am on a call with a customer.', { exact: false })).toBeVisible();
  await say(b, 'General', 'On it.');

  // docs/screenshots: Ben's Home with the team chat open.
  await b.getByRole('row').filter({ hasText: 'Waiting' }).first().click();
  await expect(teamLog(a, 'General').getByText('On it.')).toBeVisible();
  await b.screenshot({ path: join(repoRoot, 'docs/screenshots/console-team-chat.png'), animations: 'disabled' });

  // A reload keeps the history (from the appliance), and nothing is unread.
  await b.reload();
  await expect(b.getByRole('button', { name: 'Home' })).toBeVisible();
  await expect(queues(b).getByRole('button', { name: 'Favourite: General' })).toBeVisible();
  await panel(b).getByRole('button', { name: 'Show General team chat' }).click();
  await expect(teamLog(b, 'General').locator('.tc-line')).toHaveCount(6);
  await expect(teamLog(b, 'General').getByText('Thanks Ana! I will put a note on the VPN tickets.')).toBeVisible();
  await expect(teamLog(b, 'General').getByText('New messages')).toHaveCount(0);
  await a.reload();
  await teamQueue(a, 'General').click();
  await expect(teamLog(a, 'General').locator('.tc-line')).toHaveCount(6);

  // Folding the chat: lines arriving then count on the bubble again.
  await panel(b).getByRole('button', { name: 'Hide team chat' }).click();
  await expect(teamLog(b, 'General')).toHaveCount(0);
  await say(a, 'General', 'One more: lunch is on the team today.');
  await expect(queues(b).getByRole('button', { name: 'General team chat: 1 unread message' })).toBeVisible();
  await teamQueue(b, 'General').click();
  await expect(teamLog(b, 'General').getByText('One more: lunch is on the team today.')).toBeVisible();
  await expect(bubble(b, 'General')).toHaveCount(0);

  await a.context().close();
  await b.context().close();
});

test('the composer: counter near 4000, over the cap refused, a refused line says why and Retry sends it', async ({ browser }) => {
  // The appliance's answers pass through a relay that can turn the next team.chat into a refusal.
  let refuseNext: string | null = null;
  const page = await logIn(browser, ana, (p) =>
    p.routeWebSocket(/\/ws\/console$/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((msg) => {
        const frame = JSON.parse(String(msg)) as { t: string; id: number; method?: string };
        if (refuseNext && frame.method === 'team.chat') {
          ws.send(JSON.stringify({ t: 'err', id: frame.id, code: refuseNext, message: 'refused by the test' }));
          refuseNext = null;
          return;
        }
        server.send(msg);
      });
    }),
  );
  await teamQueue(page, 'General').click();
  const input = composer(page, 'General');

  // The counter shows near the limit; over it the line cannot be sent, and typing goes on.
  await input.fill('x'.repeat(3000));
  await expect(panel(page).getByText(/\/ 4,000$/)).toHaveCount(0);
  await input.fill('x'.repeat(3700));
  await expect(panel(page).getByText('3,700 / 4,000')).toBeVisible();
  await input.fill('x'.repeat(4005));
  await expect(panel(page).getByText('Your message is 5 characters too long.')).toBeVisible();
  await expect(panel(page).getByRole('button', { name: 'Send to General' })).toBeDisabled();
  await input.press('Enter');
  await expect(input).toHaveValue('x'.repeat(4005));

  // A coded refusal: the line stays, marked Not sent with the reason, and Retry sends it.
  refuseNext = 'E_NOT_TEAM_MEMBER';
  await input.fill('Is anyone free for a Mac question?');
  await input.press('Enter');
  const failed = teamLog(page, 'General').locator('.tc-line.failed');
  await expect(failed).toContainText('Not sent');
  await expect(failed.getByRole('alert')).toContainText('Not sent: you are not a member of General, so you cannot write in its team chat.');
  // Typing is never blocked by a line in flight or refused.
  await input.fill('still typing');
  await expect(input).toHaveValue('still typing');

  refuseNext = 'E_BAD_PARAMS';
  await failed.getByRole('button', { name: 'Retry sending this line' }).click();
  await expect(failed.getByRole('alert')).toContainText('Not sent: a line must have between 1 and 4,000 characters.');
  await failed.getByRole('button', { name: 'Retry sending this line' }).click();
  await expect(teamLog(page, 'General').locator('.tc-line.failed')).toHaveCount(0);
  await expect(teamLog(page, 'General').locator('.tc-line:not(.pending)').filter({ hasText: 'Is anyone free for a Mac question?' })).toHaveCount(1);
  await page.context().close();
});

test('history pages back with "Load earlier messages"', async ({ browser }) => {
  // 130 lines from Carla in Remote Support, written before Dieter logs in.
  const carla = await rep(app.url, 'carla');
  const teamId = Number((await carla.call('queues.list', {})).queues.find((q) => q.kind === 'team')!.id.slice('team:'.length));
  for (let i = 1; i <= 130; i++) await carla.call('team.chat', { teamId, body: `status ${i}` });
  carla.close();

  const page = await logIn(browser, dieter);
  await expect(queues(page).getByRole('button', { name: 'Remote Support team chat: 130 unread messages' })).toBeVisible();
  await teamQueue(page, 'Remote Support').click();
  const log = teamLog(page, 'Remote Support');
  await expect(log.getByText('status 130', { exact: true })).toBeVisible();
  await expect(log.locator('.tc-text')).toHaveCount(100);
  await expect(log.getByText('status 30', { exact: true })).toHaveCount(0);
  await expect(bubble(page, 'Remote Support')).toHaveCount(0);

  await log.getByRole('button', { name: 'Load earlier messages' }).click();
  await expect(log.locator('.tc-text')).toHaveCount(130);
  await expect(log.getByText('status 1', { exact: true })).toBeVisible();
  await expect(log.getByRole('button', { name: 'Load earlier messages' })).toHaveCount(0);
  await expect(log.getByText('This is the beginning of the Remote Support team chat.')).toBeVisible();

  // The split between the session table and the chat moves with the arrow keys (and is kept).
  const splitter = page.getByRole('separator', { name: 'Resize the team chat' });
  const before = Number(await splitter.getAttribute('aria-valuenow'));
  const height = (await panel(page).boundingBox())!.height;
  await splitter.focus();
  await splitter.press('ArrowUp');
  await splitter.press('ArrowUp');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 10));
  expect((await panel(page).boundingBox())!.height).toBeGreaterThan(height + 40);
  await page.reload();
  await teamQueue(page, 'Remote Support').click();
  await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 10));
  await page.context().close();
});

test('lines written while the link was down show after the reconnect; folded, they count on the bubble', async ({ browser }) => {
  // A relay between the page and the appliance that the test can cut.
  let offline = false;
  const live: { page: { close(): Promise<void> }; server: { close(): Promise<void> } }[] = [];
  const page = await logIn(browser, ben, (p) =>
    p.routeWebSocket(/\/ws\/console$/, (ws) => {
      if (offline) return void ws.close();
      const server = ws.connectToServer();
      live.push({ page: ws, server });
    }),
  );
  const cut = async () => {
    offline = true;
    for (const l of live.splice(0)) {
      await l.server.close();
      await l.page.close();
    }
    await expect(page.getByText('Reconnecting…')).toBeVisible();
  };
  const restore = async () => {
    offline = false;
    await expect(page.getByText('Reconnecting…')).toHaveCount(0, { timeout: 20_000 });
  };

  const anaWs = await rep(app.url, 'ana');
  const teamId = Number((await anaWs.call('queues.list', {})).queues.find((q) => q.kind === 'team')!.id.slice('team:'.length));

  await teamQueue(page, 'General').click();
  const log = teamLog(page, 'General');
  await expect(log.getByText('On it.')).toBeVisible();

  await cut();
  await anaWs.call('team.chat', { teamId, body: 'Written while Ben was offline (1)' });
  await anaWs.call('team.chat', { teamId, body: 'Written while Ben was offline (2)' });
  await restore();
  await expect(log.getByText('Written while Ben was offline (2)')).toBeVisible();
  await expect(log.getByText('Written while Ben was offline (1)')).toBeVisible();
  await page.waitForTimeout(500);
  await expect(bubble(page, 'General')).toHaveCount(0);

  await panel(page).getByRole('button', { name: 'Hide team chat' }).click();
  await cut();
  await anaWs.call('team.chat', { teamId, body: 'And one while the chat was folded' });
  await restore();
  await expect(queues(page).getByRole('button', { name: 'General team chat: 1 unread message' })).toBeVisible();
  await bubble(page, 'General').click();
  await expect(log.getByText('And one while the chat was folded')).toBeVisible();
  await expect(log.getByText('Written while Ben was offline (1)')).toBeVisible();
  await expect(bubble(page, 'General')).toHaveCount(0);

  anaWs.close();
  await page.context().close();
});
