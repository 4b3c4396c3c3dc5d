/** Console logins: the web cookie, one console at a time, logout, and the desktop launch secret. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { TestClient } from '../helpers/ws-client.js';

let app: RunningAppliance;
beforeAll(async () => {
  app = await startAppliance({ demo: true });
});
afterAll(async () => {
  await app?.stop({ remove: true });
});

const cookieFor = async (token: string) => {
  const r = await fetch(app.url + '/console/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
  expect(r.status).toBe(204);
  const set = r.headers.get('set-cookie')!;
  expect(set).toMatch(/HttpOnly/i);
  expect(set).toMatch(/SameSite=Strict/i);
  return set.split(';')[0]!;
};

describe('web console login', () => {
  it('a reload with the cookie is already logged in; logout ends it', async () => {
    const a = await TestClient.connect(app.url);
    const { token } = await a.call('auth.login', { username: 'ana', password: 'Support-Demo-1', console: 'web' });
    const cookie = await cookieFor(token);
    const reload = await TestClient.connect(app.url, { cookie });
    expect((await reload.call('auth.me', {})).username).toBe('ana');
    await reload.call('auth.logout', {});
    await expect(reload.call('auth.me', {})).rejects.toMatchObject({ code: 'E_AUTH_REQUIRED' });
    const again = await TestClient.connect(app.url, { cookie });
    await expect(again.call('auth.me', {})).rejects.toMatchObject({ code: 'E_AUTH_REQUIRED' });
    for (const c of [a, reload, again]) c.close();
  });

  it('refuses to trade a bogus token for a cookie', async () => {
    const r = await fetch(app.url + '/console/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: 'x'.repeat(43) }) });
    expect(r.status).toBe(401);
  });

  it('one console at a time: a second login kicks the first with a reason', async () => {
    const first = await TestClient.connect(app.url);
    await first.call('auth.login', { username: 'ben', password: 'Support-Demo-1', console: 'web' });
    const second = await TestClient.connect(app.url);
    await second.call('auth.login', { username: 'ben', password: 'Support-Demo-1', console: 'desktop' });
    const kicked = await first.until(() => first.events.find((e) => e.event === 'auth.kicked'));
    expect(kicked.data).toMatchObject({ code: 'E_AUTH_KICKED' });
    expect((await second.call('auth.me', {})).username).toBe('ben');
    first.close();
    second.close();
  });

  it('locks an account after repeated wrong passwords', async () => {
    const c = await TestClient.connect(app.url);
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      await c.call('auth.login', { username: 'dieter', password: `wrong-${i}`, console: 'web' }).catch((e: { code: string }) => codes.push(e.code));
    }
    expect(codes.slice(0, 4)).toEqual(['E_AUTH_INVALID', 'E_AUTH_INVALID', 'E_AUTH_INVALID', 'E_AUTH_INVALID']);
    expect(codes[4]).toBe('E_AUTH_LOCKED');
    await expect(c.call('auth.login', { username: 'dieter', password: 'Support-Demo-1', console: 'web' })).rejects.toMatchObject({ code: 'E_AUTH_LOCKED' });
    c.close();
  });
});
