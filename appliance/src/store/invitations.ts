import type { InvitationKind, QueueId } from '../protocol/index.js';
import type { InvitationRecord, InvitationRepository } from '../domain/ports.js';
import type { Db } from './db.js';

interface Row {
  id: number;
  session_id: string;
  kind: InvitationKind;
  queue_id: QueueId;
  target_name: string;
  inviter_id: number;
  inviter_name: string;
  stay: number;
  created_at: string;
}

const toRecord = (r: Row): InvitationRecord => ({
  id: r.id,
  sessionId: r.session_id,
  kind: r.kind,
  queueId: r.queue_id,
  targetName: r.target_name,
  inviterId: r.inviter_id,
  inviterName: r.inviter_name,
  stay: r.stay === 1,
  createdAt: r.created_at,
});

const SELECT = 'SELECT i.*, u.display_name AS inviter_name FROM invitations i JOIN users u ON u.id = i.inviter_id';

export class SqliteInvitationRepository implements InvitationRepository {
  constructor(private readonly db: Db) {}

  create(rec: { sessionId: string; kind: InvitationKind; queueId: QueueId; targetName: string; inviterId: number; stay: boolean }, now: string): InvitationRecord {
    const info = this.db
      .prepare('INSERT INTO invitations (session_id, kind, queue_id, target_name, inviter_id, stay, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(rec.sessionId, rec.kind, rec.queueId, rec.targetName, rec.inviterId, rec.stay ? 1 : 0, now);
    return this.byId(Number(info.lastInsertRowid))!;
  }

  byId(id: number): InvitationRecord | null {
    const r = this.db.prepare<[number], Row>(`${SELECT} WHERE i.id = ? AND i.ended_at IS NULL`).get(id);
    return r ? toRecord(r) : null;
  }

  open(sessionId: string): InvitationRecord[] {
    return this.db.prepare<[string], Row>(`${SELECT} WHERE i.session_id = ? AND i.ended_at IS NULL ORDER BY i.id`).all(sessionId).map(toRecord);
  }

  openInQueues(queueIds: readonly QueueId[]): InvitationRecord[] {
    if (!queueIds.length) return [];
    return this.db
      .prepare<string[], Row>(`${SELECT} WHERE i.ended_at IS NULL AND i.queue_id IN (${queueIds.map(() => '?').join(',')}) ORDER BY i.id`)
      .all(...queueIds)
      .map(toRecord);
  }

  end(id: number, reason: string, now: string): boolean {
    return this.db.prepare('UPDATE invitations SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL').run(now, reason, id).changes === 1;
  }
}
