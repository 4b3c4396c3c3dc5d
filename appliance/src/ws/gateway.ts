/**
 * The console WebSocket endpoint (/ws/console): upgrades, parses every frame through the protocol
 * envelope, dispatches to handlers, and fans domain events out to the consoles allowed to see them.
 * Bad input gets a coded error frame; it never throws out of here.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CodedError, ERRORS, isMethodName, methods, type MethodName } from '../protocol/index.js';
import { readCookie } from './cookies.js';
import { readFrame } from './frames.js';
import { toMe } from '../domain/auth.js';
import type { AppContext } from '../context.js';
import type { DomainEvent } from '../domain/event-bus.js';
import { isAllowed } from '../domain/permissions.js';
import { LIMITS, hardMessageBytes } from '../domain/limits.js';
import { IdleWatch } from './idle-watch.js';
import { isSameOrigin } from '../http/security.js';
import { CONSOLE_COOKIE } from '../http/console-routes.js';
import { ConsoleConnection } from './connection.js';
import { handlers, type HandlerContext } from './handlers.js';
import { englishOf } from '../domain/system-line-text.js';

export const CONSOLE_WS_PATH = '/ws/console';
/** Frames above LIMITS.maxMessageBytes get E_TOO_LARGE; far larger ones are cut off by ws itself (close 1009). */
const HARD_FRAME_LIMIT = hardMessageBytes();

