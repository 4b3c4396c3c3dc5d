/** The desktop console's hand-off and update tokens (migration 0012): hashes only. */
import type { DesktopTokenRepository, HandoffTokenRecord } from '../domain/desktop-console.js';
import type { Db } from './db.js';

interface HandoffRow {
  token_hash: string;
  user_id: number;
  web_login_hash: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export class SqliteDesktopTokenRepository implements DesktopTokenRepository {
  constructor(private readonly db: Db) {}

  createHandoff(rec: Omit<HandoffTokenRecord, 'usedAt'>): void {
    this.db
      .prepare('INSERT INTO handoff_tokens (token_hash, user_id, web_login_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(rec.tokenHash, rec.userId, rec.webLoginHash, rec.createdAt, rec.expiresAt);
  }

  handoff(tokenHash: string): HandoffTokenRecord | null {
    const r = this.db.prepare<[string], HandoffRow>('SELECT * FROM handoff_tokens WHERE token_hash = ?').get(tokenHash);
    return r
      ? { tokenHash: r.token_hash, userId: r.user_id, webLoginHash: r.web_login_hash, createdAt: r.created_at, expiresAt: r.expires_at, usedAt: r.used_at }
      : null;
  }

  claimHandoff(tokenHash: string, now: string): boolean {
    return this.db.prepare('UPDATE handoff_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL').run(now, tokenHash).changes === 1;
  }

  purgeHandoffs(before: string): number {
    return this.db.prepare('DELETE FROM handoff_tokens WHERE expires_at < ?').run(before).changes;
  }

  createUpdateToken(rec: { tokenHash: string; userId: number; createdAt: string }): void {
    this.db.prepare('INSERT INTO update_tokens (token_hash, user_id, created_at) VALUES (?, ?, ?)').run(rec.tokenHash, rec.userId, rec.createdAt);
  }

  updateTokenUser(tokenHash: string): number | null {
    return this.db.prepare<[string], { user_id: number }>('SELECT user_id FROM update_tokens WHERE token_hash = ? AND revoked_at IS NULL').get(tokenHash)?.user_id ?? null;
  }

  touchUpdateToken(tokenHash: string, now: string): void {
    this.db.prepare('UPDATE update_tokens SET last_used_at = ? WHERE token_hash = ?').run(now, tokenHash);
  }
}
