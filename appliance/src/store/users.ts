import { Permissions } from '../protocol/index.js';
import type { NewUser, TeamMembership, UserRecord, UserRepository } from '../domain/ports.js';
import type { Db } from './db.js';

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  public_display_name: string;
  password_hash: string;
  password_is_default: number;
  is_admin: number;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  permissions: string;
  totp_secret: string | null;
  created_at: string;
  last_login_at: string | null;
  external_session_id: string | null;
  ui_language?: string | null;
}

function toRecord(r: UserRow): UserRecord {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    publicDisplayName: r.public_display_name,
    passwordHash: r.password_hash,
    passwordIsDefault: r.password_is_default === 1,
    isAdmin: r.is_admin === 1,
    disabled: r.disabled === 1,
    failedLogins: r.failed_logins,
    lockedUntil: r.locked_until,
    permissions: Permissions.parse(JSON.parse(r.permissions)),
    totpSecret: r.totp_secret,
    createdAt: r.created_at,
    lastLoginAt: r.last_login_at,
    externalSessionId: r.external_session_id,
    uiLanguage: r.ui_language ?? null,
  };
}

export class SqliteUserRepository implements UserRepository {
  constructor(private readonly db: Db) {}

  byId(id: number): UserRecord | null {
    const r = this.db.prepare<[number], UserRow>('SELECT * FROM users WHERE id = ?').get(id);
    return r ? toRecord(r) : null;
  }

  byUsername(username: string): UserRecord | null {
    const r = this.db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?').get(username);
    return r ? toRecord(r) : null;
  }

  list(): UserRecord[] {
    return this.db.prepare<[], UserRow>('SELECT * FROM users WHERE external_session_id IS NULL ORDER BY username').all().map(toRecord);
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM users WHERE external_session_id IS NULL').get() as { n: number }).n;
  }

  create(u: NewUser, now: string): UserRecord {
    const info = this.db
      .prepare(
        `INSERT INTO users (username, display_name, public_display_name, password_hash, password_is_default, is_admin, permissions, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(u.username, u.displayName, u.publicDisplayName ?? u.displayName, u.passwordHash, u.passwordIsDefault ? 1 : 0, u.isAdmin ? 1 : 0, JSON.stringify(u.permissions), now);
    return this.byId(Number(info.lastInsertRowid))!;
  }

  recordLoginSuccess(id: number, now: string): void {
    this.db.prepare('UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE id = ?').run(now, id);
  }

  recordLoginFailure(id: number, lockedUntil: string | null): number {
    this.db.prepare('UPDATE users SET failed_logins = failed_logins + 1, locked_until = COALESCE(?, locked_until) WHERE id = ?').run(lockedUntil, id);
    return this.byId(id)?.failedLogins ?? 0;
  }

  setPassword(id: number, passwordHash: string): void {
    this.db.prepare('UPDATE users SET password_hash = ?, password_is_default = 0 WHERE id = ?').run(passwordHash, id);
  }

  createExternal(displayName: string, sessionId: string, permissions: Permissions, now: string): UserRecord {
    // A unique, unguessable username that can never collide with a real one nor be logged into (no password hash).
    const username = `external:${sessionId.slice(0, 8)}:${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const info = this.db
      .prepare(
        `INSERT INTO users (username, display_name, public_display_name, password_hash, permissions, created_at, external_session_id)
         VALUES (?, ?, ?, '!', ?, ?, ?)`,
      )
      .run(username, displayName, displayName, JSON.stringify(permissions), now, sessionId);
    return this.byId(Number(info.lastInsertRowid))!;
  }

  teamMembers(teamId: number): number[] {
    return this.db.prepare<[number], { user_id: number }>('SELECT user_id FROM team_members WHERE team_id = ?').all(teamId).map((r) => r.user_id);
  }

  memberships(userId: number): TeamMembership[] {
    return this.db
      .prepare<[number], { team_id: number; name: string; role: TeamMembership['role']; favourite: number }>(
        `SELECT m.team_id, t.name, m.role, m.favourite FROM team_members m JOIN teams t ON t.id = m.team_id
         WHERE m.user_id = ? ORDER BY t.name`,
      )
      .all(userId)
      .map((r) => ({ teamId: r.team_id, teamName: r.name, role: r.role, favourite: r.favourite === 1 }));
  }
}
