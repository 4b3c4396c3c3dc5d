/** Named one-shot timers for grace periods (a rep or a customer who dropped may come back). */
export class GraceTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  start(key: string, ms: number, onExpire: () => void): void {
    this.cancel(key);
    const t = setTimeout(() => {
      this.timers.delete(key);
      onExpire();
    }, ms);
    t.unref();
    this.timers.set(key, t);
  }

  /** Returns true when a timer was running (the person came back in time). */
  cancel(key: string): boolean {
    const t = this.timers.get(key);
    if (!t) return false;
    clearTimeout(t);
    this.timers.delete(key);
    return true;
  }

  has(key: string): boolean {
    return this.timers.has(key);
  }

  clear(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
