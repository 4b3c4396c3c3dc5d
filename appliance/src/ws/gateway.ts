/**
 * The console WebSocket endpoint (/ws/console): upgrades, parses every frame through the protocol
 * envelope, dispatches to handlers, and fans domain events out to the consoles allowed to see them.
 * Bad input gets a coded error frame; it never throws out of here.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CodedError, MAX_FRAME_BYTES, RequestEnvelope, isMethodName, methods, type MethodName } from '../protocol/index.js';
import type { AppContext } from '../context.js';
import type { DomainEvent } from '../domain/event-bus.js';
import { isAllowed } from '../domain/permissions.js';
import { isSameOrigin } from '../http/security.js';
import { CONSOLE_COOKIE } from '../http/console-routes.js';
import { ConsoleConnection } from './connection.js';
import { handlers, type HandlerContext } from './handlers.js';

export const CONSOLE_WS_PATH = '/ws/console';
/** Frames above MAX_FRAME_BYTES get E_TOO_LARGE; far larger ones are cut off by ws itself (close 1009). */
const HARD_FRAME_LIMIT = 4 * MAX_FRAME_BYTES;
const PING_MS = 25_000;

export class ConsoleGateway {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: HARD_FRAME_LIMIT });
  private readonly conns = new Set<ConsoleConnection>();
  private readonly unsubscribe: () => void;
  private readonly pinger: NodeJS.Timeout;

  constructor(private readonly app: AppContext) {
    this.unsubscribe = app.bus.subscribe((e) => this.fanOut(e));
    // Heartbeats find dead peers (laptop lid closed) so presence stays true.
    this.pinger = setInterval(() => {
      for (const c of this.conns) {
        const s = c.socket as WebSocket & { alive?: boolean };
        if (s.alive === false) s.terminate();
        else {
          s.alive = false;
          s.ping();
        }
      }
    }, PING_MS);
    this.pinger.unref();
  }

  /** Handles an HTTP upgrade; returns false when the path is not ours. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const path = (req.url ?? '').split('?')[0];
    if (path !== CONSOLE_WS_PATH) return false;
    // Cookies ride along on cross-site WebSocket handshakes: refuse other origins (CSWSH).
    if (!isSameOrigin(req.headers.origin, req.headers.host)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return true;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, req));
    return true;
  }

  private accept(ws: WebSocket, req: IncomingMessage): void {
    const secret = req.headers['x-rep-launch-secret'];
    const kind = this.app.launchSecret && secret === this.app.launchSecret ? 'desktop' : 'web';
    const conn = new ConsoleConnection(ws, kind, req.socket.remoteAddress ?? 'unknown');
    this.conns.add(conn);
    (ws as WebSocket & { alive?: boolean }).alive = true;
    ws.on('pong', () => ((ws as WebSocket & { alive?: boolean }).alive = true));

    const h: HandlerContext = {
      app: this.app,
      conn,
      bind: (actor, login) => {
        if (conn.actor) this.app.presence.disconnected(conn.actor.user.id);
        conn.actor = actor;
        conn.login = login;
        this.app.presence.connected(actor.user.id, login.kind === 'desktop' ? 'desktop' : 'web', login.createdAt);
      },
      unbind: () => {
        if (conn.actor) this.app.presence.disconnected(conn.actor.user.id);
        conn.actor = null;
        conn.login = null;
      },
    };

    // A web console that logged in earlier carries its HttpOnly cookie on the handshake.
    const cookieToken = readCookie(req.headers.cookie, CONSOLE_COOKIE);
    if (cookieToken) {
      try {
        const { actor, login } = this.app.auth.resume(cookieToken, ['web']);
        h.bind(actor, login);
      } catch {
        /* stale cookie: the console shows its login screen */
      }
    }

    ws.on('message', (data, isBinary) => void this.onFrame(h, data, isBinary));
    ws.on('close', () => {
      h.unbind();
      this.conns.delete(conn);
    });
    ws.on('error', (err) => this.app.log.warn({ err: err.message }, 'console socket error'));
  }

  private async onFrame(h: HandlerContext, data: RawData, isBinary: boolean): Promise<void> {
    const { conn } = h;
    const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : (data as Buffer | ArrayBuffer).byteLength;
    if (size > MAX_FRAME_BYTES) {
      this.app.log.warn({ size }, 'console frame too large');
      return conn.sendError(null, 'E_TOO_LARGE', `Messages are limited to ${MAX_FRAME_BYTES} bytes.`);
    }
    if (isBinary) return conn.sendError(null, 'E_BAD_ENVELOPE', 'Binary frames are not part of the console protocol.');
    let raw: unknown;
    try {
      raw = JSON.parse(data.toString());
    } catch {
      this.app.log.warn('console frame is not JSON');
      return conn.sendError(null, 'E_BAD_JSON', 'The message is not valid JSON.');
    }
    const env = RequestEnvelope.safeParse(raw);
    if (!env.success) {
      const id = typeof (raw as { id?: unknown })?.id === 'number' ? ((raw as { id: number }).id) : null;
      this.app.log.warn('console frame has a bad envelope');
      return conn.sendError(id !== null && Number.isInteger(id) && id >= 0 ? id : null, 'E_BAD_ENVELOPE', 'The message does not follow the protocol envelope.');
    }
    const { id, method, params } = env.data;
    if (!isMethodName(method)) {
      this.app.log.warn({ method: method.slice(0, 64) }, 'unknown console method');
      return conn.sendError(id, 'E_UNKNOWN_METHOD', `There is no action named "${method}".`);
    }
    try {
      const result = await this.dispatch(h, method, params ?? {});
      conn.sendResult(id, result);
    } catch (e) {
      if (e instanceof CodedError) return conn.sendError(id, e.code, e.message);
      this.app.log.error({ err: e, method }, 'console request failed');
      conn.sendError(id, 'E_INTERNAL', 'The appliance could not complete the request.');
    }
  }

  private async dispatch<M extends MethodName>(h: HandlerContext, method: M, rawParams: unknown): Promise<unknown> {
    const spec = methods[method];
    const parsed = spec.params.safeParse(rawParams);
    if (!parsed.success) throw new CodedError('E_BAD_PARAMS', parsed.error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.message}`).join('; '));
    const entry = handlers[method];
    if (!entry.public && !h.conn.actor) throw new CodedError('E_AUTH_REQUIRED');
    return entry.run(h, parsed.data as never, h.conn.actor);
  }

  private fanOut(e: DomainEvent): void {
    for (const c of this.conns) {
      if (!c.actor) continue;
      if (e.type === 'session.changed') {
        if (!isAllowed(c.actor, { kind: 'queue.view', queueId: e.session.queueId })) continue;
        if (e.session.status === 'ended') c.sendEvent('queue.sessionRemoved', { id: e.session.id, queueId: e.session.queueId });
        else c.sendEvent('queue.session', e.session);
      } else if (e.type === 'session.removed') {
        if (isAllowed(c.actor, { kind: 'queue.view', queueId: e.queueId })) c.sendEvent('queue.sessionRemoved', { id: e.sessionId, queueId: e.queueId });
      } else if (e.type === 'login.revoked') {
        if (c.login && e.tokenHashes.includes(c.login.tokenHash)) {
          c.sendEvent('auth.kicked', { code: e.code, message: e.code === 'E_AUTH_KICKED' ? 'You were logged out because you logged in from another console.' : 'Your login has expired. Log in again.' });
          c.actor = null;
          this.app.presence.disconnected(e.userId);
          c.login = null;
          c.socket.close(4001, e.code);
        }
      }
    }
  }

  /** Closes every console socket (shutdown). */
  async close(): Promise<void> {
    clearInterval(this.pinger);
    this.unsubscribe();
    for (const c of this.conns) c.socket.close(1001, 'The appliance is shutting down.');
    await new Promise<void>((res) => this.wss.close(() => res()));
    for (const c of this.conns) c.socket.terminate();
  }
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}
