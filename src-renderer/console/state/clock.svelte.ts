/**
 * One ticking clock for every live duration on screen (Total Time, waiting time), corrected for the
 * difference between this computer's clock and the appliance's.
 */
export class Clock {
  /** Local time, updated every second while started. */
  now = $state(Date.now());
  /** Appliance time minus local time (ms), measured from `serverTime` answers. */
  skewMs = $state(0);
  /** The appliance's current time as best we know it. */
  readonly serverNow = $derived(this.now + this.skewMs);

  private timer: ReturnType<typeof setInterval> | null = null;

  start(): void {
    if (this.timer) return;
    this.now = Date.now();
    this.timer = setInterval(() => (this.now = Date.now()), 1000);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * Records the appliance's time from an answer that was requested at `sentAt` and arrived at
   * `receivedAt` (local ms): the server stamped it roughly half-way.
   */
  sync(serverTime: string, sentAt: number, receivedAt: number): void {
    const server = Date.parse(serverTime);
    if (Number.isNaN(server)) return;
    this.skewMs = Math.round(server - (sentAt + receivedAt) / 2);
    this.now = Date.now();
  }

  /** Milliseconds from an appliance timestamp until now (appliance time). */
  since(iso: string): number {
    const t = Date.parse(iso);
    return Number.isNaN(t) ? 0 : this.serverNow - t;
  }
}
