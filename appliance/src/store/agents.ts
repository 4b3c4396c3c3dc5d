/** Jump Client agents: identity (secret hash), the Jump Item each answers for, when it was last seen. */
import type { EndpointOs } from '../protocol/index.js';
import type { AgentRecord, AgentRepository } from '../domain/agents.js';
import type { Db } from './db.js';

interface AgentRow {
  id: number;
  jump_item_id: number;
  secret_hash: string;
  hostname: string;
  os: EndpointOs;
  installer_id: number | null;
  emulated: number;
  registered_at: string;
  last_seen_at: string | null;
}

const toRecord = (r: AgentRow): AgentRecord => ({
  id: r.id,
  jumpItemId: r.jump_item_id,
  secretHash: r.secret_hash,
  hostname: r.hostname,
  os: r.os,
  installerId: r.installer_id,
  emulated: r.emulated === 1,
  registeredAt: r.registered_at,
  lastSeenAt: r.last_seen_at,
});

export class SqliteAgentRepository implements AgentRepository {
  constructor(private readonly db: Db) {}

  create(rec: { jumpItemId: number; secretHash: string; hostname: string; os: EndpointOs; installerId: number | null; emulated: boolean }, now: string): AgentRecord {
    const info = this.db
      .prepare('INSERT INTO agents (jump_item_id, secret_hash, hostname, os, installer_id, emulated, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(rec.jumpItemId, rec.secretHash, rec.hostname, rec.os, rec.installerId, rec.emulated ? 1 : 0, now);
    return this.byId(Number(info.lastInsertRowid))!;
  }

  byId(id: number): AgentRecord | null {
    const r = this.db.prepare<[number], AgentRow>('SELECT * FROM agents WHERE id = ?').get(id);
    return r ? toRecord(r) : null;
  }

  byJumpItem(jumpItemId: number): AgentRecord | null {
    const r = this.db.prepare<[number], AgentRow>('SELECT * FROM agents WHERE jump_item_id = ?').get(jumpItemId);
    return r ? toRecord(r) : null;
  }

  setSecret(id: number, secretHash: string): void {
    this.db.prepare('UPDATE agents SET secret_hash = ? WHERE id = ?').run(secretHash, id);
  }

  seen(id: number, now: string, hostname?: string): void {
    if (hostname) this.db.prepare('UPDATE agents SET last_seen_at = ?, hostname = ? WHERE id = ?').run(now, hostname, id);
    else this.db.prepare('UPDATE agents SET last_seen_at = ? WHERE id = ?').run(now, id);
  }

  jumpItemIds(): number[] {
    return this.db.prepare<[], { id: number }>('SELECT jump_item_id AS id FROM agents').all().map((r) => r.id);
  }
}
