/**
 * A refused login in the rep's language: the appliance answers in English with a stable code; the
 * codes a login screen meets are said from the console's catalogue (same English words), any other
 * keeps the appliance's own message.
 */
import { t } from '../../lib/i18n/index.svelte.js';

const KEYS: Record<string, string> = {
  E_AUTH_INVALID: 'console.authError.invalid',
  E_AUTH_LOCKED: 'console.authError.locked',
  E_AUTH_DISABLED: 'console.authError.disabled',
  E_AUTH_TOTP_INVALID: 'console.authError.totpInvalid',
  E_AUTH_TOTP_REUSED: 'console.authError.totpReused',
};

export function authRefusal(code: string | null | undefined, message: string): string {
  const key = code ? KEYS[code] : undefined;
  return key ? t(key) : message;
}
