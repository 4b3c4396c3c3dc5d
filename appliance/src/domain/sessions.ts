/**
 * A session from the reps' side: accept, open, chat, prompts, and the three ways out (End, Hold,
 * Leave) plus Remove Member. Each change is written in one transaction before anyone is told.
 */
import { CodedError, line, type ChatAudience, type ChatMessage, type MySession, type Prompt, type PromptKind, type SessionDetail, type SessionSummary, type SystemLine } from '../protocol/index.js';
import { iso, type Clock } from './clock.js';
import type { EventBus } from './event-bus.js';
import { GroupCommit } from './group-commit.js';
import type { Narrator } from './narrator.js';
import { authorize, type Actor } from './permissions.js';
import { assertSessionRoom } from './limits.js';
import type { Repositories } from './ports.js';
import { toInvitation, type SessionView } from './session-view.js';
import { englishOf } from './system-line-text.js';

type Repos = Pick<Repositories, 'sessions' | 'members' | 'invitations' | 'prompts' | 'users' | 'transaction'>;

export class SessionService {
  constructor(
    private readonly repos: Repos,
    private readonly view: SessionView,
    private readonly narrator: Narrator,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    /** Shared with the customers' lines (bootstrap.ts), so a turn's lines from both sides share one commit. */
    private readonly chatCommits = new GroupCommit((fn) => repos.transaction(fn)),
  ) {}

  /** Accept a waiting session (first one wins), or pick up one's own held session. */
  accept(actor: Actor, sessionId: string): SessionSummary {
    const s = this.repos.sessions.byId(sessionId);
    if (!s || s.status === 'ended') throw new CodedError(s ? 'E_SESSION_ENDED' : 'E_SESSION_NOT_FOUND');
    authorize(actor, { kind: 'session.accept', queueId: s.queueId });
    const now = iso(this.clock);
    const me = actor.user;
    if (!(s.status === 'held' && s.ownerId === me.id)) assertSessionRoom(this.repos.members.activeFor(me.id).length);
    const announce = this.repos.transaction(() => {
      if (s.status === 'held' && s.ownerId === me.id) {
        this.repos.sessions.setStatus(sessionId, 'active', now);
        this.repos.sessions.addEvent(sessionId, `rep:${me.id}`, 'session.resume', { rep: me.displayName }, now);
        return this.narrator.say(sessionId, line('member.resumed', { name: me.displayName }), now);
      }
      if (!this.repos.sessions.claim(sessionId, me.id)) return null;
      this.repos.members.add(sessionId, me.id, 'owner', null, now);
      this.repos.sessions.addEvent(sessionId, `rep:${me.id}`, 'session.accept', { rep: me.displayName }, now);
      return this.narrator.say(sessionId, line('member.joined', { name: me.publicDisplayName }), now);
    });
    if (!announce) throw new CodedError('E_SESSION_ALREADY_TAKEN');
    announce();
    this.narrator.state(sessionId);
    return this.repos.sessions.byId(sessionId)!;
  }

  open(actor: Actor, sessionId: string): SessionDetail {
    const role = this.repos.members.role(sessionId, actor.user.id);
    authorize(actor, { kind: 'session.member', role });
    const detail = this.view.detail(sessionId, actor.user.id);
    if (!detail) throw new CodedError('E_SESSION_NOT_FOUND');
    return detail;
  }

  mine(actor: Actor): MySession[] {
    return this.repos.members
      .activeFor(actor.user.id)
      .map((m) => {
        const session = this.repos.sessions.byId(m.sessionId);
        if (!session || session.status === 'ended') return null;
        return { session, role: m.role, unread: this.repos.sessions.unreadCount(m.sessionId, m.lastReadEvent, actor.user.id) };
      })
      .filter((x): x is MySession => x !== null);
  }

  markRead(actor: Actor, sessionId: string): void {
    authorize(actor, { kind: 'session.member', role: this.repos.members.role(sessionId, actor.user.id) });
    this.repos.members.markRead(sessionId, actor.user.id, this.repos.sessions.lastEventId(sessionId));
  }

