/**
 * One session the rep has open in the session view: the detail from `session.open`, kept live by the
 * session events the desk routes here, and the actions a member can take on it. Every action returns
 * the appliance's refusal as text (or null), so the control that asked can say why.
 */
import type {
  ChatAudience, ChatMessage, EventData, GeneratedKey, Invitation, MemberRole, Prompt, PromptKind, SessionDetail, SessionMember,
  SessionEndpoint, SessionSummary,
} from '../../../appliance/src/protocol/index.js';
import { messageOf, type ConsoleClient } from '../../lib/client.js';
import { composeLocalEmail } from './local-email.js';

/** A chat line typed here that the appliance has not confirmed (yet, or at all). */
export interface Outgoing {
  key: number;
  body: string;
  audience: ChatAudience;
  error: string | null;
}

export type ShareTarget = { kind: 'team'; id: number } | { kind: 'rep'; id: number } | { kind: 'help' };

let outgoingKey = 0;

export class OpenSession {
  session = $state<SessionSummary>() as SessionSummary;
  members = $state<SessionMember[]>([]);
  invitations = $state<Invitation[]>([]);
  messages = $state<ChatMessage[]>([]);
  prompts = $state<Prompt[]>([]);
  customer = $state({ name: '', connected: false });
  /** The machine the session is with and its mode (click-to-chat, full client, elevated). */
  endpoint = $state<SessionEndpoint | null>(null);
  myRole = $state<MemberRole>('participant');
  outbox = $state<Outgoing[]>([]);
  /** Set when the rep is no longer in the session: the appliance's reason. */
  closedReason = $state<string | null>(null);
  /** Chat lines that arrived while this session was not on screen. */
  unseen = $state(0);

  readonly id: string;
  readonly isOwner = $derived(this.myRole === 'owner');
  readonly open = $derived(this.closedReason === null && this.session.status !== 'ended');

  constructor(
    private readonly client: ConsoleClient,
    detail: SessionDetail,
    /** The rep's own user id: their confirmed lines replace the matching "Sending…" ones. */
    private readonly myId: number | undefined,
  ) {
    this.id = detail.session.id;
    this.apply(detail);
  }

  /** Replaces everything with a fresh `session.open` answer (after a reconnect, or an invitation accepted). */
  apply(d: SessionDetail): void {
    this.session = d.session;
    this.members = d.members;
    this.invitations = d.invitations;
    this.messages = d.messages;
    this.prompts = d.prompts;
    this.customer = d.customer;
    this.endpoint = d.endpoint ?? null;
    this.myRole = d.myRole;
    if (d.session.status !== 'ended') this.closedReason = null;
  }

  applyState(s: EventData<'session.state'>, myId: number | undefined): void {
    this.session = s.session;
    this.members = s.members;
    this.invitations = s.invitations;
    this.customer = s.customer;
    if (s.endpoint) this.endpoint = s.endpoint;
    const me = s.members.find((m) => m.userId === myId);
    if (me) this.myRole = me.role;
  }

  /**
   * Adds a chat line once (the answer to `session.chat` and its event both carry it). The event can
   * beat the answer, so a line of the rep's own takes the place of the oldest matching unsent one.
   */
  addMessage(m: ChatMessage, onScreen: boolean): void {
    if (this.messages.some((x) => x.id === m.id)) return;
    if (m.from.kind === 'rep' && m.from.id === this.myId) {
      const i = this.outbox.findIndex((o) => o.error === null && o.body === m.body && o.audience === m.audience);
      if (i >= 0) this.outbox.splice(i, 1);
    }
    this.messages.push(m);
    if (!onScreen && m.from.kind !== 'system') this.unseen += 1;
  }

  applyPrompt(p: Prompt): void {
    const i = this.prompts.findIndex((x) => x.id === p.id);
    if (i >= 0) this.prompts[i] = p;
    else this.prompts.push(p);
  }

  closed(reason: string): void {
    this.closedReason = reason;
    this.outbox = this.outbox.filter((o) => o.error !== null);
  }

