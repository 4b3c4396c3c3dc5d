import { describe, expect, it } from 'vitest';
import { CodedError, MAX_FRAME_BYTES, agentEvents, agentMethods, applianceEvents, applianceMethods } from '../protocol/index.js';
import { Peer, type RequestHandlers, type Transport } from './peer.js';
import { memoryPair } from './transport.js';

const tick = () => new Promise((r) => setTimeout(r, 5));
/** Waits (up to 5 s, a loaded CI machine is slow) until `pred` holds. */
async function until(pred: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !pred(); i++) await tick();
}

/** The appliance's end and an agent's end of one in-memory connection, with what each end received. */
function pair(timeoutMs = 1000) {
  const [a, b] = memoryPair();
  const seenByAgent: unknown[] = [];
  const outputs: unknown[] = [];
  const appliance = new Peer(a, {
    accepts: { methods: agentMethods, events: agentEvents },
    asks: applianceMethods,
    handlers: {
      'agent.register': () => ({ agentId: 1, secret: 'x'.repeat(43), jumpItemId: 9 }),
      'agent.hello': (p) => {
        if (p.secret !== 'y'.repeat(40)) throw new CodedError('E_AGENT_AUTH_INVALID');
        return { agentId: p.agentId, jumpItemId: 9 };
      },
      'agent.attach': () => {
        throw new Error('boom');
      },
      'agent.presence': () => ({}),
    },
    events: { 'shell.output': (d) => void outputs.push(d), 'shell.exit': (d) => void outputs.push(d) },
    requestTimeoutMs: timeoutMs,
  });
  const agent = new Peer(b, {
    accepts: { methods: applianceMethods, events: applianceEvents },
    asks: agentMethods,
    handlers: {
      'shell.open': () => ({}),
      'files.list': () => ({ path: '/x', roots: ['/x'], entries: [] }),
      // A misbehaving agent: the appliance must not take this answer.
      'system.info': () => ({ hostname: 42 }) as never,
      // Only these three are exercised here; the agent's other methods answer "unknown" if ever asked.
    } as Partial<RequestHandlers<typeof applianceMethods>> as RequestHandlers<typeof applianceMethods>,
    events: { 'shell.input': (d) => void seenByAgent.push(d), 'shell.resize': () => undefined, 'shell.close': () => undefined, 'shell.pause': () => undefined, 'shell.resume': () => undefined },
  });
  return { a, b, appliance, agent, outputs, seenByAgent };
}

/** A raw transport end: what a hand-written (or hostile) client sends and gets. */
function rawClient(t: Transport) {
  const got: { t: string; id?: number | null; code?: string }[] = [];
  t.onMessage((m) => got.push(typeof m === 'string' ? JSON.parse(m) : { t: 'binary' }));
  return { got, send: (s: string) => t.send(s), sendBinary: (b: Uint8Array) => t.sendBinary(b) };
}

