/**
 * Flow control for one shell on its way to one console: counts the output the console has not
 * acknowledged yet and watches how much is queued on the console's socket and for the recording's
 * files. Past a high mark it pauses the endpoint's shell; once everything is back under the low marks
 * it resumes it. Memory per shell is then bounded by the window, whatever the command prints.
 *
 * The files get their own, larger marks: a file write comes back through the thread pool, later than
 * a socket drains, and at 2 MiB a flood paused every few hundred milliseconds while it was recorded
 * (bench/README.md, shell); the recording stops at its size cap anyway.
 */

export interface FlowLimits {
  /** Unacknowledged characters before pausing. */
  window: number;
  /** Resume once at most this many are unacknowledged. */
  low: number;
  /** Bytes queued on the console's socket before pausing / to resume under. */
  socketHigh: number;
  socketLow: number;
  /** Bytes handed to the recording's files and not written yet before pausing / to resume under. */
  filesHigh: number;
  filesLow: number;
}

/** What is queued right now, in bytes. */
export interface Backlog {
  socket(): number;
  files(): number;
}

export class ShellFlow {
  private unacked = 0;
  private paused = false;
  private poll: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly limits: FlowLimits,
    private readonly backlog: Backlog,
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
    const l = this.limits;
    if (!this.paused && (this.unacked > l.window || this.backlog.socket() > l.socketHigh || this.backlog.files() > l.filesHigh)) this.pause();
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
    const l = this.limits;
    if (!this.paused || this.unacked > l.low || this.backlog.socket() > l.socketLow || this.backlog.files() > l.filesLow) return;
    this.paused = false;
    this.dispose();
    this.control.resume();
  }
}
