/**
 * Gathers a shell's output into fewer, larger messages without delaying interactive output (used by
 * the agent's pty shells, agent/shell.ts).
 *
 * A pty hands over ~3–4 KiB per read, one read per turn of the event loop. Sent as it comes, a
 * command printing megabytes costs one WebSocket frame and one socket write per read between the
 * agent and the appliance, and per-message costs dominate. So:
 * - interactive output (an echo, a prompt, the first read after a pause) goes out on the next turn,
 *   as before;
 * - while output streams (the last batch was large and went out moments ago), output is held for
 *   up to `holdMs` or until `maxBytes` are pending, whichever comes first; a read that would take
 *   the batch past `maxBytes` starts the next one.
 * The extra delay is at most `holdMs`, and only on output that follows a large batch. Bytes, not
 * text: the batch goes on as it came (a character split between two reads stays split).
 */

export interface BatcherOptions {
  /** Send at once when this many bytes are pending. */
  maxBytes: number;
  /** While streaming, hold output at most this long (ms). */
  holdMs: number;
  /** A batch at least this large counts as streaming output. */
  streamingBytes: number;
}

export class OutputBatcher {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private immediate: ReturnType<typeof setImmediate> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastAt = -Infinity;
  private lastBytes = 0;

  constructor(
    /** The batch's reads as they came, and their total size (turned into messages by the caller: one copy). */
    private readonly sink: (parts: readonly Uint8Array[], size: number) => void,
    private readonly o: BatcherOptions,
    private readonly now: () => number = () => performance.now(),
  ) {}

  push(data: Uint8Array): void {
    if (!data.length) return;
    // A batch stays within maxBytes: one message, one copy (only a single read larger than that is bigger).
    if (this.pendingBytes + data.length > this.o.maxBytes) this.flush();
    this.pending.push(data);
    this.pendingBytes += data.length;
    if (this.pendingBytes >= this.o.maxBytes) return this.flush();
    if (this.immediate || this.timer) return;
    const streaming = this.lastBytes >= this.o.streamingBytes && this.now() - this.lastAt < 4 * this.o.holdMs;
    if (streaming) this.timer = setTimeout(() => this.flush(), this.o.holdMs);
    else this.immediate = setImmediate(() => this.flush());
  }

  /** Sends whatever is pending now (also before an exit is reported). */
  flush(): void {
    this.cancel();
    if (!this.pendingBytes) return;
    const parts = this.pending;
    const size = this.pendingBytes;
    this.pending = [];
    this.pendingBytes = 0;
    this.lastAt = this.now();
    this.lastBytes = size;
    this.sink(parts, size);
  }

  /** Drops what is pending and any scheduled send (the shell was closed). */
  dispose(): void {
    this.cancel();
    this.pending = [];
    this.pendingBytes = 0;
  }

  private cancel(): void {
    if (this.immediate) clearImmediate(this.immediate);
    if (this.timer) clearTimeout(this.timer);
    this.immediate = null;
    this.timer = null;
  }
}
