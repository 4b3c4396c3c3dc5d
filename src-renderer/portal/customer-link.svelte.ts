/**
 * The waiting customer's line to the appliance. Two paths, on purpose:
 *  - the customer WebSocket (/ws/customer, `customer.hello`): it tells the appliance the customer is
 *    still here (a session whose customer never connects ends after a grace period) and pushes
 *    status changes the moment they happen;
 *  - polling `/api/portal/status` every 2 s while waiting, so the page stays right even where a
 *    proxy or a flaky network keeps the socket down.
 * Everything received is validated against the shared protocol schemas before it is used.
 */
import {
  CustomerStatus,
  ServerEnvelope,
  customerEvents,
  customerMethods,
  type CustomerMethodName,
  type CustomerStatus as Status,
} from '../../appliance/src/protocol/index.js';
import { portalApi } from '../shared-http/portal-api.js';
import { codeOf } from '../shared-http/http.js';

const POLL_WAITING_MS = 2_000;
/** Once a rep has the session the socket carries the news; the poll only double-checks. */
const POLL_OTHERWISE_MS = 10_000;
const RECONNECT_MAX_MS = 10_000;
const GONE = new Set(['E_SESSION_NOT_FOUND', 'E_SESSION_ENDED']);

export class CustomerLink {
  status = $state<Status | null>(null);
  /** The name the customer gave (known from the form, or from `customer.hello` after a reload). */
  customerName = $state('');
  /** Why the session is over, once it is. */
  ended = $state<string | null>(null);
  /** True while the live connection is down and being retried. */
  reconnecting = $state(false);

  private socket: WebSocket | null = null;
  private nextId = 1;
  private hasJoined = false;
  private stopped = false;
  private pollTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryMs = 1_000;

  /**
   * `token` is the customer token the portal handed out; without one (a reload, or a session
   * started through /api/start_session) the appliance's HttpOnly cookie identifies the customer.
   */
  constructor(
    private readonly token: string | undefined,
    initial?: { name: string; queueName: string },
  ) {
    if (initial) {
      this.customerName = initial.name;
      this.status = { status: 'waiting', queueName: initial.queueName, repName: null, position: null };
    }
  }

  /** Opens the socket and starts polling. */
  start(): void {
    this.connect();
    void this.poll();
  }

  /** Stops everything without telling the appliance (the page is going away). */
  stop(): void {
    this.stopped = true;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.socket?.close(1000, 'page closed');
    this.socket = null;
  }

  /** The customer leaves: the appliance ends the session and tells the representative. */
  leave(): void {
    if (this.socket?.readyState === WebSocket.OPEN && this.hasJoined) this.send('customer.leave', {});
    this.finish('You left the session.');
  }

  private finish(reason: string): void {
    if (this.ended) return;
    this.ended = reason;
    if (this.status) this.status = { ...this.status, status: 'ended', position: null };
    this.stop();
  }

  private connect(): void {
    if (this.stopped) return;
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/customer`;
    const ws = new WebSocket(url);
    this.socket = ws;
    ws.onopen = () => {
      this.retryMs = 1_000;
      this.send('customer.hello', this.token ? { token: this.token } : {});
    };
    ws.onmessage = (e) => this.receive(e.data);
    ws.onclose = () => {
      if (this.socket !== ws) return;
      this.socket = null;
      this.hasJoined = false;
      if (this.stopped || this.ended) return;
      this.reconnecting = true;
      this.retryTimer = setTimeout(() => this.connect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MAX_MS);
    };
  }

  private send<M extends CustomerMethodName>(method: M, params: unknown): void {
    this.socket?.send(JSON.stringify({ t: 'req', id: this.nextId++, method, params }));
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
    if (f.t === 'err') {
      if (GONE.has(f.code)) this.finish('This session has ended.');
      return;
    }
    if (f.t === 'res') {
      // The only answer with a body we need is customer.hello's.
      const hello = customerMethods['customer.hello'].result.safeParse(f.result);
      if (hello.success) {
        this.hasJoined = true;
        this.reconnecting = false;
        this.customerName = hello.data.customerName;
        this.apply(hello.data.status);
      }
      return;
    }
    if (f.event === 'customer.status') {
      const s = customerEvents['customer.status'].safeParse(f.data);
      if (s.success) this.apply(s.data);
    } else if (f.event === 'customer.ended') {
      const s = customerEvents['customer.ended'].safeParse(f.data);
      this.finish(s.success && s.data.reason ? s.data.reason : 'This session has ended.');
    }
    // customer.chat and customer.prompt belong to the customer chat window.
  }

  private apply(next: Status): void {
    const parsed = CustomerStatus.safeParse(next);
    if (!parsed.success) return;
    this.status = parsed.data;
    if (parsed.data.status === 'ended') this.finish('This session has ended.');
  }

  private async poll(): Promise<void> {
    if (this.stopped || this.ended) return;
    try {
      this.apply(await portalApi.status(this.token));
    } catch (e) {
      if (GONE.has(codeOf(e) ?? '')) return this.finish('This session has ended.');
      // A network hiccup: the next poll (or the socket) will catch up.
    }
    if (this.stopped || this.ended) return;
    const wait = this.status?.status === 'waiting' ? POLL_WAITING_MS : POLL_OTHERWISE_MS;
    this.pollTimer = setTimeout(() => void this.poll(), wait);
  }
}
