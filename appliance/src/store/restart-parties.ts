/** Who an open session waits for after a restart: its customer (support sessions) and its present reps. */
import type { Db } from './db.js';

export function openSessionParties(db: Db): { customerSessions: string[]; repIds: number[] } {
  const customerSessions = db.prepare<[], { id: string }>("SELECT id FROM sessions WHERE status != 'ended' AND type != 'jump'").all().map((r) => r.id);
  const repIds = db
    .prepare<[], { userId: number }>("SELECT DISTINCT m.user_id AS userId FROM session_members m JOIN sessions s ON s.id = m.session_id WHERE m.left_at IS NULL AND s.status != 'ended'")
    .all()
    .map((r) => r.userId);
  return { customerSessions, repIds };
}
