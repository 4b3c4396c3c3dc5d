/**
 * The Vault (FEATURES.md §F): accounts kept encrypted in the appliance (vault-crypto.ts). Administrators
 * manage them; administrators and reps with the injectCredentials permission check them out (exclusive,
 * for a limited time, the password shown once to whoever checked it out) and in; a lapsed check-out is
 * checked in automatically. The Vault is also a CredentialSource for Inject Credentials.
 */
import { CodedError, type ErrorCode } from '../protocol/index.js';
import { CONTROL_CHARS, VAULT_DEFAULT_CHECKOUT_MINUTES, type VaultAccount, type VaultAccountInput } from '../protocol/vault-models.js';
import type { SqliteVaultRepository, VaultAccountRow } from '../store/vault.js';
import type { Clock } from './clock.js';
import type { CredentialQuery, CredentialSecret, CredentialSource, CredentialSummary } from './credential-sources.js';
import { authorize, type Actor } from './permissions.js';
import type { VaultCipher } from './vault-crypto.js';

const ID_PREFIX = 'vault:';

export class VaultService {
  constructor(
    private readonly repo: SqliteVaultRepository,
    private readonly cipher: VaultCipher,
    private readonly clock: Clock,
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  list(actor: Actor, search = '', limit = 2000): VaultAccount[] {
    authorize(actor, { kind: 'vault.use' });
    this.repo.expire(this.now());
    return this.repo.list(search, limit).map((r) => this.view(r, actor.user.id));
  }

  create(actor: Actor, input: VaultAccountInput): VaultAccount {
    authorize(actor, { kind: 'vault.manage' });
    if (!input.password) throw new CodedError('E_BAD_PARAMS', 'Enter the account’s password.');
    if (this.repo.byName(input.name)) throw new CodedError('E_VAULT_NAME_TAKEN');
    const id = this.repo.create({ ...fields(input), secret: this.cipher.seal(input.password, input.name) }, this.now());
    return this.view(this.repo.byId(id)!, actor.user.id);
  }

  update(actor: Actor, id: number, input: VaultAccountInput): VaultAccount {
    authorize(actor, { kind: 'vault.manage' });
    const row = this.row(id);
    const other = this.repo.byName(input.name);
    if (other && other.id !== id) throw new CodedError('E_VAULT_NAME_TAKEN');
    // The name is sealed in with the password: a rename re-seals it.
    const password = input.password ? input.password : this.cipher.open(row.secret, row.name);
    this.repo.update(id, { ...fields(input), secret: this.cipher.seal(password, input.name) }, this.now());
    return this.view(this.row(id), actor.user.id);
  }

  delete(actor: Actor, id: number): void {
    authorize(actor, { kind: 'vault.manage' });
    if (!this.repo.delete(id)) throw new CodedError('E_VAULT_ACCOUNT_NOT_FOUND');
  }

  /** Exclusive check-out for `minutes`; the one answer that carries the password, to the rep who checked it out. */
  checkOut(actor: Actor, id: number, minutes = VAULT_DEFAULT_CHECKOUT_MINUTES): { account: VaultAccount; password: string } {
    authorize(actor, { kind: 'vault.use' });
    const row = this.row(id);
    const now = this.clock.now();
    const until = new Date(now.getTime() + minutes * 60_000).toISOString();
    if (!this.repo.checkOut(id, actor.user.id, until, now.toISOString())) throw new CodedError('E_VAULT_CHECKED_OUT');
    return { account: this.view(this.row(id), actor.user.id), password: this.cipher.open(row.secret, row.name) };
  }

  /** Check-in by the rep who has it; administrators may check in anyone's. */
  checkIn(actor: Actor, id: number): VaultAccount {
    authorize(actor, { kind: 'vault.use' });
    this.row(id);
    const admin = actor.user.isAdmin && actor.user.externalSessionId === null;
    if (!this.repo.checkIn(id, admin ? null : actor.user.id)) throw new CodedError('E_VAULT_NOT_CHECKED_OUT');
    return this.view(this.row(id), actor.user.id);
  }

  /** The demo site's Vault (PRODUCT.md): the demo Windows machines' administrator, and an outdated copy that they refuse. */
  seedDemo(accounts: { name: string; username: string; domain: string; description: string; password: string }[]): void {
    if (this.repo.list('', 1).length > 0) return;
    for (const a of accounts) this.repo.create({ name: a.name, username: a.username, domain: a.domain, description: a.description, secret: this.cipher.seal(a.password, a.name) }, this.now());
  }

  /** Automatic check-in of lapsed check-outs (also done lazily on every read). */
  expire(): number {
    return this.repo.expire(this.now());
  }

  /** The Vault as a credential source (kind 'vault'): accounts checked out by someone else are not offered. */
  source(): CredentialSource {
    return {
      kind: 'vault',
      list: async (query: CredentialQuery, limit: number): Promise<readonly CredentialSummary[]> => {
        const now = this.now();
        this.repo.expire(now);
        return this.repo
          .list(query.search ?? '', limit)
          .filter((r) => r.checkedOutBy === null || r.checkedOutBy === query.userId)
          .map((r) => ({ id: `${ID_PREFIX}${r.id}`, name: r.name, source: 'vault' as const, ...(r.description ? { description: r.description } : {}) }));
      },
      fetchSecret: async (id: string, query: CredentialQuery): Promise<CredentialSecret> => {
        const n = /^vault:(\d{1,12})$/.exec(id)?.[1];
        const row = n ? this.repo.byId(Number(n)) : null;
        if (!row) throw new CodedError('E_CREDENTIAL_NOT_FOUND');
        const now = this.now();
        if (row.checkedOutBy !== null && row.checkedOutBy !== query.userId && row.checkedOutUntil !== null && row.checkedOutUntil > now) throw new CodedError('E_VAULT_CHECKED_OUT');
        if (CONTROL_CHARS.test(row.name)) throw new CodedError('E_CREDENTIAL_NAME_INVALID');
        return { username: row.username, password: this.cipher.open(row.secret, row.name), ...(row.domain ? { domain: row.domain } : {}) };
      },
    };
  }

  private row(id: number, code: ErrorCode = 'E_VAULT_ACCOUNT_NOT_FOUND'): VaultAccountRow {
    const r = this.repo.byId(id);
    if (!r) throw new CodedError(code);
    return r;
  }

  private view(r: VaultAccountRow, me: number): VaultAccount {
    const lapsed = r.checkedOutUntil !== null && r.checkedOutUntil <= this.now();
    return {
      id: r.id,
      name: r.name,
      username: r.username,
      domain: r.domain,
      description: r.description,
      checkedOut: r.checkedOutBy !== null && r.checkedOutUntil !== null && !lapsed
        ? { userId: r.checkedOutBy, userName: r.checkedOutByName ?? '', until: r.checkedOutUntil, mine: r.checkedOutBy === me }
        : null,
      updatedAt: r.updatedAt,
    };
  }
}

function fields(i: VaultAccountInput): { name: string; username: string; domain: string; description: string } {
  return { name: i.name, username: i.username, domain: i.domain, description: i.description };
}
