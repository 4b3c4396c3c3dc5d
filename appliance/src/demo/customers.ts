/**
 * The demo-customer generator: keeps a few customers waiting in each team queue, and lets one who
 * has waited long give up now and then, so a trainer's console is never empty and never static.
 * The customers are simulated in-process: always present, answered by demo/bots.ts.
 */
import type { Clock } from '../domain/clock.js';
import type { CustomerService } from '../domain/customers.js';
import type { SessionIntake } from '../domain/intake.js';
import type { Repositories } from '../domain/ports.js';
import type { Logger } from '../log.js';
import { DEMO_CUSTOMERS } from './people.js';

export interface DemoCustomerOptions {
  /** How many customers to keep waiting per team queue. */
  perTeam: number;
  /** How often the generator looks at the queues. */
  intervalMs: number;
  /** A waiting customer older than this may leave. */
  patienceMs: number;
}

export const DEFAULT_DEMO_CUSTOMERS: DemoCustomerOptions = { perTeam: 2, intervalMs: 20_000, patienceMs: 10 * 60_000 };

export class DemoCustomers {
  private timer: NodeJS.Timeout | null = null;
  private next = 0;

  constructor(
    private readonly repos: Pick<Repositories, 'teams' | 'issues' | 'sessions'>,
    private readonly intake: SessionIntake,
    private readonly customers: CustomerService,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly opts: DemoCustomerOptions = DEFAULT_DEMO_CUSTOMERS,
  ) {
    this.next = Math.floor(clock.now().getTime() / 1000) % DEMO_CUSTOMERS.length;
  }

  start(): void {
    // After a restart the simulated customers of open sessions are still "there".
    for (const s of this.repos.sessions.openSimulated()) this.customers.simulate(s.id);
    this.tick();
    this.timer = setInterval(() => this.tick(), this.opts.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One look at every team queue: top it up, and maybe let the longest waiter go. */
  tick(): void {
    try {
      const now = this.clock.now().getTime();
      for (const team of this.repos.teams.list()) {
        const waiting = this.repos.sessions.openInQueues([`team:${team.id}`]).filter((s) => s.status === 'waiting' && this.customers.isSimulated(s.id));
        const oldest = waiting[0];
        if (oldest && waiting.length >= this.opts.perTeam && now - Date.parse(oldest.queuedAt) > this.opts.patienceMs) {
          this.intake.abandon(oldest.id, 'The customer left before a representative accepted the session.');
        }
        const issues = this.repos.issues.list().filter((i) => i.teamId === team.id);
        for (let n = waiting.length; n < this.opts.perTeam && issues.length; n++) this.arrive(issues[this.next % issues.length]!.id);
      }
    } catch (err) {
      this.log.error({ err }, 'demo customer generator failed');
    }
  }

  private arrive(issueId: number): void {
    const c = DEMO_CUSTOMERS[this.next++ % DEMO_CUSTOMERS.length]!;
    const { session } = this.intake.enqueue({ name: c.name, company: c.company, computer: c.computer, details: c.details, browser: this.next % 3 === 0, route: { issueId }, simulated: true });
    this.customers.simulate(session.id);
  }
}
