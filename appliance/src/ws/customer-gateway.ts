/**
 * The customer client endpoint (/ws/customer): the browser customer page and the `customer` agent.
 * A connection becomes a session's customer with `customer.hello` and its token; then it chats,
 * answers prompts and leaves. Dropping the socket starts the customer's grace period.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  CodedError, customerMethods, isCustomerMethodName, type CustomerEventData, type CustomerEventName, type CustomerMethodName, type ErrorCode,
} from '../protocol/index.js';
import type { AppContext } from '../context.js';
import type { DomainEvent } from '../domain/event-bus.js';
import { isSameOrigin } from '../http/security.js';
import { CUSTOMER_COOKIE } from '../http/start-session.js';
import { readCookie } from './cookies.js';
import { readFrame } from './frames.js';
import { hardMessageBytes } from '../domain/limits.js';
import { englishOf } from '../domain/system-line-text.js';

export const CUSTOMER_WS_PATH = '/ws/customer';

class CustomerConnection {
  sessionId: string | null = null;
  /** The browser customer page's token arrives as an HttpOnly cookie on the handshake. */
  constructor(readonly socket: WebSocket, readonly cookieToken: string | null) {}

  send(frame: unknown): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(frame));
  }
  event<E extends CustomerEventName>(event: E, data: CustomerEventData<E>): void {
    this.send({ t: 'evt', event, data });
  }
  error(id: number | null, code: ErrorCode, message: string): void {
    this.send({ t: 'err', id, code, message });
  }
}

export class CustomerGateway {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: hardMessageBytes() });
  private readonly conns = new Set<CustomerConnection>();
  private readonly unsubscribe: () => void;
  private closing = false;

  constructor(private readonly app: AppContext) {
    this.unsubscribe = app.bus.subscribe((e) => this.fanOut(e));
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    if ((req.url ?? '').split('?')[0] !== CUSTOMER_WS_PATH) return false;
    if (!isSameOrigin(req.headers.origin, req.headers.host)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return true;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, readCookie(req.headers.cookie, CUSTOMER_COOKIE)));
    return true;
  }

  private accept(ws: WebSocket, cookieToken: string | null): void {
    const conn = new CustomerConnection(ws, cookieToken);
    this.conns.add(conn);
    ws.on('message', async (data, isBinary) => {
      const frame = readFrame(data, isBinary);
      if (!frame.ok) return conn.error(frame.id, frame.code, frame.message);
      if (!isCustomerMethodName(frame.method)) return conn.error(frame.id, 'E_UNKNOWN_METHOD', `There is no action named "${frame.method}".`);
      try {
        // Awaited: a chat line answers once its group is committed (domain/group-commit.ts).
        conn.send({ t: 'res', id: frame.id, result: await this.dispatch(conn, frame.method, frame.params) });
      } catch (e) {
        if (e instanceof CodedError) return conn.error(frame.id, e.code, e.message);
        this.app.log.error({ err: e, method: frame.method }, 'customer request failed');
        conn.error(frame.id, 'E_INTERNAL', 'The appliance could not complete the request.');
      }
    });
    ws.on('close', () => {
      this.conns.delete(conn);
      if (conn.sessionId && !this.closing) this.app.customers.disconnected(conn.sessionId);
    });
    ws.on('error', () => ws.terminate());
  }

  private dispatch(conn: CustomerConnection, method: CustomerMethodName, raw: unknown): unknown {
    const parsed = customerMethods[method].params.safeParse(raw);
    if (!parsed.success) throw new CodedError('E_BAD_PARAMS', parsed.error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.message}`).join('; '));
    const c = this.app.customers;
    if (method === 'customer.hello') {
      const token = (parsed.data as { token?: string }).token ?? conn.cookieToken;
      if (!token) throw new CodedError('E_SESSION_NOT_FOUND');
      const session = c.sessionFor(token);
      if (session.status === 'ended') throw new CodedError('E_SESSION_ENDED');
      if (conn.sessionId !== session.id) {
        if (conn.sessionId) c.disconnected(conn.sessionId);
        conn.sessionId = session.id;
        c.connected(session.id);
      }
      return c.hello(session.id);
    }
    const sessionId = conn.sessionId;
    if (!sessionId) throw new CodedError('E_AUTH_REQUIRED', 'Join the session first.');
    switch (method) {
      case 'customer.chat':
        return c.chat(sessionId, (parsed.data as { body: string }).body).then((message) => ({ message }));
      case 'customer.answer': {
        const p = parsed.data as { promptId: number; allow: boolean };
        c.answer(sessionId, p.promptId, p.allow);
        return {};
      }
      case 'customer.leave':
        c.leave(sessionId);
        return {};
    }
  }

  private fanOut(e: DomainEvent): void {
    if (!('sessionId' in e) && e.type !== 'session.chat' && e.type !== 'session.prompt') return;
    for (const conn of this.conns) {
      if (!conn.sessionId) continue;
      if (e.type === 'session.chat' && e.message.sessionId === conn.sessionId && e.message.audience === 'all') conn.event('customer.chat', e.message);
      else if (e.type === 'session.prompt' && e.prompt.sessionId === conn.sessionId) conn.event('customer.prompt', e.prompt);
      else if (e.type === 'customer.status' && e.sessionId === conn.sessionId) {
        try {
          conn.event('customer.status', this.app.customers.status(conn.sessionId));
        } catch {
          /* the session is gone */
        }
      } else if (e.type === 'customer.ended' && e.sessionId === conn.sessionId) {
        conn.event('customer.ended', { reason: englishOf(e.line), line: e.line });
        const id = conn.sessionId;
        conn.sessionId = null;
        this.app.customers.forget(id);
        // After the current turn, so a reply to the request that ended it (customer.leave) still goes out.
        const socket = conn.socket;
        setImmediate(() => socket.close(1000, 'session ended'));
      }
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    this.unsubscribe();
    for (const c of this.conns) c.socket.close(1001, 'The appliance is shutting down.');
    await new Promise<void>((res) => this.wss.close(() => res()));
    for (const c of this.conns) c.socket.terminate();
  }
}
