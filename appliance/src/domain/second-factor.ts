/**
 * The login step after the password: a user with two-factor on must give the code of the current
 * (or previous) 30-second step, once; with the site requiring two-factor, a console login of a
 * user who has not set it up is refused (they set it up in /login, which still lets them in).
 */
import { CodedError } from '../protocol/index.js';
import type { LoginKind, Repositories, UserRecord } from './ports.js';
import { securitySettings } from './site-settings.js';
import { matchTotp } from './totp.js';

/** Throws when the code is missing or wrong; `onWrongCode` counts a wrong code toward the lockout. */
export function checkSecondFactor(
  repos: Pick<Repositories, 'accounts' | 'settings'>,
  user: UserRecord,
  code: string | undefined,
  kind: LoginKind,
  nowMs: number,
  onWrongCode: () => boolean,
): void {
  if (!user.totpSecret) {
    if (kind !== 'admin' && securitySettings(repos.settings).twoFactorRequired) throw new CodedError('E_TOTP_ENROL_REQUIRED');
    return;
  }
  if (code === undefined || code === '') throw new CodedError('E_AUTH_TOTP_REQUIRED');
  const lastStep = repos.accounts.fields(user.id)?.totpLastStep ?? 0;
  const step = matchTotp(user.totpSecret, code, nowMs, lastStep);
  if (step === null) {
    const locked = onWrongCode();
    if (locked) throw new CodedError('E_AUTH_LOCKED');
    if (matchTotp(user.totpSecret, code, nowMs, 0) !== null) throw new CodedError('E_AUTH_TOTP_REUSED');
    throw new CodedError('E_AUTH_TOTP_INVALID', 'The two-factor code is not valid or has expired. Enter the code your authenticator app shows now.');
  }
  // Race-safe: of two logins with the same code, only one records its step.
  if (!repos.accounts.useTotpStep(user.id, step)) throw new CodedError('E_AUTH_TOTP_REUSED');
}

/** True when the password's expiry date (YYYY-MM-DD, end of that day UTC) has passed. */
export function passwordExpired(expiresAt: string | null, nowMs: number): boolean {
  if (!expiresAt) return false;
  const end = Date.parse(`${expiresAt.slice(0, 10)}T23:59:59.999Z`);
  return Number.isFinite(end) && nowMs > end;
}
