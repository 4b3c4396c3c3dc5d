/** Jump Client installers against a real SQLite store and a clock the test moves: validity, expiry, single use, revocation, who may. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempSite, type TempSite } from '../../../tests/helpers/temp-site.js';
import { seedSite } from '../demo/seed.js';
import type { Db } from '../store/index.js';
import { SqliteInstallerKeyRepository } from '../store/installer-keys.js';
import type { Clock } from './clock.js';
import { InstallerKeyService, MAX_VALIDITY_SECONDS, MIN_VALIDITY_SECONDS, newInstallerKey, normalizeInstallerKey, type NewInstaller } from './installer-keys.js';
import type { Actor } from './permissions.js';
import type { Repositories } from './ports.js';

let site: TempSite;
let db: Db;
let repos: Repositories;
let now = Date.parse('2026-03-02T09:00:00Z');
const clock: Clock = { now: () => new Date(now) };
let service: InstallerKeyService;
let admin: Actor;
let ana: Actor;

const actor = (username: string): Actor => {
  const user = repos.users.byUsername(username)!;
  return { user, teams: repos.users.memberships(user.id) };
};

beforeEach(() => {
  now = Date.parse('2026-03-02T09:00:00Z');
  site = openTempSite('rep-installers-');
  db = site.db;
  repos = site.repos;
  seedSite(repos, clock, true);
  service = new InstallerKeyService(new SqliteInstallerKeyRepository(db), repos, clock);
  admin = actor('admin');
  ana = actor('ana');
});
afterEach(() => site.dispose());

const base: NewInstaller = { jumpGroup: { kind: 'jumpgroup', code: 'dc-servers' }, tag: 'web', comments: 'Rack 4', validitySeconds: 3600, massDeploy: true };
const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

describe('installer keys', () => {
  it('are 48 lower-case base32 characters, random, and forgiving of spaces and case when pasted', () => {
    const k = newInstallerKey();
    expect(k).toMatch(/^[a-z2-7]{48}$/);
    expect(newInstallerKey()).not.toBe(k);
    expect(normalizeInstallerKey(`  ${k.toUpperCase()} `)).toBe(k);
    expect(normalizeInstallerKey('not-a-key')).toBeNull();
  });

  it('are stored only as a hash, with a short hint', () => {
    const { installer, key } = service.create(admin, base);
    expect(installer.keyHint).toBe(key.slice(0, 6));
    const dump = JSON.stringify(db.prepare('SELECT * FROM installer_keys').all());
    expect(dump).not.toContain(key);
  });
});

describe('“This installer is valid for”: 10 minutes to 1 year', () => {
  it('accepts the bounds and refuses a second outside them with E_INSTALLER_VALIDITY', () => {
    expect(service.create(admin, { ...base, validitySeconds: MIN_VALIDITY_SECONDS }).installer.expiresAt).toBe('2026-03-02T09:10:00.000Z');
    expect(service.create(admin, { ...base, validitySeconds: MAX_VALIDITY_SECONDS }).installer.expiresAt).toBe('2027-03-02T09:00:00.000Z');
    expect(code(() => service.create(admin, { ...base, validitySeconds: MIN_VALIDITY_SECONDS - 1 }))).toBe('E_INSTALLER_VALIDITY');
    expect(code(() => service.create(admin, { ...base, validitySeconds: MAX_VALIDITY_SECONDS + 1 }))).toBe('E_INSTALLER_VALIDITY');
    expect(code(() => service.create(admin, { ...base, validitySeconds: 3600.5 }))).toBe('E_INSTALLER_VALIDITY');
  });

  it('an installer works until its expiry and not a moment after', () => {
    const { key } = service.create(admin, { ...base, validitySeconds: 600 });
    now += 599_000;
    expect(service.redeem(key).tag).toBe('web');
    now += 1000;
    expect(code(() => service.redeem(key))).toBe('E_INSTALLER_KEY_EXPIRED');
    expect(code(() => service.lookup(key))).toBe('E_INSTALLER_KEY_EXPIRED');
    expect(service.statusOf(service.list(admin)[0]!)).toBe('expired');
  });
});

describe('redeem', () => {
  it('gives what the new Jump Client joins', () => {
    const { installer, key } = service.create(admin, { ...base, jumpPolicyCode: 'business-hours' });
    expect(service.redeem(key)).toEqual({
      installerId: installer.id,
      jumpGroup: { kind: 'jumpgroup', code: 'dc-servers' },
      tag: 'web',
      comments: 'Rack 4',
      jumpPolicyCode: 'business-hours',
    });
    const personal = service.create(admin, { ...base, jumpGroup: { kind: 'user', username: 'ana' } });
    expect(service.redeem(personal.key).jumpGroup).toEqual({ kind: 'user', username: 'ana' });
    const none = service.create(admin, { ...base, jumpGroup: null });
    expect(service.redeem(none.key).jumpGroup).toBeNull();
  });

  it('a mass-deployment installer installs any number of computers; a single-use one, one', () => {
    const mass = service.create(admin, base);
    for (let i = 0; i < 5; i++) service.redeem(mass.key);
    expect(service.list(admin).find((i) => i.id === mass.installer.id)).toMatchObject({ uses: 5, maxUses: null, lastUsedAt: '2026-03-02T09:00:00.000Z' });

    const single = service.create(admin, { ...base, massDeploy: false });
    service.redeem(single.key);
    expect(code(() => service.redeem(single.key))).toBe('E_INSTALLER_KEY_USED');
    expect(code(() => service.lookup(single.key))).toBe('E_INSTALLER_KEY_USED');
    const rec = service.list(admin).find((i) => i.id === single.installer.id)!;
    expect(rec).toMatchObject({ uses: 1, maxUses: 1 });
    expect(service.statusOf(rec)).toBe('used');
  });

  it('a registration refused after redeeming (its transaction rolled back) does not use the key up', () => {
    const single = service.create(admin, { ...base, massDeploy: false });
    expect(() =>
      repos.transaction(() => {
        service.redeem(single.key);
        throw new Error('the Jump Group vanished');
      }),
    ).toThrow('vanished');
    expect(service.redeem(single.key).installerId).toBe(single.installer.id);
  });

  it('unknown, malformed and revoked keys are not valid', () => {
    expect(code(() => service.redeem(newInstallerKey()))).toBe('E_INSTALLER_KEY_INVALID');
    expect(code(() => service.redeem('bomgar'))).toBe('E_INSTALLER_KEY_INVALID');
    const { installer, key } = service.create(admin, base);
    expect(service.redeem(` ${key.toUpperCase()} `).installerId).toBe(installer.id);
    const revoked = service.revoke(admin, installer.id);
    expect(revoked.revokedAt).toBe('2026-03-02T09:00:00.000Z');
    expect(service.statusOf(revoked)).toBe('revoked');
    expect(() => service.redeem(key)).toThrow(expect.objectContaining({ code: 'E_INSTALLER_KEY_INVALID', message: expect.stringContaining('revoked') }));
    expect(code(() => service.revoke(admin, 9999))).toBe('E_INSTALLER_NOT_FOUND');
  });
});

describe('create', () => {
  it('names an existing Jump Group or user, else E_JUMP_GROUP_NOT_FOUND', () => {
    expect(code(() => service.create(admin, { ...base, jumpGroup: { kind: 'jumpgroup', code: 'nope' } }))).toBe('E_JUMP_GROUP_NOT_FOUND');
    expect(code(() => service.create(admin, { ...base, jumpGroup: { kind: 'user', username: 'nobody' } }))).toBe('E_JUMP_GROUP_NOT_FOUND');
  });

  it('refuses line breaks in what goes into command lines and scripts, and quotes in the install directory', () => {
    expect(code(() => service.create(admin, { ...base, comments: 'one\ntwo' }))).toBe('E_BAD_PARAMS');
    expect(code(() => service.create(admin, { ...base, installDir: 'C:\\"Rep"' }))).toBe('E_BAD_PARAMS');
    expect(service.create(admin, { ...base, installDir: '  ', tag: '  web  ' }).installer).toMatchObject({ installDir: null, tag: 'web' });
  });

  it('is for administrators and users who may deploy Jump Items; a rep without that is refused', () => {
    expect(code(() => service.create(ana, base))).toBe('E_FORBIDDEN');
    expect(code(() => service.list(ana))).toBe('E_FORBIDDEN');
    const { installer } = service.create(admin, base);
    expect(code(() => service.revoke(ana, installer.id))).toBe('E_FORBIDDEN');
    const deployer: Actor = { ...ana, user: { ...ana.user, permissions: { ...ana.user.permissions, jumpManage: true } } };
    expect(service.create(deployer, base).installer.createdBy).toBe(ana.user.id);
  });

  it('lists newest first', () => {
    const first = service.create(admin, base);
    now += 1000;
    const second = service.create(admin, base);
    expect(service.list(admin).map((i) => i.id)).toEqual([second.installer.id, first.installer.id]);
  });
});
