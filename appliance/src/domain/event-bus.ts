/**
 * Domain events fanned out to consoles and customer clients. Each event names its recipients (user
 * ids, queues), so adapters deliver without deciding anything. In-process today; the interface is
 * what a shared message bus implements when several appliances serve one site.
 */
import type { JumpItemRecord } from './ports.js';
import type { ChatMessage, Invitation, JumpItemStatus, Prompt, QueueId, SessionDetail, SessionSummary, SystemLine, TeamChatMessage } from '../protocol/index.js';

export type SessionState = Pick<SessionDetail, 'session' | 'members' | 'invitations' | 'customer' | 'endpoint'>;

export type DomainEvent =
  /** A session appeared in or changed in a queue (consoles that may view the queue get it). */
  | { type: 'session.changed'; session: SessionSummary }
  | { type: 'session.removed'; sessionId: string; queueId: QueueId }
  | { type: 'login.revoked'; userId: number; tokenHashes: string[]; code: 'E_AUTH_KICKED' | 'E_AUTH_TOKEN_INVALID' | 'E_AUTH_ENDED_BY_ADMIN' | 'E_AUTH_HANDED_OFF' | 'E_WEB_CONSOLE_DISABLED' | 'E_AUTH_DISABLED' }
  /** A user's account changed (permissions, teams, names, disabled): their consoles reload who they are. */
  | { type: 'user.changed'; userId: number }
  /** A chat line: to the member reps listed, and to the customer when the audience is everyone. */
  | { type: 'session.chat'; message: ChatMessage; recipients: number[] }
  | { type: 'session.state'; state: SessionState; recipients: number[] }
  | { type: 'session.prompt'; prompt: Prompt; recipients: number[] }
  | { type: 'session.closed'; sessionId: string; line: SystemLine; recipients: number[] }
  | { type: 'invitation.created'; invitation: Invitation }
  | { type: 'invitation.removed'; id: number; queueId: QueueId }
  /** A team chat line, to the team's members (the consoles of those logged in get it). */
  | { type: 'team.chat'; message: TeamChatMessage; recipients: number[] }
  /** The customer's side: status changes and the end of the session. */
  | { type: 'customer.status'; sessionId: string }
  | { type: 'customer.ended'; sessionId: string; line: SystemLine }
  /** A Jump Item's status changed (its Jump Client connected or dropped): to consoles that list Jump Items. */
  | { type: 'jump.status'; itemId: number; status: JumpItemStatus }
  /** A Jump Item changed (pinned, moved, started: last accessed) or was removed (item null): each console sees its own view of it. */
  | { type: 'jump.item'; itemId: number; item: JumpItemRecord | null };

export interface EventBus {
  publish(event: DomainEvent): void;
  subscribe(handler: (event: DomainEvent) => void): () => void;
}

export class InProcessEventBus implements EventBus {
  private readonly handlers = new Set<(event: DomainEvent) => void>();

  publish(event: DomainEvent): void {
    for (const h of this.handlers) {
      // One failing subscriber must not stop delivery to the others.
      try {
        h(event);
      } catch {
        /* subscribers log their own failures */
      }
    }
  }

  subscribe(handler: (event: DomainEvent) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }
}
