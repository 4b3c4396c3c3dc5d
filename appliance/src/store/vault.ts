/** The Vault's accounts in SQLite (migration 0014). `secret` stays sealed here; domain/vault.ts opens it. */
import type { Db } from './db.js';

export interface VaultAccountRow {
  id: number;
  name: string;
  username: string;
  domain: string;
  description: string;
  secret: string;
  checkedOutBy: number | null;
  checkedOutByName: string | null;
  checkedOutUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface VaultAccountWrite {
  name: string;
  username: string;
  domain: string;
  description: string;
  secret: string;
}

const COLUMNS = `v.id, v.name, v.username, v.domain, v.description, v.secret, v.checked_out_by AS checkedOutBy,
  u.display_name AS checkedOutByName, v.checked_out_until AS checkedOutUntil, v.created_at AS createdAt, v.updated_at AS updatedAt`;
const FROM = 'FROM vault_accounts v LEFT JOIN users u ON u.id = v.checked_out_by';

export class SqliteVaultRepository {
  constructor(private readonly db: Db) {}

  /** Accounts by name, optionally filtered (case-insensitive substring of the name), at most `limit`. */
  list(search: string, limit: number): VaultAccountRow[] {
    const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.db.prepare<[string, number], VaultAccountRow>(`SELECT ${COLUMNS} ${FROM} WHERE v.name LIKE ? ESCAPE '\\' ORDER BY v.name COLLATE NOCASE LIMIT ?`).all(like, limit);
  }

  byId(id: number): VaultAccountRow | null {
    return this.db.prepare<[number], VaultAccountRow>(`SELECT ${COLUMNS} ${FROM} WHERE v.id = ?`).get(id) ?? null;
  }

  byName(name: string): VaultAccountRow | null {
    return this.db.prepare<[string], VaultAccountRow>(`SELECT ${COLUMNS} ${FROM} WHERE v.name = ?`).get(name) ?? null;
  }

  create(a: VaultAccountWrite, now: string): number {
    const info = this.db
      .prepare('INSERT INTO vault_accounts (name, username, domain, description, secret, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(a.name, a.username, a.domain, a.description, a.secret, now, now);
    return Number(info.lastInsertRowid);
  }

  update(id: number, a: VaultAccountWrite, now: string): boolean {
    return this.db
      .prepare('UPDATE vault_accounts SET name = ?, username = ?, domain = ?, description = ?, secret = ?, updated_at = ? WHERE id = ?')
      .run(a.name, a.username, a.domain, a.description, a.secret, now, id).changes === 1;
  }

  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM vault_accounts WHERE id = ?').run(id).changes === 1;
  }

  /** Takes the account for `userId` until `until` when it is free, lapsed, or already theirs; false otherwise. */
  checkOut(id: number, userId: number, until: string, now: string): boolean {
    return this.db
      .prepare('UPDATE vault_accounts SET checked_out_by = ?, checked_out_until = ? WHERE id = ? AND (checked_out_by IS NULL OR checked_out_until <= ? OR checked_out_by = ?)')
      .run(userId, until, id, now, userId).changes === 1;
  }

  /** Gives the account back (by `userId`, or by anyone when null: an administrator's check-in). */
  checkIn(id: number, userId: number | null): boolean {
    const sql = userId === null
      ? 'UPDATE vault_accounts SET checked_out_by = NULL, checked_out_until = NULL WHERE id = ? AND checked_out_by IS NOT NULL'
      : 'UPDATE vault_accounts SET checked_out_by = NULL, checked_out_until = NULL WHERE id = ? AND checked_out_by = ?';
    return (userId === null ? this.db.prepare(sql).run(id) : this.db.prepare(sql).run(id, userId)).changes === 1;
  }

  /** Automatic check-in of every check-out whose time is up; returns how many. */
  expire(now: string): number {
    return this.db.prepare('UPDATE vault_accounts SET checked_out_by = NULL, checked_out_until = NULL WHERE checked_out_until IS NOT NULL AND checked_out_until <= ?').run(now).changes;
  }
}