  /** A rep's chat line: committed (with the other lines of this turn, group-commit.ts), then delivered. */
  async chat(actor: Actor, sessionId: string, body: string, audience: ChatAudience): Promise<ChatMessage> {
    const u = actor.user;
    const message = await this.chatCommits.run(() => {
      authorize(actor, { kind: 'session.member', role: this.repos.members.role(sessionId, u.id) });
      this.requireOpen(sessionId);
      const m = this.repos.sessions.chat(sessionId, { kind: 'rep', id: u.id, name: u.publicDisplayName }, body, audience, iso(this.clock));
      this.repos.members.markRead(sessionId, u.id, m.id);
      return m;
    });
    this.narrator.publish(message);
    return message;
  }

  /** Ask the customer for a permission; the customer client answers Allow or Refuse. */
  prompt(actor: Actor, sessionId: string, kind: PromptKind): Prompt {
    const role = this.repos.members.role(sessionId, actor.user.id);
    authorize(actor, { kind: 'session.prompt', role });
    const s = this.requireOpen(sessionId);
    if (s.status !== 'active') throw new CodedError('E_SESSION_NOT_ACTIVE');
    const now = iso(this.clock);
    const name = actor.user.publicDisplayName;
    const [prompt, say] = this.repos.transaction(() => {
      const p = this.repos.prompts.create(sessionId, kind, name, now);
      this.repos.sessions.addEvent(sessionId, `rep:${actor.user.id}`, 'prompt.asked', { kind, promptId: p.id }, now);
      return [p, this.narrator.say(sessionId, line('prompt.asked', { name, kind }), now)] as const;
    });
    say();
    this.bus.publish({ type: 'session.prompt', prompt, recipients: this.view.recipients(sessionId) });
    return prompt;
  }

  /** End Session: the customer is disconnected, every rep removed, invitations withdrawn. */
  end(actor: Actor, sessionId: string): void {
    authorize(actor, { kind: 'session.end', role: this.repos.members.role(sessionId, actor.user.id) });
    this.requireOpen(sessionId);
    this.close(sessionId, `rep:${actor.user.id}`, line('session.ended', { name: actor.user.displayName }));
  }

  /** Hold Session: back to the owner's personal queue; other members stay. */
  hold(actor: Actor, sessionId: string): void {
    authorize(actor, { kind: 'session.end', role: this.repos.members.role(sessionId, actor.user.id) });
    this.requireOpen(sessionId);
    const now = iso(this.clock);
    const me = actor.user;
    const say = this.repos.transaction(() => {
      this.repos.sessions.moveTo(sessionId, `personal:${me.id}`, 'held', me.id, now);
      this.repos.sessions.addEvent(sessionId, `rep:${me.id}`, 'session.hold', {}, now);
      return this.narrator.say(sessionId, line('session.held', { name: me.publicDisplayName }), now);
    });
    say();
    this.narrator.state(sessionId);
  }

  /** Leave Session (a participant or an external rep). */
  leave(actor: Actor, sessionId: string): void {
    authorize(actor, { kind: 'session.leave', role: this.repos.members.role(sessionId, actor.user.id) });
    this.removeMember(sessionId, actor.user.id, line('member.left', { name: actor.user.publicDisplayName }), line('closed.left'));
  }

  /** Remove Member (owner only). */
  remove(actor: Actor, sessionId: string, userId: number): void {
    authorize(actor, { kind: 'session.removeMember', role: this.repos.members.role(sessionId, actor.user.id) });
    if (userId === actor.user.id) throw new CodedError('E_SESSION_OWNER_CANNOT_LEAVE');
    const target = this.repos.members.active(sessionId).find((m) => m.userId === userId);
    if (!target) throw new CodedError('E_MEMBER_NOT_FOUND');
    const name = actor.user.publicDisplayName;
    this.removeMember(sessionId, userId, line('member.removed', { name, target: target.name }), line('closed.removed', { name }));
  }

