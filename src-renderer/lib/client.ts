/**
 * The console's line to the appliance: one WebSocket (/ws/console) speaking the protocol envelope.
 *
 * - `call(method, params)` is typed from the shared method table; params are checked before they
 *   leave and every result is validated against the method's schema before the caller sees it.
 *   Refusals reject with a `CodedError` carrying the appliance's stable code and human message.
 * - Events are validated the same way and handed to typed subscribers (`on`).
 * - When the socket drops it reconnects with exponential backoff and jitter; after every (re)connect
 *   an optional `handshake` runs first (it re-authenticates the socket), and only then do calls made
 *   in the meantime go out.
 *
 * Plain TypeScript (no Svelte): the state modules wrap it, and its unit tests run in Node.
 */
import type { z } from 'zod';
import {
  CodedError,
  ServerEnvelope,
  events,
  isErrorCode,
  isMethodName,
  methods,
  type EventData,
  type EventName,
  type MethodName,
  type ParamsInput,
  type Result,
} from '../../appliance/src/protocol/index.js';
import { DEFAULT_BACKOFF, backoffDelay, type BackoffOptions } from './backoff.js';
import { failureText, refusalText, unknownFailureText } from './i18n/refusals.js';

/** What the client needs from a socket; `browserSocket` adapts the DOM WebSocket. */
export interface SocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
}
export interface SocketHandlers {
  open(): void;
  message(data: unknown): void;
  close(code: number, reason: string): void;
}
export type SocketFactory = (url: string, on: SocketHandlers) => SocketLike;

export const browserSocket: SocketFactory = (url, on) => {
  const ws = new WebSocket(url);
  // Screen-sharing frames and shell output arrive as binary messages (onBinary).
  ws.binaryType = 'arraybuffer';
  ws.onopen = () => on.open();
  ws.onmessage = (e: MessageEvent) => on.message(e.data);
  ws.onclose = (e: CloseEvent) => on.close(e.code, e.reason);
  return ws;
};

