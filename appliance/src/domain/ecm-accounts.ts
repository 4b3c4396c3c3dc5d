/**
 * ECM accounts (/login > Management > ECM accounts): what an Endpoint Credential Manager presents
 * when it connects. Like API accounts, the client secret is shown once and stored as its SHA-256.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { CodedError } from '../protocol/index.js';
import { iso, type Clock } from './clock.js';
import { authorize, type Actor } from './permissions.js';
import { hashToken, newToken } from './tokens.js';

export interface EcmAccount {
  id: number;
  name: string;
  clientId: string;
  createdAt: string;
}

export interface EcmAccountRepository {
  list(): EcmAccount[];
  credentials(clientId: string): { account: EcmAccount; secretHash: string } | null;
  create(name: string, clientId: string, secretHash: string, now: string): EcmAccount;
  remove(id: number): boolean;
}

const sameHash = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export class EcmAccountService {
  constructor(
    private readonly repo: EcmAccountRepository,
    private readonly clock: Clock,
  ) {}

  list(actor: Actor): EcmAccount[] {
    authorize(actor, { kind: 'admin.apiAccounts.manage' });
    return this.repo.list();
  }

  /** A new account; its client secret is in the answer and nowhere else. */
  create(actor: Actor, name: string): { account: EcmAccount; clientSecret: string } {
    authorize(actor, { kind: 'admin.apiAccounts.manage' });
    const clean = name.trim().slice(0, 100);
    if (!clean) throw new CodedError('E_BAD_PARAMS', 'Give the ECM account a name.');
    const clientSecret = newToken();
    const account = this.repo.create(clean, randomBytes(20).toString('hex'), hashToken(clientSecret), iso(this.clock));
    return { account, clientSecret };
  }

  remove(actor: Actor, id: number): void {
    authorize(actor, { kind: 'admin.apiAccounts.manage' });
    if (!this.repo.remove(id)) throw new CodedError('E_ECM_ACCOUNT_NOT_FOUND');
  }

  /** The account whose secret matches, or E_ECM_CLIENT_INVALID (same answer for an unknown id). */
  verify(clientId: string, clientSecret: string): EcmAccount {
    const found = this.repo.credentials(clientId);
    const offered = hashToken(clientSecret);
    if (!found || !sameHash(offered, found.secretHash)) throw new CodedError('E_ECM_CLIENT_INVALID');
    return found.account;
  }

  /** The demo site's documented account (`demo-ecm` / `demo-ecm-secret`): public by design. */
  seedDemo(clientId: string, clientSecret: string): void {
    if (!this.repo.credentials(clientId)) this.repo.create('Demo ECM', clientId, hashToken(clientSecret), iso(this.clock));
  }
}
