/**
 * The customer's session as the chat page shows it: status, chat, prompts, and the lines on their
 * way. Two paths to the appliance, on purpose:
 *  - the customer WebSocket (/ws/customer, `customer.hello`): it tells the appliance the customer is
 *    still here (a session whose customer never connects ends after a grace period), carries the
 *    chat, prompts and answers, and pushes status changes the moment they happen;
 *  - polling `/api/portal/status`, so the status stays right even where a proxy or a flaky network
 *    keeps the socket down.
 * The rules live in plain modules (`chat/*.ts`, unit-tested); this class wires them to the wire.
 */
import type { ChatMessage, CustomerStatus as Status, Prompt } from '../../appliance/src/protocol/index.js';
import { t } from '../lib/i18n/index.svelte.js';
import { portalApi } from '../shared-http/portal-api.js';
import { messageOf } from '../shared-http/http.js';
import { CustomerSocket, customerSocketUrl, failureOf, type CustomerEvent, type Hello, type SocketState } from './chat/customer-socket.js';
import { hadRepresentative, lastMessageId, mergeMessages, type Ending } from './chat/messages.js';
import { addOutgoing, claimDelivered, markFailed, markSending, removeOutgoing, type Outgoing } from './chat/outbox.js';
import { reconcilePrompts, upsertPrompt } from './chat/prompts.js';

const POLL_WAITING_MS = 2_000;
/** Once a rep has the session the socket carries the news; the poll only double-checks. */
const POLL_OTHERWISE_MS = 10_000;
/** A line that could not go out for this long is marked failed (the customer may retry). */
const SEND_GIVE_UP_MS = 20_000;
const GONE = new Set(['E_SESSION_NOT_FOUND', 'E_SESSION_ENDED']);

/** A prompt answer on its way, or refused. */
export interface AnswerState {
  allow: boolean;
  busy: boolean;
  error: string | null;
}

/** The stable code of a refusal (a socket `CodedError` or an HTTP `HttpError`), or ''. */
const codeOf = (e: unknown): string => (e && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : '');

export class CustomerLink {
  status = $state<Status | null>(null);
  /** The name the customer gave (known from the form, or from `customer.hello` after a reload). */
  customerName = $state('');
  /** Why the session is over, once it is (worded in the customer's language by endingText). */
  ended = $state<Ending | null>(null);
  /** A resumed page (`/#chat`) whose session could not be opened: no valid cookie, or it is over. */
  gone = $state<'not-found' | 'ended' | null>(null);
  connection = $state<SocketState>('connecting');
  /** The appliance knows this page as the session's customer (or the portal just created the session). */
  joined = $state(false);
  messages = $state.raw<readonly ChatMessage[]>([]);
  outbox = $state.raw<readonly Outgoing[]>([]);
  prompts = $state.raw<readonly Prompt[]>([]);
  answers = $state.raw<ReadonlyMap<number, AnswerState>>(new Map());
  leaving = $state(false);

  /** A representative was seen on the session while this page was open. */
  private seenRep = $state(false);
  /** Whether a representative has been in this conversation (decides "disconnected, waiting…"). */
  readonly hadRep = $derived(this.seenRep || hadRepresentative(this.messages));

