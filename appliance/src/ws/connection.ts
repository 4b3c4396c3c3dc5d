/** One console's WebSocket: who it is (once logged in) and how frames go out. */
import type { WebSocket } from 'ws';
import type { ErrorCode, EventData, EventName } from '../protocol/index.js';
import type { Actor } from '../domain/permissions.js';
import type { LoginRecord } from '../domain/ports.js';

/** Past this much unsent data the console is too slow to keep up: drop it, it will reconnect and resync. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

export class ConsoleConnection {
  actor: Actor | null = null;
  login: LoginRecord | null = null;
  /** Sessions this console has been shown in its queues, so it is told when one leaves them. */
  readonly seenSessions = new Set<string>();

  constructor(
    readonly socket: WebSocket,
    readonly kind: 'web' | 'desktop',
    readonly address: string,
    /** The site's address as this console reached it: used in key URLs. */
    readonly baseUrl: string,
  ) {}

  get authenticated(): boolean {
    return this.actor !== null;
  }

  sendResult(id: number, result: unknown): void {
    this.send({ t: 'res', id, result });
  }

  sendError(id: number | null, code: ErrorCode, message: string): void {
    this.send({ t: 'err', id, code, message });
  }

  sendEvent<E extends EventName>(event: E, data: EventData<E>): void {
    this.send({ t: 'evt', event, data });
  }

  /** An event whose data is already JSON text (shell output: encoded once for the recording and the console). */
  sendEventJson(event: EventName, dataJson: string): void {
    if (this.writable()) this.socket.send(`{"t":"evt","event":${JSON.stringify(event)},"data":${dataJson}}`);
  }

  /** A binary message (screen frames, shell output). */
  sendBinary(bytes: Uint8Array): void {
    if (this.writable()) this.socket.send(bytes, { binary: true });
  }

  private send(frame: unknown): void {
    if (this.writable()) this.socket.send(JSON.stringify(frame));
  }

  /** Open, and keeping up: a console this far behind is dropped (it reconnects and resyncs). */
  private writable(): boolean {
    if (this.socket.readyState !== this.socket.OPEN) return false;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.socket.terminate();
      return false;
    }
    return true;
  }
}
