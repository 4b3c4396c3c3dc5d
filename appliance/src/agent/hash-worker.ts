/**
 * SHA-256 off the main thread, for File Transfer: one worker per process hashes what the transfers
 * stream, so the event loop that moves the bytes does not also spend ~0.6 s per GiB hashing them
 * (with a spare core the two overlap). Each hash owns a ring of SLOTS × 256 KiB in a SharedArrayBuffer:
 * chunks are copied into the current slot, a full slot is handed to the worker by index, and the
 * worker says when it is done with it. No allocation per chunk, and memory is that ring whatever
 * the disk and the network do: update() answers a promise while every slot is still being hashed,
 * and the caller waits for it before sending more.
 */
import { Worker } from 'node:worker_threads';

const SLOT = 256 << 10;
const SLOTS = 4;

const SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const hashes = new Map();
parentPort.on('message', (m) => {
  if (m.op === 'new') hashes.set(m.id, { hash: createHash('sha256'), ring: m.ring });
  else if (m.op === 'update') {
    const h = hashes.get(m.id);
    if (h) h.hash.update(new Uint8Array(h.ring, m.slot * ${SLOT}, m.length));
    parentPort.postMessage({ id: m.id, op: 'free', slot: m.slot });
  } else if (m.op === 'digest') {
    const h = hashes.get(m.id);
    hashes.delete(m.id);
    parentPort.postMessage({ id: m.id, op: 'digest', hex: h ? h.hash.digest('hex') : '' });
  } else if (m.op === 'drop') hashes.delete(m.id);
});`;

interface Listener {
  free(slot: number): void;
  digest(hex: string): void;
  fail(e: Error): void;
}

let worker: Worker | null = null;
const listeners = new Map<number, Listener>();
let nextId = 1;
/** Messages the worker has yet to answer: while there are any, the worker keeps the process alive. */
let outstanding = 0;

function theWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(SOURCE, { eval: true });
  w.on('message', (m: { id: number; op: 'free'; slot: number } | { id: number; op: 'digest'; hex: string }) => {
    outstanding--;
    holdWhileHashing();
    const l = listeners.get(m.id);
    if (m.op === 'free') l?.free(m.slot);
    else l?.digest(m.hex);
  });
  const gone = (e: Error) => {
    if (worker === w) worker = null;
    outstanding = 0;
    for (const l of listeners.values()) l.fail(e);
    listeners.clear();
  };
  w.on('error', gone);
  w.on('exit', () => gone(new Error('The hashing worker stopped.')));
  worker = w;
  holdWhileHashing();
  return w;
}

/** The worker keeps the process alive while an answer is awaited, never when idle. */
function holdWhileHashing(): void {
  if (outstanding > 0) worker?.ref();
  else worker?.unref();
}

function ask(m: { id: number; op: 'update'; slot: number; length: number } | { id: number; op: 'digest' }): void {
  const w = theWorker();
  outstanding++;
  holdWhileHashing();
  w.postMessage(m);
}

/** A streaming SHA-256 computed by the worker: update() in order (waiting when asked), then digest() once, or drop(). */
export class OffThreadSha256 {
  private readonly id = nextId++;
  private readonly ring = new SharedArrayBuffer(SLOT * SLOTS);
  private readonly bytes = new Uint8Array(this.ring);
  private readonly busy: boolean[] = new Array<boolean>(SLOTS).fill(false);
  /** The slot being filled, and how full it is. */
  private slot = 0;
  private fill = 0;
  private room: (() => void) | null = null;
  private finished: ((hex: string) => void) | null = null;
  private failed: Error | null = null;
  private rejectWait: ((e: Error) => void) | null = null;
  private done = false;

  constructor() {
    listeners.set(this.id, {
      free: (slot) => {
        this.busy[slot] = false;
        const r = this.room;
        this.room = null;
        r?.();
      },
      digest: (hex) => {
        listeners.delete(this.id);
        this.finished?.(hex);
      },
      fail: (e) => {
        this.failed = e;
        this.rejectWait?.(e);
      },
    });
    theWorker().postMessage({ id: this.id, op: 'new', ring: this.ring });
  }

  /** Adds bytes (copied: the caller may reuse `chunk`); a promise means: wait for it before adding more. */
  update(chunk: Uint8Array): Promise<void> | undefined {
    if (this.failed) return Promise.reject(this.failed);
    let at = 0;
    while (at < chunk.length) {
      if (this.busy[this.slot]) return this.waitForSlot().then(() => this.update(chunk.subarray(at)));
      const n = Math.min(SLOT - this.fill, chunk.length - at);
      this.bytes.set(chunk.subarray(at, at + n), this.slot * SLOT + this.fill);
      this.fill += n;
      at += n;
      if (this.fill === SLOT) this.hand();
    }
    return undefined;
  }

  /** The hex digest of everything added. */
  async digest(): Promise<string> {
    if (this.done) throw new Error('The hash is finished.');
    if (this.fill > 0 && this.busy[this.slot]) await this.waitForSlot();
    if (this.failed) throw this.failed;
    this.done = true;
    if (this.fill > 0) this.hand();
    return new Promise<string>((res, rej) => {
      this.finished = res;
      this.rejectWait = rej;
      ask({ id: this.id, op: 'digest' });
    });
  }

  /** Gives up (a cancelled or cut transfer, or after digest()): the worker forgets it. */
  drop(): void {
    if (!listeners.has(this.id)) return;
    listeners.delete(this.id);
    this.done = true;
    worker?.postMessage({ id: this.id, op: 'drop' });
    // A stream still waiting for a slot is being torn down: let it fail instead of waiting forever.
    this.failed ??= new Error('The hash was given up.');
    this.rejectWait?.(this.failed);
    this.room = null;
  }

  private hand(): void {
    this.busy[this.slot] = true;
    ask({ id: this.id, op: 'update', slot: this.slot, length: this.fill });
    this.slot = (this.slot + 1) % SLOTS;
    this.fill = 0;
  }

  private waitForSlot(): Promise<void> {
    return new Promise<void>((res, rej) => {
      this.room = res;
      this.rejectWait = rej;
    });
  }
}
