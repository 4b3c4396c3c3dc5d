/**
 * Reports know where a customer connected from (FEATURES.md §G): the public address the appliance saw
 * for a portal session and a Session Generation API session, and the private address a customer
 * client attached to the session reports — shown in the report and found by the customer filter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { portal, rep } from '../helpers/support.js';

let app: RunningAppliance;
let cookie = '';

beforeAll(async () => {
  app = await startAppliance({ demo: true });
  const r = await fetch(`${app.url}/login/api/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: app.url }, body: JSON.stringify({ username: 'admin', password: 'password' }) });
  cookie = r.headers.get('set-cookie')?.split(';')[0] ?? '';
}, 60_000);
afterAll(async () => {
  await app?.stop({ remove: true });
});

const reports = async (query: Record<string, string>) => {
  const r = await fetch(`${app.url}/login/api/reports?${new URLSearchParams(query)}`, { headers: { cookie } });
  expect(r.status).toBe(200);
  return ((await r.json()) as { rows: { lsid: string; publicIp: string; privateIp: string; customerName: string }[] }).rows;
};

describe('customer addresses in Reports', () => {
  it('a portal session records the public address it came from, shown and searchable', async () => {
    // Connect needs a representative logged in.
    const ana = await rep(app.url, 'admin');
    const joined = await portal(app.url, { name: 'Addressed Ada', connect: true });
    expect(joined.status).toBe(200);
    await ana.call('session.accept', { sessionId: joined.body.sessionId });
    await ana.call('session.end', { sessionId: joined.body.sessionId });
    ana.close();
    const byName = (await reports({ customer: 'Addressed Ada' })).find((r) => r.lsid === joined.body.sessionId);
    expect(byName?.publicIp).toBe('127.0.0.1');
    const byIp = await reports({ customer: '127.0.0.1' });
    expect(byIp.some((r) => r.lsid === joined.body.sessionId)).toBe(true);
  });

  it('the socket’s address, not a forwarded-for header: the appliance trusts no proxy (server.ts trustProxy: false)', async () => {
    const ana = await rep(app.url, 'admin');
    const r = await fetch(`${app.url}/api/portal/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9', 'x-real-ip': '203.0.113.10' },
      body: JSON.stringify({ name: 'Forwarded Fred', connect: true }),
    });
    expect(r.status).toBe(200);
    const { sessionId } = (await r.json()) as { sessionId: string };
    await ana.call('session.accept', { sessionId });
    await ana.call('session.end', { sessionId });
    ana.close();
    expect((await reports({ customer: 'Forwarded Fred' }))[0]?.publicIp).toBe('127.0.0.1');
    expect(await reports({ customer: '203.0.113.9' })).toEqual([]);
    // The session's detail page gets the same addresses.
    const detail = await fetch(`${app.url}/login/api/reports/${sessionId}`, { headers: { cookie } });
    expect(((await detail.json()) as { report: { publicIp: string; privateIp: string } }).report).toMatchObject({ publicIp: '127.0.0.1', privateIp: '' });
  });

  it('a Session Generation API session records it too', async () => {
    const r = await fetch(`${app.url}/api/start_session`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'issue_menu=1&codeName=password&customer.name=Api%20Abe', redirect: 'manual' });
    expect(r.status).toBeLessThan(400);
    const row = (await reports({ customer: 'Api Abe' }))[0];
    expect(row?.publicIp).toBe('127.0.0.1');
  });
});
