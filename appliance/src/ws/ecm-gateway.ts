/**
 * The ECM endpoint (/ws/ecm): an Endpoint Credential Manager connects, says `hello` with its ECM
 * account's client ID and secret, and stays connected answering `list` and `fetch` requests. A
 * wrong secret is refused (E_ECM_CLIENT_INVALID, close 4401) before the ECM is listed anywhere; a
 * sixth ECM gets E_ECM_LIMIT (close 4409).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CodedError, ERRORS } from '../protocol/index.js';
import { ECM_CLOSE, ECM_WS_PATH, EcmHello, type EcmServerMessage } from '../protocol/ecm-messages.js';
import type { EcmAccountService } from '../domain/ecm-accounts.js';
import type { EcmEntry, EcmRegistry } from '../domain/ecm-registry.js';
import type { Logger } from '../log.js';

const HELLO_TIMEOUT_MS = 10_000;

export class EcmGateway {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 2 * 1024 * 1024, perMessageDeflate: false });

  constructor(
    private readonly accounts: EcmAccountService,
    private readonly registry: EcmRegistry,
    private readonly log: Logger,
  ) {}

  /** Handles an HTTP upgrade; returns false when the path is not ours. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    if ((req.url ?? '').split('?')[0] !== ECM_WS_PATH) return false;
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, req.socket.remoteAddress ?? ''));
    return true;
  }

  async close(): Promise<void> {
    this.registry.closeAll();
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((r) => this.wss.close(() => r()));
  }

  private accept(ws: WebSocket, address: string): void {
    const send = (msg: EcmServerMessage) => ws.send(JSON.stringify(msg));
    const refuse = (code: 'E_ECM_CLIENT_INVALID' | 'E_ECM_BAD_HELLO' | 'E_ECM_LIMIT', close: number) => {
      send({ type: 'refused', code, message: ERRORS[code] });
      ws.close(close, code);
    };
    let entry: EcmEntry | null = null;
    const helloTimer = setTimeout(() => refuse('E_ECM_BAD_HELLO', ECM_CLOSE.protocol), HELLO_TIMEOUT_MS);
    ws.on('message', (data: RawData, isBinary: boolean) => {
      const text = isBinary ? '' : rawText(data);
      if (entry) return this.registry.receive(entry, text);
      clearTimeout(helloTimer);
      let hello: EcmHello;
      try {
        hello = EcmHello.parse(JSON.parse(text));
      } catch {
        this.log.warn({ address }, 'ECM refused: no valid hello');
        return refuse('E_ECM_BAD_HELLO', ECM_CLOSE.protocol);
      }
      let accountId: number;
      try {
        accountId = this.accounts.verify(hello.clientId, hello.clientSecret).id;
      } catch {
        this.log.warn({ address, name: hello.name }, 'ECM refused: client ID or secret not valid');
        return refuse('E_ECM_CLIENT_INVALID', ECM_CLOSE.invalid);
      }
      try {
        entry = this.registry.admit(hello, accountId, address, { send, close: (code, reason) => ws.close(code, reason) });
      } catch (e) {
        if (e instanceof CodedError && e.code === 'E_ECM_LIMIT') {
          this.log.warn({ address, name: hello.name }, 'ECM refused: the site already has 5 ECMs');
          return refuse('E_ECM_LIMIT', ECM_CLOSE.full);
        }
        throw e;
      }
      send({ type: 'welcome', ecmId: entry.info.id });
    });
    ws.on('close', () => {
      clearTimeout(helloTimer);
      if (entry) this.registry.drop(entry);
    });
    ws.on('error', () => ws.terminate());
  }
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}
