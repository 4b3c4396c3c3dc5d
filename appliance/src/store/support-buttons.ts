/** Support Buttons deployed on endpoints (migration 0009). */
import type { QueueId } from '../protocol/index.js';
import type { NewSupportButton, SupportButtonRecord, SupportButtonRepository } from '../domain/elevation-ports.js';
import type { Db } from './db.js';

interface Row {
  id: number;
  token_hash: string;
  description: string;
  profile: 'default';
  queue_id: QueueId;
  endpoint_key: string;
  hostname: string;
  emulated: number;
  deployed_from: string | null;
  deployed_by: number | null;
  deployed_by_name: string;
  deployed_at: string;
  expires_at: string | null;
  removed_at: string | null;
  removed_by: string | null;
  clicks: number;
  last_session_id: string | null;
}

const toRecord = (r: Row): SupportButtonRecord => ({
  id: r.id,
  tokenHash: r.token_hash,
  description: r.description,
  profile: r.profile,
  queueId: r.queue_id,
  endpointKey: r.endpoint_key,
  hostname: r.hostname,
  emulated: r.emulated === 1,
  deployedFrom: r.deployed_from,
  deployedById: r.deployed_by,
  deployedByName: r.deployed_by_name,
  deployedAt: r.deployed_at,
  expiresAt: r.expires_at,
  removedAt: r.removed_at,
  removedBy: r.removed_by,
  clicks: r.clicks,
  lastSessionId: r.last_session_id,
});

export class SqliteSupportButtonRepository implements SupportButtonRepository {
  constructor(private readonly db: Db) {}

  create(b: NewSupportButton): SupportButtonRecord {
    const info = this.db
      .prepare(
        `INSERT INTO support_buttons (token_hash, description, profile, queue_id, endpoint_key, hostname, emulated, deployed_from, deployed_by, deployed_by_name, deployed_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(b.tokenHash, b.description, b.profile, b.queueId, b.endpointKey, b.hostname, b.emulated ? 1 : 0, b.deployedFrom, b.deployedById, b.deployedByName, b.deployedAt, b.expiresAt);
    return this.byId(Number(info.lastInsertRowid))!;
  }

  byId(id: number): SupportButtonRecord | null {
    const r = this.db.prepare<[number], Row>('SELECT * FROM support_buttons WHERE id = ?').get(id);
    return r ? toRecord(r) : null;
  }

  byTokenHash(hash: string): SupportButtonRecord | null {
    const r = this.db.prepare<[string], Row>('SELECT * FROM support_buttons WHERE token_hash = ?').get(hash);
    return r ? toRecord(r) : null;
  }

  onEndpoint(endpointKey: string): SupportButtonRecord[] {
    return this.db.prepare<[string], Row>('SELECT * FROM support_buttons WHERE endpoint_key = ? AND removed_at IS NULL ORDER BY id').all(endpointKey).map(toRecord);
  }

  remove(id: number, by: string, now: string): boolean {
    return this.db.prepare('UPDATE support_buttons SET removed_at = ?, removed_by = ? WHERE id = ? AND removed_at IS NULL').run(now, by, id).changes > 0;
  }

  clicked(id: number, sessionId: string): void {
    this.db.prepare('UPDATE support_buttons SET clicks = clicks + 1, last_session_id = ? WHERE id = ?').run(sessionId, id);
  }

  emulatedLive(now: string): SupportButtonRecord[] {
    return this.db
      .prepare<[string], Row>('SELECT * FROM support_buttons WHERE emulated = 1 AND removed_at IS NULL AND (expires_at IS NULL OR expires_at > ?) ORDER BY id')
      .all(now)
      .map(toRecord);
  }
}
