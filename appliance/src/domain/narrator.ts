/**
 * System lines in the chat that narrate the session (members joining, prompts answered, transfers),
 * written to the session log and fanned out like any chat line.
 */
import type { ChatAudience, ChatMessage, SystemLine } from '../protocol/index.js';
import type { EventBus } from './event-bus.js';
import type { Repositories } from './ports.js';
import type { SessionView } from './session-view.js';
import { englishOf } from './system-line-text.js';

export class Narrator {
  constructor(
    private readonly repos: Pick<Repositories, 'sessions' | 'transaction'>,
    private readonly view: SessionView,
    private readonly bus: EventBus,
  ) {}

  /**
   * Writes a system line (call inside the caller's transaction) and returns a function that publishes
   * it. Stored as its key and arguments, with the English text as the body.
   */
  say(sessionId: string, line: SystemLine, now: string, audience: ChatAudience = 'all'): () => void {
    const message: ChatMessage = this.repos.sessions.chat(sessionId, { kind: 'system', id: null, name: 'System' }, englishOf(line), audience, now, line);
    return () => this.publish(message);
  }

  /**
   * A tool's step in the session log (shell, screen, files, credentials): the event and, when given
   * and the session is still open, its chat line, in one transaction; then the line goes out. A
   * session that is gone gets nothing.
   */
  record(sessionId: string, actor: string, kind: string, data: Record<string, unknown>, said: SystemLine | null, now: string): void {
    const session = this.repos.sessions.byId(sessionId);
    if (!session) return;
    const publish = this.repos.transaction(() => {
      this.repos.sessions.addEvent(sessionId, actor, kind, data, now);
      return said && session.status !== 'ended' ? this.say(sessionId, said, now) : null;
    });
    publish?.();
  }

  publish(message: ChatMessage, extraRecipients: number[] = []): void {
    const recipients = [...new Set([...this.view.recipients(message.sessionId), ...extraRecipients])];
    this.bus.publish({ type: 'session.chat', message, recipients });
  }

  /** Tells the members (and anyone just removed) the new state, and the customer their status. */
  state(sessionId: string, extraRecipients: number[] = []): void {
    const state = this.view.state(sessionId);
    if (!state) return;
    const recipients = [...new Set([...state.members.map((m) => m.userId), ...extraRecipients])];
    this.bus.publish({ type: 'session.state', state, recipients });
    this.bus.publish({ type: 'session.changed', session: state.session });
    this.bus.publish({ type: 'customer.status', sessionId });
  }
}
