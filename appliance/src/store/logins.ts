import type { LoginKind, LoginRecord, LoginRepository, SettingsRepository } from '../domain/ports.js';
import type { Db } from './db.js';

export class SqliteLoginRepository implements LoginRepository {
  constructor(private readonly db: Db) {}

  create(rec: LoginRecord): void {
    this.db.prepare('INSERT INTO logins (token_hash, user_id, kind, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(rec.tokenHash, rec.userId, rec.kind, rec.createdAt, rec.expiresAt);
  }

  live(tokenHash: string, now: string): LoginRecord | null {
    return (
      this.db
        .prepare<[string, string], LoginRecord>(
          `SELECT token_hash AS tokenHash, user_id AS userId, kind, created_at AS createdAt, expires_at AS expiresAt
           FROM logins WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?`,
        )
        .get(tokenHash, now) ?? null
    );
  }

  revoke(tokenHash: string, now: string): void {
    this.db.prepare('UPDATE logins SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL').run(now, tokenHash);
  }

  revokeOthers(userId: number, kinds: readonly LoginKind[], keep: string | null, now: string): string[] {
    const rows = this.db
      .prepare<(string | number)[], { token_hash: string }>(
        `SELECT token_hash FROM logins WHERE user_id = ? AND revoked_at IS NULL AND kind IN (${kinds.map(() => '?').join(',')}) AND token_hash != ?`,
      )
      .all(userId, ...kinds, keep ?? '');
    for (const r of rows) this.revoke(r.token_hash, now);
    return rows.map((r) => r.token_hash);
  }
}

export class SqliteSettingsRepository implements SettingsRepository {
  constructor(private readonly db: Db) {}

  get(key: string): string | null {
    return (this.db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key)?.value) ?? null;
  }

  set(key: string, value: string): void {
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }
}
