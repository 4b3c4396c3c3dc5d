/**
 * Support Portal > click-to-chat (FEATURES.md §A): on, portal sessions start in the customer's browser
 * ([Browser], click-to-chat mode); off, the portal offers no click-to-chat (its sessions start in the
 * full customer client) and the Session Generation API refuses c2cjs=1 with E_CLICK_TO_CHAT_DISABLED
 * — before a session key is spent.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { portal, rep } from '../helpers/support.js';
import type { TestClient } from '../helpers/ws-client.js';

let app: RunningAppliance;
let cookie = '';
let admin: TestClient;

const post = (path: string, body: unknown) =>
  fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: app.url, cookie }, body: JSON.stringify(body) });
const browserFlag = (sessionId: string) => {
  const db = new Database(join(app.dataDir, 'site.db'), { readonly: true });
  try {
    return (db.prepare('SELECT browser FROM sessions WHERE id = ?').get(sessionId) as { browser: number }).browser === 1;
  } finally {
    db.close();
  }
};
const setClickToChat = async (on: boolean) => {
  const r = await post('/login/api/portal-settings', { showRepList: true, showSessionKey: true, showIssues: true, showConnect: true, clickToChat: on });
  expect(r.status).toBe(200);
  expect(((await (await fetch(`${app.url}/api/portal`)).json()) as { clickToChat: boolean }).clickToChat).toBe(on);
};

beforeAll(async () => {
  app = await startAppliance({ demo: true });
  cookie = (await post('/login/api/login', { username: 'admin', password: 'password' })).headers.get('set-cookie')?.split(';')[0] ?? '';
  admin = await rep(app.url, 'admin'); // Connect needs a representative logged in
}, 60_000);
afterAll(async () => {
  admin?.close();
  await app?.stop({ remove: true });
});

describe('click-to-chat', () => {
  it('on: a portal session is a browser session in click-to-chat mode', async () => {
    await setClickToChat(true);
    const joined = await portal(app.url, { name: 'Chatty Cleo', connect: true });
    expect(browserFlag(joined.body.sessionId)).toBe(true);
    await admin.call('session.accept', { sessionId: joined.body.sessionId });
    const open = await admin.call('session.open', { sessionId: joined.body.sessionId });
    expect(open.endpoint?.elevation.clientMode).toBe('click_to_chat');
  });

  it('off: portal sessions start in the full customer client; the API refuses c2cjs=1 with its code', async () => {
    await setClickToChat(false);
    const joined = await portal(app.url, { name: 'Client Carl', connect: true });
    expect(browserFlag(joined.body.sessionId)).toBe(false);
    await admin.call('session.accept', { sessionId: joined.body.sessionId });
    const open = await admin.call('session.open', { sessionId: joined.body.sessionId });
    expect(open.endpoint?.elevation.clientMode).toBe('full_client');

    // The Session Generation API: c2cjs=1 is refused with its code (403, plain text), nothing is queued.
    const start = (body: string) => fetch(`${app.url}/api/start_session`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body, redirect: 'manual' });
    const refused = await start('issue_menu=1&codeName=password&customer.name=Api%20Ann&c2cjs=1');
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/^E_CLICK_TO_CHAT_DISABLED: /);
    const db = new Database(join(app.dataDir, 'site.db'), { readonly: true });
    expect(db.prepare("SELECT COUNT(*) AS n FROM sessions WHERE customer_name = 'Api Ann'").get()).toEqual({ n: 0 });
    // A session key offered with c2cjs=1 is refused before it is redeemed: the same key still works without it.
    const key = await admin.call('sessionKey.generate', { expiresInMinutes: 10 });
    const digits = key.key.replace(/\D/g, '');
    expect((await start(`short_key=${digits}&customer.name=Key%20Kim&c2cjs=1`)).status).toBe(403);
    const started = await start(`short_key=${digits}&customer.name=Key%20Kim`);
    expect(started.status).toBe(303);
    const row = db.prepare("SELECT browser FROM sessions WHERE customer_name = 'Key Kim'").get() as { browser: number };
    db.close();
    expect(row.browser).toBe(0);
    await setClickToChat(true);
  });
});
