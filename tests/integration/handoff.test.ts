/**
 * The web → desktop hand-off end to end (FEATURES.md §H): a real appliance, a web console (the
 * protocol test client) with a session and a connected customer, the `.brcs` file it downloads, and
 * the desktop side's own session code (src-main/logic/brcs-session.ts + console-link.ts) run in Node
 * to redeem it. The desktop console ends up logged in with the rep's sessions, the customer never
 * notices, the web console is told why it was logged out; reused and expired tokens are refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBrcs } from '../../appliance/src/protocol/brcs/index.js';
import { runBrcsFile, type BrcsSessionDeps, type ConsoleLink } from '../../src-main/logic/brcs-session.js';
import { openConsoleLink } from '../../src-main/logic/console-link.js';
import { SitesStore } from '../../src-main/logic/sites.js';
import { startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { customer, eventOf, portal, rep } from '../helpers/support.js';

const TTL_SECONDS = 3;
let app: RunningAppliance;
let userData: string;
const links: ConsoleLink[] = [];

beforeAll(async () => {
  app = await startAppliance({ demo: true, env: { REP_HANDOFF_TTL_SECONDS: String(TTL_SECONDS), REP_REP_GRACE_SECONDS: '1', REP_CUSTOMER_GRACE_SECONDS: '1' } });
  userData = mkdtempSync(join(tmpdir(), 'rep-console-userdata-'));
});
afterAll(async () => {
  for (const l of links) l.close();
  await app?.stop({ remove: true });
  rmSync(userData, { recursive: true, force: true });
});

/** The desktop side, as src-main wires it, with the rep's answer to "connect to this new site?" scripted. */
function desktop(answer: boolean, asked: string[] = []): BrcsSessionDeps {
  return {
    sites: new SitesStore(join(userData, 'sites.json')),
    connect: async (origin) => {
      const link = await openConsoleLink(origin);
      links.push(link);
      return link;
    },
    confirmUnknownSite: async (origin) => {
      asked.push(origin);
      return answer;
    },
  };
}

