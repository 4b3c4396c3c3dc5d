/**
 * Reconnect delays: exponential with full jitter ("wait a random time between 0 and base·2^n, capped"),
 * so a site's thousands of Jump Clients do not all knock at once after the appliance restarts.
 */
export interface BackoffOptions {
  /** First ceiling, in ms. */
  baseMs: number;
  /** Highest ceiling, in ms. */
  maxMs: number;
  /** Shortest wait, in ms (a floor under the jitter). */
  minMs: number;
  /** Uniform in [0, 1): Math.random unless a test fixes it. */
  random: () => number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 60_000, minMs: 250, random: Math.random };

/** The ceiling for the n-th consecutive failure (0-based): base·2^n, capped at max. */
export function ceilingMs(attempt: number, o: Pick<BackoffOptions, 'baseMs' | 'maxMs'> = DEFAULT_BACKOFF): number {
  return Math.min(o.maxMs, o.baseMs * 2 ** Math.min(attempt, 30));
}

export class Backoff {
  private attempt = 0;
  constructor(private readonly o: BackoffOptions = DEFAULT_BACKOFF) {}

  /** The next delay, in ms; each call counts one more failure. */
  next(): number {
    const ceiling = ceilingMs(this.attempt++, this.o);
    return Math.max(this.o.minMs, Math.floor(this.o.random() * ceiling));
  }

  /** A connection held: start again from the first step. */
  reset(): void {
    this.attempt = 0;
  }

  get failures(): number {
    return this.attempt;
  }
}
