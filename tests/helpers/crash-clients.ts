/**
 * Clients that survive an appliance crash, for tests/integration/crash-safety.test.ts: the real
 * console client (src-renderer/lib/client.ts, its own backoff with jitter) over Node's `ws`, and a
 * customer that reconnects with the agent backoff (appliance/src/agent/backoff.ts, full jitter) and
 * says `customer.hello` again each time. Everything random comes from one seeded PRNG.
 */
import WebSocket from 'ws';
import { Backoff } from '../../appliance/src/agent/backoff.js';
import type { MethodName, ParamsInput, Result } from '../../appliance/src/protocol/index.js';

/*
 * The console client is renderer code (typed against the DOM, checked by the renderer's tsconfig);
 * the root tsconfig that checks tests has no DOM types, so it is loaded by a specifier tsc does not
 * follow and described here by the part the test uses.
 */
type DirectCall = <M extends MethodName>(method: M, params: ParamsInput<M>) => Promise<Result<M>>;
interface SocketHandlers {
  open(): void;
  message(data: unknown): void;
  close(code: number, reason: string): void;
}
type SocketFactory = (url: string, on: SocketHandlers) => { send(data: string): void; close(code?: number, reason?: string): void };
export interface ConsoleClient {
  connect(): void;
  close(): void;
  readonly status: { state: 'connecting' | 'online' | 'reconnecting' | 'closed'; attempt: number };
  call<M extends MethodName>(method: M, params: ParamsInput<M>): Promise<Result<M>>;
  on(event: string, fn: (data: any) => void): () => void;
}
type ConsoleClientCtor = new (opts: {
  url: string;
  socket: SocketFactory;
  handshake: (call: DirectCall) => Promise<void>;
  timeoutMs: number;
  backoff: { baseMs: number; maxMs: number };
  random: () => number;
}) => ConsoleClient;
const clientModule = '../../src-renderer/lib/client.js';
const { ConsoleClient } = (await import(clientModule)) as { ConsoleClient: ConsoleClientCtor };

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The console client's socket, on Node's `ws`. */
export const nodeSocket: SocketFactory = (url, on) => {
  const ws = new WebSocket(url);
  ws.on('open', () => on.open());
  ws.on('message', (data, isBinary) => on.message(isBinary ? new Uint8Array(data as Buffer) : data.toString()));
  ws.on('close', (code, reason) => on.close(code, reason.toString()));
  ws.on('error', () => {
    /* a close follows */
  });
  return { send: (d) => ws.send(d), close: (code, reason) => ws.close(code, reason) };
};

/** A rep console: logs in once, then resumes with its token after every reconnect (as the desktop console does). */
export function repConsole(baseUrl: string, username: string, password: string, random: () => number): { client: ConsoleClient; ready: Promise<void>; reconnects: () => number } {
  let token: string | null = null;
  let opens = 0;
  let readyResolve!: () => void;
  const ready = new Promise<void>((res) => (readyResolve = res));
  const client: ConsoleClient = new ConsoleClient({
    url: baseUrl.replace(/^http/, 'ws') + '/ws/console',
    socket: nodeSocket,
    random,
    backoff: { baseMs: 100, maxMs: 1_000 },
    timeoutMs: 5_000,
    handshake: async (call) => {
      opens++;
      token = token ? (await call('auth.resume', { token, console: 'desktop' })).token : (await call('auth.login', { username, password, console: 'desktop' })).token;
      readyResolve();
    },
  });
  client.connect();
  return { client, ready, reconnects: () => Math.max(0, opens - 1) };
}

type Pending = { resolve: (v: any) => void; reject: (e: unknown) => void };

/** A customer's client: reconnects by itself (full-jitter backoff), says hello with its token each time. */
export class CrashCustomer {
  private ws: WebSocket | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly backoff: Backoff;
  private stopped = false;
  online = false;
  hellos = 0;
  readonly events: { event: string; data: any }[] = [];

  constructor(
    private readonly wsUrl: string,
    private readonly token: string,
    random: () => number,
  ) {
    this.backoff = new Backoff({ baseMs: 100, maxMs: 1_000, minMs: 50, random });
    this.open();
  }

  private open(): void {
    if (this.stopped) return;
    const ws = new WebSocket(this.wsUrl + '/ws/customer');
    this.ws = ws;
    ws.on('open', () => {
      this.send('customer.hello', { token: this.token }).then(
        () => {
          this.hellos++;
          this.online = true;
          this.backoff.reset();
        },
        () => ws.close(),
      );
    });
    ws.on('message', (buf) => {
      const msg = JSON.parse(buf.toString()) as { t: string; id?: number; result?: unknown; event?: string; data?: unknown; code?: string };
      if (msg.t === 'evt') this.events.push({ event: msg.event!, data: msg.data });
      else if (typeof msg.id === 'number') {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.t === 'res') p?.resolve(msg.result);
        else p?.reject(msg);
      }
    });
    ws.on('error', () => {
      /* a close follows */
    });
    ws.on('close', () => {
      this.online = false;
      for (const p of this.pending.values()) p.reject(new Error('connection lost'));
      this.pending.clear();
      if (this.ws === ws && !this.stopped) setTimeout(() => this.open(), this.backoff.next());
    });
  }

  private send(method: string, params: unknown): Promise<any> {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return Promise.reject(new Error('offline'));
    const id = this.nextId++;
    ws.send(JSON.stringify({ t: 'req', id, method, params }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  /** A call once the hello went through; rejects while offline. */
  call(method: string, params: unknown): Promise<any> {
    return this.online ? this.send(method, params) : Promise.reject(new Error('offline'));
  }

  stop(): void {
    this.stopped = true;
    this.ws?.close();
  }
}