describe('web → desktop hand-off', () => {
  it('moves the rep and their sessions to the desktop console, customer connected, web console told why; the file works once', async () => {
    // The web console, with a customer in an accepted session.
    const web = await rep(app.url, 'ana');
    const key = await web.call('sessionKey.generate', { expiresInMinutes: 10 });
    const joined = await portal(app.url, { name: 'Hanna Handoff', sessionKey: key.key });
    const sessionId: string = joined.body.sessionId;
    const { client: cust } = await customer(app.url, joined.body.customerToken);
    await web.call('session.accept', { sessionId });
    await eventOf(cust, 'customer.status', (d) => d.status === 'active');

    // Actions > Desktop Representative Console: a .brcs with a one-time token, never a password.
    const file = await web.call('desktop.handoff', {});
    expect(file.fileName).toMatch(/^desktop-console\.brcs-[A-Za-z0-9_.-]+$/);
    expect(Date.parse(file.expiresAt) - Date.now()).toBeLessThanOrEqual(TTL_SECONDS * 1000);
    const parsed = parseBrcs(file.text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.commands).toHaveLength(1);
    const login = parsed.commands[0]!.command;
    expect(login).toMatchObject({ action: 'login', params: { mechanism: 'one_time_token', site: app.url } });
    expect(file.text).not.toMatch(/password|Support-Demo-1/);

    // The desktop console opens it: a site it never connected to, so it asks first.
    const asked: string[] = [];
    const result = await runBrcsFile({ name: file.fileName, text: file.text }, desktop(true, asked));
    expect(asked).toEqual([app.url]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.login?.me.username).toBe('ana');
    expect(result.login?.token).toMatch(/^[\w-]{32,}$/);

    // The web console is logged out, and told why.
    const kicked = await eventOf(web, 'auth.kicked');
    expect(kicked.code).toBe('E_AUTH_HANDED_OFF');
    expect(kicked.message).toContain('You signed in to the desktop Representative Console');
    await web.until(() => web.ws.readyState === web.ws.CLOSED);

    // The session is the desktop console's now, the customer still there, and it carries on.
    const link = result.link!;
    const mine = (await link.call('session.mine', {})) as { sessions: { session: { id: string } }[] };
    expect(mine.sessions.map((m) => m.session.id)).toContain(sessionId);
    const detail = (await link.call('session.open', { sessionId })) as { myRole: string; customer: { connected: boolean } };
    expect(detail).toMatchObject({ myRole: 'owner', customer: { connected: true } });
    const { message } = (await link.call('session.chat', { sessionId, body: 'Now from the desktop console.' })) as { message: { id: number } };
    expect((await eventOf(cust, 'customer.chat', (m) => m.id === message.id)).body).toBe('Now from the desktop console.');
    // Past the rep's grace period (1 s): nothing was released, the customer never saw the rep leave.
    await new Promise((r) => setTimeout(r, 1500));
    expect(((await link.call('session.open', { sessionId })) as { myRole: string }).myRole).toBe('owner');
    const lines = cust.events.filter((e) => e.event === 'customer.chat').map((e) => (e.data as { body: string }).body);
    expect(lines.join('\n')).not.toMatch(/lost the connection|went back to a queue|left the session/);
    expect(cust.ws.readyState).toBe(cust.ws.OPEN);

    // The same file again: refused with a code, naming the line; the site is known now (no question).
    const again = await runBrcsFile({ name: file.fileName, text: file.text }, desktop(false, asked));
    expect(again).toMatchObject({ ok: false, code: 'E_HANDOFF_USED', line: 2 });
    expect(asked).toHaveLength(1);
    // Only a web console hands off.
    await expect(link.call('desktop.handoff', {})).rejects.toMatchObject({ code: 'E_HANDOFF_WEB_ONLY' });
    cust.close();
  });

  it('desktop app: login runs here, the commands after it are handed to the window in order, with their lines', async () => {
    const web = await rep(app.url, 'ben');
    const file = await web.call('desktop.handoff', {});
    const text = `${file.text.trimEnd()}\naction=start_jump_item_session&jump.method=pinned&search_string=dc01\naction=push_and_start_remote&target=10.20.0.5\n`;
    const handed = await runBrcsFile({ name: file.fileName, text }, { ...desktop(true), handOver: true });
    expect(handed.ok).toBe(true);
    if (!handed.ok) return;
    expect(handed.login?.me.username).toBe('ben');
    expect(handed.handed.map((c) => [c.line, c.command.action])).toEqual([
      [3, 'start_jump_item_session'],
      [4, 'push_and_start_remote'],
    ]);
    // Without the desktop app's hand-over (and no runner), nothing is handed: those lines are refused by line.
    const web2 = await rep(app.url, 'ben');
    const file2 = await web2.call('desktop.handoff', {});
    const refused = await runBrcsFile({ name: file2.fileName, text: `${file2.text.trimEnd()}\naction=start_jump_item_session&search_string=dc01\n` }, desktop(true));
    expect(refused).toMatchObject({ ok: false, line: 3 });
    web.close();
    web2.close();
  });

  it('refuses an expired file, and declining an unknown site uses nothing up', async () => {
    const web = await rep(app.url, 'ben');
    const file = await web.call('desktop.handoff', {});

    // Declined: a fresh console (no remembered sites) asks, the rep says no, nothing is sent.
    const fresh: BrcsSessionDeps = { ...desktop(false), sites: new SitesStore(join(userData, 'other-sites.json')) };
    const declined = await runBrcsFile({ name: file.fileName, text: file.text }, fresh);
    expect(declined).toMatchObject({ ok: false, code: 'E_BRCS_SITE_DECLINED' });

    await new Promise((r) => setTimeout(r, TTL_SECONDS * 1000 + 300));
    const late = await runBrcsFile({ name: file.fileName, text: file.text }, desktop(true));
    expect(late).toMatchObject({ ok: false, code: 'E_HANDOFF_EXPIRED', line: 2 });
    expect(late.ok === false && late.message).toMatch(/^Line 2 \(login\): .*expired/);
    // The web console is still logged in.
    expect((await web.call('auth.me', {})).username).toBe('ben');
    web.close();
  });

  it('refuses a forged token and a malformed file with the line', async () => {
    const forged = `BRCS1.0\naction=login&mechanism=one_time_token&token=${'x'.repeat(43)}&site=${encodeURIComponent(app.url)}\n`;
    expect(await runBrcsFile({ name: 'a.brcs-demo_site', text: forged }, desktop(true))).toMatchObject({ ok: false, code: 'E_HANDOFF_INVALID', line: 2 });
    const bad = await runBrcsFile({ name: 'a.brcs-demo_site', text: 'BRCS1.0\naction=login&mechanism=one_time_token\n' }, desktop(true));
    expect(bad).toMatchObject({ ok: false, code: 'E_BRCS_MALFORMED', line: 2 });
    const hostile = await runBrcsFile({ name: 'a.brcs-demo_site', text: `BRCS1.0\naction=login&mechanism=one_time_token&token=${'y'.repeat(43)}&site=${encodeURIComponent('http://attacker.example')}\n` }, desktop(true));
    expect(hostile).toMatchObject({ ok: false, code: 'E_BRCS_MALFORMED', line: 2 });
  });
});
