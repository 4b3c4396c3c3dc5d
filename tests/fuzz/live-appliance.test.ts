/**
 * Garbage at a real appliance: generated frames over the console and customer WebSockets and
 * generated query strings at the integration APIs. Every frame gets a coded answer, the socket keeps
 * serving (a probe request after each case is answered), no HTTP answer is a 5xx, and the appliance
 * is still healthy at the end.
 */
import fc from 'fast-check';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS, methods } from '../../appliance/src/protocol/index.js';
import { startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { anyJson, LONG, params, TEST_TIMEOUT } from './fuzz-config.js';
import { queryArb } from './arbitraries.js';

let app: RunningAppliance;
beforeAll(async () => {
  app = await startAppliance({ demo: true });
});
afterAll(async () => {
  await app?.stop({ remove: true });
});

class RawSocket {
  private frames: { t: string; id?: number | null; code?: string }[] = [];
  private wake: (() => void) | null = null;
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (b) => {
      this.frames.push(JSON.parse(b.toString()));
      this.wake?.();
    });
  }
  static async open(path: string): Promise<RawSocket> {
    const ws = new WebSocket(app.url.replace(/^http/, 'ws') + path);
    await new Promise<void>((res, rej) => {
      ws.once('open', () => res());
      ws.once('error', rej);
    });
    return new RawSocket(ws);
  }
  /** Sends the frame, then a probe; resolves with every frame up to the probe's answer. */
  async exchange(frame: string | Buffer, probeId: number, probeMethod: string): Promise<{ t: string; id?: number | null; code?: string }[]> {
    this.frames = [];
    this.ws.send(frame, { binary: Buffer.isBuffer(frame) });
    this.ws.send(JSON.stringify({ t: 'req', id: probeId, method: probeMethod, params: {} }));
    const deadline = Date.now() + 5000;
    while (!this.frames.some((f) => f.id === probeId && (f.t === 'res' || f.t === 'err'))) {
      if (this.ws.readyState !== WebSocket.OPEN) throw new Error('the appliance closed the socket');
      if (Date.now() > deadline) throw new Error(`no answer to the probe (a hang?): ${JSON.stringify(this.frames)}`);
      await new Promise<void>((res) => {
        this.wake = res;
        setTimeout(res, 100);
      });
    }
    return this.frames;
  }
}

const methodNames = Object.keys(methods);
const frameArb = fc.oneof(
  fc.uint8Array({ maxLength: 128 }).map((b) => Buffer.from(b)),
  fc.string({ unit: 'binary', maxLength: 128 }),
  anyJson.map((j) => JSON.stringify(j) ?? 'null'),
  fc
    .record({ t: fc.constantFrom('req', 'req', 'res', 'evt', 'x'), id: fc.oneof(fc.nat(), fc.integer(), fc.double()), method: fc.oneof(fc.constantFrom(...methodNames), fc.string({ maxLength: 70 })), params: anyJson }, { requiredKeys: [] })
    .map((r) => JSON.stringify(r)),
);

async function fuzzSocket(path: string, probeMethod: string, ci: number) {
  const sock = await RawSocket.open(path);
  let probe = 1_000_000;
  await fc.assert(
    fc.asyncProperty(frameArb, async (frame) => {
      const id = ++probe;
      const frames = await sock.exchange(frame, id, probeMethod);
      for (const f of frames) {
        expect(['res', 'err', 'evt']).toContain(f.t);
        if (f.t === 'err') expect(f.code! in ERRORS).toBe(true);
        if (f.t === 'err') expect(f.code).not.toBe('E_INTERNAL');
      }
    }),
    { ...params(ci, 0.01), numRuns: LONG ? 5000 : ci },
  );
  sock.ws.close();
}

describe('a real appliance under garbage', () => {
  it('console WebSocket: every frame answered with a code, the socket keeps serving', async () => {
    await fuzzSocket('/ws/console', 'auth.me', 300);
  }, TEST_TIMEOUT);

  it('integration APIs: no 5xx for any query', async () => {
    const route = fc.constantFrom('/api/client_script', '/api/start_session', '/api/command', '/api/reporting');
    await fc.assert(
      fc.asyncProperty(route, queryArb, fc.boolean(), async (path, q, post) => {
        const res = post
          ? await fetch(app.url + path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.url }, body: q, redirect: 'manual' })
          : await fetch(`${app.url}${path}?${q}`, { redirect: 'manual' });
        await res.arrayBuffer();
        expect(res.status, `${path} ${q}`).toBeLessThan(500);
      }),
      { ...params(150, 0.01), numRuns: LONG ? 3000 : 150 },
    );
  }, TEST_TIMEOUT);

  it('is still healthy and lets a rep log in', async () => {
    expect((await fetch(app.url + '/healthz')).status).toBe(200);
    const sock = await RawSocket.open('/ws/console');
    const frames = await sock.exchange(Buffer.from('x'), 1, 'auth.me');
    expect(frames.find((f) => f.id === 1)).toMatchObject({ t: 'err', code: 'E_AUTH_REQUIRED' });
    sock.ws.close();
    expect(app.output()).not.toMatch(/uncaught|unhandled/i);
  });
});
