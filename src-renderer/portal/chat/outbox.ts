/**
 * The customer's lines on their way to the appliance. A line stays here, shown as "Sending…", until
 * the appliance has committed it — its `customer.chat` answer, or its echo (the event, or
 * `customer.hello` after a reconnect) — and is then shown from the chat itself. A refused line
 * stays, marked failed, for the customer to retry.
 */
import type { ChatMessage } from '../../../appliance/src/protocol/index.js';

export interface Outgoing {
  /** This page's own number for the line (the appliance's id is only known once it is stored). */
  clientId: number;
  body: string;
  /** When the customer pressed Enter (this browser's clock). */
  at: string;
  state: 'sending' | 'failed';
  /** Why it failed, in words for the customer. */
  error: string | null;
  /**
   * The highest message id known when the line was written. A customer line with the same text
   * and a higher id is this one coming back; one with a lower id is an older line that happens to
   * say the same thing.
   */
  afterId: number;
}

export function addOutgoing(outbox: readonly Outgoing[], o: Omit<Outgoing, 'state' | 'error'>): readonly Outgoing[] {
  return [...outbox, { ...o, state: 'sending', error: null }];
}

/** The line `clientId` was stored (or given up): it leaves the outbox. */
export function removeOutgoing(outbox: readonly Outgoing[], clientId: number): readonly Outgoing[] {
  return outbox.some((o) => o.clientId === clientId) ? outbox.filter((o) => o.clientId !== clientId) : outbox;
}

/**
 * A customer line the appliance stored: the oldest matching line in the outbox (same text, written
 * before it was stored) is delivered. Answers and echoes can arrive in either order; whichever comes
 * first settles the line and the other changes nothing.
 */
export function claimDelivered(outbox: readonly Outgoing[], m: ChatMessage): readonly Outgoing[] {
  if (m.from.kind !== 'customer') return outbox;
  const mine = outbox.find((o) => o.body === m.body && o.afterId < m.id);
  return mine ? removeOutgoing(outbox, mine.clientId) : outbox;
}

export function markFailed(outbox: readonly Outgoing[], clientId: number, error: string): readonly Outgoing[] {
  return outbox.map((o) => (o.clientId === clientId ? { ...o, state: 'failed' as const, error } : o));
}

/** Retry: the line is sending again. */
export function markSending(outbox: readonly Outgoing[], clientId: number): readonly Outgoing[] {
  return outbox.map((o) => (o.clientId === clientId ? { ...o, state: 'sending' as const, error: null } : o));
}
