import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempSitesPerTest } from '../../../tests/helpers/temp-site.js';
import { SqliteVaultRepository } from '../store/vault.js';
import { ALL_PERMISSIONS, REP_PERMISSIONS, type Actor } from './permissions.js';
import { VaultService } from './vault.js';
import { loadVaultKey, VaultCipher } from './vault-crypto.js';

const dirs: string[] = [];
const openSite = tempSitesPerTest('rep-vault-');
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const SECRET = 'Vault-Unit-Secret-77!';

function setup() {
  const site = openSite();
  const { dir, db, repos } = site;
  const now = '2026-01-01T00:00:00.000Z';
  const mk = (username: string, isAdmin: boolean, permissions = isAdmin ? ALL_PERMISSIONS : REP_PERMISSIONS): Actor => {
    const u = repos.users.create({ username, displayName: username, passwordHash: 'x', permissions, isAdmin }, now);
    return { user: repos.users.byId(u.id)!, teams: [] };
  };
  const clock = { t: new Date('2026-03-01T10:00:00Z'), now() { return this.t; } };
  const vault = new VaultService(new SqliteVaultRepository(db), new VaultCipher(loadVaultKey(dir)), clock);
  return { dir, db, vault, clock, admin: mk('admin1', true), ana: mk('ana', false), bob: mk('bob', false), nobody: mk('carl', false, { ...REP_PERMISSIONS, injectCredentials: false }) };
}

describe('Vault crypto', () => {
  it('seals with AES-256-GCM: fresh IV each time, opens only with the same key and name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rep-vault-key-'));
    dirs.push(dir);
    const key = loadVaultKey(dir);
    expect(statSync(join(dir, 'vault.key')).mode & 0o777).toBe(0o600);
    expect(loadVaultKey(dir).equals(key)).toBe(true);
    const c = new VaultCipher(key);
    const a = c.seal(SECRET, 'DEMO\\Administrator');
    const b = c.seal(SECRET, 'DEMO\\Administrator');
    expect(a).not.toBe(b);
    expect(a).not.toContain(SECRET);
    expect(c.open(a, 'DEMO\\Administrator')).toBe(SECRET);
    expect(() => c.open(a, 'other')).toThrow(expect.objectContaining({ code: 'E_VAULT_KEY_INVALID' }));
    const [v, iv, tag, ct] = a.split('.');
    const flipped = `${v}.${iv}.${tag}.${ct!.slice(0, -2)}${ct!.slice(-2) === 'AA' ? 'AB' : 'AA'}`;
    expect(() => c.open(flipped, 'DEMO\\Administrator')).toThrow(expect.objectContaining({ code: 'E_VAULT_KEY_INVALID' }));
    expect(() => new VaultCipher(Buffer.alloc(32, 1)).open(a, 'DEMO\\Administrator')).toThrow(expect.objectContaining({ code: 'E_VAULT_KEY_INVALID' }));
  });

  it('the database file holds no plaintext password', () => {
    const { dir, db, vault, admin } = setup();
    vault.create(admin, { name: 'DEMO\\Administrator', username: 'Administrator', domain: 'DEMO', description: '', password: SECRET });
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expect(readFileSync(join(dir, 'site.db')).includes(Buffer.from(SECRET))).toBe(false);
  });
});

