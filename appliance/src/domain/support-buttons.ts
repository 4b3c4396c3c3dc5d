/**
 * Support Button rules as pure functions: when a button expires (the vendor's Expiration choices
 * count from the moment it is deployed, in calendar days and months), and whether a click may still
 * start a session. The expiry limits starting sessions only, never how long a session lasts.
 */
import { CodedError, supportButtonExpiresAt } from '../protocol/index.js';

/** A computer holds at most this many Support Buttons from this site. */
export const MAX_BUTTONS_PER_ENDPOINT = 20;

/** When a button deployed at `now` expires (the rule lives with the protocol: the console previews it). */
export const expiresAt = supportButtonExpiresAt;

export const isExpired = (b: { expiresAt: string | null }, now: Date): boolean => b.expiresAt !== null && Date.parse(b.expiresAt) <= now.getTime();

/** Throws the refusal a click on this button gets now, if any. */
export function checkClick(b: { removedAt: string | null; expiresAt: string | null } | null, now: Date): void {
  if (!b || b.removedAt !== null) throw new CodedError('E_SUPPORT_BUTTON_NOT_FOUND');
  if (isExpired(b, now)) throw new CodedError('E_SUPPORT_BUTTON_EXPIRED');
}
