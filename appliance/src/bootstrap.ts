/** Wires the appliance: database → repositories → domain services → HTTP + WebSocket adapters. */
import { InMemoryEndpointHub } from './domain/endpoints.js';
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CodedError } from './protocol/index.js';
import type { AppContext } from './context.js';
import { DemoCustomers, DEFAULT_DEMO_CUSTOMERS, type DemoCustomerOptions } from './demo/customers.js';
import { seedSite } from './demo/seed.js';
import { DemoBots } from './demo/bots.js';
import { AccountService } from './domain/accounts.js';
import { UserAdmin } from './domain/user-admin.js';
import { TeamAdmin } from './domain/team-admin.js';
import { SiteSettings } from './domain/site-settings.js';
import { AuthService } from './domain/auth.js';
import { iso, systemClock, type Clock } from './domain/clock.js';
import { InProcessEventBus } from './domain/event-bus.js';
import { SessionIntake } from './domain/intake.js';
import { JumpService } from './domain/jump.js';
import { JumpPins } from './domain/jump-pins.js';
import { JumpSessions } from './domain/jump-sessions.js';
import { JumpConsent } from './domain/jump-consent.js';
import { PinnedFromSession } from './domain/jump-pin-presence.js';
import { Presence } from './domain/presence.js';
import { QueueService } from './domain/queues.js';
import { RateLimiter } from './domain/rate-limit.js';
import { CustomerPresence } from './domain/customer-presence.js';
import { CustomerService } from './domain/customers.js';
import { ExternalReps } from './domain/external.js';
import { GraceTimers } from './domain/grace.js';
import { InvitationService } from './domain/invitations.js';
import { KeyService } from './domain/keys.js';
import { InstallerKeyService } from './domain/installer-keys.js';
import { SqliteInstallerKeyRepository } from './store/installer-keys.js';
import { Narrator } from './domain/narrator.js';
import { GroupCommit } from './domain/group-commit.js';
import { RepConnectionLoss } from './domain/connection-loss.js';
import { RepLogout } from './domain/rep-logout.js';
import { DesktopConsoleService } from './domain/desktop-console.js';
import { SqliteDesktopTokenRepository } from './store/desktop-tokens.js';
import { HANDOFF_TTL_SECONDS } from './protocol/desktop-messages.js';
import { VERSION } from './version.js';
import { SessionView } from './domain/session-view.js';
import { SessionService } from './domain/sessions.js';
import { TeamChatService } from './domain/team-chat.js';
import { buildHttpServer } from './http/server.js';
import { tlsOptions } from './http/tls.js';
import { createLogger, type Logger } from './log.js';
import { openDatabase, sqliteRepositories } from './store/index.js';
import { ConsoleGateway } from './ws/gateway.js';
import { CustomerGateway } from './ws/customer-gateway.js';
import { AgentService } from './domain/agents.js';
import { startEmulatedFleet } from './demo/emulated-agent.js';
import { fileLinks } from './ws/file-links.js';
import { SqliteAgentRepository } from './store/agents.js';
import { AgentGateway } from './ws/agent-gateway.js';
import { sessionTools } from './ws/session-tools.js';
import { wireElevation } from './elevation-wiring.js';
import { wireVault } from './vault-wiring.js';
import { startDemoEcm, wireEcm } from './ecm/appliance-wiring.js';
import { wireIntegration } from './integration-wiring.js';
import { ShellRecordings } from './shell/recordings.js';
import { SqliteRecordingRepository } from './store/recordings.js';
import { armGraceAfterRestart } from './domain/restart-grace.js';
import { openSessionParties } from './store/restart-parties.js';

export interface ApplianceOptions {
  dataDir: string;
  host?: string;
  port?: number;
  demo?: boolean;
  /** The desktop shell's per-launch secret: requests carrying it are the embedded desktop console. */
  launchSecret?: string;
  /** TLS: PEM file paths. */
  cert?: string;
  key?: string;
  logLevel?: string;
  /** Write logs to this file instead of stdout. */
  logFile?: string;
  /** Where the built Svelte pages are (default: found next to the bundle or in out/renderer). */
  rendererDir?: string;
  demoCustomers?: Partial<DemoCustomerOptions>;
  clock?: Clock;
}

