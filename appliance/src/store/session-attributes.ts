/** Session custom attributes as the command API's set_session_attributes writes them. */
import type { SessionAttributeStore } from '../domain/command-api.js';
import type { Db } from './db.js';

export class SqliteSessionAttributes implements SessionAttributeStore {
  constructor(private readonly db: Db) {}

  setCustom(sessionId: string, custom: Record<string, string>): void {
    this.db.prepare('UPDATE sessions SET custom = ? WHERE id = ?').run(JSON.stringify(custom), sessionId);
  }
}
