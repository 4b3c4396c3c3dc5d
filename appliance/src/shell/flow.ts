/**
 * Flow control for one shell on its way to one console: counts the output characters the console has
 * not acknowledged yet and watches how much is queued on the console's socket (and the recording's
 * file writes). Past the high marks it pauses the endpoint's shell; once everything is back under the
 * low marks it resumes it. Memory per shell is then bounded by the window, whatever the command prints.
 */

export interface FlowLimits {
  /** Unacknowledged characters before pausing. */
  window: number;
  /** Resume once at most this many are unacknowledged. */
  low: number;
  /** Bytes queued (socket + files) before pausing / to resume under. */
  backlogHigh: number;
  backlogLow: number;
}

export class ShellFlow {
  private unacked = 0;
  private paused = false;
  private poll: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly limits: FlowLimits,
    /** Bytes queued towards the console and the disk right now. */
    private readonly backlog: () => number,
    private readonly control: { pause(): void; resume(): void },
  ) {}

  get isPaused(): boolean {
    return this.paused;
  }

  get pending(): number {
    return this.unacked;
  }

  /** Output of this many characters went to the console. */
  sent(chars: number): void {
    this.unacked += chars;
    if (!this.paused && (this.unacked > this.limits.window || this.backlog() > this.limits.backlogHigh)) this.pause();
  }

  /** The console wrote this many characters to its terminal. */
  acked(chars: number): void {
    this.unacked = Math.max(0, this.unacked - chars);
    this.check();
  }

  dispose(): void {
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
  }

  private pause(): void {
    this.paused = true;
    this.control.pause();
    // A socket drains without telling anyone: look again every few milliseconds while paused.
    this.poll ??= setInterval(() => this.check(), 5);
    this.poll.unref?.();
  }

  private check(): void {
    if (!this.paused || this.unacked > this.limits.low || this.backlog() > this.limits.backlogLow) return;
    this.paused = false;
    this.dispose();
    this.control.resume();
  }
}
