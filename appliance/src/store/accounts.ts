/** SQLite side of account administration: the 0011 columns, photos, two-factor state, memberships. */
import { DEFAULT_USER_POLICY, UserPolicy } from '../protocol/admin-models.js';
import type { TeamRole } from '../protocol/index.js';
import type { AccountFields, AccountPatch, AccountRepository, StoredImage } from '../domain/account-ports.js';
import type { LoginKind } from '../domain/ports.js';
import type { Db } from './db.js';

interface FieldsRow {
  email: string;
  language: string;
  extended_availability: number;
  password_expires_at: string | null;
  security_question: string;
  security_answer_hash: string | null;
  totp_pending_secret: string | null;
  totp_last_step: number;
  policy: string;
  photo_updated_at: string | null;
}

const COLUMNS: Record<keyof AccountPatch, string> = {
  username: 'username',
  displayName: 'display_name',
  publicDisplayName: 'public_display_name',
  email: 'email',
  language: 'language',
  uiLanguage: 'ui_language',
  extendedAvailability: 'extended_availability',
  passwordExpiresAt: 'password_expires_at',
  securityQuestion: 'security_question',
  securityAnswerHash: 'security_answer_hash',
  policy: 'policy',
  isAdmin: 'is_admin',
  disabled: 'disabled',
  permissions: 'permissions',
};

function toColumnValue(value: unknown): string | number | null {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  return JSON.stringify(value);
}

function parsePolicy(json: string): UserPolicy {
  const r = UserPolicy.safeParse(JSON.parse(json));
  return r.success ? r.data : DEFAULT_USER_POLICY;
}

export class SqliteAccountRepository implements AccountRepository {
  constructor(private readonly db: Db) {}

  fields(userId: number): AccountFields | null {
    const r = this.db
      .prepare<[number], FieldsRow>(
        `SELECT u.email, u.language, u.extended_availability, u.password_expires_at, u.security_question, u.security_answer_hash,
                u.totp_pending_secret, u.totp_last_step, u.policy, p.updated_at AS photo_updated_at
         FROM users u LEFT JOIN user_photos p ON p.user_id = u.id WHERE u.id = ?`,
      )
      .get(userId);
    if (!r) return null;
    return {
      email: r.email,
      language: r.language,
      extendedAvailability: r.extended_availability === 1,
      passwordExpiresAt: r.password_expires_at,
      securityQuestion: r.security_question,
      securityAnswerHash: r.security_answer_hash,
      totpPendingSecret: r.totp_pending_secret,
      totpLastStep: r.totp_last_step,
      policy: parsePolicy(r.policy),
      photoUpdatedAt: r.photo_updated_at,
    };
  }

  update(userId: number, patch: AccountPatch): void {
    const keys = (Object.keys(patch) as (keyof AccountPatch)[]).filter((k) => patch[k] !== undefined);
    if (keys.length === 0) return;
    const sets = keys.map((k) => `${COLUMNS[k]} = ?`).join(', ');
    this.db.prepare(`UPDATE users SET ${sets} WHERE id = ?`).run(...keys.map((k) => toColumnValue(patch[k])), userId);
  }

  delete(userId: number): boolean {
    return this.db.prepare('DELETE FROM users WHERE id = ? AND external_session_id IS NULL').run(userId).changes === 1;
  }

  resetFailures(userId: number): void {
    this.db.prepare('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?').run(userId);
  }

  setTotpPending(userId: number, secret: string | null): void {
    this.db.prepare('UPDATE users SET totp_pending_secret = ? WHERE id = ?').run(secret, userId);
  }

  enableTotp(userId: number, secret: string, usedStep: number): void {
    this.db.prepare('UPDATE users SET totp_secret = ?, totp_pending_secret = NULL, totp_last_step = ? WHERE id = ?').run(secret, usedStep, userId);
  }

  disableTotp(userId: number): void {
    this.db.prepare('UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_last_step = 0 WHERE id = ?').run(userId);
  }

  useTotpStep(userId: number, step: number): boolean {
    // One statement: two logins racing with the same code cannot both win.
    return this.db.prepare('UPDATE users SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?').run(step, userId, step).changes === 1;
  }

  photo(userId: number): StoredImage | null {
    const r = this.db
      .prepare<[number], { mime: string; data: Buffer; width: number; height: number; updated_at: string }>('SELECT mime, data, width, height, updated_at FROM user_photos WHERE user_id = ?')
      .get(userId);
    return r ? { mime: r.mime, data: r.data, width: r.width, height: r.height, updatedAt: r.updated_at } : null;
  }

  setPhoto(userId: number, image: Omit<StoredImage, 'updatedAt'> | null, now: string): void {
    if (!image) {
      this.db.prepare('DELETE FROM user_photos WHERE user_id = ?').run(userId);
      return;
    }
    this.db
      .prepare(
        `INSERT INTO user_photos (user_id, mime, data, width, height, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(user_id) DO UPDATE SET mime = excluded.mime, data = excluded.data, width = excluded.width, height = excluded.height, updated_at = excluded.updated_at`,
      )
      .run(userId, image.mime, image.data, image.width, image.height, now);
  }

  setMemberships(userId: number, memberships: readonly { teamId: number; role: TeamRole }[]): void {
    const keep = new Map(memberships.map((m) => [m.teamId, m.role]));
    const current = this.db.prepare<[number], { team_id: number }>('SELECT team_id FROM team_members WHERE user_id = ?').all(userId);
    for (const c of current) if (!keep.has(c.team_id)) this.db.prepare('DELETE FROM team_members WHERE team_id = ? AND user_id = ?').run(c.team_id, userId);
    // Upsert keeps the member's favourite flag when only the role changes.
    const upsert = this.db.prepare('INSERT INTO team_members (team_id, user_id, role) VALUES (?, ?, ?) ON CONFLICT(team_id, user_id) DO UPDATE SET role = excluded.role');
    for (const [teamId, role] of keep) upsert.run(teamId, userId, role);
  }

  liveLogins(kind: LoginKind, now: string): { tokenHash: string; userId: number }[] {
    return this.db
      .prepare<[string, string], { tokenHash: string; userId: number }>(
        'SELECT token_hash AS tokenHash, user_id AS userId FROM logins WHERE kind = ? AND revoked_at IS NULL AND expires_at > ?',
      )
      .all(kind, now);
  }
}
