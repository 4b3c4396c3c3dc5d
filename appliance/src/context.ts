/** What the adapters (HTTP, WebSocket, demo) are handed: the domain services, wired once in bootstrap.ts. */
import type { AuthService } from './domain/auth.js';
import type { Clock } from './domain/clock.js';
import type { EventBus } from './domain/event-bus.js';
import type { SessionIntake } from './domain/intake.js';
import type { JumpService } from './domain/jump.js';
import type { Repositories } from './domain/ports.js';
import type { Presence } from './domain/presence.js';
import type { QueueService } from './domain/queues.js';
import type { RateLimiter } from './domain/rate-limit.js';
import type { SessionService } from './domain/sessions.js';
import type { Logger } from './log.js';

export interface AppContext {
  repos: Repositories;
  auth: AuthService;
  queues: QueueService;
  jump: JumpService;
  intake: SessionIntake;
  sessions: SessionService;
  presence: Presence;
  bus: EventBus;
  clock: Clock;
  log: Logger;
  limits: { login: RateLimiter; portal: RateLimiter };
  startedAt: string;
  /** Requests carrying this header value come from the desktop shell that embeds us. */
  launchSecret: string | null;
}
