/**
 * My Account and passwords: anyone changes their own password after proving the current one, their
 * names, e-mail and language, security question, extended availability, photo and two-factor
 * authentication; an administrator sets anyone's password (Users). Every password goes through the
 * site's one password rule (Management > Security). Each change is committed before it is answered,
 * and the user's consoles hear about it (`user.changed`).
 */
import { CodedError } from '../protocol/index.js';
import type { AccountProfile } from '../protocol/admin-models.js';
import type { AuthService } from './auth.js';
import type { Clock } from './clock.js';
import type { EventBus } from './event-bus.js';
import { checkPhoto } from './image-check.js';
import { hashPassword } from './passwords.js';
import { assertPasswordAllowed } from './password-policy.js';
import { authorize, type Actor } from './permissions.js';
import type { Repositories, UserRecord } from './ports.js';
import { passwordPolicyOf, securitySettings } from './site-settings.js';
import { matchTotp, newTotpSecret } from './totp.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export class AccountService {
  constructor(
    private readonly repos: Pick<Repositories, 'users' | 'accounts' | 'settings' | 'transaction'>,
    private readonly auth: Pick<AuthService, 'confirmPassword' | 'confirmAnswer'>,
    private readonly clock: Clock = { now: () => new Date() },
    private readonly bus: Pick<EventBus, 'publish'> = { publish: () => {} },
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

  /** Checks a new password against the site's rule and hashes it (for callers that store it in their own transaction). */
  hashNewPassword(password: string, username: string): string {
    assertPasswordAllowed(password, username, passwordPolicyOf(this.repos.settings));
    return hashPassword(password);
  }

  /** The expiry date a password set now gets from Management > Security (null: never). */
  newPasswordExpiry(): string | null {
    const days = securitySettings(this.repos.settings).passwordMaxAgeDays;
    return days > 0 ? new Date(this.clock.now().getTime() + days * DAY_MS).toISOString().slice(0, 10) : null;
  }

  private setPassword(user: UserRecord, password: string): UserRecord {
    const hash = this.hashNewPassword(password, user.username);
    const expires = this.newPasswordExpiry();
    // Committed (synchronous=FULL) before the caller answers.
    this.repos.transaction(() => {
      this.repos.users.setPassword(user.id, hash);
      this.repos.accounts.update(user.id, { passwordExpiresAt: expires });
    });
    return this.repos.users.byId(user.id) ?? user;
  }

  profile(actor: Actor): AccountProfile {
    authorize(actor, { kind: 'account.edit' });
    const user = this.repos.users.byId(actor.user.id) ?? actor.user;
    const f = this.repos.accounts.fields(user.id);
    if (!f) throw new CodedError('E_USER_NOT_FOUND');
    return {
      username: user.username,
      displayName: user.displayName,
      publicDisplayName: user.publicDisplayName,
      email: f.email,
      language: f.language as AccountProfile['language'],
      extendedAvailability: f.extendedAvailability,
      twoFactor: { enabled: user.totpSecret !== null, enforced: securitySettings(this.repos.settings).twoFactorRequired, pending: f.totpPendingSecret !== null },
      hasPhoto: f.photoUpdatedAt !== null,
      photoUpdatedAt: f.photoUpdatedAt,
      passwordExpiresAt: f.passwordExpiresAt,
      securityQuestion: f.securityQuestion,
    };
  }

  /**
   * Private and public display names. They stay the same while they are the same: a new private
   * name carries the public one along unless the public one is changed in the same save.
   */
  setNames(actor: Actor, displayName: string, publicDisplayName: string): AccountProfile {
    authorize(actor, { kind: 'account.edit' });
    const user = this.repos.users.byId(actor.user.id) ?? actor.user;
    const synced = user.displayName === user.publicDisplayName && publicDisplayName === user.publicDisplayName;
    this.save(user.id, { displayName, publicDisplayName: synced ? displayName : publicDisplayName });
    return this.profile(actor);
  }

  /** E-mail and preferred language; the password confirms it is the account's owner. */
  setEmail(actor: Actor, email: string, language: string, password: string): AccountProfile {
    authorize(actor, { kind: 'account.edit' });
    this.auth.confirmPassword(actor.user.id, password);
    this.save(actor.user.id, { email, language });
    return this.profile(actor);
  }

  /** The question and answer that let a non-administrator reset a forgotten password. */
  setSecurityQuestion(actor: Actor, question: string, answer: string, password: string): AccountProfile {
    authorize(actor, { kind: 'account.edit' });
    this.auth.confirmPassword(actor.user.id, password);
    this.save(actor.user.id, { securityQuestion: question, securityAnswerHash: hashPassword(normalizeAnswer(answer)) });
    return this.profile(actor);
  }

  setExtendedAvailability(actor: Actor, on: boolean): AccountProfile {
    authorize(actor, { kind: 'account.edit' });
    this.save(actor.user.id, { extendedAvailability: on });
    return this.profile(actor);
  }

  /** A new photo (checked: PNG or JPEG, ≤ 1 MB, ≥ 80×80) or none. A refused file changes nothing. */
  setPhoto(actor: Actor, data: Buffer | null): AccountProfile {
    authorize(actor, { kind: 'account.edit' });
    const info = data ? checkPhoto(data) : null;
    this.repos.transaction(() => this.repos.accounts.setPhoto(actor.user.id, info && data ? { mime: info.mime, data, width: info.width, height: info.height } : null, this.clock.now().toISOString()));
    this.bus.publish({ type: 'user.changed', userId: actor.user.id });
    return this.profile(actor);
  }

  /** Enable Two-Factor Authentication, step 1: a new secret waits until a code from it confirms it. */
  beginTwoFactor(actor: Actor): { secret: string } {
    authorize(actor, { kind: 'account.edit' });
    const secret = newTotpSecret();
    this.repos.transaction(() => this.repos.accounts.setTotpPending(actor.user.id, secret));
    return { secret };
  }

  /** Step 2: the password and a code from the app turn it on; that code cannot be used to log in again. */
  confirmTwoFactor(actor: Actor, password: string, code: string): AccountProfile {
    authorize(actor, { kind: 'account.edit' });
    this.auth.confirmPassword(actor.user.id, password);
    const pending = this.repos.accounts.fields(actor.user.id)?.totpPendingSecret ?? null;
    if (!pending) throw new CodedError('E_TOTP_NOT_ENROLLING');
    const step = matchTotp(pending, code, this.clock.now().getTime());
    if (step === null) throw new CodedError('E_AUTH_TOTP_INVALID', 'That code does not match the new secret. Check the time on your phone and enter the code the app shows now.');
    this.repos.transaction(() => this.repos.accounts.enableTotp(actor.user.id, pending, step));
    return this.profile(actor);
  }

  /** Turns two-factor off with the password and a current code; never while the site requires it. */
  disableTwoFactor(actor: Actor, password: string, code: string): AccountProfile {
    authorize(actor, { kind: 'account.edit' });
    if (securitySettings(this.repos.settings).twoFactorRequired) throw new CodedError('E_TOTP_ENFORCED');
    const user = this.repos.users.byId(actor.user.id);
    if (!user?.totpSecret) throw new CodedError('E_TOTP_NOT_ENABLED');
    this.auth.confirmPassword(user.id, password);
    const step = matchTotp(user.totpSecret, code, this.clock.now().getTime(), this.repos.accounts.fields(user.id)?.totpLastStep ?? 0);
    if (step === null) throw new CodedError('E_AUTH_TOTP_INVALID', 'The two-factor code is not valid, has expired or was already used.');
    this.repos.transaction(() => this.repos.accounts.disableTotp(user.id));
    return this.profile(actor);
  }

  /** Abandons a set-up that was started but not confirmed. */
  cancelTwoFactor(actor: Actor): AccountProfile {
    authorize(actor, { kind: 'account.edit' });
    this.repos.transaction(() => this.repos.accounts.setTotpPending(actor.user.id, null));
    return this.profile(actor);
  }

  /**
   * Forgot password, step 1: the question of a non-administrator who set one. Everyone else gets the
   * same refusal, so the answer does not tell who exists or who is an administrator.
   */
  securityQuestionOf(username: string): string {
    const user = this.repos.users.byUsername(username);
    const f = user ? this.repos.accounts.fields(user.id) : null;
    if (!user || user.isAdmin || user.disabled || user.externalSessionId !== null || !f?.securityQuestion || !f.securityAnswerHash) throw new CodedError('E_PASSWORD_RESET_UNAVAILABLE');
    return f.securityQuestion;
  }

  /** Step 2: the right answer sets a new password (under the policy); a wrong one counts toward the lockout. */
  resetForgottenPassword(username: string, answer: string, newPassword: string): void {
    this.securityQuestionOf(username);
    const user = this.repos.users.byUsername(username)!;
    this.auth.confirmAnswer(user.id, normalizeAnswer(answer), this.repos.accounts.fields(user.id)!.securityAnswerHash!);
    this.setPassword(user, newPassword);
  }

  private save(userId: number, patch: Parameters<Repositories['accounts']['update']>[1]): void {
    this.repos.transaction(() => this.repos.accounts.update(userId, patch));
    this.bus.publish({ type: 'user.changed', userId });
  }
}

/** Answers compare without case or extra spaces ("Paris" = " paris "). */
export const normalizeAnswer = (answer: string): string => answer.trim().replace(/\s+/g, ' ').toLowerCase();
