import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SocketHandlers } from '../../lib/client.js';
import { CustomerSocket, customerSocketUrl, failureOf, type CustomerEvent, type Hello } from './customer-socket.js';
import { msg, prompt } from './fixtures.js';

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

const HELLO: Hello = {
  status: { status: 'waiting', queueName: 'General', repName: null, repConnected: null, position: 1 },
  customerName: 'Maria',
  messages: [msg(1, 'customer', 'hi')],
  prompts: [],
};

function setup(token?: string) {
  const sockets: FakeSocket[] = [];
  const hellos: Hello[] = [];
  const refused: string[] = [];
  const events: CustomerEvent[] = [];
  const states: string[] = [];
  const link: CustomerSocket = new CustomerSocket({
    url: 'ws://site/ws/customer',
    token,
    socket: (_url, on) => {
      const s = new FakeSocket(on);
      sockets.push(s);
      return s;
    },
    onHello: (h) => hellos.push(h),
    onHelloRefused: (e) => refused.push(e.code),
    onEvent: (e) => events.push(e),
    onState: (s) => states.push(s),
    random: () => 0,
    timeoutMs: 5_000,
  });
  const current = () => sockets[sockets.length - 1]!;
  /** Opens the current socket and answers its hello. */
  const join = async (hello: Hello = HELLO) => {
    current().on.open();
    current().reply(current().last().id, hello);
    await flush();
  };
  return { link, sockets, hellos, refused, events, states, current, join };
}

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('CustomerSocket', () => {
  it('builds the address from the page’s', () => {
    expect(customerSocketUrl({ protocol: 'https:', host: 'support.example' })).toBe('wss://support.example/ws/customer');
    expect(customerSocketUrl({ protocol: 'http:', host: '127.0.0.1:8080' })).toBe('ws://127.0.0.1:8080/ws/customer');
  });

  it('says hello first — with the token, or without one for the cookie — then requests may go', async () => {
    const t = setup('t'.repeat(32));
    t.link.start();
    t.current().on.open();
    expect(t.current().last()).toMatchObject({ method: 'customer.hello', params: { token: 't'.repeat(32) } });
    // Before the hello succeeded nothing else goes out.
    await expect(t.link.call('customer.chat', { body: 'early' })).rejects.toSatisfy((e) => failureOf(e) === 'offline');
    t.current().reply(t.current().last().id, HELLO);
    await flush();
    expect(t.hellos).toEqual([HELLO]);
    expect(t.link.online).toBe(true);
    expect(t.states).toEqual(['online']);

    const sent = t.link.call('customer.chat', { body: '  hello  ' });
    // Params are checked (and trimmed) by the shared schema before they leave.
    expect(t.current().last()).toMatchObject({ method: 'customer.chat', params: { body: 'hello' } });
    t.current().reply(t.current().last().id, { message: msg(2, 'customer', 'hello') });
    await expect(sent).resolves.toEqual({ message: msg(2, 'customer', 'hello') });

    const u = setup();
    u.link.start();
    u.current().on.open();
    expect(u.current().last()).toMatchObject({ method: 'customer.hello', params: {} });
  });

  it('refuses bad params without sending them', async () => {
    const t = setup();
    t.link.start();
    await t.join();
    const before = t.current().sent.length;
    await expect(t.link.call('customer.chat', { body: 'x'.repeat(5000) })).rejects.toMatchObject({ code: 'E_BAD_PARAMS' });
    expect(t.current().sent.length).toBe(before);
  });

  it('hands on validated events and drops what does not fit the protocol', async () => {
    const t = setup();
    t.link.start();
    await t.join();
    t.current().emit('customer.chat', msg(3, 'rep', 'Hi Maria'));
    t.current().emit('customer.prompt', prompt(1));
    t.current().emit('customer.prompt', { id: 'nope' });
    t.current().emit('console.thing', {});
    t.current().on.message('not json');
    expect(t.events.map((e) => e.event)).toEqual(['customer.chat', 'customer.prompt']);
  });

  it('a refusal carries the appliance’s code and message', async () => {
    const t = setup();
    t.link.start();
    await t.join();
    const answer = t.link.call('customer.answer', { promptId: 9, allow: true });
    t.current().fail(t.current().last().id, 'E_PROMPT_NOT_FOUND', 'That request is no longer waiting for an answer.');
    await expect(answer).rejects.toMatchObject({ code: 'E_PROMPT_NOT_FOUND', message: 'That request is no longer waiting for an answer.' });
    await expect(answer).rejects.toSatisfy((e) => failureOf(e) === null);
  });

  it('a drop fails what was in flight and reconnects with a fresh hello; nothing is resent by itself', async () => {
    const t = setup();
    t.link.start();
    await t.join();
    const lost = t.link.call('customer.chat', { body: 'in flight' });
    t.current().on.close(1006, '');
    await expect(lost).rejects.toSatisfy((e) => failureOf(e) === 'connection-lost');
    expect(t.link.online).toBe(false);
    expect(t.states.at(-1)).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(t.sockets).toHaveLength(2);
    t.current().on.open();
    expect(t.current().sent.map((f) => f.method)).toEqual(['customer.hello']);
    t.current().reply(t.current().last().id, HELLO);
    await flush();
    expect(t.hellos).toHaveLength(2);
    expect(t.states.at(-1)).toBe('online');
  });

  it('a request without an answer times out', async () => {
    const t = setup();
    t.link.start();
    await t.join();
    const slow = t.link.call('customer.leave', {});
    vi.advanceTimersByTime(5_001);
    await expect(slow).rejects.toSatisfy((e) => failureOf(e) === 'timeout');
  });

  it('a refused hello is reported; the owner may stop, otherwise it tries again later', async () => {
    const t = setup();
    t.link.start();
    t.current().on.open();
    t.current().fail(t.current().last().id, 'E_INTERNAL', 'oops');
    await flush();
    expect(t.refused).toEqual(['E_INTERNAL']);
    expect(t.current().closed).toBe(true);
    t.current().on.close(1000, '');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(t.sockets).toHaveLength(2);

    const gone = setup();
    gone.link.start();
    gone.current().on.open();
    gone.current().fail(gone.current().last().id, 'E_SESSION_NOT_FOUND', 'That session no longer exists.');
    await flush();
    gone.link.close();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(gone.refused).toEqual(['E_SESSION_NOT_FOUND']);
    expect(gone.sockets).toHaveLength(1);
    expect(gone.states.at(-1)).toBe('closed');
  });

  it('close is for good: open requests fail, no reconnect', async () => {
    const t = setup();
    t.link.start();
    await t.join();
    const open = t.link.call('customer.leave', {});
    t.link.close();
    await expect(open).rejects.toSatisfy((e) => failureOf(e) === 'connection-lost');
    t.current().on.close(1000, '');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.sockets).toHaveLength(1);
  });
});
