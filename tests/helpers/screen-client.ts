/**
 * A console connection for screen-sharing tests: typed calls and events like TestClient, plus the
 * binary screen frames, decoded into an RGBA image the way the console's viewer does.
 */
import { inflateRawSync } from 'node:zlib';
import WebSocket from 'ws';
import type { MethodName, ParamsInput, Result } from '../../appliance/src/protocol/index.js';
import { paintTiles, unpackFrame, type EncodedFrame } from '../../appliance/src/protocol/screen-frames.js';
import { unwrapScreenFrame } from '../../appliance/src/protocol/screen-stream.js';

export interface ReceivedFrame {
  streamId: number;
  frame: EncodedFrame;
  /** Bytes of the whole binary message. */
  bytes: number;
  at: number;
}

export class ScreenClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  readonly events: { event: string; data: any }[] = [];
  readonly frames: ReceivedFrame[] = [];
  /** The viewer's picture of the stream, as frames arrive. */
  image = { width: 0, height: 0, data: new Uint8Array(0) };
  /** Ack every frame as it arrives (a keeping-up console); off: a console that stopped reading. */
  autoAck = true;
  private waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (buf: Buffer, isBinary: boolean) => {
      if (isBinary) this.onFrame(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
      else {
        const msg = JSON.parse(buf.toString());
        if ((msg.t === 'res' || msg.t === 'err') && typeof msg.id === 'number') {
          const p = this.pending.get(msg.id);
          this.pending.delete(msg.id);
          if (msg.t === 'res') p?.resolve(msg.result);
          else p?.reject(msg);
        } else if (msg.t === 'evt') this.events.push({ event: msg.event, data: msg.data });
      }
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static async login(baseUrl: string, username: string, password = username === 'admin' ? 'password' : 'Support-Demo-1'): Promise<ScreenClient> {
    const ws = new WebSocket(baseUrl.replace(/^http/, 'ws') + '/ws/console', { headers: { origin: baseUrl } });
    await new Promise<void>((res, rej) => {
      ws.once('open', () => res());
      ws.once('error', rej);
    });
    const c = new ScreenClient(ws);
    await c.call('auth.login', { username, password, console: 'web' });
    return c;
  }

  call<M extends MethodName>(method: M, params: ParamsInput<M>): Promise<Result<M>> {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ t: 'req', id, method, params }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
  }

  /** The error code a call is refused with ('resolved' when it was not). */
  refusal(p: Promise<unknown>): Promise<string> {
    return p.then(
      () => 'resolved',
      (e: { code: string }) => e.code,
    );
  }

  private onFrame(bytes: Uint8Array): void {
    const w = unwrapScreenFrame(bytes);
    if (!w) throw new Error('a binary message that is not a screen frame');
    const frame = unpackFrame(w.frame);
    this.frames.push({ streamId: w.streamId, frame, bytes: bytes.length, at: performance.now() });
    if (frame.width !== this.image.width || frame.height !== this.image.height) {
      if (!frame.keyframe) throw new Error('a delta frame of another size before its keyframe');
      this.image = { width: frame.width, height: frame.height, data: new Uint8Array(frame.width * frame.height * 4) };
    }
    if (frame.tiles.length) paintTiles(frame, inflateRawSync(frame.data), this.image);
    // A frame in flight when the stream stops is acknowledged too late (E_SCREEN_STREAM_NOT_FOUND), as a console's would be.
    if (this.autoAck) this.call('session.screen.ack', { streamId: w.streamId, seq: frame.seq }).catch(() => undefined);
  }

  /** Resolves when pred holds, re-checking on every message. */
  async until<T>(pred: () => T | undefined | false | null, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = pred();
      if (v) return v;
      if (Date.now() > deadline) throw new Error('timed out waiting');
      await new Promise<void>((res) => {
        this.waiters.push(res);
        setTimeout(res, 50);
      });
    }
  }

  /** A checksum of a rectangle of the current picture. */
  region(x: number, y: number, w: number, h: number): number {
    let sum = 0;
    for (let yy = y; yy < y + h; yy++) for (let xx = x; xx < x + w; xx++) {
      const i = (yy * this.image.width + xx) * 4;
      sum = (sum * 31 + this.image.data[i]! * 7 + this.image.data[i + 1]! * 3 + this.image.data[i + 2]!) >>> 0;
    }
    return sum;
  }

  close(): void {
    this.ws.close();
  }
}
