/** Who may see, start, edit, pin and unpin Jump Items (permissions.ts, FEATURES.md §A and §D). */
import { describe, expect, it } from 'vitest';
import type { JumpGroupRole, Permissions, TeamRole } from '../protocol/index.js';
import { ALL_PERMISSIONS, REP_PERMISSIONS, isAllowed, jumpScope, ledUserIds, type Actor, type JumpItemRef, type JumpReach } from './permissions.js';
import type { UserRecord } from './ports.js';

const user = (id: number, permissions: Permissions = REP_PERMISSIONS, over: Partial<UserRecord> = {}): UserRecord => ({
  id, username: `u${id}`, displayName: `User ${id}`, publicDisplayName: `User ${id}`, passwordHash: '', passwordIsDefault: false, isAdmin: false,
  disabled: false, failedLogins: 0, lockedUntil: null, permissions, totpSecret: null, createdAt: '', lastLoginAt: null, externalSessionId: null, ...over,
});
const actor = (id: number, teams: [number, TeamRole][] = [], permissions?: Permissions, over?: Partial<UserRecord>): Actor => ({
  user: user(id, permissions, over),
  teams: teams.map(([teamId, role]) => ({ teamId, teamName: `Team ${teamId}`, role, favourite: false })),
});
const reach = (groups: [number, JumpGroupRole][] = [], led: number[] = []): JumpReach => ({ groups: new Map(groups), ledUserIds: new Set(led) });
const inGroup = (groupId: number, method: JumpItemRef['method'] = 'pinned'): JumpItemRef => ({ groupId, ownerUserId: null, method });
const personal = (ownerUserId: number, method: JumpItemRef['method'] = 'pinned'): JumpItemRef => ({ groupId: null, ownerUserId, method });

const rep = actor(7, [[1, 'member']]);
const memberOf2 = reach([[2, 'start']]);

describe('Jump Group items', () => {
  it('members of a group (directly or through a team) see and start its items; others do not', () => {
    expect(isAllowed(rep, { kind: 'jump.see', item: inGroup(2), reach: memberOf2 })).toBe(true);
    expect(isAllowed(rep, { kind: 'jump.start', item: inGroup(2), reach: memberOf2 })).toBe(true);
    expect(isAllowed(rep, { kind: 'jump.see', item: inGroup(3), reach: memberOf2 })).toBe(false);
    expect(isAllowed(rep, { kind: 'jump.start', item: inGroup(3), reach: memberOf2 })).toBe(false);
  });

  it('"start sessions from all Jump Items" reaches every group', () => {
    const all = actor(7, [], { ...REP_PERMISSIONS, jumpStartAll: true });
    expect(isAllowed(all, { kind: 'jump.start', item: inGroup(9), reach: reach() })).toBe(true);
    expect(jumpScope(all, reach())).toEqual({ visibleGroupIds: null, ownerIds: null });
  });

  it('each Jump method needs its own permission to start', () => {
    const noShell = actor(7, [], { ...REP_PERMISSIONS, shellJump: false, localRdp: false });
    expect(isAllowed(noShell, { kind: 'jump.see', item: inGroup(2, 'shelljump'), reach: memberOf2 })).toBe(true);
    expect(isAllowed(noShell, { kind: 'jump.start', item: inGroup(2, 'shelljump'), reach: memberOf2 })).toBe(false);
    expect(isAllowed(noShell, { kind: 'jump.start', item: inGroup(2, 'rdp'), reach: memberOf2 })).toBe(false);
    expect(isAllowed(noShell, { kind: 'jump.start', item: inGroup(2, 'vnc'), reach: memberOf2 })).toBe(false);
    expect(isAllowed(noShell, { kind: 'jump.start', item: inGroup(2, 'pinned'), reach: memberOf2 })).toBe(true);
    const noClient = actor(7, [], { ...REP_PERMISSIONS, jumpClient: false });
    expect(isAllowed(noClient, { kind: 'jump.start', item: inGroup(2, 'pinned'), reach: memberOf2 })).toBe(false);
  });

  it('editing needs the edit role in the group, or jumpManage in one of one’s groups', () => {
    expect(isAllowed(rep, { kind: 'jump.edit', item: inGroup(2), reach: memberOf2 })).toBe(false);
    expect(isAllowed(rep, { kind: 'jump.edit', item: inGroup(2), reach: reach([[2, 'edit']]) })).toBe(true);
    const manager = actor(7, [], { ...REP_PERMISSIONS, jumpManage: true });
    expect(isAllowed(manager, { kind: 'jump.edit', item: inGroup(2), reach: memberOf2 })).toBe(true);
    expect(isAllowed(manager, { kind: 'jump.edit', item: inGroup(3), reach: memberOf2 })).toBe(false);
    const admin = actor(1, [], ALL_PERMISSIONS, { isAdmin: true });
    expect(isAllowed(admin, { kind: 'jump.edit', item: inGroup(3), reach: reach() })).toBe(true);
  });
});

