/**
 * The customer's WebSocket (/ws/customer) speaking the protocol envelope. Every (re)connect starts
 * with `customer.hello` (the token, or the HttpOnly cookie when there is none); requests are only
 * sent once it succeeded. Nothing is queued across a drop: a chat line is not safe to send twice,
 * so the caller keeps its own outbox and decides what to resend after the next hello.
 *
 * Plain TypeScript (no Svelte): its unit tests drive it with a fake socket.
 */
import type { z } from 'zod';
import {
  CodedError,
  ServerEnvelope,
  customerEvents,
  customerMethods,
  isErrorCode,
  type CustomerEventData,
  type CustomerEventName,
  type CustomerMethodName,
  type CustomerParamsInput,
  type CustomerResult,
} from '../../../appliance/src/protocol/index.js';
import { browserSocket, type SocketFactory, type SocketLike } from '../../lib/client.js';
import { backoffDelay, type BackoffOptions } from '../../lib/backoff.js';

export type CustomerEvent = { [E in CustomerEventName]: { event: E; data: CustomerEventData<E> } }[CustomerEventName];
export type Hello = CustomerResult<'customer.hello'>;
export type SocketState = 'connecting' | 'online' | 'reconnecting' | 'closed';
type Callable = Exclude<CustomerMethodName, 'customer.hello'>;

/** Why a request failed on this side of the wire; kept in `CodedError.details.client`. */
export type RequestFailure = 'offline' | 'connection-lost' | 'timeout' | 'bad-response';

const FAILURE_TEXT: Record<RequestFailure, string> = {
  offline: 'You are not connected to the support site right now.',
  'connection-lost': 'The connection to the support site was lost.',
  timeout: 'The support site did not answer in time.',
  'bad-response': 'The support site sent an answer this page does not understand. Reload the page.',
};

/** The side-of-the-wire failure behind an error, or null when the appliance itself refused. */
export function failureOf(e: unknown): RequestFailure | null {
  if (!(e instanceof CodedError)) return null;
  const kind = e.details?.['client'];
  return typeof kind === 'string' && kind in FAILURE_TEXT ? (kind as RequestFailure) : null;
}

const failure = (kind: RequestFailure) => new CodedError('E_INTERNAL', FAILURE_TEXT[kind], { client: kind });

