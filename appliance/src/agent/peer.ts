/**
 * One end of the agent protocol over any transport (a WebSocket, or in memory for the demo fleet).
 * Both ends ask and answer: incoming requests and events are checked against the schema table of
 * what this end accepts (unknown or malformed → a coded error frame, never a throw), and the answers
 * to our own requests are checked against the schema of what we asked. Used by the appliance's
 * /ws/agent gateway and by the `jump-client` / `customer` agents alike.
 */
import type { z } from 'zod';
import { AgentFrame, CodedError, MAX_FRAME_BYTES, isErrorCode, type ErrorCode } from '../protocol/index.js';

/** A bidirectional text-frame channel. */
export interface Transport {
  send(text: string): void;
  /** A binary message (shell output: protocol/shell-frames.ts). */
  sendBinary(bytes: Uint8Array): void;
  close(code?: number, reason?: string): void;
  /** Text messages arrive as strings, binary ones as bytes. */
  onMessage(listener: (message: string | Uint8Array) => void): void;
  onClose(listener: () => void): void;
  /** Bytes queued and not yet written (0 where unknown). */
  buffered(): number;
}

export type MethodTable = Record<string, { params: z.ZodType; result: z.ZodType }>;
export type EventTable = Record<string, z.ZodType>;

export type RequestHandlers<M extends MethodTable> = {
  [K in keyof M]: (params: z.output<M[K]['params']>) => z.input<M[K]['result']> | Promise<z.input<M[K]['result']>>;
};
export type EventHandlers<E extends EventTable> = { [K in keyof E]: (data: z.output<E[K]>) => void };

export interface PeerOptions<InM extends MethodTable, InE extends EventTable, OutM extends MethodTable> {
  /** What this end accepts. */
  accepts: { methods: InM; events: InE };
  /** What this end may ask the other end (answers are validated against these result schemas). */
  asks: OutM;
  handlers: RequestHandlers<InM>;
  events: EventHandlers<InE>;
  /** Unexpected failures inside a handler (a bug, not a refusal): logged by the caller. */
  onInternalError?: (err: unknown, method: string) => void;
  /** A frame we refused, or an error frame the other end sent without a request of ours. */
  onProtocolError?: (code: string, message: string, direction: 'in' | 'out') => void;
  requestTimeoutMs?: number;
  /** Inbound frames larger than this are refused with E_TOO_LARGE (default MAX_FRAME_BYTES). */
  maxFrameBytes?: number;
  /** Binary messages this end accepts (the appliance: agents' shell output); refused when absent. A CodedError thrown refuses the message. */
  binary?: (bytes: Uint8Array) => void;
}

const DEFAULT_TIMEOUT_MS = 15_000;

export class Peer<InM extends MethodTable, InE extends EventTable, OutM extends MethodTable, OutE extends EventTable> {
  private nextId = 1;
  private readonly pending = new Map<number, { method: string; resolve: (v: unknown) => void; reject: (e: unknown) => void; timer: ReturnType<typeof setTimeout> }>();
  private isClosed = false;

  constructor(
    readonly transport: Transport,
    private readonly opts: PeerOptions<InM, InE, OutM>,
  ) {
    transport.onMessage((m) => (typeof m === 'string' ? this.receive(m) : this.receiveBinary(m)));
    transport.onClose(() => this.closed());
  }

  get open(): boolean {
    return !this.isClosed;
  }