  private readonly socket: CustomerSocket;
  private nextClientId = 1;
  private readonly inFlight = new Set<number>();
  private readonly giveUp = new Map<number, ReturnType<typeof setTimeout>>();
  private pollTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private readonly onOnline = () => this.socket.retryNow();

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
      this.status = { status: 'waiting', queueName: initial.queueName, repName: null, repConnected: null, position: null };
      this.joined = true;
    }
    this.socket = new CustomerSocket({
      url: customerSocketUrl(),
      token,
      onHello: (h) => this.hello(h),
      onHelloRefused: (e) => {
        if (GONE.has(e.code)) this.sessionGone(e.code);
      },
      onEvent: (e) => this.event(e),
      onState: (s) => (this.connection = s),
    });
  }

  get reconnecting(): boolean {
    return this.connection === 'reconnecting';
  }

  /** Opens the socket and starts polling. */
  start(): void {
    this.socket.start();
    window.addEventListener('online', this.onOnline);
    void this.poll();
  }

  /** Stops everything without telling the appliance (the page is going away). */
  stop(): void {
    this.stopped = true;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    for (const t of this.giveUp.values()) clearTimeout(t);
    this.giveUp.clear();
    window.removeEventListener('online', this.onOnline);
    this.socket.close();
  }

  /** Sends a chat line. It shows as sending at once; typing goes on meanwhile. */
  send(text: string): void {
    const body = text.trim();
    if (!body || this.ended) return;
    const clientId = this.nextClientId++;
    this.outbox = addOutgoing(this.outbox, { clientId, body, at: new Date().toISOString(), afterId: lastMessageId(this.messages) });
    this.transmit(clientId);
  }

  /** Sends a failed line again. */
  retry(clientId: number): void {
    if (this.ended || !this.outbox.some((o) => o.clientId === clientId && o.state === 'failed')) return;
    this.outbox = markSending(this.outbox, clientId);
    this.transmit(clientId);
  }

  /** Allow or Refuse a representative's request. */
  answer(promptId: number, allow: boolean): void {
    if (this.answers.get(promptId)?.busy) return;
    this.setAnswer(promptId, { allow, busy: true, error: null });
    this.socket.call('customer.answer', { promptId, allow }).then(
      () => {
        const p = this.prompts.find((x) => x.id === promptId);
        if (p?.state === 'pending') this.prompts = upsertPrompt(this.prompts, { ...p, state: allow ? 'allowed' : 'refused' });
        this.setAnswer(promptId, null);
      },
      (e: unknown) => {
        const code = codeOf(e);
        if (code === 'E_PROMPT_NOT_FOUND') {
          const p = this.prompts.find((x) => x.id === promptId);
          if (p?.state === 'pending') this.prompts = upsertPrompt(this.prompts, { ...p, state: 'cancelled' });
          this.setAnswer(promptId, null);
        } else if (GONE.has(code)) this.sessionGone(code);
        else this.setAnswer(promptId, { allow, busy: false, error: `Your answer was not sent. ${messageOf(e)}` });
      },
    );
  }

  /** The customer leaves: the appliance ends the session and tells the representative. */
  leave(): void {
    if (this.ended || this.leaving) return;
    this.leaving = true;
    // Offline, the appliance ends the session by itself once the customer's grace period is over.
    if (!this.socket.online) return this.finish('left');
    // An active session's answer is `customer.ended` (and the socket closing), not always the reply.
    void this.socket.call('customer.leave', {}).then(
      () => this.finish('left'),
      () => this.finish('left'),
    );
  }

  private transmit(clientId: number): void {
    const o = this.outbox.find((x) => x.clientId === clientId);
    if (!o || this.inFlight.has(clientId)) return;
    this.armGiveUp(clientId);
    // Offline: it goes out after the next hello (unless the customer gives up first).
    if (!this.socket.online) return;
    this.inFlight.add(clientId);
    this.socket.call('customer.chat', { body: o.body }).then(
      ({ message }) => {
        this.inFlight.delete(clientId);
        this.settled(clientId);
        this.messages = mergeMessages(this.messages, [message]);
      },
      (e: unknown) => {
        this.inFlight.delete(clientId);
        const f = failureOf(e);
        // Lost with the connection: the next hello tells whether it was stored, and resends it if not.
        if (f === 'connection-lost' || f === 'offline') return;
        const code = codeOf(e);
        if (GONE.has(code)) return this.sessionGone(code);
        this.fail(clientId, messageOf(e));
      },
    );
  }

  private armGiveUp(clientId: number): void {
    clearTimeout(this.giveUp.get(clientId));
    this.giveUp.set(
      clientId,
      setTimeout(() => {
        this.giveUp.delete(clientId);
        if (this.inFlight.has(clientId)) return; // the request's own timeout decides
        if (this.outbox.some((o) => o.clientId === clientId && o.state === 'sending')) this.fail(clientId, 'You are not connected to the support site.');
      }, SEND_GIVE_UP_MS),
    );
  }

  private fail(clientId: number, why: string): void {
    clearTimeout(this.giveUp.get(clientId));
    this.giveUp.delete(clientId);
    this.outbox = markFailed(this.outbox, clientId, why);
  }

  private settled(clientId: number): void {
    clearTimeout(this.giveUp.get(clientId));
    this.giveUp.delete(clientId);
    this.outbox = removeOutgoing(this.outbox, clientId);
  }

  /** A customer line the appliance stored (an echo): the matching line on its way is delivered. */
  private stored(m: ChatMessage): void {
    const before = this.outbox;
    this.outbox = claimDelivered(this.outbox, m);
    for (const o of before) if (!this.outbox.includes(o)) this.settled(o.clientId);
  }

  private hello(h: Hello): void {
    this.joined = true;
    this.customerName = h.customerName;
    this.messages = mergeMessages(this.messages, h.messages);
    for (const m of h.messages) this.stored(m);
    this.prompts = reconcilePrompts(this.prompts, h.prompts);
    this.apply(h.status);
    // Lines written offline, or lost with the last connection and not stored: in order, now.
    for (const o of this.outbox) if (o.state === 'sending') this.transmit(o.clientId);
  }

  private event(e: CustomerEvent): void {
    switch (e.event) {
      case 'customer.chat':
        this.messages = mergeMessages(this.messages, [e.data]);
        this.stored(e.data);
        break;
      case 'customer.prompt':
        this.prompts = upsertPrompt(this.prompts, e.data);
        if (e.data.state !== 'pending') this.setAnswer(e.data.id, null);
        break;
      case 'customer.status':
        this.apply(e.data);
        break;
      case 'customer.ended':
        this.finish(e.data.reason ? { body: e.data.reason, ...(e.data.line ? { line: e.data.line } : {}) } : 'ended');
        break;
    }
  }

  private apply(next: Status): void {
    this.status = next;
    if (next.repName && next.status !== 'waiting') this.seenRep = true;
    if (next.status === 'ended') this.finish('ended');
  }

  private sessionGone(code: string): void {
    if (!this.joined) this.gone = code === 'E_SESSION_ENDED' ? 'ended' : 'not-found';
    this.finish('ended');
  }

  private finish(reason: Ending): void {
    if (this.ended) return;
    this.ended = this.leaving ? 'left' : reason;
    if (this.status) this.status = { ...this.status, status: 'ended', position: null };
    // Nothing more can be sent or answered: say so on what was still open.
    for (const o of this.outbox) if (o.state === 'sending') this.outbox = markFailed(this.outbox, o.clientId, t('portal.msg.sessionEnded'));
    this.prompts = this.prompts.map((p) => (p.state === 'pending' ? { ...p, state: 'cancelled' as const } : p));
    this.answers = new Map();
    this.stop();
  }

  private setAnswer(promptId: number, a: AnswerState | null): void {
    const next = new Map(this.answers);
    if (a) next.set(promptId, a);
    else next.delete(promptId);
    this.answers = next;
  }

  private async poll(): Promise<void> {
    if (this.stopped || this.ended) return;
    try {
      const s = await portalApi.status(this.token);
      // A resumed page waits for the hello: it brings the history with the status.
      if (this.joined && !this.stopped) this.apply(s);
    } catch (e) {
      const code = codeOf(e);
      if (GONE.has(code)) return this.sessionGone(code);
      // A network hiccup: the next poll (or the socket) will catch up.
    }
    if (this.stopped || this.ended) return;
    const wait = this.status?.status === 'waiting' ? POLL_WAITING_MS : POLL_OTHERWISE_MS;
    this.pollTimer = setTimeout(() => void this.poll(), wait);
  }
}
