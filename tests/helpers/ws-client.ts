/** A protocol client for tests: real WebSocket, typed calls, collected events. */
import WebSocket from 'ws';
import type { MethodName, ParamsInput, Result } from '../../appliance/src/protocol/index.js';

export interface ErrorReply {
  t: 'err';
  id: number | null;
  code: string;
  message: string;
}

export class TestClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  readonly events: { event: string; data: unknown }[] = [];
  readonly errors: ErrorReply[] = [];
  /** Binary messages (screen frames, shell output of shells opened with `binary`), in order. */
  readonly binary: Buffer[] = [];
  private waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (buf: Buffer, isBinary: boolean) => {
      if (isBinary) {
        this.binary.push(buf);
        for (const w of this.waiters.splice(0)) w();
        return;
      }
      const msg = JSON.parse(buf.toString()) as { t: string; id?: number | null; result?: unknown; event?: string; data?: unknown };
      if (msg.t === 'res' && typeof msg.id === 'number') this.pending.get(msg.id)?.resolve(msg.result);
      else if (msg.t === 'err') {
        const err = msg as unknown as ErrorReply;
        if (typeof err.id === 'number' && this.pending.has(err.id)) this.pending.get(err.id)!.reject(err);
        else this.errors.push(err);
      } else if (msg.t === 'evt') this.events.push({ event: msg.event!, data: msg.data });
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static async connect(baseUrl: string, headers: Record<string, string> = {}, path = '/ws/console'): Promise<TestClient> {
    const ws = new WebSocket(baseUrl.replace(/^http/, 'ws') + path, { headers });
    await new Promise<void>((res, rej) => {
      ws.once('open', () => res());
      ws.once('error', rej);
      ws.once('unexpected-response', (_req, r) => rej(new Error(`handshake refused: ${r.statusCode}`)));
    });
    return new TestClient(ws);
  }

  call<M extends MethodName>(method: M, params: ParamsInput<M>): Promise<Result<M>> {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ t: 'req', id, method, params }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
  }

  /** A customer-protocol call on a /ws/customer connection. */
  customer(method: string, params: unknown): Promise<any> {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ t: 'req', id, method, params }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  /** Sends anything (malformed frames included). */
  raw(data: string | Buffer): void {
    this.ws.send(data);
  }

  /** Resolves when pred holds, re-checking on every frame. */
  async until<T>(pred: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = pred();
      if (v) return v;
      if (Date.now() > deadline) throw new Error('timed out waiting');
      await new Promise<void>((res) => {
        this.waiters.push(res);
        setTimeout(res, 100);
      });
    }
  }

  close(): void {
    this.ws.close();
  }
}
