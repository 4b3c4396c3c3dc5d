/**
 * The /ws/agent gateway with the real Jump Client agent, in one process: a real HTTP server and
 * SQLite site, the gateway and AgentService as bootstrap wires them, and `startJumpClient` (what
 * `rep-appliance jump-client` runs) connecting over a real WebSocket, with a real installer made by
 * InstallerKeyService. The spawned-CLI journeys are in tests/integration/agent.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CodedError, type JumpItem } from '../protocol/index.js';
import type { AppContext } from '../context.js';
import { readConfig } from '../agent/config.js';
import { startJumpClient, type RunningAgent } from '../agent/jump-client.js';
import { seedSite } from '../demo/seed.js';
import { AgentService } from '../domain/agents.js';
import { InstallerKeyService } from '../domain/installer-keys.js';
import { SqliteInstallerKeyRepository } from '../store/installer-keys.js';
import { systemClock } from '../domain/clock.js';
import { InMemoryEndpointHub } from '../domain/endpoints.js';
import { InProcessEventBus, type DomainEvent } from '../domain/event-bus.js';
import { SqliteAgentRepository } from '../store/agents.js';
import { openDatabase, sqliteRepositories, type Db } from '../store/index.js';
import { SqliteJumpRepository } from '../store/jump.js';
import { AgentGateway } from './agent-gateway.js';

let dir: string;
let db: Db;
let server: Server;
let gateway: AgentGateway;
let hub: InMemoryEndpointHub;
let jump: SqliteJumpRepository;
let site: string;
let events: DomainEvent[];
const agents: RunningAgent[] = [];

let key: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rep-gw-'));
  db = openDatabase(join(dir, 'site'));
  const repos = sqliteRepositories(db);
  seedSite(repos, systemClock, true);
  jump = new SqliteJumpRepository(db);
  hub = new InMemoryEndpointHub();
  const bus = new InProcessEventBus();
  events = [];
  bus.subscribe((e) => events.push(e));
  const installers = new InstallerKeyService(new SqliteInstallerKeyRepository(db), repos, systemClock);
  const admin = repos.users.byUsername('admin')!;
  key = installers.create({ user: admin, teams: repos.users.memberships(admin.id) }, { jumpGroup: { kind: 'jumpgroup', code: 'hq-workstations' }, tag: 'installer-tag', comments: 'installer comments', validitySeconds: 3600, massDeploy: true }).key;
  const service = new AgentService(new SqliteAgentRepository(db), jump, repos, () => installers, systemClock, (i: JumpItem) => bus.publish({ type: 'jump.status', itemId: i.id, status: i.status }));
  const ctx = { endpoints: hub, bus, clock: systemClock, log: pino({ level: 'silent' }), customers: { sessionFor: () => { throw new CodedError('E_SESSION_NOT_FOUND'); } } } as unknown as AppContext;
  gateway = new AgentGateway(ctx, service);
  server = createServer();
  server.on('upgrade', (req, socket, head) => {
    if (!gateway.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  for (const a of agents.splice(0)) {
    a.stop();
    await a.done;
  }
  await gateway.close();
  await new Promise((res) => server.close(res));
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const until = async <T>(fn: () => T | null | undefined | false, ms = 5000): Promise<T> => {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

const quiet = () => undefined;

describe('a Jump Client over /ws/agent', () => {
  it('registers with an installer key (flags win), saves its identity, answers as the Jump Item’s endpoint with a real shell and bounded files', async () => {
    const installDir = join(dir, 'install');
    const home = mkdtempSync(join(tmpdir(), 'rep-gw-home-'));
    const a = await startJumpClient(
      { site, key, installDir, jumpGroup: null, tag: 'flag-tag', comments: null, allowPaths: [home] },
      quiet,
    );
    agents.push(a);
    const config = await until(() => readConfig(installDir));
    expect(config.site).toBe(site);
    const item = jump.byId(config.jumpItemId)!;
    expect(item).toMatchObject({ method: 'pinned', groupName: 'HQ Workstations', hostname: hostname(), tag: 'flag-tag', comments: 'installer comments', status: 'active' });
    expect(events).toContainEqual({ type: 'jump.status', itemId: item.id, status: 'active' });

    const endpoint = await until(() => hub.forJumpItem(item.id));
    expect(endpoint.kind).toBe('agent');
    const shell = await endpoint.openShell({ cols: 80, rows: 24 });
    // Output before anyone listens (the first prompt) is kept for the first listener, not dropped.
    shell.write('echo EARLY-$((6*7))\r');
    await new Promise((r) => setTimeout(r, 300));
    let out = '';
    shell.onData((d) => (out += d));
    await until(() => out.includes('EARLY-42'));
    shell.write('hostname\r');
    await until(() => new RegExp(`[\\r\\n]${hostname().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\r?\\n`).test(out));
    const exited = new Promise((res) => shell.onExit(res));
    shell.write('exit 4\r');
    expect(await exited).toBe(4);

    const listing = await endpoint.listFiles!('');
    expect(listing.roots).toHaveLength(1);
    await expect(endpoint.listFiles!('/etc')).rejects.toMatchObject({ code: 'E_PATH_NOT_ALLOWED' });
    await expect(endpoint.listFiles!('../../..')).rejects.toMatchObject({ code: 'E_PATH_NOT_ALLOWED' });
    expect((await endpoint.systemInfo!()).hostname).toBe(hostname());
    rmSync(home, { recursive: true, force: true });

    // Stopped: Offline, and the endpoint is gone. Started again without the key: the same item, Active.
    a.stop();
    expect(await a.done).toBe(0);
    agents.splice(agents.indexOf(a), 1);
    await until(() => jump.byId(item.id)?.status === 'offline');
    expect(hub.forJumpItem(item.id)).toBeNull();
    const again = await startJumpClient({ site, key: null, installDir, jumpGroup: null, tag: null, comments: null, allowPaths: [] }, quiet);
    agents.push(again);
    await until(() => jump.byId(item.id)?.status === 'active');
    expect(readConfig(installDir)).toEqual(config);
  });

  it('a refused installer key stops the agent; nothing is created and no identity saved', async () => {
    const before = jump.search({ search: '', groupId: null, visibleGroupIds: null, ownerIds: [], offset: 0, limit: 1 }).total;
    const lines: string[] = [];
    const a = await startJumpClient({ site, key: 'b'.repeat(48), installDir: join(dir, 'x'), jumpGroup: null, tag: null, comments: null, allowPaths: [] }, (l) => lines.push(l));
    expect(await a.done).toBe(1);
    expect(lines.some((l) => l.includes('E_INSTALLER_KEY_INVALID'))).toBe(true);
    expect(readConfig(join(dir, 'x'))).toBeNull();
    expect(jump.search({ search: '', groupId: null, visibleGroupIds: null, ownerIds: [], offset: 0, limit: 1 }).total).toBe(before);
  });

  it('a second connection with the same identity replaces the first; the item stays Active', async () => {
    const installDir = join(dir, 'dup');
    const first = await startJumpClient({ site, key, installDir, jumpGroup: { kind: 'user', username: 'ana' }, tag: null, comments: null, allowPaths: [] }, quiet);
    agents.push(first);
    const { jumpItemId } = await until(() => readConfig(installDir));
    expect(jump.byId(jumpItemId)).toMatchObject({ groupId: null, status: 'active' });
    const firstEndpoint = await until(() => hub.forJumpItem(jumpItemId));
    const second = await startJumpClient({ site, key: null, installDir, jumpGroup: null, tag: null, comments: null, allowPaths: [] }, quiet);
    agents.push(second);
    await until(() => hub.forJumpItem(jumpItemId) !== firstEndpoint && hub.forJumpItem(jumpItemId));
    // The older copy stops instead of taking the identity back (two would take turns forever).
    expect(await first.done).toBe(1);
    agents.splice(agents.indexOf(first), 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(jump.byId(jumpItemId)?.status).toBe('active');
    expect(hub.forJumpItem(jumpItemId)).not.toBe(firstEndpoint);
  });
});
