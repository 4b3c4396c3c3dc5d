/**
 * Domain events fanned out to consoles. In-process today; the interface is what a shared message
 * bus implements when several appliances serve one site.
 */
import type { QueueId, SessionSummary } from '../protocol/index.js';

export type DomainEvent =
  | { type: 'session.changed'; session: SessionSummary }
  | { type: 'session.removed'; sessionId: string; queueId: QueueId }
  | { type: 'login.revoked'; userId: number; tokenHashes: string[]; code: 'E_AUTH_KICKED' | 'E_AUTH_TOKEN_INVALID' };

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
