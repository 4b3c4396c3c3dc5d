import { describe, expect, it, vi } from 'vitest';
import { CodedError } from '../protocol/index.js';
import { ALL_PERMISSIONS, REP_PERMISSIONS, type Actor } from './permissions.js';
import type { Repositories, UserRecord } from './ports.js';
import { RepLogout } from './rep-logout.js';

const user = (over: Partial<UserRecord> = {}): UserRecord => ({
  id: 7, username: 'ana', displayName: 'Ana', publicDisplayName: 'Ana', passwordHash: '', passwordIsDefault: false, isAdmin: false,
  disabled: false, failedLogins: 0, lockedUntil: null, permissions: REP_PERMISSIONS, totpSecret: null, createdAt: '', lastLoginAt: null, externalSessionId: null, ...over,
});
const ana: Actor = { user: user(), teams: [] };
const admin: Actor = { user: user({ id: 1, username: 'admin', isAdmin: true, permissions: ALL_PERMISSIONS }), teams: [] };

function setup(opts: { ended: number; onlineAfter: boolean }) {
  const repos = { users: { byId: (id: number) => (id === 7 ? ana.user : id === 1 ? admin.user : null) } } as unknown as Pick<Repositories, 'users'>;
  const auth = { endConsoleLogins: vi.fn(() => opts.ended) };
  const presence = { isOnline: vi.fn(() => opts.onlineAfter) };
  const repLoss = { release: vi.fn() };
  return { logout: new RepLogout(repos, auth, presence, repLoss), auth, repLoss };
}

const codeOf = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof CodedError ? e.code : 'not coded';
  }
};

describe('RepLogout', () => {
  it('ends the rep’s console logins with the administrator’s code, then releases their sessions', () => {
    const { logout, auth, repLoss } = setup({ ended: 2, onlineAfter: false });
    logout.end(admin, 7);
    expect(auth.endConsoleLogins).toHaveBeenCalledWith(7, 'E_AUTH_ENDED_BY_ADMIN');
    expect(repLoss.release).toHaveBeenCalledWith(7, 'admin');
  });

  it('does not release while a console of theirs is somehow still connected', () => {
    const { logout, repLoss } = setup({ ended: 1, onlineAfter: true });
    logout.end(admin, 7);
    expect(repLoss.release).not.toHaveBeenCalled();
  });

  it('says so when the rep had no console login left', () => {
    const { logout, repLoss } = setup({ ended: 0, onlineAfter: false });
    expect(codeOf(() => logout.end(admin, 7))).toBe('E_REP_NOT_LOGGED_IN');
    expect(codeOf(() => logout.end(admin, 404))).toBe('E_USER_NOT_FOUND');
    expect(repLoss.release).not.toHaveBeenCalled();
  });

  it('only administrators may end someone’s login', () => {
    const { logout, auth } = setup({ ended: 1, onlineAfter: false });
    expect(codeOf(() => logout.end(ana, 1))).toBe('E_FORBIDDEN');
    expect(auth.endConsoleLogins).not.toHaveBeenCalled();
  });
});
