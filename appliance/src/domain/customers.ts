/**
 * A session from the customer's side (browser customer client, `customer` agent, demo bots): join
 * with the token, chat, answer prompts, leave; and what happens when the customer drops and returns.
 */
import { CodedError, line, type ChatMessage, type CustomerStatus, type Prompt, type SessionSummary } from '../protocol/index.js';
import { iso, type Clock } from './clock.js';
import type { CustomerPresence } from './customer-presence.js';
import type { EventBus } from './event-bus.js';
import { GroupCommit } from './group-commit.js';
import type { GraceTimers } from './grace.js';
import type { SessionIntake } from './intake.js';
import type { Narrator } from './narrator.js';
import type { Repositories } from './ports.js';
import type { SessionService } from './sessions.js';
import type { SessionView } from './session-view.js';
import { hashToken } from './tokens.js';

type Repos = Pick<Repositories, 'sessions' | 'prompts' | 'members' | 'transaction'>;

export class CustomerService {
  constructor(
    private readonly repos: Repos,
    private readonly intake: SessionIntake,
    private readonly sessions: SessionService,
    private readonly view: SessionView,
    private readonly narrator: Narrator,
    private readonly presence: CustomerPresence,
    private readonly timers: GraceTimers,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly graceMs: () => number,
    private readonly chatCommits = new GroupCommit((fn) => repos.transaction(fn)),
  ) {}

  /** The session behind a customer token, or E_SESSION_NOT_FOUND. */
  sessionFor(token: string): SessionSummary {
    const s = this.repos.sessions.byCustomerTokenHash(hashToken(token));
    if (!s) throw new CodedError('E_SESSION_NOT_FOUND');
    return s;
  }

  hello(sessionId: string): { status: CustomerStatus; customerName: string; messages: ChatMessage[]; prompts: Prompt[] } {
    const s = this.repos.sessions.byId(sessionId)!;
    return {
      status: this.status(sessionId),
      customerName: s.customerName,
      messages: this.repos.sessions.messages(sessionId, true),
      prompts: this.repos.prompts.list(sessionId).filter((p) => p.state === 'pending'),
    };
  }

  status(sessionId: string): CustomerStatus {
    return this.intake.statusOf(sessionId);
  }

  /** A customer's chat line: committed (with the other lines of this turn, group-commit.ts), then delivered. */
  async chat(sessionId: string, body: string): Promise<ChatMessage> {
    const message = await this.chatCommits.run(() => {
      const s = this.open(sessionId);
      return this.repos.sessions.chat(sessionId, { kind: 'customer', id: null, name: s.customerName }, body, 'all', iso(this.clock));
    });
    this.narrator.publish(message);
    return message;
  }

  answer(sessionId: string, promptId: number, allow: boolean): Prompt {
    this.open(sessionId);
    const now = iso(this.clock);
    const prompt = this.repos.prompts.byId(promptId);
    if (!prompt || prompt.sessionId !== sessionId) throw new CodedError('E_PROMPT_NOT_FOUND');
    const [answered, say] = this.repos.transaction(() => {
      const p = this.repos.prompts.answer(promptId, allow ? 'allowed' : 'refused', now);
      if (!p) throw new CodedError('E_PROMPT_NOT_FOUND');
      this.repos.sessions.addEvent(sessionId, 'customer', allow ? 'prompt.allowed' : 'prompt.refused', { kind: p.kind, promptId }, now);
      return [p, this.narrator.say(sessionId, line(allow ? 'prompt.allowed' : 'prompt.refused', { kind: p.kind }), now)] as const;
    });
    say();
    this.bus.publish({ type: 'session.prompt', prompt: answered, recipients: this.view.recipients(sessionId) });
    return answered;
  }

  /** The customer clicked Leave: a waiting session is abandoned, an active one ends. */
  leave(sessionId: string): void {
    const s = this.repos.sessions.byId(sessionId);
    if (!s || s.status === 'ended') return;
    this.timers.cancel(`customer:${sessionId}`);
    this.timers.cancel(`customer-first:${sessionId}`);
    if (s.status === 'waiting' && !this.repos.members.active(sessionId).length) this.intake.abandon(sessionId, 'The customer left before a representative accepted the session.');
    else this.sessions.close(sessionId, 'customer', line('customer.left'));
  }

  connected(sessionId: string): void {
    this.timers.cancel(`customer-first:${sessionId}`);
    const returned = this.timers.cancel(`customer:${sessionId}`);
    const wasConnected = this.presence.isConnected(sessionId);
    this.presence.connected(sessionId);
    if (returned || !wasConnected) {
      const s = this.repos.sessions.byId(sessionId);
      if (returned && s && s.status !== 'ended') this.narrator.say(sessionId, line('customer.reconnected'), iso(this.clock))();
      this.narrator.state(sessionId);
    }
  }

  /** A demo customer simulated inside the appliance is always present. */
  simulate(sessionId: string): void {
    this.presence.pin(sessionId);
  }

  isSimulated(sessionId: string): boolean {
    return this.presence.isPinned(sessionId);
  }

  /** The session ended: the customer's connection no longer counts. */
  forget(sessionId: string): void {
    this.presence.disconnected(sessionId);
    this.presence.unpin(sessionId);
    this.timers.cancel(`customer:${sessionId}`);
    this.timers.cancel(`customer-first:${sessionId}`);
  }

  /** A new session's customer has the grace period to open their page. */
  awaitFirstConnection(sessionId: string): void {
    this.timers.start(`customer-first:${sessionId}`, this.graceMs(), () => this.giveUp(sessionId));
  }

  /** The customer's connection dropped: wait for them; end the session if they do not come back. */
  disconnected(sessionId: string): void {
    if (!this.presence.disconnected(sessionId)) return;
    const s = this.repos.sessions.byId(sessionId);
    if (!s || s.status === 'ended' || this.presence.isConnected(sessionId)) return;
    const now = iso(this.clock);
    const cancelled = this.repos.transaction(() => {
      const pending = this.repos.prompts.list(sessionId).filter((p) => p.state === 'pending');
      for (const p of pending) this.repos.prompts.answer(p.id, 'cancelled', now);
      return pending;
    });
    for (const p of cancelled) this.bus.publish({ type: 'session.prompt', prompt: { ...p, state: 'cancelled' }, recipients: this.view.recipients(sessionId) });
    this.narrator.say(sessionId, line('customer.waiting'), now, 'reps')();
    this.narrator.state(sessionId);
    this.timers.start(`customer:${sessionId}`, this.graceMs(), () => this.giveUp(sessionId));
  }

  private giveUp(sessionId: string): void {
    if (this.presence.isConnected(sessionId)) return;
    const still = this.repos.sessions.byId(sessionId);
    if (!still || still.status === 'ended') return;
    if (still.status === 'waiting' && !this.repos.members.active(sessionId).length) this.intake.abandon(sessionId, 'The customer disconnected and did not return.');
    else this.sessions.close(sessionId, 'system', line('customer.gone'));
  }

  private open(sessionId: string): SessionSummary {
    const s = this.repos.sessions.byId(sessionId);
    if (!s) throw new CodedError('E_SESSION_NOT_FOUND');
    if (s.status === 'ended') throw new CodedError('E_SESSION_ENDED');
    return s;
  }
}
