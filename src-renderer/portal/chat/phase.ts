/** Where the customer stands, for the chat page's header: one word per situation, and the words for it. */
import type { CustomerStatus } from '../../../appliance/src/protocol/index.js';

export type Phase =
  /** A resumed page before the appliance answered. */
  | 'connecting'
  /** In a queue, nobody has helped yet. */
  | 'waiting'
  /** Back in a queue after the representative's connection dropped (the appliance returned the session). */
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
  return status.status;
}

/** "You’re next", "Number 3 in line"; "Finding your place…" while the appliance has not said. */
export function placeInLine(position: number | null): string {
  if (position === null || position <= 0) return 'Finding your place…';
  if (position === 1) return 'You’re next';
  return `Number ${position} in line`;
}
