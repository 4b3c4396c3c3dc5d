/** What the adapters (HTTP, WebSocket, demo) are handed: the domain services, wired once in bootstrap.ts. */
import type { AccountService } from './domain/accounts.js';
import type { AuthService } from './domain/auth.js';
import type { Clock } from './domain/clock.js';
import type { RepConnectionLoss } from './domain/connection-loss.js';
import type { CustomerService } from './domain/customers.js';
import type { EndpointHub } from './domain/endpoints.js';
import type { EventBus } from './domain/event-bus.js';
import type { ExternalReps } from './domain/external.js';
import type { SessionIntake } from './domain/intake.js';
import type { InstallerKeyService } from './domain/installer-keys.js';
import type { InvitationService } from './domain/invitations.js';
import type { JumpService } from './domain/jump.js';
import type { KeyService } from './domain/keys.js';
import type { Repositories } from './domain/ports.js';
import type { Presence } from './domain/presence.js';
import type { QueueService } from './domain/queues.js';
import type { RateLimiter } from './domain/rate-limit.js';
import type { RepLogout } from './domain/rep-logout.js';
import type { SessionService } from './domain/sessions.js';
import type { SessionView } from './domain/session-view.js';
import type { TeamChatService } from './domain/team-chat.js';
import type { Logger } from './log.js';

export interface AppContext {
  repos: Repositories;
  /** Connected machines (agents and emulated endpoints) behind Jump Items and sessions. */
  endpoints: EndpointHub;
  auth: AuthService;
  accounts: AccountService;
  queues: QueueService;
  jump: JumpService;
  intake: SessionIntake;
  sessions: SessionService;
  invitations: InvitationService;
  keys: KeyService;
  /** Jump Client installers (Mass Deployment Wizard); agents redeem their keys when they register. */
  installerKeys: InstallerKeyService;
  external: ExternalReps;
  customers: CustomerService;
  repLoss: RepConnectionLoss;
  teamChat: TeamChatService;
  repLogout: RepLogout;
  view: SessionView;
  presence: Presence;
  bus: EventBus;
  clock: Clock;
  log: Logger;
  limits: { login: RateLimiter; portal: RateLimiter; keys: RateLimiter };
  startedAt: string;
  /** The site's data directory (caches such as built MSIs live below it); absent in tests that build a context by hand. */
  dataDir?: string;
  /** Requests carrying this header value come from the desktop shell that embeds us. */
  launchSecret: string | null;
}
