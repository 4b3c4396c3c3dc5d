import type { JumpGroup, JumpItem } from '../protocol/index.js';
import type { JumpRepository, JumpSearch, NewJumpItem } from '../domain/ports.js';
import type { Db } from './db.js';

interface JumpRow {
  id: number;
  name: string;
  method: JumpItem['method'];
  group_id: number | null;
  group_name: string | null;
  hostname: string;
  comments: string;
  tag: string;
  public_ip: string;
  private_ip: string;
  os: JumpItem['os'];
  status: JumpItem['status'];
  last_accessed_at: string | null;
}

const toItem = (r: JumpRow): JumpItem => ({
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
});

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
const likeTerm = (s: string) => `%${s.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

export class SqliteJumpRepository implements JumpRepository {
  constructor(private readonly db: Db) {}

  groups(): JumpGroup[] {
    return this.db.prepare<[], JumpGroup>('SELECT id, name, code FROM jump_groups ORDER BY name').all();
  }

  createGroup(name: string, code: string): JumpGroup {
    const info = this.db.prepare('INSERT INTO jump_groups (name, code) VALUES (?, ?)').run(name, code);
    return { id: Number(info.lastInsertRowid), name, code };
  }

  create(i: NewJumpItem, now: string): JumpItem {
    const info = this.db
      .prepare(
        `INSERT INTO jump_items (name, method, group_id, owner_user_id, hostname, comments, tag, public_ip, private_ip, os, status, last_accessed_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(i.name, i.method, i.groupId, i.ownerUserId ?? null, i.hostname, i.comments, i.tag, i.publicIp, i.privateIp, i.os, i.status, i.lastAccessedAt ?? null, now);
    return this.byId(Number(info.lastInsertRowid))!;
  }

  byId(id: number): JumpItem | null {
    const r = this.db
      .prepare<[number], JumpRow>('SELECT j.*, g.name AS group_name FROM jump_items j LEFT JOIN jump_groups g ON g.id = j.group_id WHERE j.id = ?')
      .get(id);
    return r ? toItem(r) : null;
  }

  search(q: JumpSearch): { items: JumpItem[]; total: number } {
    const where: string[] = [];
    const args: (string | number)[] = [];
    // Visible: group items in the rep's groups (or all groups), plus personal items of the given owners.
    const vis: string[] = [];
    if (q.visibleGroupIds === null) vis.push('j.group_id IS NOT NULL');
    else if (q.visibleGroupIds.length) {
      vis.push(`j.group_id IN (${q.visibleGroupIds.map(() => '?').join(',')})`);
      args.push(...q.visibleGroupIds);
    }
    if (q.ownerIds.length) {
      vis.push(`j.owner_user_id IN (${q.ownerIds.map(() => '?').join(',')})`);
      args.push(...q.ownerIds);
    }
    where.push(vis.length ? `(${vis.join(' OR ')})` : '0');
    if (q.groupId !== null) {
      where.push('j.group_id = ?');
      args.push(q.groupId);
    }
    const term = q.search.trim();
    if (term) {
      where.push(`(j.name LIKE ? ESCAPE '\\' OR j.hostname LIKE ? ESCAPE '\\' OR j.comments LIKE ? ESCAPE '\\' OR j.tag LIKE ? ESCAPE '\\' OR j.public_ip LIKE ? ESCAPE '\\' OR j.private_ip LIKE ? ESCAPE '\\')`);
      const t = likeTerm(term);
      args.push(t, t, t, t, t, t);
    }
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM jump_items j ${whereSql}`).get(...args) as { n: number }).n;
    const rows = this.db
      .prepare<(string | number)[], JumpRow>(
        `SELECT j.*, g.name AS group_name FROM jump_items j LEFT JOIN jump_groups g ON g.id = j.group_id ${whereSql}
         ORDER BY j.name COLLATE NOCASE, j.id LIMIT ? OFFSET ?`,
      )
      .all(...args, q.limit, q.offset);
    return { items: rows.map(toItem), total };
  }

  countActive(): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM jump_items WHERE method = 'pinned'").get() as { n: number }).n;
  }
}