describe('personal Jump Items', () => {
  it('are the owner’s own: others of the same team do not see them', () => {
    expect(isAllowed(rep, { kind: 'jump.start', item: personal(7), reach: reach() })).toBe(true);
    expect(isAllowed(rep, { kind: 'jump.edit', item: personal(7), reach: reach() })).toBe(true);
    expect(isAllowed(rep, { kind: 'jump.see', item: personal(8), reach: reach() })).toBe(false);
    expect(jumpScope(rep, memberOf2)).toEqual({ visibleGroupIds: [2], ownerIds: [7] });
  });

  it('team leads see their members’ lists; managers their members’ and leads’', () => {
    const teamRoles = [
      { teamId: 1, userId: 7, role: 'lead' as const },
      { teamId: 1, userId: 8, role: 'member' as const },
      { teamId: 1, userId: 9, role: 'lead' as const },
      { teamId: 1, userId: 10, role: 'manager' as const },
      { teamId: 2, userId: 11, role: 'member' as const },
    ];
    const lead = actor(7, [[1, 'lead']]);
    expect([...ledUserIds(lead, teamRoles)]).toEqual([8]);
    const manager = actor(10, [[1, 'manager']]);
    expect([...ledUserIds(manager, teamRoles)].sort()).toEqual([7, 8, 9]);
    expect([...ledUserIds(actor(8, [[1, 'member']]), teamRoles)]).toEqual([]);

    const r = reach([], [...ledUserIds(lead, teamRoles)]);
    expect(isAllowed(lead, { kind: 'jump.start', item: personal(8), reach: r })).toBe(true);
    expect(isAllowed(lead, { kind: 'jump.see', item: personal(9), reach: r })).toBe(false);
    expect(isAllowed(lead, { kind: 'jump.see', item: personal(11), reach: r })).toBe(false);
    // Seeing is not editing: that takes jumpManage too.
    expect(isAllowed(lead, { kind: 'jump.edit', item: personal(8), reach: r })).toBe(false);
    expect(isAllowed(actor(7, [[1, 'lead']], { ...REP_PERMISSIONS, jumpManage: true }), { kind: 'jump.edit', item: personal(8), reach: r })).toBe(true);
    expect(jumpScope(lead, r)).toEqual({ visibleGroupIds: [], ownerIds: [7, 8] });
  });

  it('"all Jump Items" reaches every personal list too', () => {
    const all = actor(7, [], { ...REP_PERMISSIONS, jumpStartAll: true });
    expect(isAllowed(all, { kind: 'jump.start', item: personal(42), reach: reach() })).toBe(true);
  });
});

describe('pinning, unpinning and overriding schedules', () => {
  it('pin to the personal list with the pin permission; to a group only with the right to edit it', () => {
    expect(isAllowed(rep, { kind: 'jump.pin', target: { personal: true }, reach: memberOf2 })).toBe(true);
    expect(isAllowed(rep, { kind: 'jump.pin', target: { groupId: 2 }, reach: memberOf2 })).toBe(false);
    expect(isAllowed(rep, { kind: 'jump.pin', target: { groupId: 2 }, reach: reach([[2, 'edit']]) })).toBe(true);
    const noPin = actor(7, [], { ...REP_PERMISSIONS, pinJumpClients: false });
    expect(isAllowed(noPin, { kind: 'jump.pin', target: { personal: true }, reach: reach() })).toBe(false);
  });

  it('unpin: Jump Clients only, by those who may edit them and pin', () => {
    expect(isAllowed(rep, { kind: 'jump.unpin', item: personal(7), reach: reach() })).toBe(true);
    expect(isAllowed(rep, { kind: 'jump.unpin', item: personal(7, 'rdp'), reach: reach() })).toBe(false);
    expect(isAllowed(rep, { kind: 'jump.unpin', item: inGroup(2), reach: memberOf2 })).toBe(false);
    expect(isAllowed(actor(7, [], { ...REP_PERMISSIONS, pinJumpClients: false }), { kind: 'jump.unpin', item: personal(7), reach: reach() })).toBe(false);
  });

  it('only users allowed to edit Jump Policies override their schedules', () => {
    expect(isAllowed(rep, { kind: 'jump.overrideSchedule' })).toBe(false);
    expect(isAllowed(actor(1, [], ALL_PERMISSIONS), { kind: 'jump.overrideSchedule' })).toBe(true);
  });

  it('external representatives and disabled accounts reach no Jump Item', () => {
    const ext = actor(20, [], ALL_PERMISSIONS, { externalSessionId: 'a'.repeat(32) });
    expect(isAllowed(ext, { kind: 'jump.see', item: inGroup(2), reach: memberOf2 })).toBe(false);
    expect(isAllowed(ext, { kind: 'jump.pin', target: { personal: true }, reach: reach() })).toBe(false);
    expect(jumpScope(ext, memberOf2)).toEqual({ visibleGroupIds: [], ownerIds: [] });
    const disabled = actor(7, [], REP_PERMISSIONS, { disabled: true });
    expect(isAllowed(disabled, { kind: 'jump.start', item: personal(7), reach: reach() })).toBe(false);
  });
});

describe('editing Jump Policies (/login > Jump Policies)', () => {
  it('administrators, and users allowed to override Jump Policy schedules; not plain reps, external or disabled users', () => {
    expect(isAllowed(rep, { kind: 'jumpPolicy.edit' })).toBe(false);
    expect(isAllowed(actor(1, [], REP_PERMISSIONS, { isAdmin: true }), { kind: 'jumpPolicy.edit' })).toBe(true);
    expect(isAllowed(actor(2, [], { ...REP_PERMISSIONS, overrideJumpPolicy: true }), { kind: 'jumpPolicy.edit' })).toBe(true);
    expect(isAllowed(actor(3, [], ALL_PERMISSIONS, { isAdmin: true, disabled: true }), { kind: 'jumpPolicy.edit' })).toBe(false);
    expect(isAllowed(actor(4, [], ALL_PERMISSIONS, { externalSessionId: 'abc' }), { kind: 'jumpPolicy.edit' })).toBe(false);
  });
});