  /** Asks the other end; resolves with its validated answer, rejects with a CodedError. */
  request<M extends keyof OutM & string>(method: M, params: z.input<OutM[M]['params']>, timeoutMs = this.opts.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS): Promise<z.output<OutM[M]['result']>> {
    if (this.isClosed) return Promise.reject(new CodedError('E_ENDPOINT_OFFLINE'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new CodedError('E_ENDPOINT_TIMEOUT'));
      }, timeoutMs);
      timer.unref?.();
      this.pending.set(id, { method, resolve: resolve as (v: unknown) => void, reject, timer });
      this.send({ t: 'req', id, method, params });
    });
  }

  /** Tells the other end something (no answer). */
  event<E extends keyof OutE & string>(event: E, data: z.input<OutE[E]>): void {
    this.send({ t: 'evt', event, data });
  }

  /** Sends a binary message (shell output); dropped once the transport is closed, like every frame. */
  sendBinary(bytes: Uint8Array): void {
    if (this.isClosed) return;
    try {
      this.transport.sendBinary(bytes);
    } catch {
      /* the transport is closing */
    }
  }

  /** Sends an error frame without a request (a refused event, a malformed frame). */
  error(id: number | null, code: ErrorCode, message: string): void {
    this.send({ t: 'err', id, code, message });
  }

  close(code?: number, reason?: string): void {
    this.transport.close(code, reason);
  }

  /** The transport is gone: every open request fails as the endpoint being offline. */
  closed(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(new CodedError('E_ENDPOINT_OFFLINE'));
    }
    this.pending.clear();
  }

  private send(frame: unknown): void {
    if (this.isClosed) return;
    try {
      this.transport.send(JSON.stringify(frame));
    } catch {
      /* the transport is closing; its close listener fails what is pending */
    }
  }

  /** One inbound binary message: size cap, then this end's binary handler. Never throws. */
  receiveBinary(bytes: Uint8Array): void {
    const accept = this.opts.binary;
    if (!accept) return this.refuse(null, 'E_BAD_ENVELOPE', 'Binary frames are not part of this protocol.');
    const max = this.opts.maxFrameBytes ?? MAX_FRAME_BYTES;
    if (bytes.length > max) return this.refuse(null, 'E_TOO_LARGE', `Messages are limited to ${max} bytes.`);
    try {
      accept(bytes);
    } catch (e) {
      if (e instanceof CodedError) return this.refuse(null, e.code, e.message);
      this.opts.onInternalError?.(e, 'binary');
    }
  }

  /** One inbound frame: size cap, JSON, envelope, then by kind. Never throws. */
  receive(text: string): void {
    const max = this.opts.maxFrameBytes ?? MAX_FRAME_BYTES;
    // UTF-8 takes at most 3 bytes per UTF-16 unit: most frames need no byte count (a pass over the text).
    if (text.length > max || (text.length * 3 > max && Buffer.byteLength(text) > max)) return this.refuse(null, 'E_TOO_LARGE', `Messages are limited to ${max} bytes.`);
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return this.refuse(null, 'E_BAD_JSON', 'The message is not valid JSON.');
    }
    const frame = AgentFrame.safeParse(raw);
    if (!frame.success) {
      const id = (raw as { id?: unknown } | null)?.id;
      return this.refuse(typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : null, 'E_BAD_ENVELOPE', 'The message does not follow the protocol envelope.');
    }
    const f = frame.data;
    switch (f.t) {
      case 'req':
        return void this.onRequest(f.id, f.method, f.params ?? {});
      case 'evt':
        return this.onEvent(f.event, f.data);
      case 'res':
      case 'err':
        return this.onAnswer(f);
    }
  }

  private refuse(id: number | null, code: ErrorCode, message: string): void {
    this.opts.onProtocolError?.(code, message, 'in');
    this.error(id, code, message);
  }

  private async onRequest(id: number, method: string, rawParams: unknown): Promise<void> {
    const spec = Object.prototype.hasOwnProperty.call(this.opts.accepts.methods, method) ? this.opts.accepts.methods[method] : undefined;
    if (!spec) return this.refuse(id, 'E_UNKNOWN_METHOD', `There is no action named "${method.slice(0, 64)}".`);
    const parsed = spec.params.safeParse(rawParams);
    if (!parsed.success) return this.refuse(id, 'E_BAD_PARAMS', issues(parsed.error));
    try {
      const handler = this.opts.handlers[method] as (p: unknown) => unknown;
      const result = await handler(parsed.data);
      this.send({ t: 'res', id, result });
    } catch (e) {
      if (e instanceof CodedError) return this.error(id, e.code, e.message);
      this.opts.onInternalError?.(e, method);
      this.error(id, 'E_INTERNAL', 'The request could not be completed.');
    }
  }

  private onEvent(event: string, data: unknown): void {
    const schema = Object.prototype.hasOwnProperty.call(this.opts.accepts.events, event) ? this.opts.accepts.events[event] : undefined;
    if (!schema) return this.refuse(null, 'E_UNKNOWN_METHOD', `There is no event named "${event.slice(0, 64)}".`);
    const parsed = schema.safeParse(data);
    if (!parsed.success) return this.refuse(null, 'E_BAD_PARAMS', `${event}: ${issues(parsed.error)}`);
    try {
      (this.opts.events[event] as (d: unknown) => void)(parsed.data);
    } catch (e) {
      if (e instanceof CodedError) return this.error(null, e.code, e.message);
      this.opts.onInternalError?.(e, event);
    }
  }

  private onAnswer(f: { t: 'res'; id: number; result: unknown } | { t: 'err'; id: number | null; code: string; message: string }): void {
    const p = f.id === null ? undefined : this.pending.get(f.id);
    if (!p) {
      // An error about something that was not a request (our malformed event), or a stray answer.
      if (f.t === 'err') this.opts.onProtocolError?.(f.code, f.message, 'out');
      return;
    }
    this.pending.delete(f.id!);
    clearTimeout(p.timer);
    if (f.t === 'err') return p.reject(new CodedError(isErrorCode(f.code) ? f.code : 'E_INTERNAL', f.message));
    const spec = this.opts.asks[p.method];
    const parsed = spec ? spec.result.safeParse(f.result) : null;
    if (!parsed?.success) return p.reject(new CodedError('E_INTERNAL', `The other end answered ${p.method} with a malformed reply.`));
    p.resolve(parsed.data);
  }
}

function issues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.message}`).join('; ');
}
