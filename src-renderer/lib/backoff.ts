/**
 * Reconnect delays: exponential with "equal jitter" — half the capped delay plus a random half — so
 * a hundred consoles that lost the site at the same moment do not all come back at the same moment,
 * and no retry ever fires at once.
 */
export interface BackoffOptions {
  /** The first delay before jitter (ms). */
  baseMs: number;
  /** The delay never grows past this (ms). */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 15_000 };

/** Delay before retry number `attempt` (0 = the first retry), using `random()` in [0, 1). */
export function backoffDelay(attempt: number, opts: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const cap = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  return Math.round(cap / 2 + random() * (cap / 2));
}
