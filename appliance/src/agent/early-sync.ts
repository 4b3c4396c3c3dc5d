/**
 * Starts writing an upload's temporary file to disk while it still streams. Every `every` bytes a
 * background fdatasync (in libuv's thread pool, next to the stream) flushes what has arrived, so the
 * fsync that finishUpload waits for before it renames the file (durable before acknowledged) has
 * only the last stretch left instead of the whole file. A failed early sync changes nothing: the
 * final one still decides.
 */
import { open, type FileHandle } from 'node:fs/promises';

const EVERY = 64 * 1024 * 1024;

export class EarlySync {
  private since = 0;
  private inFlight: Promise<void> | null = null;
  private fh: FileHandle | null = null;

  constructor(
    private readonly path: string,
    private readonly every = EVERY,
  ) {}

  /** `n` more bytes were written (or are about to be). */
  wrote(n: number): void {
    this.since += n;
    if (this.since < this.every || this.inFlight) return;
    this.since = 0;
    this.inFlight = this.sync()
      .catch(() => undefined)
      .finally(() => (this.inFlight = null));
  }

  /** Waits for a sync under way and lets go of the file. */
  async close(): Promise<void> {
    await this.inFlight;
    await this.fh?.close().catch(() => undefined);
    this.fh = null;
  }

  private async sync(): Promise<void> {
    // r+ rather than r: Windows flushes only through a handle that may write.
    this.fh ??= await open(this.path, 'r+');
    await this.fh.datasync();
  }
}
