import { describe, expect, it } from 'vitest';
import { isAllowed, REP_PERMISSIONS, ALL_PERMISSIONS, visibleQueueIds, type Actor } from './permissions.js';
import type { UserRecord } from './ports.js';

const user = (over: Partial<UserRecord> = {}): UserRecord => ({
  id: 7, username: 'ana', displayName: 'Ana', publicDisplayName: 'Ana', passwordHash: '', passwordIsDefault: false, isAdmin: false,
  disabled: false, failedLogins: 0, lockedUntil: null, permissions: REP_PERMISSIONS, totpSecret: null, createdAt: '', lastLoginAt: null, externalSessionId: null, ...over,
});
const rep: Actor = { user: user(), teams: [{ teamId: 1, teamName: 'General', role: 'member', favourite: false }] };
const admin: Actor = { user: user({ id: 1, isAdmin: true, permissions: ALL_PERMISSIONS }), teams: [] };

describe('permissions', () => {
  it('a rep sees their personal queue, their teams and the general queue, nothing else', () => {
    expect(visibleQueueIds(rep)).toEqual(['personal:7', 'team:1', 'general']);
    expect(isAllowed(rep, { kind: 'queue.view', queueId: 'team:1' })).toBe(true);
    expect(isAllowed(rep, { kind: 'queue.view', queueId: 'team:2' })).toBe(false);
    expect(isAllowed(rep, { kind: 'queue.view', queueId: 'personal:8' })).toBe(false);
    expect(isAllowed(rep, { kind: 'session.accept', queueId: 'team:2' })).toBe(false);
  });

  it('only team queues can be favourites', () => {
    expect(isAllowed(rep, { kind: 'queue.favourite', queueId: 'team:1' })).toBe(true);
    expect(isAllowed(rep, { kind: 'queue.favourite', queueId: 'general' })).toBe(false);
  });

  it('only administrators list users; disabled accounts may do nothing', () => {
    expect(isAllowed(rep, { kind: 'admin.users.list' })).toBe(false);
    expect(isAllowed(admin, { kind: 'admin.users.list' })).toBe(true);
    expect(isAllowed({ ...rep, user: user({ disabled: true }) }, { kind: 'console.login' })).toBe(false);
  });
});