describe('agent protocol peer', () => {
  it('requests both ways, with answers validated on arrival', async () => {
    const { appliance, agent } = pair();
    await expect(agent.request('agent.hello', { agentId: 3, secret: 'y'.repeat(40) })).resolves.toEqual({ agentId: 3, jumpItemId: 9 });
    await expect(appliance.request('files.list', { path: '' })).resolves.toEqual({ path: '/x', roots: ['/x'], entries: [] });
    await expect(appliance.request('system.info', {})).rejects.toMatchObject({ code: 'E_INTERNAL', message: expect.stringMatching(/malformed reply/) });
  });

  it('refusals arrive as the same coded errors; failures inside a handler as E_INTERNAL', async () => {
    const { agent } = pair();
    await expect(agent.request('agent.hello', { agentId: 3, secret: 'z'.repeat(40) })).rejects.toMatchObject({ code: 'E_AGENT_AUTH_INVALID' });
    await expect(agent.request('agent.attach', { customerToken: 't'.repeat(20), hostname: 'h', os: 'linux' })).rejects.toMatchObject({ code: 'E_INTERNAL' });
  });

  it('events carry shell data; bad events are answered with a coded error frame', async () => {
    const { appliance, agent, outputs, seenByAgent } = pair();
    agent.event('shell.output', { channelId: 1, data: 'hi' });
    appliance.event('shell.input', { channelId: 1, data: 'ls\r' });
    await tick();
    expect(outputs).toEqual([{ channelId: 1, data: 'hi' }]);
    expect(seenByAgent).toEqual([{ channelId: 1, data: 'ls\r' }]);
  });

  it('malformed frames get coded errors and never break the connection', async () => {
    const [a, b] = memoryPair();
    const outputs: unknown[] = [];
    new Peer(a, {
      accepts: { methods: agentMethods, events: agentEvents },
      asks: applianceMethods,
      handlers: { 'agent.register': () => ({ agentId: 1, secret: 'x'.repeat(43), jumpItemId: 1 }), 'agent.hello': () => ({ agentId: 1, jumpItemId: 1 }), 'agent.attach': () => ({ sessionId: 's' }), 'agent.presence': () => ({}) },
      events: { 'shell.output': (d) => void outputs.push(d), 'shell.exit': () => undefined },
    });
    const c = rawClient(b);
    c.send('{');
    c.send(JSON.stringify({ t: 'req', id: 5 }));
    c.send(JSON.stringify({ t: 'req', id: 6, method: 'agent.nope', params: {} }));
    c.send(JSON.stringify({ t: 'req', id: 7, method: 'agent.presence', params: { present: 'yes' } }));
    c.send(JSON.stringify({ t: 'evt', event: 'shell.output', data: { channelId: -1, data: 1 } }));
    c.send(JSON.stringify({ t: 'evt', event: 'what', data: {} }));
    c.send('x'.repeat(MAX_FRAME_BYTES + 1));
    c.send(JSON.stringify({ t: 'req', id: 8, method: 'agent.presence', params: { present: true } }));
    await until(() => c.got.length >= 8);
    expect(c.got.map((f) => [f.t, f.id ?? null, f.code ?? null])).toEqual([
      ['err', null, 'E_BAD_JSON'],
      ['err', 5, 'E_BAD_ENVELOPE'],
      ['err', 6, 'E_UNKNOWN_METHOD'],
      ['err', 7, 'E_BAD_PARAMS'],
      ['err', null, 'E_BAD_PARAMS'],
      ['err', null, 'E_UNKNOWN_METHOD'],
      ['err', null, 'E_TOO_LARGE'],
      ['res', 8, null],
    ]);
    expect(outputs).toEqual([]);
  });

  it('binary messages go to the binary handler where one is given, and are refused with coded errors otherwise', async () => {
    const [a, b] = memoryPair();
    const [c, d] = memoryPair();
    const got: number[][] = [];
    const base = {
      accepts: { methods: agentMethods, events: agentEvents },
      asks: applianceMethods,
      handlers: { 'agent.register': () => ({ agentId: 1, secret: 'x'.repeat(43), jumpItemId: 1 }), 'agent.hello': () => ({ agentId: 1, jumpItemId: 1 }), 'agent.attach': () => ({ sessionId: 's' }), 'agent.presence': () => ({}) },
      events: { 'shell.output': () => undefined, 'shell.exit': () => undefined },
      maxFrameBytes: 1024,
    };
    new Peer(a, {
      ...base,
      binary: (bytes) => {
        if (bytes[0] === 0) throw new CodedError('E_BAD_ENVELOPE', 'not shell output');
        got.push([...bytes]);
      },
    });
    new Peer(c, base);
    const withHandler = rawClient(b);
    const without = rawClient(d);
    withHandler.sendBinary(new Uint8Array([1, 2, 3]));
    withHandler.sendBinary(new Uint8Array([0, 1]));
    withHandler.sendBinary(new Uint8Array(1025).fill(1));
    without.sendBinary(new Uint8Array([1]));
    await until(() => withHandler.got.length >= 2 && without.got.length >= 1);
    expect(got).toEqual([[1, 2, 3]]);
    expect(withHandler.got.map((f) => f.code)).toEqual(['E_BAD_ENVELOPE', 'E_TOO_LARGE']);
    expect(without.got.map((f) => f.code)).toEqual(['E_BAD_ENVELOPE']);
  });

  it('open requests fail as E_ENDPOINT_OFFLINE when the connection drops, and time out when nobody answers', async () => {
    const { a, appliance } = pair(50);
    const [lonely] = memoryPair();
    const silent = new Peer(lonely, { accepts: { methods: agentMethods, events: agentEvents }, asks: applianceMethods, handlers: {} as never, events: {} as never, requestTimeoutMs: 30 });
    await expect(silent.request('system.info', {})).rejects.toMatchObject({ code: 'E_ENDPOINT_TIMEOUT' });
    const inFlight = appliance.request('files.list', { path: '' });
    a.close();
    await expect(inFlight).rejects.toMatchObject({ code: 'E_ENDPOINT_OFFLINE' });
    await expect(appliance.request('files.list', { path: '' })).rejects.toMatchObject({ code: 'E_ENDPOINT_OFFLINE' });
    expect(appliance.open).toBe(false);
  });
});