/** `wss://host/ws/customer` for an https page, `ws://…` otherwise. */
export function customerSocketUrl(loc: Pick<Location, 'protocol' | 'host'> = location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/ws/customer`;
}

export interface CustomerSocketOptions {
  url: string;
  /** The token from the portal; without it the appliance reads the customer cookie. */
  token?: string | undefined;
  /** After every successful hello, before any request goes out. */
  onHello: (hello: Hello) => void;
  /**
   * The appliance refused the hello (the session is gone, or something else went wrong). The
   * socket closes; it reconnects later unless the owner calls `close()` from here.
   */
  onHelloRefused: (error: CodedError) => void;
  onEvent: (e: CustomerEvent) => void;
  onState?: (state: SocketState) => void;
  socket?: SocketFactory;
  /** A request without an answer after this long is rejected with `timeout`. */
  timeoutMs?: number;
  backoff?: BackoffOptions;
  random?: () => number;
}

interface Pending {
  result: z.ZodType;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class CustomerSocket {
  private socket: SocketLike | null = null;
  /** Bumped per socket so late callbacks from an old one are ignored. */
  private generation = 0;
  private ready = false;
  private nextId = 1;
  private readonly inFlight = new Map<number, Pending>();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private everOnline = false;
  private stopped = false;
  private _state: SocketState = 'connecting';

  constructor(private readonly opts: CustomerSocketOptions) {}

  get state(): SocketState {
    return this._state;
  }

  /** True between a successful hello and the next drop: requests can go out. */
  get online(): boolean {
    return this.ready;
  }

  start(): void {
    if (!this.socket && !this.stopped) this.open();
  }

  /** Skips the rest of a backoff wait (the browser came back online). */
  retryNow(): void {
    if (this.stopped || this.socket) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.open();
  }

  /** For good: no reconnects; open requests fail with `connection-lost`. */
  close(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.generation++;
    this.socket?.close(1000, 'page closed');
    this.socket = null;
    this.ready = false;
    this.failAll();
    this.setState('closed');
  }

  /** A typed request; rejects at once with `offline` when the hello has not succeeded. */
  call<M extends Callable>(method: M, params: CustomerParamsInput<M>): Promise<CustomerResult<M>> {
    const spec = customerMethods[method] as { params: z.ZodType; result: z.ZodType };
    const parsed = spec.params.safeParse(params);
    if (!parsed.success) return Promise.reject(new CodedError('E_BAD_PARAMS', parsed.error.issues.map((i) => i.message).join('; ')));
    if (!this.ready || !this.socket) return Promise.reject(failure('offline'));
    return this.send(method, parsed.data, spec.result) as Promise<CustomerResult<M>>;
  }

  private send(method: CustomerMethodName, params: unknown, result: z.ZodType): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        if (this.inFlight.delete(id)) reject(failure('timeout'));
      }, this.opts.timeoutMs ?? 20_000);
      this.inFlight.set(id, { result, resolve, reject, timer });
      try {
        this.socket?.send(JSON.stringify({ t: 'req', id, method, params }));
      } catch {
        this.settle(id, failure('connection-lost'));
      }
    });
  }

  private settle(id: number, error: unknown, value?: unknown): void {
    const p = this.inFlight.get(id);
    if (!p) return;
    this.inFlight.delete(id);
    clearTimeout(p.timer);
    if (error) p.reject(error);
    else p.resolve(value);
  }

  private failAll(): void {
    for (const id of [...this.inFlight.keys()]) this.settle(id, failure('connection-lost'));
  }

  private open(): void {
    const gen = ++this.generation;
    this.ready = false;
    this.socket = (this.opts.socket ?? browserSocket)(this.opts.url, {
      open: () => {
        if (gen === this.generation) this.hello(gen);
      },
      message: (data) => {
        if (gen === this.generation) this.receive(data);
      },
      close: () => {
        if (gen === this.generation) this.dropped();
      },
    });
  }

  private hello(gen: number): void {
    const spec = customerMethods['customer.hello'];
    const pending = this.send('customer.hello', this.opts.token ? { token: this.opts.token } : {}, spec.result);
    pending.then(
      (result) => {
        if (gen !== this.generation) return;
        this.attempt = 0;
        this.everOnline = true;
        this.ready = true;
        this.setState('online');
        this.opts.onHello(result as Hello);
      },
      (e: unknown) => {
        if (gen !== this.generation || failureOf(e) === 'connection-lost') return;
        this.opts.onHelloRefused(e instanceof CodedError ? e : failure('bad-response'));
        // Still ours (the owner did not close): try again later on a fresh socket.
        if (gen === this.generation) this.socket?.close(1000, 'hello refused');
      },
    );
  }

  private dropped(): void {
    this.socket = null;
    this.ready = false;
    this.failAll();
    if (this.stopped) return;
    const delay = backoffDelay(this.attempt++, this.opts.backoff ?? { baseMs: 1_000, maxMs: 10_000 }, this.opts.random);
    this.setState(this.everOnline ? 'reconnecting' : 'connecting');
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.open();
    }, delay);
  }

  private receive(data: unknown): void {
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
    if (f.t === 'evt') {
      if (!Object.prototype.hasOwnProperty.call(customerEvents, f.event)) return;
      const event = f.event as CustomerEventName;
      const parsed = (customerEvents[event] as z.ZodType).safeParse(f.data);
      if (parsed.success) this.opts.onEvent({ event, data: parsed.data } as CustomerEvent);
      return;
    }
    if (f.id === null) return;
    const p = this.inFlight.get(f.id);
    if (!p) return;
    if (f.t === 'err') return this.settle(f.id, new CodedError(isErrorCode(f.code) ? f.code : 'E_INTERNAL', f.message));
    const checked = p.result.safeParse(f.result);
    if (checked.success) this.settle(f.id, null, checked.data);
    else this.settle(f.id, failure('bad-response'));
  }

  private setState(s: SocketState): void {
    if (s === this._state) return;
    this._state = s;
    this.opts.onState?.(s);
  }
}
