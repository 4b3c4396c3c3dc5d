/**
 * Flow control of one screen stream, without sockets or timers: decides when the next frame may
 * go. A frame goes when something changed, fewer than `window` frames wait for the console's ack,
 * the socket's send buffer is small, and the last frame left at least `minIntervalMs` ago. Nothing
 * is ever queued: while a frame may not go, further changes only keep `pending` set, and the
 * virtual desktop's per-viewer tile versions merge them into the one frame that goes next. So a
 * slow console gets fewer, larger frames, and the appliance holds at most `window` frames for it.
 */

export interface FlowOptions {
  /** Frames sent and not yet acknowledged, at most. */
  window: number;
  /** Frames at most every this many ms (33 ≈ 30 fps). */
  minIntervalMs: number;
  /** Above this much unsent data on the socket, wait even when the window has room. */
  maxBufferedBytes: number;
  /** How soon to look again while the socket buffer drains. */
  drainPollMs: number;
}

export const DEFAULT_FLOW: FlowOptions = { window: 2, minIntervalMs: 33, maxBufferedBytes: 1 << 20, drainPollMs: 25 };

export type FlowDecision =
  | { send: true }
  /** retryInMs: look again then; null: wait for a change or an ack. */
  | { send: false; why: 'idle' | 'window' | 'interval' | 'buffer'; retryInMs: number | null };

export class FrameFlow {
  /** Sequence number of the last frame sent (frames are numbered 1, 2, …). */
  sentSeq = 0;
  /** Highest sequence number the console acknowledged. */
  ackedSeq = 0;
  /** Something changed since the last frame (or a keyframe was asked for). */
  pending = false;
  /** Changes that arrived while a frame was already pending: merged instead of sent on their own. */
  merged = 0;
  /** Times a frame was due but the console was behind (window full or socket buffer large). */
  heldBack = 0;
  bytes = 0;
  private lastSentAt = Number.NEGATIVE_INFINITY;

  constructor(readonly opts: FlowOptions = DEFAULT_FLOW) {}

  /** Frames on their way or not yet applied by the console. */
  get inFlight(): number {
    return this.sentSeq - this.ackedSeq;
  }

  /** The picture changed. */
  damage(): void {
    if (this.pending) this.merged++;
    this.pending = true;
  }

  /** The console applied every frame up to `seq`. Acks for frames never sent, or older than the last, change nothing. */
  ack(seq: number): boolean {
    if (!Number.isInteger(seq) || seq <= this.ackedSeq || seq > this.sentSeq) return false;
    this.ackedSeq = seq;
    return true;
  }

  decide(now: number, bufferedBytes: number): FlowDecision {
    if (!this.pending) return { send: false, why: 'idle', retryInMs: null };
    if (this.inFlight >= this.opts.window) {
      this.heldBack++;
      return { send: false, why: 'window', retryInMs: null };
    }
    if (bufferedBytes > this.opts.maxBufferedBytes) {
      this.heldBack++;
      return { send: false, why: 'buffer', retryInMs: this.opts.drainPollMs };
    }
    const wait = this.lastSentAt + this.opts.minIntervalMs - now;
    if (wait > 0) return { send: false, why: 'interval', retryInMs: Math.ceil(wait) };
    return { send: true };
  }

  /** A frame of `bytes` went out (`now`: when it was started); returns its sequence number. */
  sent(now: number, bytes: number): number {
    this.pending = false;
    this.lastSentAt = now;
    this.bytes += bytes;
    return ++this.sentSeq;
  }

  /**
   * The console lost its picture and asked for a keyframe: frames it never acknowledged will not be
   * (it dropped them, e.g. while its screen tab was closed), so they no longer count against the window.
   */
  resync(): void {
    this.ackedSeq = this.sentSeq;
    this.pending = true;
  }

  /** The frame turned out empty (nothing visible changed): nothing was sent. */
  nothing(): void {
    this.pending = false;
  }
}
