import { describe, expect, it, vi } from 'vitest';
import { CodedError } from '../protocol/index.js';
import { AccountService } from './accounts.js';
import { verifyPassword } from './passwords.js';
import { ALL_PERMISSIONS, REP_PERMISSIONS, type Actor } from './permissions.js';
import type { Repositories, UserRecord } from './ports.js';

const user = (over: Partial<UserRecord> = {}): UserRecord => ({
  id: 7, username: 'ana', displayName: 'Ana', publicDisplayName: 'Ana', passwordHash: 'old', passwordIsDefault: false, isAdmin: false,
  disabled: false, failedLogins: 0, lockedUntil: null, permissions: REP_PERMISSIONS, totpSecret: null, createdAt: '', lastLoginAt: null, externalSessionId: null, ...over,
});

function setup(users: UserRecord[]) {
  const byId = new Map(users.map((u) => [u.id, u]));
  const repos = {
    users: {
      byId: (id: number) => byId.get(id) ?? null,
      setPassword: vi.fn((id: number, hash: string) => byId.set(id, { ...byId.get(id)!, passwordHash: hash, passwordIsDefault: false })),
    },
    accounts: { update: vi.fn() },
    settings: { get: () => null },
    transaction: <T>(fn: () => T): T => fn(),
  } as unknown as Pick<Repositories, 'users' | 'accounts' | 'settings' | 'transaction'>;
  const auth = { confirmPassword: vi.fn(), confirmAnswer: vi.fn() };
  return { service: new AccountService(repos, auth), repos, auth, byId };
}

const codeOf = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof CodedError ? e.code : 'not coded';
  }
};

const ana: Actor = { user: user(), teams: [] };
const admin: Actor = { user: user({ id: 1, username: 'admin', isAdmin: true, permissions: ALL_PERMISSIONS, passwordIsDefault: true }), teams: [] };

describe('AccountService', () => {
  it('a rep changes their own password after confirming the current one; the new hash is scrypt', () => {
    const { service, auth, byId } = setup([ana.user]);
    const updated = service.changeOwnPassword(ana, 'Support-Demo-1', 'New-Secret-42');
    expect(auth.confirmPassword).toHaveBeenCalledWith(7, 'Support-Demo-1');
    expect(verifyPassword('New-Secret-42', byId.get(7)!.passwordHash)).toBe(true);
    expect(updated.passwordHash).toBe(byId.get(7)!.passwordHash);
  });

  it('a wrong current password stops the change (the refusal comes from AuthService)', () => {
    const { service, auth, repos } = setup([ana.user]);
    auth.confirmPassword.mockImplementation(() => {
      throw new CodedError('E_PASSWORD_WRONG');
    });
    expect(codeOf(() => service.changeOwnPassword(ana, 'nope', 'New-Secret-42'))).toBe('E_PASSWORD_WRONG');
    expect(repos.users.setPassword).not.toHaveBeenCalled();
  });

  it('a weak password is refused before anything is written', () => {
    const { service, repos } = setup([ana.user]);
    expect(codeOf(() => service.changeOwnPassword(ana, 'Support-Demo-1', 'short'))).toBe('E_PASSWORD_WEAK');
    expect(codeOf(() => service.changeOwnPassword(ana, 'Support-Demo-1', 'Ana'))).toBe('E_PASSWORD_WEAK');
    expect(repos.users.setPassword).not.toHaveBeenCalled();
  });

  it('the administrator sets the default-password admin account, which stops being default', () => {
    const { service, byId } = setup([admin.user, ana.user]);
    service.setPasswordFor(admin, 1, 'Site-Admin-2026');
    expect(byId.get(1)!.passwordIsDefault).toBe(false);
    service.setPasswordFor(admin, 7, 'Reset-By-Admin-1');
    expect(verifyPassword('Reset-By-Admin-1', byId.get(7)!.passwordHash)).toBe(true);
  });

  it('only administrators set other users’ passwords; unknown and external users do not exist here', () => {
    const external = user({ id: 9, username: 'external:x', externalSessionId: 's1' });
    const { service, repos } = setup([admin.user, ana.user, external]);
    expect(codeOf(() => service.setPasswordFor(ana, 1, 'Taken-Over-99'))).toBe('E_FORBIDDEN');
    expect(codeOf(() => service.setPasswordFor(admin, 404, 'Whatever-123'))).toBe('E_USER_NOT_FOUND');
    expect(codeOf(() => service.setPasswordFor(admin, 9, 'Whatever-123'))).toBe('E_USER_NOT_FOUND');
    expect(repos.users.setPassword).not.toHaveBeenCalled();
  });
});
