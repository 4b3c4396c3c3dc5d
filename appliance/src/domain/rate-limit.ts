/**
 * A fixed-window limiter per key (client address + action): bounds guessing of passwords and keys.
 * `attempt` counts every try; `blocked` + `fail` count only failures, so people who get it right
 * are never slowed down by it.
 */
import type { Clock } from './clock.js';

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one attempt; false when the key is over its limit in the current window. */
  attempt(key: string): boolean {
    this.fail(key);
    return this.windows.get(key)!.count <= this.limit;
  }

  /** True when the key has used up its window (without counting this look). */
  blocked(key: string): boolean {
    const w = this.current(key);
    return w !== null && w.count >= this.limit;
  }

  /** Counts one failure. */
  fail(key: string): void {
    const w = this.current(key);
    if (w) w.count++;
    else {
      if (this.windows.size > 10_000) this.prune();
      this.windows.set(key, { start: this.clock.now().getTime(), count: 1 });
    }
  }

  private current(key: string): { start: number; count: number } | null {
    const w = this.windows.get(key);
    if (!w || this.clock.now().getTime() - w.start >= this.windowMs) return null;
    return w;
  }

  private prune(): void {
    const now = this.clock.now().getTime();
    for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k);
  }
}
