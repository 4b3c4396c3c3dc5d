/** Jump Client installers: the key's hash and hint, the defaults a new Jump Client takes, uses and revocation. */
import type { InstallerKeyRecord, InstallerKeyRepository, NewInstallerKey } from '../domain/installer-keys.js';
import type { Db } from './db.js';

interface InstallerRow {
  id: number;
  key_hint: string;
  created_by: number | null;
  created_at: string;
  expires_at: string;
  jump_group: string | null;
  tag: string;
  comments: string;
  jump_policy_code: string | null;
  install_dir: string | null;
  mass_deploy: number;
  max_uses: number | null;
  uses: number;
  last_used_at: string | null;
  revoked_at: string | null;
}

const COLUMNS =
  'id, key_hint, created_by, created_at, expires_at, jump_group, tag, comments, jump_policy_code, install_dir, mass_deploy, max_uses, uses, last_used_at, revoked_at';

const toRecord = (r: InstallerRow): InstallerKeyRecord => ({
  id: r.id,
  keyHint: r.key_hint,
  createdBy: r.created_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  jumpGroup: r.jump_group,
  tag: r.tag,
  comments: r.comments,
  jumpPolicyCode: r.jump_policy_code,
  installDir: r.install_dir,
  massDeploy: r.mass_deploy === 1,
  maxUses: r.max_uses,
  uses: r.uses,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

export class SqliteInstallerKeyRepository implements InstallerKeyRepository {
  constructor(private readonly db: Db) {}

  create(rec: NewInstallerKey): InstallerKeyRecord {
    const info = this.db
      .prepare(
        `INSERT INTO installer_keys (key_hash, key_hint, created_by, created_at, expires_at, jump_group, tag, comments, jump_policy_code, install_dir, mass_deploy, max_uses)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        rec.keyHash,
        rec.keyHint,
        rec.createdBy,
        rec.createdAt,
        rec.expiresAt,
        rec.jumpGroup,
        rec.tag,
        rec.comments,
        rec.jumpPolicyCode,
        rec.installDir,
        rec.massDeploy ? 1 : 0,
        rec.maxUses,
      );
    return this.byId(Number(info.lastInsertRowid))!;
  }

  byId(id: number): InstallerKeyRecord | null {
    const r = this.db.prepare<[number], InstallerRow>(`SELECT ${COLUMNS} FROM installer_keys WHERE id = ?`).get(id);
    return r ? toRecord(r) : null;
  }

  byKeyHash(hash: string): InstallerKeyRecord | null {
    const r = this.db.prepare<[string], InstallerRow>(`SELECT ${COLUMNS} FROM installer_keys WHERE key_hash = ?`).get(hash);
    return r ? toRecord(r) : null;
  }

  list(limit: number): InstallerKeyRecord[] {
    return this.db.prepare<[number], InstallerRow>(`SELECT ${COLUMNS} FROM installer_keys ORDER BY created_at DESC, id DESC LIMIT ?`).all(limit).map(toRecord);
  }

  use(id: number, now: string): boolean {
    // One statement: two agents registering with a single-use installer at once cannot both count.
    return (
      this.db
        .prepare('UPDATE installer_keys SET uses = uses + 1, last_used_at = ? WHERE id = ? AND revoked_at IS NULL AND (max_uses IS NULL OR uses < max_uses)')
        .run(now, id).changes === 1
    );
  }

  revoke(id: number, now: string): boolean {
    return this.db.prepare('UPDATE installer_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id).changes === 1;
  }
}
