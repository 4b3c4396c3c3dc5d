/**
 * Passwords of existing accounts: anyone changes their own after proving the current one (My
 * Account); an administrator sets anyone's (Users). Both go through the one password rule.
 */
import { CodedError } from '../protocol/index.js';
import type { AuthService } from './auth.js';
import { hashPassword } from './passwords.js';
import { assertPasswordAllowed, DEFAULT_PASSWORD_POLICY } from './password-policy.js';
import { authorize, type Actor } from './permissions.js';
import type { Repositories, UserRecord } from './ports.js';

export class AccountService {
  constructor(
    private readonly repos: Pick<Repositories, 'users' | 'transaction'>,
    private readonly auth: Pick<AuthService, 'confirmPassword'>,
  ) {}

  /** My Account: a wrong current password counts toward the lockout (E_PASSWORD_WRONG, then E_AUTH_LOCKED). */
  changeOwnPassword(actor: Actor, currentPassword: string, newPassword: string): UserRecord {
    authorize(actor, { kind: 'account.password.change' });
    this.auth.confirmPassword(actor.user.id, currentPassword);
    return this.setPassword(actor.user, newPassword);
  }

  /** Users > Set password…: administrators only; external reps have no password to set. */
  setPasswordFor(actor: Actor, userId: number, newPassword: string): UserRecord {
    authorize(actor, { kind: 'admin.users.setPassword' });
    const user = this.repos.users.byId(userId);
    if (!user || user.externalSessionId !== null) throw new CodedError('E_USER_NOT_FOUND');
    return this.setPassword(user, newPassword);
  }

  private setPassword(user: UserRecord, password: string): UserRecord {
    assertPasswordAllowed(password, user.username, DEFAULT_PASSWORD_POLICY);
    const hash = hashPassword(password);
    // Committed (synchronous=FULL) before the caller answers.
    this.repos.transaction(() => this.repos.users.setPassword(user.id, hash));
    return this.repos.users.byId(user.id) ?? user;
  }
}
