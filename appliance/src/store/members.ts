import type { MemberRole } from '../protocol/index.js';
import type { MemberRecord, MemberRepository } from '../domain/ports.js';
import type { Db } from './db.js';

const SELECT = `SELECT m.session_id AS sessionId, m.user_id AS userId, u.display_name AS name, m.role, m.joined_at AS joinedAt,
  m.last_read_event AS lastReadEvent, m.invited_by AS invitedBy
  FROM session_members m JOIN users u ON u.id = m.user_id`;

export class SqliteMemberRepository implements MemberRepository {
  constructor(private readonly db: Db) {}

  active(sessionId: string): MemberRecord[] {
    return this.db.prepare<[string], MemberRecord>(`${SELECT} WHERE m.session_id = ? AND m.left_at IS NULL ORDER BY m.role = 'owner' DESC, m.id`).all(sessionId);
  }

  activeFor(userId: number): MemberRecord[] {
    return this.db.prepare<[number], MemberRecord>(`${SELECT} WHERE m.user_id = ? AND m.left_at IS NULL ORDER BY m.id`).all(userId);
  }

  role(sessionId: string, userId: number): MemberRole | null {
    return this.db.prepare<[string, number], { role: MemberRole }>('SELECT role FROM session_members WHERE session_id = ? AND user_id = ? AND left_at IS NULL').get(sessionId, userId)?.role ?? null;
  }

  add(sessionId: string, userId: number, role: MemberRole, invitedBy: number | null, now: string): void {
    if (this.role(sessionId, userId)) {
      this.setRole(sessionId, userId, role);
      return;
    }
    this.db.prepare('INSERT INTO session_members (session_id, user_id, role, joined_at, invited_by) VALUES (?, ?, ?, ?, ?)').run(sessionId, userId, role, now, invitedBy);
  }

  setRole(sessionId: string, userId: number, role: MemberRole): void {
    this.db.prepare('UPDATE session_members SET role = ? WHERE session_id = ? AND user_id = ? AND left_at IS NULL').run(role, sessionId, userId);
  }

  leave(sessionId: string, userId: number, now: string): boolean {
    return this.db.prepare('UPDATE session_members SET left_at = ? WHERE session_id = ? AND user_id = ? AND left_at IS NULL').run(now, sessionId, userId).changes > 0;
  }

  leaveAll(sessionId: string, now: string): number[] {
    const ids = this.active(sessionId).map((m) => m.userId);
    this.db.prepare('UPDATE session_members SET left_at = ? WHERE session_id = ? AND left_at IS NULL').run(now, sessionId);
    return ids;
  }

  markRead(sessionId: string, userId: number, eventId: number): void {
    this.db.prepare('UPDATE session_members SET last_read_event = MAX(last_read_event, ?) WHERE session_id = ? AND user_id = ? AND left_at IS NULL').run(eventId, sessionId, userId);
  }
}