describe('Vault accounts and check-out', () => {
  it('administrators manage; reps with the permission list; others are refused', () => {
    const { vault, admin, ana, nobody } = setup();
    const acc = vault.create(admin, { name: 'Lab admin', username: 'labadmin', domain: '', description: 'Lab PCs', password: SECRET });
    expect(JSON.stringify(vault.list(ana))).not.toContain(SECRET);
    expect(vault.list(ana).map((a) => a.name)).toEqual(['Lab admin']);
    expect(() => vault.create(ana, { name: 'x', username: 'x', domain: '', description: '', password: 'p' })).toThrow(expect.objectContaining({ code: 'E_FORBIDDEN' }));
    expect(() => vault.list(nobody)).toThrow(expect.objectContaining({ code: 'E_INJECT_FORBIDDEN' }));
    expect(() => vault.create(admin, { name: 'LAB ADMIN', username: 'x', domain: '', description: '', password: 'p' })).toThrow(expect.objectContaining({ code: 'E_VAULT_NAME_TAKEN' }));
    // Rename without a new password keeps the password (re-sealed under the new name).
    vault.update(admin, acc.id, { name: 'Lab administrator', username: 'labadmin', domain: 'LAB', description: '', password: '' });
    expect(vault.checkOut(ana, acc.id, 5).password).toBe(SECRET);
    vault.delete(admin, acc.id);
    expect(() => vault.checkOut(ana, acc.id)).toThrow(expect.objectContaining({ code: 'E_VAULT_ACCOUNT_NOT_FOUND' }));
  });

  it('check-out is exclusive, shows the password once, and lapses after its time limit', async () => {
    const { vault, clock, admin, ana, bob } = setup();
    const acc = vault.create(admin, { name: 'Shared', username: 'shared', domain: '', description: '', password: SECRET });
    const out = vault.checkOut(ana, acc.id, 10);
    expect(out.password).toBe(SECRET);
    expect(out.account.checkedOut).toMatchObject({ userId: ana.user.id, mine: true, until: '2026-03-01T10:10:00.000Z' });
    expect(() => vault.checkOut(bob, acc.id)).toThrow(expect.objectContaining({ code: 'E_VAULT_CHECKED_OUT' }));
    expect(() => vault.checkIn(bob, acc.id)).toThrow(expect.objectContaining({ code: 'E_VAULT_NOT_CHECKED_OUT' }));
    // Not offered to others for injection while checked out; its owner still gets it.
    expect(await vault.source().list({ userId: bob.user.id }, 2000)).toEqual([]);
    await expect(vault.source().fetchSecret(`vault:${acc.id}`, { userId: bob.user.id })).rejects.toMatchObject({ code: 'E_VAULT_CHECKED_OUT' });
    expect((await vault.source().fetchSecret(`vault:${acc.id}`, { userId: ana.user.id })).password).toBe(SECRET);
    // Time up: checked in automatically.
    clock.t = new Date('2026-03-01T10:10:00.001Z');
    expect(vault.list(bob)[0]!.checkedOut).toBeNull();
    expect(vault.checkOut(bob, acc.id, 1).account.checkedOut?.mine).toBe(true);
    vault.checkIn(bob, acc.id);
    expect(vault.list(ana)[0]!.checkedOut).toBeNull();
    // An administrator may check in anyone's.
    vault.checkOut(ana, acc.id);
    expect(vault.checkIn(admin, acc.id).checkedOut).toBeNull();
  });

  it('the credential source lists (searchable, capped) and refuses unknown ids', async () => {
    const { vault, admin, ana } = setup();
    for (let i = 0; i < 5; i++) vault.create(admin, { name: `Account ${i}`, username: `u${i}`, domain: 'CORP', description: '', password: `p${i}` });
    const src = vault.source();
    expect(src.kind).toBe('vault');
    expect((await src.list({ userId: ana.user.id }, 3)).length).toBe(3);
    expect((await src.list({ userId: ana.user.id, search: 'count 4' }, 2000)).map((c) => c.name)).toEqual(['Account 4']);
    const [first] = await src.list({ userId: ana.user.id }, 1);
    expect(first).toEqual({ id: expect.stringMatching(/^vault:\d+$/), name: 'Account 0', source: 'vault' });
    expect(await src.fetchSecret(first!.id, { userId: ana.user.id })).toEqual({ username: 'u0', password: 'p0', domain: 'CORP' });
    await expect(src.fetchSecret('vault:999', { userId: ana.user.id })).rejects.toMatchObject({ code: 'E_CREDENTIAL_NOT_FOUND' });
    await expect(src.fetchSecret('ecm:1', { userId: ana.user.id })).rejects.toMatchObject({ code: 'E_CREDENTIAL_NOT_FOUND' });
  });
});
