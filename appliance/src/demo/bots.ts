/**
 * The simulated customers' behaviour: they answer a rep's chat with plausible lines and answer
 * permission prompts (mostly Allow), after a human-like pause, through the same CustomerService a
 * real customer client uses.
 */
import type { CustomerService } from '../domain/customers.js';
import type { DomainEvent, EventBus } from '../domain/event-bus.js';
import type { Logger } from '../log.js';

const REPLIES = [
  'Thanks for picking this up!',
  'Sure, one moment please.',
  'Yes, that is the computer I am on right now.',
  'It started this morning after the update.',
  'I already tried restarting, it did not help.',
  'OK, I can see that now.',
  'Great, that seems to work. Thank you!',
  'Do you need me to do anything else?',
];

export class DemoBots {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly unsubscribe: () => void;
  private replyIndex = 0;

  constructor(
    bus: EventBus,
    private readonly customers: CustomerService,
    private readonly log: Logger,
    private readonly delayMs: () => number = () => 1200 + Math.random() * 1800,
  ) {
    this.unsubscribe = bus.subscribe((e) => this.on(e));
  }

  private on(e: DomainEvent): void {
    if (e.type === 'session.chat' && e.message.from.kind === 'rep' && e.message.audience === 'all' && this.customers.isSimulated(e.message.sessionId)) {
      const sessionId = e.message.sessionId;
      this.later(() => {
        this.customers.chat(sessionId, REPLIES[this.replyIndex++ % REPLIES.length]!).catch((err: unknown) => this.log.debug({ err }, 'demo customer could not answer (session over?)'));
      });
    } else if (e.type === 'session.prompt' && e.prompt.state === 'pending' && this.customers.isSimulated(e.prompt.sessionId)) {
      const { sessionId, id } = e.prompt;
      // Most customers allow; one in seven says no, so reps see both answers.
      this.later(() => this.customers.answer(sessionId, id, id % 7 !== 0));
    }
  }

  private later(fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      try {
        fn();
      } catch (err) {
        this.log.debug({ err }, 'demo customer could not answer (session over?)');
      }
    }, this.delayMs());
    t.unref();
    this.timers.add(t);
  }

  stop(): void {
    this.unsubscribe();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
