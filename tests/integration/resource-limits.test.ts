/**
 * Resource limits (issue 10): each one set small through its environment variable on a real
 * appliance process, then hit over real WebSockets. Every refusal is a stable code whose message
 * names the limit and the variable that sets it; nothing else on the connection is disturbed.
 */
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { portal, rep } from '../helpers/support.js';
import { TestClient } from '../helpers/ws-client.js';

let app: RunningAppliance;

beforeAll(async () => {
  app = await startAppliance({
    demo: true,
    env: {
      REP_MAX_MESSAGE_BYTES: '4096',
      REP_MAX_TRANSFERS_PER_SESSION: '1',
      REP_MAX_SESSIONS_PER_REP: '2',
      REP_CONSOLE_IDLE_SECONDS: '2',
      REP_AGENT_IDLE_SECONDS: '2',
    },
  });
}, 60_000);
afterAll(async () => {
  await app?.stop({ remove: true });
});

const refusal = (p: Promise<unknown>) => p.then(() => ({ code: 'ok', message: '' }), (e: { code?: string; message?: string }) => ({ code: e.code ?? String(e), message: e.message ?? '' }));
const closed = (ws: WebSocket) => new Promise<{ code: number; reason: string }>((res) => ws.once('close', (code, reason) => res({ code, reason: reason.toString() })));

describe('max message size (REP_MAX_MESSAGE_BYTES)', () => {
  it('a frame over the limit is refused with E_TOO_LARGE naming the limit; the connection stays usable', async () => {
    const c = await rep(app.url, 'admin');
    c.raw(JSON.stringify({ t: 'req', id: 999, method: 'chat.send', params: { body: 'x'.repeat(5000) } }));
    const err = await c.until(() => c.errors.find((e) => e.code === 'E_TOO_LARGE'));
    expect(err.message).toContain('4096');
    expect(err.message).toContain('REP_MAX_MESSAGE_BYTES');
    // The next request on the same socket is answered.
    await expect(c.call('jump.list', { search: '' })).resolves.toBeTruthy();
    c.close();
  });

  it('a frame far over the limit is not even buffered: the socket closes with 1009', async () => {
    const c = await rep(app.url, 'admin');
    const done = closed(c.ws);
    c.raw('y'.repeat(4096 * 4 + 10));
    expect((await done).code).toBe(1009);
  });
});

describe('max sessions per rep (REP_MAX_SESSIONS_PER_REP)', () => {
  it('a rep in as many sessions as allowed is refused the next one until one ends', async () => {
    const c = await rep(app.url, 'admin');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const joined = await portal(app.url, { name: `Limit Customer ${i}`, connect: true });
      expect(joined.status).toBe(200);
      ids.push(joined.body.sessionId);
    }
    await c.call('session.accept', { sessionId: ids[0]! });
    await c.call('session.accept', { sessionId: ids[1]! });
    const third = await refusal(c.call('session.accept', { sessionId: ids[2]! }));
    expect(third.code).toBe('E_LIMIT_SESSIONS');
    expect(third.message).toContain('at most 2');
    expect(third.message).toContain('REP_MAX_SESSIONS_PER_REP');
    // A Jump counts too.
    const { items } = await c.call('jump.list', { search: 'DC01' });
    const item = items.find((i) => i.status === 'active')!;
    expect((await refusal(c.call('jump.start', { itemId: item.id }))).code).toBe('E_LIMIT_SESSIONS');
    // Ending one makes room.
    await c.call('session.end', { sessionId: ids[0]! });
    await expect(c.call('session.accept', { sessionId: ids[2]! })).resolves.toBeTruthy();
    await c.call('session.end', { sessionId: ids[1]! });
    await c.call('session.end', { sessionId: ids[2]! });
    c.close();
  });
});

describe('max concurrent transfers per session (REP_MAX_TRANSFERS_PER_SESSION)', () => {
  it('a second unfinished transfer in the same session is refused until the first is cancelled', async () => {
    const c = await rep(app.url, 'admin');
    const { items } = await c.call('jump.list', { search: 'DC01' });
    const item = items.find((i) => i.status === 'active')!;
    const { sessionId } = await c.call('jump.start', { itemId: item.id });
    const first = await c.call('session.files.upload', { sessionId, volume: 0, path: '', name: 'limit-a.bin', size: 1024, key: 'limit-key-a-0000000000' });
    const second = await refusal(c.call('session.files.upload', { sessionId, volume: 0, path: '', name: 'limit-b.bin', size: 1024, key: 'limit-key-b-0000000000' }));
    expect(second.code).toBe('E_LIMIT_TRANSFERS');
    expect(second.message).toContain('REP_MAX_TRANSFERS_PER_SESSION');
    await c.call('session.files.cancel', { transferId: first.transferId });
    await expect(c.call('session.files.upload', { sessionId, volume: 0, path: '', name: 'limit-b.bin', size: 1024, key: 'limit-key-b-0000000000' })).resolves.toBeTruthy();
    await c.call('session.end', { sessionId });
    c.close();
  });
});

describe('idle timeout (REP_CONSOLE_IDLE_SECONDS)', () => {
  it('a console that answers no ping is closed with 4008 and the reason; one that answers stays', async () => {
    const mute = await TestClient.connect(app.url);
    // A peer that never answers pings (a laptop with its lid closed).
    (mute.ws as unknown as { _autoPong?: boolean })._autoPong = false;
    const live = await rep(app.url, 'admin');
    const muteClosed = closed(mute.ws);
    const { code, reason } = await muteClosed;
    expect(code).toBe(4008);
    expect(reason).toContain('E_IDLE_TIMEOUT');
    expect(reason).toContain('REP_CONSOLE_IDLE_SECONDS');
    expect(live.ws.readyState).toBe(WebSocket.OPEN);
    await expect(live.call('jump.list', { search: '' })).resolves.toBeTruthy();
    live.close();
  }, 20_000);
});

describe('idle timeout (REP_AGENT_IDLE_SECONDS)', () => {
  it('a Jump Client / customer client socket that answers no ping is closed with 4008 and the reason; one that answers stays', async () => {
    const agentUrl = app.url.replace(/^http/, 'ws') + '/ws/agent';
    const open = (autoPong: boolean) =>
      new Promise<WebSocket>((res, rej) => {
        const ws = new WebSocket(agentUrl, { autoPong });
        ws.once('open', () => res(ws));
        ws.once('error', rej);
      });
    const mute = await open(false);
    const live = await open(true);
    const started = Date.now();
    const { code, reason } = await closed(mute);
    expect(code).toBe(4008);
    expect(reason).toContain('E_IDLE_TIMEOUT');
    expect(reason).toContain('REP_AGENT_IDLE_SECONDS');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
    expect(live.readyState).toBe(WebSocket.OPEN);
    live.close();
  }, 20_000);
});