export interface Appliance {
  url: string;
  close(): Promise<void>;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function findRendererDir(): string | null {
  const here = import.meta.dirname;
  for (const dir of [join(here, '../renderer'), join(here, '../../out/renderer'), join(process.cwd(), 'out/renderer')]) {
    if (existsSync(join(dir, 'console/index.html'))) return dir;
  }
  return null;
}

/** Starts an appliance: opens (and if new, seeds) the site in dataDir, then listens. */
export async function createAppliance(opts: ApplianceOptions): Promise<Appliance> {
  const host = opts.host ?? '127.0.0.1';
  const clock = opts.clock ?? systemClock;
  const log: Logger = createLogger(opts.logLevel, opts.logFile);
  const db = openDatabase(opts.dataDir);
  // Searching a large site's Jump Items reads its full-text and sort indexes: keep them in memory
  // (a 64 MiB page cache instead of 2 MiB, and reads through a memory map instead of a syscall a page).
  db.pragma('cache_size = -65536');
  db.pragma('mmap_size = 268435456');
  const repos = sqliteRepositories(db);
  try {
    const seeded = seedSite(repos, clock, opts.demo ?? false);
    log.info({ seeded, dataDir: opts.dataDir }, 'site opened');
    if (!isLoopback(host) && repos.users.byUsername('admin')?.passwordIsDefault) throw new CodedError('E_DEFAULT_PASSWORD_PUBLIC');
  } catch (e) {
    db.close();
    throw e;
  }

  const bus = new InProcessEventBus();
  const presence = new Presence();
  const customerPresence = new CustomerPresence();
  const timers = new GraceTimers();
  const graceMs = (key: string, env: string, fallbackSeconds: number) => () =>
    1000 * Number(repos.settings.get(key) ?? process.env[env] ?? fallbackSeconds);
  const intake = new SessionIntake(repos, bus, presence, clock);
  const view = new SessionView(repos, presence, customerPresence);
  const narrator = new Narrator(repos, view, bus);
  const auth = new AuthService(repos, bus, clock);
  // Rep and customer chat lines of one turn share one commit (domain/group-commit.ts).
  const chatCommits = new GroupCommit((fn) => repos.transaction(fn));
  const sessions = new SessionService(repos, view, narrator, bus, clock, chatCommits);
  const keys = new KeyService(repos, clock);
  const repLoss = new RepConnectionLoss(repos, sessions, narrator, presence, timers, clock, graceMs('session.repGraceSeconds', 'REP_REP_GRACE_SECONDS', 120));
  const endpoints = new InMemoryEndpointHub();
  // Jump Items: the list, Jumps (bound to the endpoint behind the item; forced ends armed again after a restart), pinning.
  const jump = new JumpService(repos, clock, endpoints);
  const jumpSessions = new JumpSessions({ repos, jump, sessions, narrator, endpoints, customerPresence, timers, bus, clock, passwordLimit: new RateLimiter(clock, 5, 60_000) });
  // A Jump Client pinned from a customer session is Active while that customer stays connected.
  const pinnedFromSession = new PinnedFromSession(repos, endpoints, (sid) => customerPresence.isConnected(sid), bus);
  jump.attach(jumpSessions, new JumpPins(repos, jump, narrator, endpoints, bus, clock, (sid, itemId) => pinnedFromSession.watch(sid, itemId)), new JumpConsent(jumpSessions, timers, clock));
  jumpSessions.resume();
  const accounts = new AccountService(repos, auth, clock, bus);
  const ctx: AppContext = {
    repos,
    endpoints,
    auth,
    queues: new QueueService(repos, presence),
    jump,
    intake,
    sessions,
    invitations: new InvitationService(repos, view, narrator, bus, clock),
    keys,
    installerKeys: new InstallerKeyService(new SqliteInstallerKeyRepository(db), repos, clock),
    external: new ExternalReps(repos, keys, auth, narrator, clock),
    customers: new CustomerService(repos, intake, sessions, view, narrator, customerPresence, timers, bus, clock, graceMs('session.customerGraceSeconds', 'REP_CUSTOMER_GRACE_SECONDS', 120), chatCommits),
    repLoss,
    teamChat: new TeamChatService(repos, bus, clock),
    accounts,
    userAdmin: new UserAdmin(repos, accounts, bus, clock),
    teamAdmin: new TeamAdmin(repos, bus),
    siteSettings: new SiteSettings(repos, bus, clock),
    repLogout: new RepLogout(repos, auth, presence, repLoss),
    desktop: new DesktopConsoleService(repos, new SqliteDesktopTokenRepository(db), auth, bus, clock, VERSION, () => 1000 * Number(process.env.REP_HANDOFF_TTL_SECONDS ?? HANDOFF_TTL_SECONDS)),
    view,
    presence,
    bus,
    clock,
    log,
    // Failed logins and key guesses per address per minute; 10 wrong keys a minute makes 12 random digits unguessable.
    limits: { login: new RateLimiter(clock, 20, 60_000), portal: new RateLimiter(clock, 120, 60_000), keys: new RateLimiter(clock, 10, 60_000) },
    startedAt: iso(clock),
    launchSecret: opts.launchSecret ?? null,
    dataDir: opts.dataDir,
    recordings: new ShellRecordings(new SqliteRecordingRepository(db), opts.dataDir, clock, Number(process.env.REP_SHELL_RECORDING_MAX_BYTES) || undefined),
  };
  ctx.recordings?.recover();
  // After a restart or crash: open sessions wait for their reps and customers for one grace period (issue 10).
  log.info(armGraceAfterRestart(openSessionParties(db), ctx.customers, repLoss), 'grace periods armed after start');
  ctx.integration = wireIntegration(ctx, db, { demo: repos.settings.get('site.demo') === 'true' });

  const https = opts.cert && opts.key ? tlsOptions(opts.cert, opts.key) : undefined;
  const http = await buildHttpServer(ctx, { rendererDir: opts.rendererDir ?? findRendererDir(), ...(https ? { https } : {}) });
  const gateway = new ConsoleGateway(ctx);
  const customerGateway = new CustomerGateway(ctx);
  // Jump Clients: their Jump Items are Offline until their agent (real, or the demo fleet's emulated one) says hello.
  const agents = new AgentService(new SqliteAgentRepository(db), repos.jump, repos, () => ctx.installerKeys, clock, (item) =>
    bus.publish({ type: 'jump.status', itemId: item.id, status: item.status }),
  );
  agents.markAllOffline();
  sessionTools(ctx);
  const elevationParts = wireElevation(ctx, db, { demo: repos.settings.get('site.demo') === 'true' });
  const vaultParts = wireVault(ctx, db, opts.dataDir);
  const ecmParts = wireEcm(ctx, db, { demo: repos.settings.get('site.demo') === 'true' });
  const agentGateway = new AgentGateway(ctx, agents);
  const fleet = repos.settings.get('site.demo') === 'true' ? await startEmulatedFleet(repos, agents, () => agentGateway.connectInMemory(), log, join(opts.dataDir, 'sandboxes'), fileLinks(ctx).inProcessDialer) : null;
  http.server.on('upgrade', (req, socket, head) => {
    if (!gateway.handleUpgrade(req, socket, head) && !customerGateway.handleUpgrade(req, socket, head) && !agentGateway.handleUpgrade(req, socket, head) && !ecmParts.gateway.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await http.listen({ host, port: opts.port ?? 0 });
  const port = (http.server.address() as AddressInfo).port;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const url = `${https ? 'https' : 'http'}://${urlHost}:${port}`;

  const demoCustomers = opts.demo && repos.settings.get('site.demo') === 'true'
    ? new DemoCustomers(repos, intake, ctx.customers, clock, log, { ...DEFAULT_DEMO_CUSTOMERS, ...opts.demoCustomers })
    : null;
  const demoBots = demoCustomers ? new DemoBots(bus, ctx.customers, log) : null;
  demoCustomers?.start();
  // The demo ECM (issue 8): its own child process with the file plugin and the demo credentials.
  const stopDemoEcm = opts.demo && repos.settings.get('site.demo') === 'true' ? startDemoEcm(ctx, opts.dataDir, url) : null;
  log.info({ url }, 'appliance listening');

  let closing: Promise<void> | null = null;
  const closeThis = (): Promise<void> =>
      (closing ??= (async () => {
        demoCustomers?.stop();
        demoBots?.stop();
        elevationParts.stop();
        vaultParts.stop();
        stopDemoEcm?.();
        await ecmParts.gateway.close();
        timers.clear();
        await gateway.close();
        await customerGateway.close();
        fleet?.stop();
        await agentGateway.close();
        await http.close();
        db.close();
        log.info('appliance stopped');
        log.flush();
      })());
  // Status > Restart: close gracefully (consoles are told and reconnect), then open the site again on the same port.
  let successor: Appliance | null = null;
  let restarting: Promise<void> | null = null;
  ctx.restart = () => {
    restarting ??= (async () => {
      await closeThis();
      successor = await createAppliance({ ...opts, host, port });
    })().catch((err: unknown) => console.error('appliance restart failed', err));
  };
  return {
    url,
    close: async () => {
      await restarting;
      await (successor ? successor.close() : closeThis());
    },
  };
}
