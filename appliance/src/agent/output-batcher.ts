/**
 * Gathers a shell's output into fewer, larger messages without delaying interactive output (used by
 * the agent's pty shells, agent/shell.ts).
 *
 * A pty hands over ~3–4 KiB per read, one read per turn of the event loop. Sent as it comes, a
 * command printing megabytes costs one WebSocket frame, one JSON encode / decode and one socket
 * write per read between the agent and the appliance, and per-message costs dominate. So:
 * - interactive output (an echo, a prompt, the first read after a pause) goes out on the next turn,
 *   as before;
 * - while output streams (the last batch was large and went out moments ago), output is held for
 *   up to `holdMs` or until `maxChars` are pending, whichever comes first.
 * The extra delay is at most `holdMs`, and only on output that follows a large batch.
 */

export interface BatcherOptions {
  /** Send at once when this many characters are pending. */
  maxChars: number;
  /** While streaming, hold output at most this long (ms). */
  holdMs: number;
  /** A batch at least this large counts as streaming output. */
  streamingChars: number;
}

export class OutputBatcher {
  private pending = '';
  private immediate: ReturnType<typeof setImmediate> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastAt = -Infinity;
  private lastChars = 0;

  constructor(
    private readonly sink: (data: string) => void,
    private readonly o: BatcherOptions,
    private readonly now: () => number = () => performance.now(),
  ) {}

  push(data: string): void {
    if (!data) return;
    this.pending += data;
    if (this.pending.length >= this.o.maxChars) return this.flush();
    if (this.immediate || this.timer) return;
    const streaming = this.lastChars >= this.o.streamingChars && this.now() - this.lastAt < 4 * this.o.holdMs;
    if (streaming) this.timer = setTimeout(() => this.flush(), this.o.holdMs);
    else this.immediate = setImmediate(() => this.flush());
  }

  /** Sends whatever is pending now (also before an exit is reported). */
  flush(): void {
    if (this.immediate) clearImmediate(this.immediate);
    if (this.timer) clearTimeout(this.timer);
    this.immediate = null;
    this.timer = null;
    const data = this.pending;
    if (!data) return;
    this.pending = '';
    this.lastAt = this.now();
    this.lastChars = data.length;
    this.sink(data);
  }

  /** Drops what is pending and any scheduled send (the shell was closed). */
  dispose(): void {
    if (this.immediate) clearImmediate(this.immediate);
    if (this.timer) clearTimeout(this.timer);
    this.immediate = null;
    this.timer = null;
    this.pending = '';
  }
}
