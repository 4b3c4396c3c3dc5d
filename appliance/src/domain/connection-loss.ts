/**
 * A rep whose console drops keeps their sessions for a grace period; if they are not back by then,
 * owned sessions return to a team queue (or the general queue) and their other memberships end.
 */
import { iso, type Clock } from './clock.js';
import type { GraceTimers } from './grace.js';
import type { Narrator } from './narrator.js';
import type { Repositories } from './ports.js';
import type { Presence } from './presence.js';
import type { SessionService } from './sessions.js';
import { line, type QueueId } from '../protocol/index.js';

/** Why a rep's sessions are given up: said in the line the other members read. */
export type ReleaseReason = 'disconnected' | 'logged_out' | 'admin';

export class RepConnectionLoss {
  constructor(
    private readonly repos: Pick<Repositories, 'sessions' | 'members' | 'users' | 'invitations' | 'transaction'>,
    private readonly sessions: SessionService,
    private readonly narrator: Narrator,
    private readonly presence: Presence,
    private readonly timers: GraceTimers,
    private readonly clock: Clock,
    private readonly graceMs: () => number,
  ) {}

  /** The rep's console connected: a pending grace period is cancelled. */
  connected(userId: number): void {
    if (this.timers.cancel(`rep:${userId}`)) {
      const name = this.repos.users.byId(userId)?.publicDisplayName ?? 'The representative';
      for (const m of this.repos.members.activeFor(userId)) {
        this.narrator.say(m.sessionId, line('member.reconnected', { name }), iso(this.clock))();
        this.narrator.state(m.sessionId);
      }
    }
  }

  /** The rep's last console connection dropped (not a logout). */
  dropped(userId: number): void {
    const memberships = this.repos.members.activeFor(userId);
    if (!memberships.length) return;
    // Both sides see it: a chat line for the log and the customer, and the state (repConnected) for headers.
    const name = this.repos.users.byId(userId)?.publicDisplayName ?? 'The representative';
    for (const m of memberships) {
      this.narrator.say(m.sessionId, line('member.connectionLost', { name }), iso(this.clock))();
      this.narrator.state(m.sessionId);
    }
    this.timers.start(`rep:${userId}`, this.graceMs(), () => {
      if (!this.presence.isOnline(userId)) this.release(userId, 'disconnected');
    });
  }

  /** Gives up the rep's sessions now (grace expired, or they logged out). */
  release(userId: number, why: ReleaseReason): void {
    this.timers.cancel(`rep:${userId}`);
    const user = this.repos.users.byId(userId);
    const name = user?.publicDisplayName ?? 'The representative';
    for (const m of this.repos.members.activeFor(userId)) {
      const s = this.repos.sessions.byId(m.sessionId);
      if (!s || s.status === 'ended') continue;
      if (m.role !== 'owner') {
        this.sessions.removeMember(m.sessionId, userId, line('member.dropped', { name, why }), line('closed.disconnected'));
        continue;
      }
      const others = this.repos.members.active(m.sessionId).filter((x) => x.userId !== userId && x.role === 'participant');
      const successor = others[0];
      const now = iso(this.clock);
      if (successor) {
        // Another rep is still in the session: they carry on as its owner.
        this.repos.members.setRole(m.sessionId, successor.userId, 'owner');
        this.repos.sessions.setOwner(m.sessionId, successor.userId);
        this.sessions.removeMember(m.sessionId, userId, line('member.droppedOwnerPassed', { name, why, successor: successor.name }), line('closed.disconnected'));
        continue;
      }
      this.sessions.cancelPendingPrompts(m.sessionId);
      const queue = this.fallbackQueue(s.queueId, userId);
      this.repos.transaction(() => this.repos.sessions.moveTo(m.sessionId, queue, 'waiting', null, now));
      this.sessions.removeMember(m.sessionId, userId, line('member.droppedRequeued', { name, why }), line('closed.disconnected'));
    }
  }

  private fallbackQueue(current: QueueId, userId: number): QueueId {
    if (current.startsWith('team:') || current === 'general') return current;
    const team = this.repos.users.memberships(userId)[0];
    return team ? `team:${team.teamId}` : 'general';
  }
}
