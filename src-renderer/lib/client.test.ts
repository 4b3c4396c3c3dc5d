import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CodedError } from '../../appliance/src/protocol/index.js';
import { ConsoleClient, clientFailureOf, consoleSocketUrl, type SocketHandlers } from './client.js';

/** A socket double: records frames, lets the test play the appliance. */
class FakeSocket {
  sent: { t: string; id: number; method: string; params: unknown }[] = [];
  closed = false;
  constructor(readonly on: SocketHandlers) {}
  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  close(): void {
    this.closed = true;
  }
  reply(id: number, result: unknown): void {
    this.on.message(JSON.stringify({ t: 'res', id, result }));
  }
  fail(id: number, code: string, message: string): void {
    this.on.message(JSON.stringify({ t: 'err', id, code, message }));
  }
  emit(event: string, data: unknown): void {
    this.on.message(JSON.stringify({ t: 'evt', event, data }));
  }
  last() {
    return this.sent[this.sent.length - 1]!;
  }
}

const ME = {
  id: 3,
  username: 'ana',
  displayName: 'Ana Lopez',
  publicDisplayName: 'Ana',
  isAdmin: false,
  permissions: Object.fromEntries(
    ['administrator', 'viewReports', 'jumpClient', 'localJump', 'remoteJump', 'shellJump', 'localRdp', 'jumpStartAll', 'jumpManage', 'screenView', 'screenControl', 'annotations', 'fileUpload', 'fileDownload', 'commandShell', 'systemInfo', 'elevation', 'pinJumpClients', 'supportButtons', 'generateSessionKeys', 'shareNonTeam', 'inviteExternal', 'transfer', 'overrideJumpPolicy'].map((k) => [k, true]),
  ),
  teams: [{ id: 1, name: 'General', role: 'member' }],
};

function setup(handshake?: ConstructorParameters<typeof ConsoleClient>[0]['handshake']) {
  const sockets: FakeSocket[] = [];
  const client = new ConsoleClient({
    url: 'ws://site/ws/console',
    socket: (_url, on) => {
      const s = new FakeSocket(on);
      sockets.push(s);
      return s;
    },
    random: () => 0,
    timeoutMs: 5_000,
    ...(handshake ? { handshake } : {}),
  });
  return { client, sockets, current: () => sockets[sockets.length - 1]! };
}

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

