/** Jump Items and Jump Groups: the items, who may use each group, the access log, and sessions' Jump Items. */
import type { JumpGroup, JumpGroupRole, JumpItem, TeamRole } from '../protocol/index.js';
import type { JumpGroupMembership, JumpItemRecord, JumpRepository, JumpSearch, NewJumpItem } from '../domain/ports.js';
import type { Db } from './db.js';
import { ITEM_JOINS, ITEM_SELECT, searchRows } from './jump-search.js';

interface JumpRow {
  id: number;
  name: string;
  method: JumpItem['method'];
  group_id: number | null;
  group_name: string | null;
  owner_user_id: number | null;
  owner_name: string | null;
  hostname: string;
  comments: string;
  tag: string;
  public_ip: string;
  private_ip: string;
  os: JumpItem['os'];
  status: JumpItem['status'];
  last_accessed_at: string | null;
  created_at: string;
  policy_id: number | null;
  policy_name: string | null;
  has_password: number;
}

const toRecord = (r: JumpRow): JumpItemRecord => ({
  id: r.id,
  name: r.name,
  method: r.method,
  groupId: r.group_id,
  groupName: r.group_name ?? 'Personal',
  hostname: r.hostname,
  comments: r.comments,
  tag: r.tag,
  publicIp: r.public_ip,
  privateIp: r.private_ip,
  os: r.os,
  status: r.status,
  lastAccessed: r.last_accessed_at,
  ownerUserId: r.owner_user_id,
  ownerName: r.owner_name,
  policyId: r.policy_id,
  policyName: r.policy_name,
  passwordProtected: r.has_password === 1,
  createdAt: r.created_at,
});

export class SqliteJumpRepository implements JumpRepository {
  constructor(private readonly db: Db) {}

  groups(): JumpGroup[] {
    return this.db.prepare<[], JumpGroup>('SELECT id, name, code FROM jump_groups ORDER BY name').all();
  }

  createGroup(name: string, code: string): JumpGroup {
    const info = this.db.prepare('INSERT INTO jump_groups (name, code) VALUES (?, ?)').run(name, code);
    return { id: Number(info.lastInsertRowid), name, code };
  }