/** `wss://host/ws/console` for an https page, `ws://…` otherwise. */
export function consoleSocketUrl(loc: Pick<Location, 'protocol' | 'host'> = location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/ws/console`;
}

/** A call that skips the queue: only for the handshake, which runs before the queue opens. */
export type DirectCall = <M extends MethodName>(method: M, params: ParamsInput<M>) => Promise<Result<M>>;

export type LinkState = 'connecting' | 'online' | 'reconnecting' | 'closed';
export interface LinkStatus {
  /** `connecting` until the first success, `reconnecting` after a drop, `closed` after `close()`. */
  state: LinkState;
  /** Failed attempts since the link was last online. */
  attempt: number;
  /** When the next attempt starts (epoch ms), while waiting to retry. */
  retryAt: number | null;
}

export interface ClientOptions {
  url: string;
  socket?: SocketFactory;
  /** Runs after every (re)connect, before queued calls are sent. Its failure does not block the queue. */
  handshake?: (call: DirectCall) => Promise<void>;
  /** A call that gets no answer (or cannot be sent) within this time is rejected. */
  timeoutMs?: number;
  backoff?: BackoffOptions;
  random?: () => number;
  now?: () => number;
}

/** Why a call failed on this side of the wire: kept in `CodedError.details.client`. */
export type ClientFailure = 'connection-lost' | 'timeout' | 'unreachable' | 'bad-response' | 'closed';

const MESSAGES: Record<ClientFailure, string> = {
  'connection-lost': 'The connection to the site was lost before it answered. Check whether it went through, then try again.',
  timeout: 'The site did not answer in time. Try again.',
  unreachable: 'The site cannot be reached right now. Try again when the connection is back.',
  'bad-response': 'The site sent an answer this console does not understand. Reload the page.',
  closed: 'The console was closed.',
};

function clientError(kind: ClientFailure): CodedError {
  return new CodedError('E_INTERNAL', MESSAGES[kind], { client: kind });
}

/** The side-of-the-wire failure behind an error, or null when the appliance itself refused. */
export function clientFailureOf(e: unknown): ClientFailure | null {
  if (!(e instanceof CodedError)) return null;
  const kind = e.details?.['client'];
  return typeof kind === 'string' && kind in MESSAGES ? (kind as ClientFailure) : null;
}

/** The code of a `CodedError`, or null. */
export function codeOf(e: unknown): string | null {
  return e instanceof CodedError ? e.code : null;
}

/** The message to show a person for anything a call threw, in their language (i18n/refusals.ts). */
export function messageOf(e: unknown): string {
  if (e instanceof CodedError) {
    const kind = clientFailureOf(e);
    return kind ? failureText(kind, e.message) : refusalText(e.code, e.message);
  }
  if (e instanceof Error && e.message) return e.message;
  return unknownFailureText();
}

interface Pending {
  method: string;
  params: unknown;
  result: z.ZodType | null;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  timer: ReturnType<typeof setTimeout>;
  /** Set once the request is on the wire. */
  id: number | null;
}

type Listener = (data: unknown) => void;

export class ConsoleClient {
  private socket: SocketLike | null = null;
  /** Bumped per socket so late callbacks from an old socket are ignored. */
  private generation = 0;
  /** True once the handshake of the current socket finished: queued calls may go. */
  private ready = false;
  private nextId = 1;
  private readonly waiting: Pending[] = [];
  private readonly inFlight = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly statusListeners = new Set<(s: LinkStatus) => void>();
  private readonly binaryListeners = new Set<(data: Uint8Array) => void>();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private everOnline = false;
  private stopped = false;
  private _status: LinkStatus = { state: 'connecting', attempt: 0, retryAt: null };

  private readonly makeSocket: SocketFactory;
  private readonly timeoutMs: number;
  private readonly backoff: BackoffOptions;
  private readonly random: () => number;
  private readonly now: () => number;

  constructor(private readonly opts: ClientOptions) {
    this.makeSocket = opts.socket ?? browserSocket;
    this.timeoutMs = opts.timeoutMs ?? 20_000;
    this.backoff = opts.backoff ?? DEFAULT_BACKOFF;
    this.random = opts.random ?? Math.random;
    this.now = opts.now ?? Date.now;
  }

  get status(): LinkStatus {
    return this._status;
  }

  /** Opens the socket (once; later drops reconnect by themselves). */
  connect(): void {
    if (this.socket || this.stopped) return;
    this.open();
  }

  /** Skips the rest of the current backoff wait (the browser came back online, the rep clicked Retry). */
  retryNow(): void {
    if (this.stopped || this.socket) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.open();
  }

  /** Closes for good: no more reconnects; every open call is rejected. */
  close(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.generation++;
    this.socket?.close(1000, 'console closed');
    this.socket = null;
    this.ready = false;
    this.failAll('closed');
    this.setStatus({ state: 'closed', attempt: 0, retryAt: null });
  }

  /** A typed request: params checked here, result validated against the method's schema. */
  call<M extends MethodName>(method: M, params: ParamsInput<M>): Promise<Result<M>> {
    return this.enqueue(method, params, false) as Promise<Result<M>>;
  }

  /**
   * A request by name, for actions the protocol table may not list yet in this build (the
   * appliance answers E_UNKNOWN_METHOD when it does not know them). Known methods are validated
   * exactly like `call`; for unknown ones the result is returned unvalidated, as `unknown`.
   */
  request(method: string, params: unknown): Promise<unknown> {
    if (isMethodName(method)) return this.enqueue(method, params, false);
    return this.push(method, params, null, false);
  }

  /** Subscribes to one event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, fn: (data: EventData<E>) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    const l = fn as Listener;
    set.add(l);
    return () => set.delete(l);
  }

  /** Subscribes to the appliance's binary messages (screen-sharing frames); returns the unsubscribe function. */
  onBinary(fn: (data: Uint8Array) => void): () => void {
    this.binaryListeners.add(fn);
    return () => this.binaryListeners.delete(fn);
  }

  /** Subscribes to link status changes (called at once with the current status). */
  onStatus(fn: (s: LinkStatus) => void): () => void {
    this.statusListeners.add(fn);
    fn(this._status);
    return () => this.statusListeners.delete(fn);
  }

  private enqueue(method: MethodName, params: unknown, direct: boolean): Promise<unknown> {
    const spec = methods[method] as { params: z.ZodType; result: z.ZodType };
    const parsed = spec.params.safeParse(params ?? {});
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.message}`).join('; ');
      return Promise.reject(new CodedError('E_BAD_PARAMS', detail));
    }
    return this.push(method, parsed.data, spec.result, direct);
  }

  private push(method: string, params: unknown, result: z.ZodType | null, direct: boolean): Promise<unknown> {
    if (this.stopped) return Promise.reject(clientError('closed'));
    return new Promise((resolve, reject) => {
      const p: Pending = { method, params, result, resolve, reject, id: null, timer: setTimeout(() => this.expire(p), this.timeoutMs) };
      if (this.socket && (this.ready || direct)) this.transmit(p);
      else this.waiting.push(p);
    });
  }

  private transmit(p: Pending): void {
    const id = this.nextId++;
    p.id = id;
    this.inFlight.set(id, p);
    try {
      this.socket?.send(JSON.stringify({ t: 'req', id, method: p.method, params: p.params }));
    } catch {
      this.inFlight.delete(id);
      this.settle(p, clientError('connection-lost'));
    }
  }

  private expire(p: Pending): void {
    const queued = this.waiting.indexOf(p);
    if (queued >= 0) this.waiting.splice(queued, 1);
    if (p.id !== null) this.inFlight.delete(p.id);
    p.reject(clientError(queued >= 0 ? 'unreachable' : 'timeout'));
  }

  private settle(p: Pending, error: unknown, value?: unknown): void {
    clearTimeout(p.timer);
    if (error) p.reject(error);
    else p.resolve(value);
  }

  private failAll(kind: ClientFailure): void {
    for (const p of this.inFlight.values()) this.settle(p, clientError(kind === 'closed' ? 'closed' : 'connection-lost'));
    this.inFlight.clear();
    if (kind === 'closed') for (const p of this.waiting.splice(0)) this.settle(p, clientError('closed'));
  }

  private open(): void {
    const gen = ++this.generation;
    this.ready = false;
    this.socket = this.makeSocket(this.opts.url, {
      open: () => {
        if (gen === this.generation) void this.onOpen(gen);
      },
      message: (data) => {
        if (gen === this.generation) this.onMessage(data);
      },
      close: () => {
        if (gen === this.generation) this.onClose();
      },
    });
  }

  private async onOpen(gen: number): Promise<void> {
    if (this.opts.handshake) {
      const direct: DirectCall = (method, params) => this.enqueue(method, params, true) as Promise<Result<typeof method>>;
      try {
        await this.opts.handshake(direct);
      } catch {
        /* the handshake's owner decides what a failed resume means; calls still go out */
      }
    }
    if (gen !== this.generation) return;
    this.ready = true;
    this.everOnline = true;
    this.setStatus({ state: 'online', attempt: 0, retryAt: null });
    for (const p of this.waiting.splice(0)) this.transmit(p);
  }

  private onClose(): void {
    this.socket = null;
    this.ready = false;
    this.failAll('connection-lost');
    if (this.stopped) return;
    const attempt = this._status.state === 'online' ? 0 : this._status.attempt + 1;
    const delay = backoffDelay(attempt, this.backoff, this.random);
    this.setStatus({ state: this.everOnline ? 'reconnecting' : 'connecting', attempt, retryAt: this.now() + delay });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.open();
    }, delay);
  }

  private onMessage(data: unknown): void {
    if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
      const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      for (const l of [...this.binaryListeners]) l(bytes);
      return;
    }
    if (typeof data !== 'string') return;
    let raw: unknown;
    try {
      raw = JSON.parse(data);
    } catch {
      return;
    }
    const frame = ServerEnvelope.safeParse(raw);
    if (!frame.success) return;
    const f = frame.data;
    if (f.t === 'evt') return this.dispatch(f.event, f.data);
    if (f.id === null) return; // an error about a frame the appliance could not read: nothing waits for it
    const p = this.inFlight.get(f.id);
    if (!p) return;
    this.inFlight.delete(f.id);
    if (f.t === 'err') {
      const details = { ...(f.details ?? {}), ...(isErrorCode(f.code) ? {} : { serverCode: f.code }) };
      return this.settle(p, new CodedError(isErrorCode(f.code) ? f.code : 'E_INTERNAL', f.message, details));
    }
    if (!p.result) return this.settle(p, null, f.result);
    const checked = p.result.safeParse(f.result);
    if (checked.success) this.settle(p, null, checked.data);
    else this.settle(p, clientError('bad-response'));
  }

  private dispatch(event: string, data: unknown): void {
    const set = this.listeners.get(event);
    if (!set?.size || !Object.prototype.hasOwnProperty.call(events, event)) return;
    const parsed = (events[event as EventName] as z.ZodType).safeParse(data);
    if (!parsed.success) return;
    for (const l of [...set]) {
      try {
        l(parsed.data);
      } catch (err) {
        console.error(`console: a "${event}" handler failed`, err);
      }
    }
  }

  private setStatus(s: LinkStatus): void {
    this._status = s;
    for (const l of [...this.statusListeners]) l(s);
  }
}
