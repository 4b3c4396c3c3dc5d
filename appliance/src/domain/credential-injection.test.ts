/**
 * Inject Credentials' rules against a fake ECM source and the real Vault source: which sources are
 * listed (and capped), coded refusals, session events without the secret, an ECM that answers slowly,
 * with garbage or with a control-character name. The whole path on a real appliance:
 * tests/integration/inject.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { tempSitesPerTest } from '../../../tests/helpers/temp-site.js';
import { CodedError, type SystemLine } from '../protocol/index.js';
import { SqliteVaultRepository } from '../store/vault.js';
import { CredentialInjection, type LoginScreen } from './credential-injection.js';
import type { CredentialSecret, CredentialSource, CredentialSummary } from './credential-sources.js';
import type { Endpoint } from './endpoints.js';
import { englishOf } from './system-line-text.js';
import { ALL_PERMISSIONS, REP_PERMISSIONS, type Actor } from './permissions.js';
import type { Repositories } from './ports.js';
import { VaultService } from './vault.js';
import { loadVaultKey, VaultCipher } from './vault-crypto.js';
import type { Narrator } from './narrator.js';
import type { Logger } from '../log.js';

const SECRET = 'Fake-Ecm-Secret-5150!';
const openSite = tempSitesPerTest('rep-inject-');

class FakeEcm implements CredentialSource {
  readonly kind = 'ecm' as const;
  items: CredentialSummary[] = Array.from({ length: 250 }, (_, i) => ({ id: `ecm:demo:${i}`, name: i === 0 ? 'DEMO\\Administrator' : `ECM account ${i}`, source: 'ecm' as const }));
  secrets = new Map<string, CredentialSecret>([['ecm:demo:0', { username: 'Administrator', domain: 'DEMO', password: SECRET }]]);
  delayMs = 0;
  async list(q: { search?: string }, limit: number): Promise<readonly CredentialSummary[]> {
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    // Misbehaves: ignores the limit.
    return this.items.filter((c) => !q.search || c.name.toLowerCase().includes(q.search.toLowerCase())).slice(0, limit + 50);
  }
  async fetchSecret(id: string): Promise<CredentialSecret> {
    const s = this.secrets.get(id);
    if (!s) throw new CodedError('E_CREDENTIAL_NOT_FOUND');
    return s;
  }
}

function setup() {
  const site = openSite();
  const { dir, db, repos: real } = site;
  const now = '2026-01-01T00:00:00.000Z';
  const mk = (username: string, isAdmin: boolean, permissions = isAdmin ? ALL_PERMISSIONS : REP_PERMISSIONS): Actor => {
    const u = real.users.create({ username, displayName: username, passwordHash: 'x', permissions, isAdmin }, now);
    return { user: real.users.byId(u.id)!, teams: [] };
  };
  const admin = mk('admin1', true);
  const ana = mk('ana', false);
  const carl = mk('carl', false, { ...REP_PERMISSIONS, injectCredentials: false });
  const clock = { now: () => new Date('2026-03-01T10:00:00Z') };
  const vault = new VaultService(new SqliteVaultRepository(db), new VaultCipher(loadVaultKey(dir)), clock);
  vault.create(admin, { name: 'Vault admin', username: 'Administrator', domain: 'DEMO', description: '', password: 'Vault-Secret-1' });
  const events: { kind: string; data: Record<string, unknown> }[] = [];
  const lines: string[] = [];
  const logs: unknown[] = [];
  const sessionId = 'a'.repeat(32);
  const repos = {
    sessions: { byId: (id: string) => (id === sessionId ? { id, status: 'active' } : null), addEvent: (_s: string, _a: string, kind: string, data: Record<string, unknown>) => void events.push({ kind, data }) },
    members: { role: (_s: string, userId: number) => (userId === ana.user.id || userId === carl.user.id ? 'owner' : null) },
    transaction: <T>(fn: () => T) => fn(),
  } as unknown as Repositories;
  // The real Narrator.record writes the event and the line in one transaction; here each lands in its list.
  const narrator = {
    record: (_s: string, _a: string, kind: string, data: Record<string, unknown>, said: SystemLine | null) => {
      events.push({ kind, data });
      if (said) lines.push(englishOf(said));
    },
  } as unknown as Narrator;
  const log = { info: (...a: unknown[]) => logs.push(a), warn: (...a: unknown[]) => logs.push(a), error: (...a: unknown[]) => logs.push(a) } as unknown as Logger;
  const screen = { os: 'windows', state: 'signin', got: [] as string[] };
  const endpoint = { kind: 'emulated', hostname: 'ws-042.corp.example', jumpItemId: 1 } as unknown as Endpoint;
  const loginScreen: LoginScreen = {
    get os() { return screen.os; },
    atLoginScreen: () => screen.state === 'signin',
    injectCredentials: (user, password) => {
      screen.got.push(user);
      if (user === 'DEMO\\Administrator' && password === SECRET) {
        screen.state = 'desktop';
        return null;
      }
      return { code: 'E_SCREEN_LOGIN_FAILED', message: 'no' } as never;
    },
  };
  const ecm = new FakeEcm();
  const inj = new CredentialInjection({
    repos, narrator, clock, log,
    endpoints: { forSession: (id: string) => (id === sessionId ? endpoint : null) } as never,
    sources: () => ({ ecm, vault: vault.source() }),
    loginScreenOf: () => loginScreen,
    timeoutMs: 200,
  });
  return { inj, ecm, ana, carl, admin, sessionId, screen, events, lines, logs };
}

describe('Inject Credentials', () => {
  it('lists ECM (capped at 200) then the Vault, searchable', async () => {
    const { inj, ana, sessionId } = setup();
    const all = await inj.list(ana, sessionId);
    expect(all.sources).toEqual({ ecm: 'ok', vault: 'ok' });
    expect(all.credentials.filter((c) => c.source === 'ecm')).toHaveLength(200);
    expect(all.credentials.at(-1)).toMatchObject({ name: 'Vault admin', source: 'vault' });
    expect((await inj.list(ana, sessionId, 'admin')).credentials.map((c) => c.name)).toEqual(['DEMO\\Administrator', 'Vault admin']);
  });

  it('injects from the ECM: the endpoint gets DOMAIN\\user and the password; events and logs carry only the name', async () => {
    const { inj, ana, sessionId, screen, events, lines, logs } = setup();
    expect(await inj.inject(ana, sessionId, 'ecm:demo:0')).toEqual({ name: 'DEMO\\Administrator', source: 'ecm' });
    expect(screen.got).toEqual(['DEMO\\Administrator']);
    expect(events).toEqual([{ kind: 'credentials.inject', data: { name: 'DEMO\\Administrator', source: 'ecm', hostname: 'ws-042.corp.example', outcome: 'success' } }]);
    expect(lines[0]).toContain('injected the credentials “DEMO\\Administrator” (ECM)');
    expect(JSON.stringify([events, lines, logs])).not.toContain(SECRET);
    await expect(inj.list(ana, sessionId)).rejects.toMatchObject({ code: 'E_INJECT_NOT_AT_LOGIN' });
  });

  it('a wrong password is refused by the login screen and recorded as such', async () => {
    const { inj, ana, sessionId, events } = setup();
    const vaultId = (await inj.list(ana, sessionId, 'Vault')).credentials[0]!.id;
    await expect(inj.inject(ana, sessionId, vaultId)).rejects.toMatchObject({ code: 'E_INJECT_LOGIN_FAILED' });
    expect(events[0]!.data).toMatchObject({ name: 'Vault admin', source: 'vault', outcome: 'E_INJECT_LOGIN_FAILED' });
    expect(JSON.stringify(events)).not.toContain('Vault-Secret-1');
  });

  it('bad input: no permission, not Windows, unknown ids, control characters, a slow or broken ECM', async () => {
    const { inj, ecm, ana, carl, sessionId, screen, events } = setup();
    await expect(inj.list(carl, sessionId)).rejects.toMatchObject({ code: 'E_INJECT_FORBIDDEN' });
    await expect(inj.inject(carl, sessionId, 'ecm:demo:0')).rejects.toMatchObject({ code: 'E_INJECT_FORBIDDEN' });
    await expect(inj.list(ana, 'b'.repeat(32))).rejects.toMatchObject({ code: 'E_SESSION_NOT_FOUND' });
    for (const id of ['ecm:demo:9999', 'vault:9999', 'other:1', '']) await expect(inj.inject(ana, sessionId, id)).rejects.toMatchObject({ code: 'E_CREDENTIAL_NOT_FOUND' });
    // Listed by the ECM but its secret is gone.
    await expect(inj.inject(ana, sessionId, 'ecm:demo:3')).rejects.toMatchObject({ code: 'E_CREDENTIAL_NOT_FOUND' });

    ecm.items.push({ id: 'ecm:demo:bell', name: 'bad\u0007name\u001b[31m', source: 'ecm' });
    ecm.items = [ecm.items.at(-1)!, ...ecm.items.slice(0, -1)];
    expect((await inj.list(ana, sessionId, 'bad')).credentials).toEqual([]);
    await expect(inj.inject(ana, sessionId, 'ecm:demo:bell')).rejects.toMatchObject({ code: 'E_CREDENTIAL_NAME_INVALID' });
    expect(JSON.stringify(events.at(-1))).not.toMatch(/\\u0007|\\u001b/);

    ecm.delayMs = 400;
    const slow = await inj.list(ana, sessionId);
    expect(slow.sources).toEqual({ ecm: 'unavailable', vault: 'ok' });
    expect(slow.credentials.every((c) => c.source === 'vault')).toBe(true);
    await expect(inj.inject(ana, sessionId, 'ecm:demo:0')).rejects.toMatchObject({ code: 'E_CREDENTIAL_SOURCE_UNAVAILABLE' });
    ecm.delayMs = 0;

    ecm.list = async () => { throw new Error('garbage'); };
    expect((await inj.list(ana, sessionId)).sources.ecm).toBe('unavailable');

    screen.os = 'linux';
    await expect(inj.list(ana, sessionId)).rejects.toMatchObject({ code: 'E_INJECT_NOT_WINDOWS' });
  });
});