  /** Takes one rep out: their invitations vanish, and external reps they invited go too when no other owner is left. */
  removeMember(sessionId: string, userId: number, said: SystemLine, reasonForThem: SystemLine): void {
    const now = iso(this.clock);
    const removed: number[] = [userId];
    const { say, gone } = this.repos.transaction(() => {
      if (!this.repos.members.leave(sessionId, userId, now)) throw new CodedError('E_MEMBER_NOT_FOUND');
      this.repos.sessions.addEvent(sessionId, `rep:${userId}`, 'member.left', { reason: englishOf(said) }, now);
      const gone = this.repos.invitations.open(sessionId).filter((i) => i.inviterId === userId);
      for (const i of gone) this.repos.invitations.end(i.id, 'inviter left', now);
      const owners = this.repos.members.active(sessionId).filter((m) => m.role === 'owner');
      if (!owners.length) {
        for (const m of this.repos.members.active(sessionId).filter((x) => x.role === 'external' && x.invitedBy === userId)) {
          this.repos.members.leave(sessionId, m.userId, now);
          removed.push(m.userId);
        }
      }
      return { say: this.narrator.say(sessionId, said, now), gone };
    });
    for (const i of gone) this.bus.publish({ type: 'invitation.removed', id: i.id, queueId: i.queueId });
    say();
    this.bus.publish({ type: 'session.closed', sessionId, line: reasonForThem, recipients: removed });
    this.narrator.state(sessionId, removed);
  }

  /** Withdraws the prompts nobody answered (the rep who asked is gone): the customer can no longer grant them. */
  cancelPendingPrompts(sessionId: string): void {
    const now = iso(this.clock);
    const cancelled = this.repos.transaction(() => {
      const pending = this.repos.prompts.list(sessionId).filter((p) => p.state === 'pending');
      for (const p of pending) this.repos.prompts.answer(p.id, 'cancelled', now);
      return pending;
    });
    for (const p of cancelled) this.bus.publish({ type: 'session.prompt', prompt: { ...p, state: 'cancelled' }, recipients: this.view.recipients(sessionId) });
  }

  /** Ends a session for everyone (owner's End, customer never returned, admin). */
  close(sessionId: string, actor: string, reason: SystemLine): void {
    const now = iso(this.clock);
    const result = this.repos.transaction(() => {
      const s = this.repos.sessions.byId(sessionId);
      if (!s || s.status === 'ended') return null;
      const invitations = this.repos.invitations.open(sessionId);
      for (const i of invitations) this.repos.invitations.end(i.id, 'session ended', now);
      for (const p of this.repos.prompts.list(sessionId)) if (p.state === 'pending') this.repos.prompts.answer(p.id, 'cancelled', now);
      const say = this.narrator.say(sessionId, reason, now);
      const members = this.repos.members.active(sessionId).map((m) => m.userId);
      this.repos.sessions.addEvent(sessionId, actor, 'session.end', { reason: englishOf(reason) }, now);
      return { say, members, invitations, queueId: s.queueId };
    });
    if (!result) return;
    result.say();
    this.repos.transaction(() => {
      this.repos.members.leaveAll(sessionId, now);
      this.repos.sessions.setStatus(sessionId, 'ended', now);
    });
    for (const i of result.invitations) this.bus.publish({ type: 'invitation.removed', id: i.id, queueId: i.queueId });
    this.bus.publish({ type: 'session.closed', sessionId, line: reason, recipients: result.members });
    this.bus.publish({ type: 'session.removed', sessionId, queueId: result.queueId });
    this.bus.publish({ type: 'customer.ended', sessionId, line: reason });
  }

  private requireOpen(sessionId: string): SessionSummary {
    const s = this.repos.sessions.byId(sessionId);
    if (!s) throw new CodedError('E_SESSION_NOT_FOUND');
    if (s.status === 'ended') throw new CodedError('E_SESSION_ENDED');
    return s;
  }
}

export { toInvitation };
