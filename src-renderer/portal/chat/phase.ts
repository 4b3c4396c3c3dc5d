/** Where the customer stands, for the chat page's header: one word per situation, and the words for it. */
import type { CustomerStatus } from '../../../appliance/src/protocol/index.js';
import { t } from '../../lib/i18n/index.svelte.js';

export type Phase =
  /** A resumed page before the appliance answered. */
  | 'connecting'
  /** In a queue, nobody has helped yet. */
  | 'waiting'
  /** The representative's console dropped (grace period), or the session went back to a queue after it did. */
  | 'rep-lost'
  | 'active'
  | 'held'
  | 'ended';

/**
 * `hadRep`: a representative has been in this conversation. The appliance does not say in the status
 * why a session waits again; a session that had a representative and waits again lost them (their
 * console dropped and the grace period ran out, or they logged out).
 */
export function phaseOf(status: CustomerStatus | null, ended: boolean, hadRep: boolean): Phase {
  if (ended || status?.status === 'ended') return 'ended';
  if (!status) return 'connecting';
  if (status.status === 'waiting') return hadRep ? 'rep-lost' : 'waiting';
  if (status.status === 'active' && status.repConnected === false) return 'rep-lost';
  return status.status;
}

/** "You’re next", "Number 3 in line"; "Finding your place…" while the appliance has not said. */
export function placeInLine(position: number | null): string {
  if (position === null || position <= 0) return t('portal.place.finding');
  if (position === 1) return t('portal.place.next');
  return t('portal.place.number', { position });
}
