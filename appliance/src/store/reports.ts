/** The SQL behind Reports and /api/reporting: sessions by filter, and everything one session recorded. */
import type { ReportQuery, ReportRepository, StoredMember, StoredPrompt, StoredSession } from '../domain/reports.js';
import type { StoredEvent } from '../domain/report-events.js';
import type { Db } from './db.js';

interface Row {
  id: string;
  lseq: number;
  type: string;
  status: string;
  customer_name: string;
  company: string;
  computer: string;
  issue: string;
  details: string;
  custom: string;
  owner_id: number | null;
  owner_name: string | null;
  created_at: string;
  ended_at: string | null;
  public_ip: string | null;
  private_ip: string | null;
  os: string | null;
  jump_name: string | null;
}

const toSession = (r: Row): StoredSession => ({
  id: r.id,
  lseq: r.lseq,
  type: r.type,
  status: r.status,
  customerName: r.customer_name,
  company: r.company,
  computer: r.computer,
  issue: r.issue,
  details: r.details,
  custom: JSON.parse(r.custom) as Record<string, string>,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  createdAt: r.created_at,
  endedAt: r.ended_at,
  publicIp: r.public_ip ?? '',
  privateIp: r.private_ip ?? '',
  os: r.os ?? '',
  jumpItem: r.jump_name,
});

const SELECT = `SELECT s.id, s.lseq, s.type, s.status, s.customer_name, s.company, s.computer, s.issue, s.details, s.custom, s.owner_id,
  u.display_name AS owner_name, s.created_at, s.ended_at,
  COALESCE(NULLIF(j.public_ip, ''), s.customer_public_ip) AS public_ip, COALESCE(NULLIF(j.private_ip, ''), s.customer_private_ip) AS private_ip,
  j.os, j.name AS jump_name
  FROM sessions s LEFT JOIN users u ON u.id = s.owner_id LEFT JOIN jump_items j ON j.id = s.jump_item_id`;

/** `%text%` for LIKE with the wildcards in the text itself taken literally. */
const contains = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export class SqliteReportRepository implements ReportRepository {
  constructor(private readonly db: Db) {}

  search(q: ReportQuery): StoredSession[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (q.lsids) {
      if (!q.lsids.length) return [];
      where.push(`s.id IN (${q.lsids.map(() => '?').join(',')})`);
      args.push(...q.lsids);
    }
    if (q.lseq !== undefined) where.push('s.lseq = ?'), args.push(q.lseq);
    if (q.startFrom) where.push('s.created_at >= ?'), args.push(q.startFrom);
    if (q.startBefore) where.push('s.created_at < ?'), args.push(q.startBefore);
    if (q.endedOnly) where.push('s.ended_at IS NOT NULL');
    if (q.endFrom) where.push('s.ended_at >= ?'), args.push(q.endFrom);
    if (q.endBefore) where.push('s.ended_at < ?'), args.push(q.endBefore);
    if (q.customer) {
      const like = contains(q.customer);
      where.push(`(s.customer_name LIKE ? ESCAPE '\\' OR s.computer LIKE ? ESCAPE '\\' OR j.hostname LIKE ? ESCAPE '\\' OR j.public_ip LIKE ? ESCAPE '\\' OR j.private_ip LIKE ? ESCAPE '\\'
        OR s.customer_public_ip LIKE ? ESCAPE '\\' OR s.customer_private_ip LIKE ? ESCAPE '\\')`);
      args.push(like, like, like, like, like, like, like);
    }
    const member = 'SELECT 1 FROM session_members m WHERE m.session_id = s.id';
    if (q.rep.kind === 'any') where.push(`EXISTS (${member})`);
    if (q.rep.kind === 'none') where.push(`NOT EXISTS (${member})`);
    if (q.rep.kind === 'rep') where.push(`EXISTS (${member} AND m.user_id = ?)`), args.push(q.rep.userId);
    const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.created_at DESC, s.lseq DESC LIMIT ?`;
    return this.db.prepare<(string | number)[], Row>(sql).all(...args, q.limit).map(toSession);
  }

  session(id: string): StoredSession | null {
    const r = this.db.prepare<[string], Row>(`${SELECT} WHERE s.id = ?`).get(id);
    return r ? toSession(r) : null;
  }

  members(sessionId: string): StoredMember[] {
    return this.db
      .prepare<[string], StoredMember>(
        `SELECT m.user_id AS userId, u.username, u.display_name AS displayName, u.public_display_name AS publicDisplayName, m.role,
           m.joined_at AS joinedAt, m.left_at AS leftAt, m.invited_by AS invitedBy
         FROM session_members m JOIN users u ON u.id = m.user_id WHERE m.session_id = ? ORDER BY m.id`,
      )
      .all(sessionId);
  }

  memberNames(sessionIds: readonly string[]): Map<string, string[]> {
    const out = new Map<string, string[]>();
    // SQLite's default limit is 32766 host parameters; pages are far smaller, exports are chunked.
    for (let i = 0; i < sessionIds.length; i += 500) {
      const chunk = sessionIds.slice(i, i + 500);
      const rows = this.db
        .prepare<string[], { sessionId: string; name: string }>(
          `SELECT m.session_id AS sessionId, u.display_name AS name FROM session_members m JOIN users u ON u.id = m.user_id
           WHERE m.session_id IN (${chunk.map(() => '?').join(',')}) GROUP BY m.session_id, m.user_id ORDER BY MIN(m.id)`,
        )
        .all(...chunk);
      for (const r of rows) out.set(r.sessionId, [...(out.get(r.sessionId) ?? []), r.name]);
    }
    return out;
  }

  events(sessionId: string): StoredEvent[] {
    return this.db
      .prepare<[string], { at: string; actor: string; kind: string; data: string }>('SELECT at, actor, kind, data FROM session_events WHERE session_id = ? ORDER BY id')
      .all(sessionId)
      .map((e) => ({ ...e, data: JSON.parse(e.data) as Record<string, unknown> }));
  }

  prompts(sessionId: string): StoredPrompt[] {
    return this.db
      .prepare<[string], StoredPrompt>('SELECT kind, state, asked_by AS askedBy, at, answered_at AS answeredAt FROM prompts WHERE session_id = ? ORDER BY id')
      .all(sessionId);
  }
}
