/**
 * How customer sessions enter the appliance: the portal's issue form, a click on a rep's name, and
 * the demo-customer generator all come through here, so routing and the first events are one rule.
 */
import { CodedError, type CustomerStatus, type QueueId, type SessionSummary } from '../protocol/index.js';
import { iso, type Clock } from './clock.js';
import type { EventBus } from './event-bus.js';
import type { Presence } from './presence.js';
import type { Repositories } from './ports.js';
import { queueName } from './queues.js';
import { hashToken, newSessionId, newToken } from './tokens.js';

export interface CustomerRequest {
  name: string;
  company?: string | undefined;
  details?: string | undefined;
  computer?: string | undefined;
  browser?: boolean;
  /** Exactly one route. */
  route: { issueId: number } | { repId: number } | { queueId: QueueId };
  customAttributes?: Record<string, string>;
  /** A demo customer simulated inside the appliance: no customer token, always present. */
  simulated?: boolean;
}


export class SessionIntake {
  constructor(
    private readonly repos: Pick<Repositories, 'sessions' | 'issues' | 'users' | 'teams' | 'transaction'>,
    private readonly bus: EventBus,
    private readonly presence: Presence,
    private readonly clock: Clock,
  ) {}

  /** Puts a new customer in the right queue; returns the session and the customer's bearer token. */
  enqueue(req: CustomerRequest): { session: SessionSummary; customerToken: string } {
    let queueId: QueueId;
    let issue = '';
    const r = req.route;
    if ('issueId' in r) {
      const found = this.repos.issues.byId(r.issueId);
      if (!found) throw new CodedError('E_BAD_PARAMS', 'That issue does not exist.');
      queueId = `team:${found.teamId}`;
      issue = found.description;
    } else if ('repId' in r) {
      const rep = this.repos.users.byId(r.repId);
      if (!rep || rep.disabled || !this.presence.isOnline(rep.id)) throw new CodedError('E_REP_UNAVAILABLE');
      queueId = `personal:${rep.id}`;
    } else {
      queueId = r.queueId;
    }
    if (queueId === 'general' && !this.presence.list().length) throw new CodedError('E_REP_UNAVAILABLE', 'No representative is available right now. Describe your issue instead, or try again later.');
    const customerToken = newToken();
    const now = iso(this.clock);
    const session = this.repos.transaction(() => {
      const s = this.repos.sessions.create(
        {
          id: newSessionId(),
          type: 'support',
          browser: req.browser ?? true,
          customerName: req.name,
          company: req.company ?? '',
          computer: req.computer ?? '',
          issue,
          details: req.details ?? '',
          customAttributes: req.customAttributes ?? {},
          queueId,
          customerTokenHash: req.simulated ? null : hashToken(customerToken),
        },
        now,
      );
      this.repos.sessions.addEvent(s.id, `customer:${req.name}`, 'session.start', { queueId, issue }, now);
      return s;
    });
    this.bus.publish({ type: 'session.changed', session });
    return { session, customerToken };
  }

  /** What the customer's waiting page shows. */
  status(customerToken: string): CustomerStatus {
    const s = this.repos.sessions.byCustomerTokenHash(hashToken(customerToken));
    if (!s) throw new CodedError('E_SESSION_NOT_FOUND');
    return this.statusOf(s.id);
  }

  statusOf(sessionId: string): CustomerStatus {
    const s = this.repos.sessions.byId(sessionId);
    if (!s) throw new CodedError('E_SESSION_NOT_FOUND');
    const position = s.status === 'waiting' ? this.repos.sessions.waitingPosition(s.id) : null;
    const repConnected = s.ownerId === null ? null : this.presence.isOnline(s.ownerId);
    return { status: s.status, queueName: queueName(this.repos, s.queueId), repName: s.ownerName, repConnected, position };
  }

  /** Ends a waiting session (the customer left before anyone accepted). */
  abandon(sessionId: string, reason: string): void {
    const now = iso(this.clock);
    const s = this.repos.transaction(() => {
      const ended = this.repos.sessions.setStatus(sessionId, 'ended', now);
      if (ended) this.repos.sessions.addEvent(sessionId, 'customer', 'session.end', { reason }, now);
      return ended;
    });
    if (s) this.bus.publish({ type: 'session.removed', sessionId: s.id, queueId: s.queueId });
  }
}
