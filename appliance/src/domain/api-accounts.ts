/**
 * API accounts (Management > API Configuration) and the OAuth 2 client-credentials tokens they
 * trade their secret for. The secret is shown once, when made or regenerated; the store keeps its
 * SHA-256 (it is 256 random bits, so a slow hash adds nothing). Tokens live an hour.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { CodedError } from '../protocol/index.js';
import { iso, type Clock } from './clock.js';
import { authorize, type Actor } from './permissions.js';
import { hashToken, newToken } from './tokens.js';

export type CommandAccess = 'none' | 'read_only' | 'full';

export interface ApiAccount {
  id: number;
  name: string;
  comments: string;
  clientId: string;
  enabled: boolean;
  commandAccess: CommandAccess;
  reporting: boolean;
  createdAt: string;
  secretChangedAt: string;
}

export interface ApiAccountInput {
  name: string;
  comments: string;
  enabled: boolean;
  commandAccess: CommandAccess;
  reporting: boolean;
}

export interface ApiAccountRepository {
  list(): ApiAccount[];
  byId(id: number): ApiAccount | null;
  /** The account and its secret's hash, to check a client's credentials. */
  credentials(clientId: string): { account: ApiAccount; secretHash: string } | null;
  create(input: ApiAccountInput, clientId: string, secretHash: string, now: string): ApiAccount;
  update(id: number, input: ApiAccountInput): ApiAccount | null;
  setSecret(id: number, secretHash: string, now: string): void;
  remove(id: number): boolean;
  addToken(tokenHash: string, accountId: number, now: string, expiresAt: string): void;
  /** A token by its hash, expired or not (so an expired one gets its own message). */
  token(tokenHash: string): { accountId: number; expiresAt: string } | null;
  revokeTokens(accountId: number): void;
  pruneTokens(before: string): void;
  transaction<T>(fn: () => T): T;
}

export const TOKEN_LIFETIME_SECONDS = 3600;

export const newClientId = (): string => randomBytes(20).toString('hex');
export const newClientSecret = (): string => newToken();

const sameHash = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export class ApiAccountService {
  constructor(
    private readonly repo: ApiAccountRepository,
    private readonly clock: Clock,
  ) {}

  list(actor: Actor): ApiAccount[] {
    authorize(actor, { kind: 'admin.apiAccounts.manage' });
    return this.repo.list();
  }

  /** A new account; its client secret is in the answer and nowhere else. */
  create(actor: Actor, input: ApiAccountInput): { account: ApiAccount; clientSecret: string } {
    authorize(actor, { kind: 'admin.apiAccounts.manage' });
    const clientSecret = newClientSecret();
    const account = this.repo.create(clean(input), newClientId(), hashToken(clientSecret), iso(this.clock));
    return { account, clientSecret };
  }

  update(actor: Actor, id: number, input: ApiAccountInput): ApiAccount {
    authorize(actor, { kind: 'admin.apiAccounts.manage' });
    return this.repo.transaction(() => {
      const account = this.repo.update(id, clean(input));
      if (!account) throw new CodedError('E_API_ACCOUNT_NOT_FOUND');
      // A disabled account's tokens stop at once, not when they expire.
      if (!account.enabled) this.repo.revokeTokens(id);
      return account;
    });
  }

  /** A new secret: the old one and every token it obtained stop working. */
  regenerateSecret(actor: Actor, id: number): { account: ApiAccount; clientSecret: string } {
    authorize(actor, { kind: 'admin.apiAccounts.manage' });
    const clientSecret = newClientSecret();
    return this.repo.transaction(() => {
      if (!this.repo.byId(id)) throw new CodedError('E_API_ACCOUNT_NOT_FOUND');
      this.repo.setSecret(id, hashToken(clientSecret), iso(this.clock));
      this.repo.revokeTokens(id);
      return { account: this.repo.byId(id)!, clientSecret };
    });
  }

  remove(actor: Actor, id: number): void {
    authorize(actor, { kind: 'admin.apiAccounts.manage' });
    if (!this.repo.remove(id)) throw new CodedError('E_API_ACCOUNT_NOT_FOUND');
  }

  /** The client-credentials grant: a bearer token for an enabled account whose secret matches. */
  issueToken(clientId: string, clientSecret: string): { accessToken: string; expiresIn: number } {
    const found = this.repo.credentials(clientId);
    // Hash the offered secret even when the id is unknown, so timing says nothing about which ids exist.
    const offered = hashToken(clientSecret);
    if (!found || !sameHash(offered, found.secretHash) || !found.account.enabled) throw new CodedError('E_API_CLIENT_INVALID');
    const accessToken = newToken();
    const now = iso(this.clock);
    this.repo.transaction(() => {
      this.repo.pruneTokens(iso(this.clock, -24 * 3600_000));
      this.repo.addToken(hashToken(accessToken), found.account.id, now, iso(this.clock, TOKEN_LIFETIME_SECONDS * 1000));
    });
    return { accessToken, expiresIn: TOKEN_LIFETIME_SECONDS };
  }

  /** The account behind a bearer token, or why there is none. */
  resolve(bearer: string | null): ApiAccount {
    if (!bearer) throw new CodedError('E_API_TOKEN_MISSING');
    const t = this.repo.token(hashToken(bearer));
    if (!t) throw new CodedError('E_API_TOKEN_INVALID');
    if (t.expiresAt <= iso(this.clock)) throw new CodedError('E_API_TOKEN_EXPIRED');
    const account = this.repo.byId(t.accountId);
    if (!account || !account.enabled) throw new CodedError('E_API_TOKEN_INVALID');
    return account;
  }
}

function clean(input: ApiAccountInput): ApiAccountInput {
  const name = input.name.trim();
  if (!name) throw new CodedError('E_BAD_PARAMS', 'Give the API account a name.');
  return { ...input, name: name.slice(0, 100), comments: input.comments.trim().slice(0, 1000) };
}

/** A fixed, documented account for the demo site only (README): its secret is public by design. */
export function seedApiAccount(repo: ApiAccountRepository, clock: Clock, a: { name: string; clientId: string; clientSecret: string }): boolean {
  if (repo.credentials(a.clientId)) return false;
  repo.create({ name: a.name, comments: 'Seeded on the demo site; the README lists its client ID and secret.', enabled: true, commandAccess: 'full', reporting: true }, a.clientId, hashToken(a.clientSecret), iso(clock));
  return true;
}
