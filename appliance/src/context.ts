/** What the adapters (HTTP, WebSocket, demo) are handed: the domain services, wired once in bootstrap.ts. */
import type { AccountService } from './domain/accounts.js';
import type { AuthService } from './domain/auth.js';
import type { Clock } from './domain/clock.js';
import type { RepConnectionLoss } from './domain/connection-loss.js';
import type { CustomerService } from './domain/customers.js';
import type { DesktopConsoleService } from './domain/desktop-console.js';
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
import type { ApiAccountService } from './domain/api-accounts.js';
import type { CommandApi } from './domain/command-api.js';
import type { RecordingFiles, ReportService } from './domain/reports.js';
import type { ShellRecordings } from './shell/recordings.js';

export interface AppContext {
  /** /login: Users (accounts, permissions), Teams and Issues, site settings (Security, Support Portal, time zone). */
  userAdmin: import('./domain/user-admin.js').UserAdmin;
  teamAdmin: import('./domain/team-admin.js').TeamAdmin;
  siteSettings: import('./domain/site-settings.js').SiteSettings;
  /** Status > Restart: closes the appliance gracefully and opens it again on the same address (absent when embedded without a restart hook). */
  restart?: () => void;
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
  /** The desktop console: web → desktop hand-off tokens, update tokens, the served console version. */
  desktop: DesktopConsoleService;
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
  /** Integration APIs and Reports (http/api/): API accounts, the command API's rules, session reports; absent in hand-built test contexts. */
  integration?: { apiAccounts: ApiAccountService; commandApi: CommandApi; reports: ReportService; recordingFiles: RecordingFiles };
  /** Command-shell recordings (asciicast + transcript); absent in hand-built test contexts. */
  recordings?: ShellRecordings;
  /** Elevate (click-to-chat → full client → elevated) and Support Buttons; absent in hand-built test contexts. */
  elevation?: import('./domain/elevation-service.js').ElevationService;
  supportButtons?: import('./domain/support-button-service.js').SupportButtonService;
  /** ECM accounts and the connected ECMs (/login > Status > ECM Clients); absent in hand-built test contexts. */
  ecm?: { accounts: import('./domain/ecm-accounts.js').EcmAccountService; registry: import('./domain/ecm-registry.js').EcmRegistry };
  /** The Vault (FEATURES.md §F) and Inject Credentials (vault-wiring.ts); absent in hand-built test contexts. */
  vault?: import('./domain/vault.js').VaultService;
  credentialInjection?: import('./domain/credential-injection.js').CredentialInjection;
  /** The ECM bridge as a credential source, when the ECM part is wired and an ECM is connected (issue 8 part A). */
  ecmCredentials?: import('./domain/credential-sources.js').CredentialSource;
}
