/**
 * Group commit for chat lines. The site database fsyncs every commit (synchronous=FULL: durable
 * before acknowledged), and one fsync per line was the chat path's largest cost at 2,000 lines a
 * second (bench/README.md, chat-delivery). Lines that arrive in the same turn of the event loop are
 * written in one transaction and share one fsync; each caller's promise settles only after that
 * commit, so nothing is acknowledged or delivered before it is on disk. Each line runs in its own
 * savepoint: a refused line (session ended, not a member) does not take the others with it.
 */
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

interface Entry {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit {
  private queue: Entry[] = [];

  constructor(
    /** Runs fn in a transaction; called inside one, a savepoint (better-sqlite3 nests them so). */
    private readonly transaction: <T>(fn: () => T) => T,
    private readonly schedule: (flush: () => void) => void = (flush) => void setImmediate(flush),
  ) {}

  /** Runs `work` in the next group's transaction; resolves with its result once that group is committed. */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (this.queue.length === 1) this.schedule(() => this.flush());
    });
  }

  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    const outcomes: Outcome[] = [];
    try {
      this.transaction(() => {
        for (const e of batch) {
          try {
            outcomes.push({ ok: true, value: this.transaction(e.work) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // The commit itself failed (disk full, I/O error): nothing of this group is durable.
      for (const e of batch) e.reject(error);
      return;
    }
    batch.forEach((e, i) => {
      const o = outcomes[i]!;
      if (o.ok) e.resolve(o.value);
      else e.reject(o.error);
    });
  }
}
