import type { TeamChatMessage } from '../protocol/index.js';
import type { TeamChatRepository } from '../domain/ports.js';
import type { Db } from './db.js';

interface Row {
  id: number;
  team_id: number;
  user_id: number;
  name: string;
  body: string;
  created_at: string;
}

const SELECT = 'SELECT m.id, m.team_id, m.user_id, u.display_name AS name, m.body, m.created_at FROM team_messages m JOIN users u ON u.id = m.user_id';

const toMessage = (r: Row): TeamChatMessage => ({ id: r.id, teamId: r.team_id, at: r.created_at, from: { id: r.user_id, name: r.name }, body: r.body });

export class SqliteTeamChatRepository implements TeamChatRepository {
  constructor(private readonly db: Db) {}

  add(teamId: number, userId: number, body: string, now: string): TeamChatMessage {
    const info = this.db.prepare('INSERT INTO team_messages (team_id, user_id, body, created_at) VALUES (?, ?, ?, ?)').run(teamId, userId, body, now);
    return toMessage(this.db.prepare<[number], Row>(`${SELECT} WHERE m.id = ?`).get(Number(info.lastInsertRowid))!);
  }

  page(teamId: number, beforeId: number | null, limit: number): TeamChatMessage[] {
    const rows = this.db
      .prepare<[number, number, number], Row>(`${SELECT} WHERE m.team_id = ? AND m.id < ? ORDER BY m.id DESC LIMIT ?`)
      .all(teamId, beforeId ?? Number.MAX_SAFE_INTEGER, limit);
    return rows.reverse().map(toMessage);
  }

  lastId(teamId: number): number {
    return (this.db.prepare('SELECT COALESCE(MAX(id), 0) AS m FROM team_messages WHERE team_id = ?').get(teamId) as { m: number }).m;
  }

  lastReadId(userId: number, teamId: number): number {
    return (this.db.prepare('SELECT last_read_id AS r FROM team_chat_reads WHERE user_id = ? AND team_id = ?').get(userId, teamId) as { r: number } | undefined)?.r ?? 0;
  }

  markRead(userId: number, teamId: number, upToId: number): void {
    this.db
      .prepare(
        `INSERT INTO team_chat_reads (user_id, team_id, last_read_id) VALUES (?, ?, ?)
         ON CONFLICT (user_id, team_id) DO UPDATE SET last_read_id = MAX(last_read_id, excluded.last_read_id)`,
      )
      .run(userId, teamId, upToId);
  }

  unreadCounts(userId: number, teamIds: readonly number[]): Map<number, number> {
    const counts = new Map<number, number>();
    if (!teamIds.length) return counts;
    const rows = this.db
      .prepare<unknown[], { team_id: number; n: number }>(
        `SELECT m.team_id, COUNT(*) AS n FROM team_messages m
         LEFT JOIN team_chat_reads r ON r.user_id = ? AND r.team_id = m.team_id
         WHERE m.team_id IN (${teamIds.map(() => '?').join(',')}) AND m.id > COALESCE(r.last_read_id, 0) AND m.user_id != ?
         GROUP BY m.team_id`,
      )
      .all(userId, ...teamIds, userId);
    for (const r of rows) counts.set(r.team_id, r.n);
    return counts;
  }
}
