/** Each session's customer client mode and privilege (migration 0009). */
import type { SessionElevation } from '../protocol/index.js';
import type { ElevationRepository } from '../domain/elevation-ports.js';
import type { Db } from './db.js';

interface Row {
  client_mode: SessionElevation['clientMode'];
  privilege: SessionElevation['privilege'];
  method: SessionElevation['method'];
  elevated_as: string | null;
  pending_step: 'full_client' | 'elevate' | null;
  pending_prompt_id: number | null;
}

export class SqliteElevationRepository implements ElevationRepository {
  constructor(private readonly db: Db) {}

  get(sessionId: string): SessionElevation | null {
    const r = this.db.prepare<[string], Row>('SELECT client_mode, privilege, method, elevated_as, pending_step, pending_prompt_id FROM session_elevation WHERE session_id = ?').get(sessionId);
    if (!r) return null;
    return {
      clientMode: r.client_mode,
      privilege: r.privilege,
      elevated: r.privilege === 'elevated',
      method: r.method,
      elevatedAs: r.elevated_as,
      pending: r.pending_step && r.pending_prompt_id !== null ? { step: r.pending_step, promptId: r.pending_prompt_id } : null,
    };
  }

  put(sessionId: string, s: SessionElevation, now: string): void {
    this.db
      .prepare(
        `INSERT INTO session_elevation (session_id, client_mode, privilege, method, elevated_as, pending_step, pending_prompt_id, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(session_id) DO UPDATE SET client_mode = excluded.client_mode, privilege = excluded.privilege, method = excluded.method,
           elevated_as = excluded.elevated_as, pending_step = excluded.pending_step, pending_prompt_id = excluded.pending_prompt_id, updated_at = excluded.updated_at`,
      )
      .run(sessionId, s.clientMode, s.privilege, s.method, s.elevatedAs, s.pending?.step ?? null, s.pending?.promptId ?? null, now);
  }
}
