/**
 * Two-factor codes (RFC 6238: 30-second steps, HMAC-SHA1, 6 digits — what every authenticator app
 * makes) through otplib. A code is accepted in its own step and, for typing time, the one before
 * (the vendor's "valid for 60 seconds"); the step it used is returned so the caller can refuse it
 * the next time (a code works once).
 */
import { generateSecret, generateURI, verifySync } from 'otplib';

export const TOTP_STEP_SECONDS = 30;

/** A new base32 secret (160 bits, RFC 4226's recommended length). */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, account: string, issuer: string): string {
  return generateURI({ issuer, label: account, secret });
}

/**
 * The time step the code belongs to, or null when it is not the code of the current or previous
 * step. Steps at or before `afterStep` (already used) never match.
 */
export function matchTotp(secret: string, code: string, nowMs: number, afterStep = 0): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(nowMs / 1000);
  const current = Math.floor(epoch / TOTP_STEP_SECONDS);
  for (const step of [current, current - 1]) {
    if (step <= afterStep) continue;
    // Verify against the step's own start so the library checks exactly that window.
    const r = verifySync({ secret, token: code, epoch: step * TOTP_STEP_SECONDS, epochTolerance: 0 });
    if (r.valid) return step;
  }
  return null;
}

/** The step a code of the current or previous window would have, used or not (to word the refusal). */
export function anyTotpStep(secret: string, code: string, nowMs: number): number | null {
  return matchTotp(secret, code, nowMs, 0);
}
