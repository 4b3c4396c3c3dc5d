/**
 * The console WebSocket protocol from Node (`ws`): what the main process uses to redeem a hand-off
 * token before the window takes over. Requests are `{t:'req', id, method, params}`; a `{t:'err'}`
 * rejects with `{ code, message }`; events go to `onEvent`. A site whose certificate the rep trusted
 * explicitly is reached with that certificate as its only trust anchor (never "accept anything").
 * Its own refusals are worded in the rep's language: a `.brcs` failure shows them (src-main/brcs.ts).
 */
import WebSocket from 'ws';
import type { ConsoleLink } from './brcs-session.js';
import { word } from './desktop-words.js';

export interface ConsoleLinkOptions {
  /** A PEM the rep trusted for this site (sites.ts); otherwise the system's CAs. */
  readonly trustedCertificatePem?: string | null;
  readonly headers?: Record<string, string>;
  readonly onEvent?: (event: string, data: unknown) => void;
  /** How long to wait for the connection and for each answer. */
  readonly timeoutMs?: number;
}

/** `https://host:port` → `wss://host:port/ws/console`. */
export function consoleSocketUrl(origin: string): string {
  const url = new URL('/ws/console', origin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

export class CodedRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function openConsoleLink(origin: string, opts: ConsoleLinkOptions = {}): Promise<ConsoleLink> {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const ws = new WebSocket(consoleSocketUrl(origin), {
    headers: opts.headers ?? {},
    handshakeTimeout: timeoutMs,
    maxPayload: 16 * 1024 * 1024,
    ...(opts.trustedCertificatePem ? { ca: [opts.trustedCertificatePem] } : {}),
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void; timer: NodeJS.Timeout }>();
  let nextId = 1;
  const failAll = (why: string) => {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      p.reject(new CodedRefusal('E_CONNECTION_CLOSED', why));
      pending.delete(id);
    }
  };
  ws.on('message', (raw) => {
    let msg: { t?: string; id?: unknown; result?: unknown; code?: unknown; message?: unknown; event?: unknown; data?: unknown };
    try {
      msg = JSON.parse(raw.toString()) as typeof msg;
    } catch {
      return;
    }
    if (msg.t === 'evt' && typeof msg.event === 'string') return opts.onEvent?.(msg.event, msg.data);
    if (typeof msg.id !== 'number') return;
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    clearTimeout(p.timer);
    if (msg.t === 'res') p.resolve(msg.result);
    else p.reject(new CodedRefusal(typeof msg.code === 'string' ? msg.code : 'E_INTERNAL', typeof msg.message === 'string' ? msg.message : word('desktop.link.refused')));
  });
  ws.on('close', () => failAll(word('desktop.link.closed')));

  const link: ConsoleLink = {
    call: (method, params) =>
      new Promise((resolve, reject) => {
        if (ws.readyState !== WebSocket.OPEN) return reject(new CodedRefusal('E_CONNECTION_CLOSED', word('desktop.link.notOpen')));
        const id = nextId++;
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new CodedRefusal('E_TIMEOUT', word('desktop.link.timeout', { method })));
        }, timeoutMs);
        pending.set(id, { resolve, reject, timer });
        ws.send(JSON.stringify({ t: 'req', id, method, params }));
      }),
    close: () => ws.close(1000, 'done'),
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(link));
    ws.once('error', (e) => reject(new CodedRefusal('E_CONNECTION_FAILED', word('desktop.link.failed', { origin, error: e.message }))));
    ws.once('unexpected-response', (_req, res) => reject(new CodedRefusal('E_CONNECTION_FAILED', word('desktop.link.httpRefused', { origin, status: String(res.statusCode) }))));
  });
}