describe('ConsoleClient', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends typed requests and resolves with the validated result', async () => {
    const { client, current } = setup();
    client.connect();
    current().on.open();
    await flush();
    const me = client.call('auth.me', {});
    expect(current().last()).toMatchObject({ t: 'req', method: 'auth.me', params: {} });
    current().reply(current().last().id, ME);
    await expect(me).resolves.toMatchObject({ username: 'ana' });
  });

  it('fills defaults from the params schema before sending', async () => {
    const { client, current } = setup();
    client.connect();
    current().on.open();
    await flush();
    void client.call('jump.list', { search: 'dc' }).catch(() => {});
    expect(current().last().params).toEqual({ search: 'dc', groupId: null, page: 0, pageSize: 50 });
  });

  it('rejects bad params locally with E_BAD_PARAMS', async () => {
    const { client } = setup();
    client.connect();
    await expect(client.call('jump.list', { pageSize: 500 })).rejects.toMatchObject({ code: 'E_BAD_PARAMS' });
  });

  it('rejects refusals with a CodedError carrying the code and message', async () => {
    const { client, current } = setup();
    client.connect();
    current().on.open();
    await flush();
    const p = client.call('auth.me', {});
    current().fail(current().last().id, 'E_AUTH_REQUIRED', 'Log in first.');
    const err = await p.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CodedError);
    expect(err).toMatchObject({ code: 'E_AUTH_REQUIRED', message: 'Log in first.' });
  });

  it('rejects a result that does not match the schema', async () => {
    const { client, current } = setup();
    client.connect();
    current().on.open();
    await flush();
    const p = client.call('auth.me', {});
    current().reply(current().last().id, { id: 'nope' });
    const err = await p.catch((e: unknown) => e);
    expect(clientFailureOf(err)).toBe('bad-response');
  });

  it('queues calls until the handshake has run, and the handshake goes first', async () => {
    let resumed = false;
    const { client, current } = setup(async (call) => {
      await call('auth.resume', { token: 'x'.repeat(32), console: 'desktop' });
      resumed = true;
    });
    client.connect();
    const me = client.call('auth.me', {});
    current().on.open();
    await flush();
    expect(current().sent.map((f) => f.method)).toEqual(['auth.resume']);
    current().reply(current().sent[0]!.id, { token: 'x'.repeat(32), me: ME });
    await flush();
    expect(resumed).toBe(true);
    expect(current().sent.map((f) => f.method)).toEqual(['auth.resume', 'auth.me']);
    current().reply(current().last().id, ME);
    await expect(me).resolves.toMatchObject({ id: 3 });
  });

  it('dispatches validated events to their subscribers only', async () => {
    const { client, current } = setup();
    client.connect();
    current().on.open();
    const kicked = vi.fn();
    const off = client.on('auth.kicked', kicked);
    current().emit('auth.kicked', { code: 'E_AUTH_KICKED', message: 'bye' });
    current().emit('auth.kicked', { nonsense: true });
    current().emit('queue.sessionRemoved', { id: 'a'.repeat(32), queueId: 'general' });
    expect(kicked).toHaveBeenCalledTimes(1);
    expect(kicked).toHaveBeenCalledWith({ code: 'E_AUTH_KICKED', message: 'bye' });
    off();
    current().emit('auth.kicked', { code: 'E_AUTH_KICKED', message: 'again' });
    expect(kicked).toHaveBeenCalledTimes(1);
  });

  it('rejects in-flight calls when the socket drops, then reconnects with backoff', async () => {
    const { client, sockets, current } = setup();
    const states: string[] = [];
    client.onStatus((s) => states.push(s.state));
    client.connect();
    current().on.open();
    await flush();
    const p = client.call('auth.me', {});
    current().on.close(1006, '');
    expect(clientFailureOf(await p.catch((e: unknown) => e))).toBe('connection-lost');
    expect(client.status.state).toBe('reconnecting');
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(250); // first retry: half of the 500 ms base with random() = 0
    expect(sockets).toHaveLength(2);
    current().on.close(1006, '');
    vi.advanceTimersByTime(499);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);
    current().on.open();
    await flush();
    expect(states).toEqual(['connecting', 'online', 'reconnecting', 'reconnecting', 'online']);
  });

  it('times out calls that cannot be sent', async () => {
    const { client } = setup();
    client.connect();
    const p = client.call('auth.me', {});
    vi.advanceTimersByTime(5_000);
    expect(clientFailureOf(await p.catch((e: unknown) => e))).toBe('unreachable');
  });

  it('sends unlisted methods by name and passes the appliance refusal through', async () => {
    const { client, current } = setup();
    client.connect();
    current().on.open();
    await flush();
    const p = client.request('jump.start', { itemId: 4 });
    expect(current().last()).toMatchObject({ method: 'jump.start', params: { itemId: 4 } });
    current().fail(current().last().id, 'E_UNKNOWN_METHOD', 'There is no action named "jump.start".');
    await expect(p).rejects.toMatchObject({ code: 'E_UNKNOWN_METHOD' });
  });

  it('builds the socket URL from the page origin', () => {
    expect(consoleSocketUrl({ protocol: 'https:', host: 'support.example:8443' })).toBe('wss://support.example:8443/ws/console');
    expect(consoleSocketUrl({ protocol: 'http:', host: '127.0.0.1:4000' })).toBe('ws://127.0.0.1:4000/ws/console');
  });
});