export class ConsoleGateway {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: HARD_FRAME_LIMIT });
  private readonly conns = new Set<ConsoleConnection>();
  private readonly unsubscribe: () => void;
  /** Heartbeats find dead peers (laptop lid closed) so presence stays true (ws/idle-watch.ts). */
  private readonly idle = new IdleWatch('consoleIdleSeconds');

  constructor(private readonly app: AppContext) {
    this.unsubscribe = app.bus.subscribe((e) => this.fanOut(e));
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
    const tls = 'encrypted' in req.socket && Boolean((req.socket as { encrypted?: boolean }).encrypted);
    const conn = new ConsoleConnection(ws, kind, req.socket.remoteAddress ?? 'unknown', `${tls ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`);
    this.conns.add(conn);
    this.idle.watch(ws);

    const h: HandlerContext = {
      app: this.app,
      conn,
      bind: (actor, login) => {
        if (conn.actor) this.leavePresence(conn, false);
        conn.actor = actor;
        conn.login = login;
        this.app.presence.connected(actor.user.id, login.kind === 'desktop' ? 'desktop' : 'web', login.createdAt);
        this.app.repLoss.connected(actor.user.id);
      },
      unbind: (loggedOut) => this.leavePresence(conn, loggedOut),
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
      this.conns.delete(conn);
      if (!this.closing) this.leavePresence(conn, false);
    });
    ws.on('error', (err) => this.app.log.warn({ err: err.message }, 'console socket error'));
  }

  private async onFrame(h: HandlerContext, data: RawData, isBinary: boolean): Promise<void> {
    const { conn } = h;
    const frame = readFrame(data, isBinary);
    if (!frame.ok) {
      this.app.log.warn({ code: frame.code }, frame.code === 'E_BAD_JSON' ? 'console frame is not JSON' : 'console frame refused');
      return conn.sendError(frame.id, frame.code, frame.message);
    }
    const { id, method, params } = frame;
    if (!isMethodName(method)) {
      this.app.log.warn({ method: method.slice(0, 64) }, 'unknown console method');
      return conn.sendError(id, 'E_UNKNOWN_METHOD', `There is no action named "${method}".`);
    }
    try {
      const result = await this.dispatch(h, method, params);
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
    const entry = handlers[method] as { public?: boolean; run: (h: HandlerContext, p: unknown, a?: unknown) => unknown };
    if (entry.public) return entry.run(h, parsed.data);
    if (!h.conn.actor) throw new CodedError('E_AUTH_REQUIRED');
    return entry.run(h, parsed.data, h.conn.actor);
  }

  /** The connection no longer speaks for its rep; when it was their last, their sessions wait for them (or go, on logout). */
  private leavePresence(conn: ConsoleConnection, loggedOut: boolean): void {
    const userId = conn.actor?.user.id;
    conn.actor = null;
    conn.login = null;
    if (userId === undefined) return;
    this.app.presence.disconnected(userId);
    if (this.app.presence.isOnline(userId)) return;
    try {
      if (loggedOut) this.app.repLoss.release(userId, 'logged_out');
      else this.app.repLoss.dropped(userId);
    } catch (err) {
      this.app.log.error({ err, userId }, 'releasing sessions failed');
    }
  }

  private fanOut(e: DomainEvent): void {
    for (const c of this.conns) {
      if (!c.actor) continue;
      if (e.type === 'session.changed') {
        const visible = e.session.status !== 'ended' && isAllowed(c.actor, { kind: 'queue.view', queueId: e.session.queueId });
        if (visible) {
          c.seenSessions.add(e.session.id);
          c.sendEvent('queue.session', e.session);
        } else if (c.seenSessions.delete(e.session.id)) c.sendEvent('queue.sessionRemoved', { id: e.session.id, queueId: e.session.queueId });
      } else if (e.type === 'session.removed') {
        if (c.seenSessions.delete(e.sessionId)) c.sendEvent('queue.sessionRemoved', { id: e.sessionId, queueId: e.queueId });
      } else if (e.type === 'login.revoked') {
        if (c.login && e.tokenHashes.includes(c.login.tokenHash)) {
          c.sendEvent('auth.kicked', { code: e.code, message: ERRORS[e.code] });
          // No grace period and no release here: after a kick the rep is on their new console; after an
          // administrator's End, RepLogout releases their sessions once the last console is gone.
          c.actor = null;
          c.login = null;
          this.app.presence.disconnected(e.userId);
          c.socket.close(4001, e.code);
        }
      } else if (e.type === 'user.changed') {
        // Permissions act at once: the connection's actor is re-read and the console told who the rep is now.
        if (c.actor.user.id === e.userId) {
          const user = this.app.repos.users.byId(e.userId);
          if (user && !user.disabled) {
            c.actor = this.app.auth.actorFor(user);
            c.sendEvent('auth.me', toMe(c.actor));
          }
        }
      } else if (e.type === 'session.chat') {
        if (e.recipients.includes(c.actor.user.id)) c.sendEvent('session.chat', e.message);
      } else if (e.type === 'team.chat') {
        if (e.recipients.includes(c.actor.user.id)) c.sendEvent('team.chat', e.message);
      } else if (e.type === 'session.state') {
        if (e.recipients.includes(c.actor.user.id)) c.sendEvent('session.state', e.state);
      } else if (e.type === 'session.prompt') {
        if (e.recipients.includes(c.actor.user.id)) c.sendEvent('session.prompt', e.prompt);
      } else if (e.type === 'session.closed') {
        if (e.recipients.includes(c.actor.user.id)) c.sendEvent('session.closed', { sessionId: e.sessionId, reason: englishOf(e.line), line: e.line });
      } else if (e.type === 'invitation.created') {
        if (isAllowed(c.actor, { kind: 'queue.view', queueId: e.invitation.queueId })) c.sendEvent('queue.invitation', e.invitation);
      } else if (e.type === 'invitation.removed') {
        if (isAllowed(c.actor, { kind: 'queue.view', queueId: e.queueId })) c.sendEvent('queue.invitationRemoved', { id: e.id });
      } else if (e.type === 'jump.status') {
        if (isAllowed(c.actor, { kind: 'jump.list' })) c.sendEvent('jump.status', { itemId: e.itemId, status: e.status });
      } else if (e.type === 'jump.item') {
        if (isAllowed(c.actor, { kind: 'jump.list' })) c.sendEvent('jump.item', { itemId: e.itemId, item: this.app.jump.viewFor(c.actor, e.item) });
      }
    }
  }

  private closing = false;

  /** Closes every console socket (shutdown). */
  async close(): Promise<void> {
    this.closing = true;
    this.idle.stop();
    this.unsubscribe();
    for (const c of this.conns) c.socket.close(1001, 'The appliance is shutting down.');
    await new Promise<void>((res) => this.wss.close(() => res()));
    for (const c of this.conns) c.socket.terminate();
  }
}
