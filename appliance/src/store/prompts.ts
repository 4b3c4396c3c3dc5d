import type { Prompt, PromptKind } from '../protocol/index.js';
import type { PromptRepository } from '../domain/ports.js';
import type { Db } from './db.js';

const SELECT = 'SELECT id, session_id AS sessionId, kind, state, asked_by AS askedBy, at FROM prompts';

export class SqlitePromptRepository implements PromptRepository {
  constructor(private readonly db: Db) {}

  create(sessionId: string, kind: PromptKind, askedBy: string, now: string): Prompt {
    const info = this.db.prepare("INSERT INTO prompts (session_id, kind, state, asked_by, at) VALUES (?, ?, 'pending', ?, ?)").run(sessionId, kind, askedBy, now);
    return this.byId(Number(info.lastInsertRowid))!;
  }

  byId(id: number): Prompt | null {
    return this.db.prepare<[number], Prompt>(`${SELECT} WHERE id = ?`).get(id) ?? null;
  }

  answer(id: number, state: 'allowed' | 'refused' | 'cancelled', now: string): Prompt | null {
    const changed = this.db.prepare("UPDATE prompts SET state = ?, answered_at = ? WHERE id = ? AND state = 'pending'").run(state, now, id).changes;
    return changed ? this.byId(id) : null;
  }

  list(sessionId: string): Prompt[] {
    return this.db.prepare<[string], Prompt>(`${SELECT} WHERE session_id = ? ORDER BY id`).all(sessionId);
  }
}
