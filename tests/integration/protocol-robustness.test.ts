/** Bad input over the console WebSocket: a coded error and a log line, and the appliance keeps serving. */
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { TestClient } from '../helpers/ws-client.js';

let app: RunningAppliance;
let c: TestClient;
beforeAll(async () => {
  app = await startAppliance({ demo: true });
  c = await TestClient.connect(app.url);
});
afterAll(async () => {
  c?.close();
  await app?.stop({ remove: true });
});

const lastError = () => c.until(() => c.errors.at(-1));

describe('console protocol refuses bad input with codes', () => {
  it('malformed JSON → E_BAD_JSON', async () => {
    c.raw('{not json');
    expect((await lastError()).code).toBe('E_BAD_JSON');
  });

  it('a frame that is not an envelope → E_BAD_ENVELOPE (with the id when there is one)', async () => {
    c.errors.length = 0;
    c.raw(JSON.stringify({ t: 'req', id: 7 }));
    expect(await lastError()).toMatchObject({ code: 'E_BAD_ENVELOPE', id: 7 });
    c.errors.length = 0;
    c.raw(JSON.stringify([1, 2, 3]));
    expect(await lastError()).toMatchObject({ code: 'E_BAD_ENVELOPE', id: null });
  });

  it('binary frames → E_BAD_ENVELOPE', async () => {
    c.errors.length = 0;
    c.raw(Buffer.from([0, 1, 2, 255]));
    expect((await lastError()).code).toBe('E_BAD_ENVELOPE');
  });

  it('an unknown method → E_UNKNOWN_METHOD', async () => {
    await expect(c.call('no.such' as 'auth.me', {})).rejects.toMatchObject({ code: 'E_UNKNOWN_METHOD' });
  });

  it('bad params → E_BAD_PARAMS naming the field', async () => {
    await expect(c.call('auth.login', { username: '', password: 'x', console: 'web' })).rejects.toMatchObject({ code: 'E_BAD_PARAMS', message: expect.stringContaining('username') });
  });

  it('methods before login → E_AUTH_REQUIRED', async () => {
    await expect(c.call('queues.list', {})).rejects.toMatchObject({ code: 'E_AUTH_REQUIRED' });
  });

  it('a wrong password → E_AUTH_INVALID and a log line without the password', async () => {
    await expect(c.call('auth.login', { username: 'ana', password: 'Wrong-Guess-9', console: 'web' })).rejects.toMatchObject({ code: 'E_AUTH_INVALID' });
    expect(app.output()).not.toContain('Wrong-Guess-9');
  });

  it('an oversized frame → E_TOO_LARGE, and the socket stays usable', async () => {
    c.errors.length = 0;
    c.raw(JSON.stringify({ t: 'req', id: 1, method: 'auth.me', params: { pad: 'x'.repeat(300 * 1024) } }));
    expect((await lastError()).code).toBe('E_TOO_LARGE');
    await expect(c.call('auth.me', {})).rejects.toMatchObject({ code: 'E_AUTH_REQUIRED' });
  });

  it('a cross-site WebSocket handshake is refused', async () => {
    const ws = new WebSocket(app.url.replace('http', 'ws') + '/ws/console', { headers: { origin: 'https://evil.example' } });
    const status = await new Promise<number>((res) => {
      ws.once('unexpected-response', (_q, r) => res(r.statusCode ?? 0));
      ws.once('open', () => res(101));
    });
    expect(status).toBe(403);
  });

  it('still serves after all of that', async () => {
    const fresh = await TestClient.connect(app.url);
    const { me } = await fresh.call('auth.login', { username: 'ana', password: 'Support-Demo-1', console: 'web' });
    expect(me.username).toBe('ana');
    fresh.close();
    expect((await fetch(app.url + '/healthz')).status).toBe(200);
    expect(app.output()).toMatch(/console frame is not JSON/);
    expect(app.output()).toMatch(/unknown console method/);
  });
});

describe('HTTP refuses bad input with codes', () => {
  it('malformed JSON body → E_BAD_JSON', async () => {
    const r = await fetch(app.url + '/login/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('E_BAD_JSON');
  });

  it('an oversized body → E_TOO_LARGE', async () => {
    const r = await fetch(app.url + '/login/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'x'.repeat(100_000), password: 'y' }) });
    expect(r.status).toBe(413);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('E_TOO_LARGE');
  });
});
