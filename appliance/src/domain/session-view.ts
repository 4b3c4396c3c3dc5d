/** Builds what consoles see of a session (members, invitations, customer) and who should be told. */
import type { Invitation, SessionDetail, SessionEndpoint } from '../protocol/index.js';
import type { CustomerPresence } from './customer-presence.js';
import type { SessionState } from './event-bus.js';
import type { InvitationRecord, Repositories } from './ports.js';
import type { Presence } from './presence.js';

export const toInvitation = ({ inviterId: _i, stay: _s, ...inv }: InvitationRecord): Invitation => inv;

export class SessionView {
  /** Describes a session's endpoint and its mode (set by the elevation service once it exists). */
  private endpointOf: ((sessionId: string) => SessionEndpoint | null) | null = null;

  constructor(
    private readonly repos: Pick<Repositories, 'sessions' | 'members' | 'invitations' | 'prompts'>,
    private readonly presence: Presence,
    private readonly customers: CustomerPresence,
  ) {}

  describeEndpointsWith(fn: (sessionId: string) => SessionEndpoint | null): void {
    this.endpointOf = fn;
  }

  state(sessionId: string): SessionState | null {
    const session = this.repos.sessions.byId(sessionId);
    if (!session) return null;
    return {
      session,
      members: this.repos.members.active(sessionId).map((m) => ({ userId: m.userId, name: m.name, role: m.role, online: this.presence.isOnline(m.userId) })),
      invitations: this.repos.invitations.open(sessionId).map(toInvitation),
      customer: { name: session.customerName, connected: session.status !== 'ended' && this.customers.isConnected(sessionId) },
      ...this.endpointFor(sessionId),
    };
  }

  detail(sessionId: string, viewerId: number): SessionDetail | null {
    const state = this.state(sessionId);
    const myRole = this.repos.members.role(sessionId, viewerId);
    if (!state || !myRole) return null;
    return {
      ...state,
      messages: this.repos.sessions.messages(sessionId, false),
      prompts: this.repos.prompts.list(sessionId),
      myRole,
    };
  }

  private endpointFor(sessionId: string): { endpoint?: SessionEndpoint } {
    const endpoint = this.endpointOf?.(sessionId);
    return endpoint ? { endpoint } : {};
  }

  /** The reps currently in the session. */
  recipients(sessionId: string): number[] {
    return this.repos.members.active(sessionId).map((m) => m.userId);
  }
}
