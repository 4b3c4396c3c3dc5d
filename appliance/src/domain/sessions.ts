/** A session's life once it is in a queue: accepted by a rep (more steps arrive with the support loop). */
import { CodedError, type SessionSummary } from '../protocol/index.js';
import { iso, type Clock } from './clock.js';
import type { EventBus } from './event-bus.js';
import { authorize, type Actor } from './permissions.js';
import type { Repositories } from './ports.js';

export class SessionService {
  constructor(
    private readonly repos: Pick<Repositories, 'sessions' | 'transaction'>,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {}

  accept(actor: Actor, sessionId: string): SessionSummary {
    const s = this.repos.sessions.byId(sessionId);
    if (!s || s.status === 'ended') throw new CodedError(s ? 'E_SESSION_ENDED' : 'E_SESSION_NOT_FOUND');
    authorize(actor, { kind: 'session.accept', queueId: s.queueId });
    const now = iso(this.clock);
    const accepted = this.repos.transaction(() => {
      if (!this.repos.sessions.claim(sessionId, actor.user.id)) return null;
      this.repos.sessions.addEvent(sessionId, `rep:${actor.user.id}`, 'session.accept', { rep: actor.user.displayName }, now);
      return this.repos.sessions.byId(sessionId);
    });
    if (!accepted) throw new CodedError('E_SESSION_ALREADY_TAKEN');
    this.bus.publish({ type: 'session.changed', session: accepted });
    return accepted;
  }
}
