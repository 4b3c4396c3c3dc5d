import type { KeyRecord, KeyRepository } from '../domain/ports.js';
import type { QueueId } from '../protocol/index.js';
import type { Db } from './db.js';

interface KeyRow {
  id: number;
  kind: KeyRecord['kind'];
  issuer_id: number | null;
  session_id: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  custom: string;
  external: string;
  queue_id: string | null;
}

const toRecord = (r: KeyRow): KeyRecord => ({
  id: r.id,
  kind: r.kind,
  issuerId: r.issuer_id,
  queueId: r.queue_id as QueueId | null,
  sessionId: r.session_id,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  usedAt: r.used_at,
  custom: JSON.parse(r.custom) as Record<string, string>,
  external: JSON.parse(r.external) as KeyRecord['external'],
});

export class SqliteKeyRepository implements KeyRepository {
  constructor(private readonly db: Db) {}

  create(rec: Omit<KeyRecord, 'id' | 'usedAt'> & { digitsHash: string; tokenHash: string }): KeyRecord {
    const info = this.db
      .prepare(
        `INSERT INTO session_keys (kind, digits_hash, token_hash, issuer_id, session_id, created_at, expires_at, custom, external, queue_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(rec.kind, rec.digitsHash, rec.tokenHash, rec.issuerId, rec.sessionId, rec.createdAt, rec.expiresAt, JSON.stringify(rec.custom), JSON.stringify(rec.external), rec.queueId);
    return toRecord(this.db.prepare<[number], KeyRow>('SELECT * FROM session_keys WHERE id = ?').get(Number(info.lastInsertRowid))!);
  }

  byDigitsHash(hash: string): KeyRecord | null {
    const r = this.db.prepare<[string], KeyRow>('SELECT * FROM session_keys WHERE digits_hash = ?').get(hash);
    return r ? toRecord(r) : null;
  }

  byTokenHash(hash: string): KeyRecord | null {
    const r = this.db.prepare<[string], KeyRow>('SELECT * FROM session_keys WHERE token_hash = ?').get(hash);
    return r ? toRecord(r) : null;
  }

  markUsed(id: number, now: string): boolean {
    return this.db.prepare('UPDATE session_keys SET used_at = ? WHERE id = ? AND used_at IS NULL').run(now, id).changes === 1;
  }
}