  /** The latest prompt of one kind: what the tool pane says about the customer's answer. */
  latestPrompt(kinds: readonly PromptKind[]): Prompt | null {
    for (let i = this.prompts.length - 1; i >= 0; i--) {
      const p = this.prompts[i];
      if (p && kinds.includes(p.kind)) return p;
    }
    return null;
  }

  /** Sends a line; it shows as "Sending…" until the appliance has stored it. */
  async send(body: string, audience: ChatAudience): Promise<void> {
    const text = body.trim();
    if (!text) return;
    const line: Outgoing = { key: ++outgoingKey, body: text, audience, error: null };
    this.outbox.push(line);
    await this.deliver(line.key);
  }

  async retry(key: number): Promise<void> {
    const line = this.outbox.find((o) => o.key === key);
    if (line) line.error = null;
    await this.deliver(key);
  }

  discard(key: number): void {
    this.outbox = this.outbox.filter((o) => o.key !== key);
  }

  private async deliver(key: number): Promise<void> {
    const line = this.outbox.find((o) => o.key === key);
    if (!line) return;
    try {
      const { message } = await this.client.call('session.chat', { sessionId: this.id, body: line.body, audience: line.audience });
      this.addMessage(message, true);
      this.discard(key);
    } catch (e) {
      const still = this.outbox.find((o) => o.key === key);
      if (still) still.error = messageOf(e);
    }
  }

  ask(kind: PromptKind): Promise<string | null> {
    return this.attempt(async () => this.applyPrompt((await this.client.call('session.prompt', { sessionId: this.id, kind })).prompt));
  }

  /** Elevate to the full client: the customer is prompted to download and run it. */
  requestFullClient(): Promise<string | null> {
    return this.attempt(async () => (this.endpoint = (await this.client.call('session.elevate.fullClient', { sessionId: this.id })).endpoint));
  }

  transfer(target: { kind: 'team' | 'rep'; id: number }, stay: boolean): Promise<string | null> {
    return this.attempt(async () => this.addInvitation((await this.client.call('session.transfer', { sessionId: this.id, target, stay })).invitation));
  }

  share(target: ShareTarget): Promise<string | null> {
    return this.attempt(async () => this.addInvitation((await this.client.call('session.share', { sessionId: this.id, target })).invitation));
  }

  cancelInvitation(invitationId: number): Promise<string | null> {
    return this.attempt(async () => {
      await this.client.call('session.invitation.cancel', { invitationId });
      this.invitations = this.invitations.filter((i) => i.id !== invitationId);
    });
  }

  async inviteExternal(o: { policy: string; description: string; name: string; comments: string; expiresInMinutes: 5 | 10 | 15 | 30 | 60 | 1440 | 10080 }): Promise<GeneratedKey | string> {
    try {
      return await this.client.call('session.inviteExternal', { sessionId: this.id, ...o });
    } catch (e) {
      return messageOf(e);
    }
  }

  /** Send Local Email for an invitation key, in the rep's preferred e-mail language (null: the dialog's own words stay). */
  composeInviteEmail(key: GeneratedKey): Promise<string | null> {
    return composeLocalEmail(this.client, 'externalInvite', key);
  }

  removeMember(userId: number): Promise<string | null> {
    return this.attempt(() => this.client.call('session.removeMember', { sessionId: this.id, userId }));
  }

  end(): Promise<string | null> {
    return this.attempt(() => this.client.call('session.end', { sessionId: this.id }));
  }

  hold(): Promise<string | null> {
    return this.attempt(() => this.client.call('session.hold', { sessionId: this.id }));
  }

  leave(): Promise<string | null> {
    return this.attempt(() => this.client.call('session.leave', { sessionId: this.id }));
  }

  private addInvitation(inv: Invitation): void {
    if (!this.invitations.some((i) => i.id === inv.id)) this.invitations.push(inv);
  }

  private async attempt(fn: () => Promise<unknown>): Promise<string | null> {
    try {
      await fn();
      return null;
    } catch (e) {
      return messageOf(e);
    }
  }
}
