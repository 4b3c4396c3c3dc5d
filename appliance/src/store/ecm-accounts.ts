/** ECM accounts (migration 0013): client ID and the SHA-256 of the client secret. */
import type { EcmAccount, EcmAccountRepository } from '../domain/ecm-accounts.js';
import type { Db } from './db.js';

interface Row {
  id: number;
  name: string;
  client_id: string;
  secret_hash: string;
  created_at: string;
}

const toAccount = (r: Row): EcmAccount => ({ id: r.id, name: r.name, clientId: r.client_id, createdAt: r.created_at });

export class SqliteEcmAccountRepository implements EcmAccountRepository {
  constructor(private readonly db: Db) {}

  list(): EcmAccount[] {
    return this.db.prepare<[], Row>('SELECT * FROM ecm_accounts ORDER BY name COLLATE NOCASE, id').all().map(toAccount);
  }

  credentials(clientId: string): { account: EcmAccount; secretHash: string } | null {
    const r = this.db.prepare<[string], Row>('SELECT * FROM ecm_accounts WHERE client_id = ?').get(clientId);
    return r ? { account: toAccount(r), secretHash: r.secret_hash } : null;
  }

  create(name: string, clientId: string, secretHash: string, now: string): EcmAccount {
    const info = this.db.prepare('INSERT INTO ecm_accounts (name, client_id, secret_hash, created_at) VALUES (?, ?, ?, ?)').run(name, clientId, secretHash, now);
    return toAccount(this.db.prepare<[number], Row>('SELECT * FROM ecm_accounts WHERE id = ?').get(Number(info.lastInsertRowid))!);
  }

  remove(id: number): boolean {
    return this.db.prepare('DELETE FROM ecm_accounts WHERE id = ?').run(id).changes > 0;
  }
}