  create(i: NewJumpItem, now: string): JumpItemRecord {
    const info = this.db
      .prepare(
        `INSERT INTO jump_items (name, method, group_id, owner_user_id, hostname, comments, tag, public_ip, private_ip, os, status, last_accessed_at, created_at, policy_id, password_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        i.name, i.method, i.groupId, i.ownerUserId ?? null, i.hostname, i.comments, i.tag, i.publicIp, i.privateIp, i.os, i.status, i.lastAccessedAt ?? null, now,
        i.policyId ?? null, i.passwordHash ?? null,
      );
    return this.byId(Number(info.lastInsertRowid))!;
  }

  byId(id: number): JumpItemRecord | null {
    const r = this.db.prepare<[number], JumpRow>(`${ITEM_SELECT} FROM jump_items j ${ITEM_JOINS} WHERE j.id = ?`).get(id);
    return r ? toRecord(r) : null;
  }

  search(q: JumpSearch): { items: JumpItemRecord[]; total: number; capped: boolean } {
    const { rows, total, capped } = searchRows<JumpRow>(this.db, q);
    return { items: rows.map(toRecord), total, capped };
  }

  countActive(): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM jump_items WHERE method = 'pinned'").get() as { n: number }).n;
  }

  /** Keeps a Jump Item's status current (a Jump Client's agent connected or dropped). */
  setStatus(itemId: number, status: JumpItem['status']): void {
    this.db.prepare('UPDATE jump_items SET status = ? WHERE id = ?').run(status, itemId);
  }

  passwordHash(itemId: number): string | null {
    return (this.db.prepare('SELECT password_hash AS h FROM jump_items WHERE id = ?').get(itemId) as { h: string | null } | undefined)?.h ?? null;
  }

  place(itemId: number, place: { groupId: number | null; ownerUserId: number | null }, passwordHash?: string | null): void {
    if (passwordHash === undefined) this.db.prepare('UPDATE jump_items SET group_id = ?, owner_user_id = ? WHERE id = ?').run(place.groupId, place.ownerUserId, itemId);
    else this.db.prepare('UPDATE jump_items SET group_id = ?, owner_user_id = ?, password_hash = ? WHERE id = ?').run(place.groupId, place.ownerUserId, passwordHash, itemId);
  }

  remove(itemId: number): boolean {
    return this.db.prepare('DELETE FROM jump_items WHERE id = ?').run(itemId).changes === 1;
  }

  setPolicy(itemId: number, policyId: number | null): void {
    this.db.prepare('UPDATE jump_items SET policy_id = ? WHERE id = ?').run(policyId, itemId);
  }

  recordAccess(itemId: number, userId: number, sessionId: string, now: string): void {
    this.db.prepare('UPDATE jump_items SET last_accessed_at = ? WHERE id = ?').run(now, itemId);
    this.db.prepare('INSERT INTO jump_access_log (item_id, user_id, session_id, at) VALUES (?, ?, ?, ?)').run(itemId, userId, sessionId, now);
  }

  frequent(userId: number, limit: number): { itemId: number; starts: number }[] {
    return this.db
      .prepare<[number, number], { itemId: number; starts: number }>(
        'SELECT item_id AS itemId, COUNT(*) AS starts FROM jump_access_log WHERE user_id = ? GROUP BY item_id ORDER BY starts DESC, MAX(at) DESC LIMIT ?',
      )
      .all(userId, limit);
  }

  memberships(userId: number, teamIds: readonly number[]): JumpGroupMembership[] {
    const teams = teamIds.length ? `OR team_id IN (${teamIds.map(() => '?').join(',')})` : '';
    // 'edit' sorts before 'start': the best role a user holds in each group wins.
    return this.db
      .prepare<number[], JumpGroupMembership>(`SELECT group_id AS groupId, MIN(role) AS role FROM jump_group_members WHERE user_id = ? ${teams} GROUP BY group_id`)
      .all(userId, ...teamIds);
  }

  addMember(groupId: number, who: { userId: number } | { teamId: number }, role: JumpGroupRole): void {
    if ('userId' in who) {
      this.db
        .prepare('INSERT INTO jump_group_members (group_id, user_id, role) VALUES (?, ?, ?) ON CONFLICT (user_id, group_id) WHERE user_id IS NOT NULL DO UPDATE SET role = excluded.role')
        .run(groupId, who.userId, role);
    } else {
      this.db
        .prepare('INSERT INTO jump_group_members (group_id, team_id, role) VALUES (?, ?, ?) ON CONFLICT (team_id, group_id) WHERE team_id IS NOT NULL DO UPDATE SET role = excluded.role')
        .run(groupId, who.teamId, role);
    }
  }

  teamRoles(teamIds: readonly number[]): { teamId: number; userId: number; role: TeamRole }[] {
    if (!teamIds.length) return [];
    return this.db
      .prepare<number[], { teamId: number; userId: number; role: TeamRole }>(
        `SELECT team_id AS teamId, user_id AS userId, role FROM team_members WHERE team_id IN (${teamIds.map(() => '?').join(',')})`,
      )
      .all(...teamIds);
  }

  linkSession(sessionId: string, itemId: number, endsAt: string | null): void {
    this.db.prepare('UPDATE sessions SET jump_item_id = ?, jump_ends_at = ? WHERE id = ?').run(itemId, endsAt, sessionId);
  }

  openJumpSessions(itemId?: number): { sessionId: string; itemId: number; endsAt: string | null }[] {
    const one = itemId === undefined ? '' : 'AND jump_item_id = ?';
    return this.db
      .prepare<number[], { sessionId: string; itemId: number; endsAt: string | null }>(
        `SELECT id AS sessionId, jump_item_id AS itemId, jump_ends_at AS endsAt FROM sessions WHERE status != 'ended' AND jump_item_id IS NOT NULL ${one}`,
      )
      .all(...(itemId === undefined ? [] : [itemId]));
  }
}
