import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempSite, type TempSite } from '../../../tests/helpers/temp-site.js';
import { CodedError, type JumpItem } from '../protocol/index.js';
import { seedSite } from '../demo/seed.js';
import { sqliteRepositories, type Db } from '../store/index.js';
import { SqliteAgentRepository } from '../store/agents.js';
import { SqliteJumpRepository } from '../store/jump.js';
import { AgentService, type InstallerRedeemer } from './agents.js';
import { systemClock } from './clock.js';

type Grant = ReturnType<InstallerRedeemer['redeem']>;

let site: TempSite;
let db: Db;
let statuses: JumpItem[];
let grant: Grant;
let service: AgentService;
let jump: SqliteJumpRepository;

const installers: InstallerRedeemer = {
  redeem: (key: string) => {
    if (key !== 'good-key') throw new CodedError('E_NOT_FOUND', 'no such installer');
    return grant;
  },
};

const registration = { installerKey: 'good-key', hostname: 'build-host', os: 'linux' as const, presence: 'absent' as const };

beforeEach(() => {
  site = openTempSite('rep-agents-');
  db = site.db;
  const { repos } = site;
  seedSite(repos, systemClock, true);
  statuses = [];
  grant = { installerId: 3, jumpGroup: { kind: 'jumpgroup', code: 'dc-servers' }, tag: 'from-installer', comments: 'installer comment', jumpPolicyCode: null };
  jump = new SqliteJumpRepository(db);
  service = new AgentService(new SqliteAgentRepository(db), jump, repos, () => installers, systemClock, (i) => statuses.push(i));
});
afterEach(() => site.dispose());

describe('Jump Client registration', () => {
  it('creates a pinned, Active Jump Item in the installer’s Jump Group, and an identity that says hello', () => {
    const r = service.register(registration, '::ffff:192.0.2.7');
    expect(r.item).toMatchObject({ method: 'pinned', groupName: 'Data Center Servers', hostname: 'build-host', tag: 'from-installer', comments: 'installer comment', publicIp: '192.0.2.7', status: 'active', os: 'linux' });
    expect(r.secret.length).toBeGreaterThanOrEqual(32);
    expect(statuses.map((s) => s.status)).toEqual(['active']);
    expect(service.authenticate(r.agent.id, r.secret).item.id).toBe(r.item.id);
    expect(() => service.authenticate(r.agent.id, r.secret + 'x')).toThrow(expect.objectContaining({ code: 'E_AGENT_AUTH_INVALID' }));
    expect(() => service.authenticate(999, r.secret)).toThrow(expect.objectContaining({ code: 'E_AGENT_AUTH_INVALID' }));
    // The secret itself is never stored.
    expect(JSON.stringify(db.prepare('SELECT * FROM agents').all())).not.toContain(r.secret);
  });

  it('the installer’s Jump Policy goes to the Jump Item', () => {
    grant = { ...grant, jumpPolicyCode: 'business-hours' };
    const r = service.register(registration, 'x');
    const policy = sqliteRepositories(db).jumpPolicies.byCode('business-hours')!;
    expect(jump.byId(r.item.id)?.policyId).toBe(policy.id);
  });

  it('command-line flags win over the installer’s defaults; user:NAME pins to that rep’s personal list', () => {
    const r = service.register({ ...registration, jumpGroup: { kind: 'user', username: 'ana' }, tag: 'flag-tag', comments: 'flag comment' }, '127.0.0.1');
    expect(r.item).toMatchObject({ groupId: null, groupName: 'Personal', tag: 'flag-tag', comments: 'flag comment' });
  });

  it('refuses unknown groups and users, a missing group, and bad keys — without creating anything', () => {
    const count = () => (db.prepare('SELECT COUNT(*) AS n FROM jump_items').get() as { n: number }).n;
    const before = count();
    expect(() => service.register({ ...registration, jumpGroup: { kind: 'jumpgroup', code: 'nope' } }, 'x')).toThrow(expect.objectContaining({ code: 'E_JUMP_GROUP_NOT_FOUND' }));
    expect(() => service.register({ ...registration, jumpGroup: { kind: 'user', username: 'nobody' } }, 'x')).toThrow(expect.objectContaining({ code: 'E_JUMP_GROUP_NOT_FOUND' }));
    grant = { ...grant, jumpGroup: null };
    expect(() => service.register(registration, 'x')).toThrow(expect.objectContaining({ code: 'E_JUMP_GROUP_REQUIRED' }));
    expect(() => service.register({ ...registration, installerKey: 'bad' }, 'x')).toThrow(CodedError);
    expect(count()).toBe(before);
  });

  it('the Jump Item follows the connection: Offline when it drops, all Offline at startup, Active again on hello', () => {
    const r = service.register(registration, 'x');
    service.disconnected(r.agent);
    expect(jump.byId(r.item.id)?.status).toBe('offline');
    service.connected(r.agent, 'renamed-host');
    expect(jump.byId(r.item.id)?.status).toBe('active');
    expect(service.markAllOffline()).toBe(1);
    expect(jump.byId(r.item.id)?.status).toBe('offline');
    expect(statuses.map((s) => s.status)).toEqual(['active', 'offline', 'active']);
  });

  it('deleting the Jump Item uninstalls the agent', () => {
    const r = service.register(registration, 'x');
    db.prepare('DELETE FROM jump_items WHERE id = ?').run(r.item.id);
    expect(() => service.authenticate(r.agent.id, r.secret)).toThrow(expect.objectContaining({ code: 'E_AGENT_AUTH_INVALID' }));
  });

  it('demo machines get an emulated identity per start (a fresh secret each time)', () => {
    const first = service.provisionEmulated(1);
    const second = service.provisionEmulated(1);
    expect(second.agentId).toBe(first.agentId);
    expect(() => service.authenticate(first.agentId, first.secret)).toThrow();
    expect(service.authenticate(second.agentId, second.secret).item.id).toBe(1);
  });
});
