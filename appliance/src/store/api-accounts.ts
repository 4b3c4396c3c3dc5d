/** API accounts and their bearer tokens (migration 0011). */
import type { ApiAccount, ApiAccountInput, ApiAccountRepository, CommandAccess } from '../domain/api-accounts.js';
import type { Db } from './db.js';

interface Row {
  id: number;
  name: string;
  comments: string;
  client_id: string;
  secret_hash: string;
  enabled: number;
  command_access: CommandAccess;
  reporting: number;
  created_at: string;
  secret_changed_at: string;
}

const toAccount = (r: Row): ApiAccount => ({
  id: r.id,
  name: r.name,
  comments: r.comments,
  clientId: r.client_id,
  enabled: r.enabled === 1,
  commandAccess: r.command_access,
  reporting: r.reporting === 1,
  createdAt: r.created_at,
  secretChangedAt: r.secret_changed_at,
});

export class SqliteApiAccountRepository implements ApiAccountRepository {
  constructor(private readonly db: Db) {}

  list(): ApiAccount[] {
    return this.db.prepare<[], Row>('SELECT * FROM api_accounts ORDER BY name COLLATE NOCASE, id').all().map(toAccount);
  }

  byId(id: number): ApiAccount | null {
    const r = this.db.prepare<[number], Row>('SELECT * FROM api_accounts WHERE id = ?').get(id);
    return r ? toAccount(r) : null;
  }

  credentials(clientId: string): { account: ApiAccount; secretHash: string } | null {
    const r = this.db.prepare<[string], Row>('SELECT * FROM api_accounts WHERE client_id = ?').get(clientId);
    return r ? { account: toAccount(r), secretHash: r.secret_hash } : null;
  }

  create(a: ApiAccountInput, clientId: string, secretHash: string, now: string): ApiAccount {
    const info = this.db
      .prepare('INSERT INTO api_accounts (name, comments, client_id, secret_hash, enabled, command_access, reporting, created_at, secret_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(a.name, a.comments, clientId, secretHash, a.enabled ? 1 : 0, a.commandAccess, a.reporting ? 1 : 0, now, now);
    return this.byId(Number(info.lastInsertRowid))!;
  }

  update(id: number, a: ApiAccountInput): ApiAccount | null {
    const changed = this.db
      .prepare('UPDATE api_accounts SET name = ?, comments = ?, enabled = ?, command_access = ?, reporting = ? WHERE id = ?')
      .run(a.name, a.comments, a.enabled ? 1 : 0, a.commandAccess, a.reporting ? 1 : 0, id).changes;
    return changed ? this.byId(id) : null;
  }

  setSecret(id: number, secretHash: string, now: string): void {
    this.db.prepare('UPDATE api_accounts SET secret_hash = ?, secret_changed_at = ? WHERE id = ?').run(secretHash, now, id);
  }

  remove(id: number): boolean {
    return this.db.prepare('DELETE FROM api_accounts WHERE id = ?').run(id).changes > 0;
  }

  addToken(tokenHash: string, accountId: number, now: string, expiresAt: string): void {
    this.db.prepare('INSERT INTO api_tokens (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(tokenHash, accountId, now, expiresAt);
  }

  token(tokenHash: string): { accountId: number; expiresAt: string } | null {
    return this.db.prepare<[string], { accountId: number; expiresAt: string }>('SELECT account_id AS accountId, expires_at AS expiresAt FROM api_tokens WHERE token_hash = ?').get(tokenHash) ?? null;
  }

  revokeTokens(accountId: number): void {
    this.db.prepare('DELETE FROM api_tokens WHERE account_id = ?').run(accountId);
  }

  pruneTokens(before: string): void {
    this.db.prepare('DELETE FROM api_tokens WHERE expires_at < ?').run(before);
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
