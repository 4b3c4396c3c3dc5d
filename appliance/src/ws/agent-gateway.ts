/**
 * The agent endpoint (/ws/agent): Jump Clients (`rep-appliance jump-client`), customer clients
 * attaching their machine (`rep-appliance customer`), and — over an in-memory transport, through
 * the very same code — the demo fleet's emulated agents. A connection identifies itself first
 * (agent.register / agent.hello / agent.attach); from then on it is an Endpoint in the hub, and its
 * Jump Item is Active until it drops. Bad frames get coded error frames; nothing here throws.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CodedError, agentEvents, agentMethods, applianceEvents, applianceMethods, type AgentPresence, type AgentResult } from '../protocol/index.js';
import type { AppContext } from '../context.js';
import type { AgentIdentity, AgentRecord, AgentService } from '../domain/agents.js';
import { RateLimiter } from '../domain/rate-limit.js';
import { LIMITS, hardMessageBytes } from '../domain/limits.js';
import { IdleWatch } from './idle-watch.js';
import { isSameOrigin } from '../http/security.js';
import { Peer, type Transport } from '../agent/peer.js';
import { memoryPair, wsTransport } from '../agent/transport.js';
import { REPLACED, UNINSTALLED } from '../agent/connection.js';
import { AgentEndpoint, type ApplianceSidePeer } from './agent-endpoint.js';
import { AgentFiles } from './agent-files.js';
import { fileLinks } from './file-links.js';

export const AGENT_WS_PATH = '/ws/agent';

class AgentConnection {
  agent: AgentRecord | null = null;
  endpoint: AgentEndpoint | null = null;
  sessionId: string | null = null;
  unregister: (() => void) | null = null;
  /** Another connection took over this agent's identity, or its Jump Item was unpinned: dropping this one changes nothing. */
  replaced = false;
  constructor(
    readonly peer: ApplianceSidePeer,
    readonly address: string,
    readonly emulated: boolean,
    readonly socket: WebSocket | null,
  ) {}
}

export class AgentGateway {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: hardMessageBytes(), perMessageDeflate: false, clientTracking: false });
  private readonly conns = new Set<AgentConnection>();
  private readonly byAgent = new Map<number, AgentConnection>();
  /** Failed identifications (wrong installer key or secret) per address and minute. */
  private readonly failures: RateLimiter;
  /** Heartbeats find agents that vanished without closing (power cut, network gone): closed with 4008, their items go Offline. */
  private readonly idle = new IdleWatch('agentIdleSeconds');
  private readonly unsubscribe: () => void;
  private closing = false;

  constructor(
    private readonly app: AppContext,
    private readonly agents: AgentService,
  ) {
    this.failures = new RateLimiter(app.clock, 30, 60_000);
    this.unsubscribe = app.bus.subscribe((e) => {
      // A customer's machine stops being the session's endpoint when the session ends.
      if (e.type === 'customer.ended') {
        for (const c of this.conns) if (c.sessionId === e.sessionId) c.peer.close(1000, 'session ended');
      } else if (e.type === 'jump.item' && e.item === null) {
        // Unpinned: the Jump Client uninstalls itself (its identity is already gone with the item).
        for (const c of this.conns) {
          if (c.agent?.jumpItemId !== e.itemId) continue;
          c.replaced = true;
          c.peer.close(UNINSTALLED, 'unpinned');
        }
      }
    });
  }

  /** Handles an HTTP upgrade; returns false when the path is not ours. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    if ((req.url ?? '').split('?')[0] !== AGENT_WS_PATH) return false;
    // Agents send no Origin; a browser page of another site has no business here.
    if (!isSameOrigin(req.headers.origin, req.headers.host)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return true;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', () => ws.terminate());
      this.attach(wsTransport(ws), req.socket.remoteAddress ?? 'unknown', false, ws);
      this.idle.watch(ws);
    });
    return true;
  }

  /** An in-process agent (the demo fleet): returns the agent's end of an in-memory connection to this gateway. */
  connectInMemory(): Transport {
    const [agentEnd, applianceEnd] = memoryPair();
    this.attach(applianceEnd, 'in-process', true, null);
    return agentEnd;
  }

  /** Connected agents (Jump Clients and customer machines). */
  get size(): number {
    return this.conns.size;
  }

  private attach(transport: Transport, address: string, emulated: boolean, socket: WebSocket | null): AgentConnection {
    let conn!: AgentConnection;
    const identified = () => {
      if (!conn.endpoint) throw new CodedError('E_AGENT_NOT_IDENTIFIED');
      return conn.endpoint;
    };
    const notYet = () => {
      if (conn.endpoint) throw new CodedError('E_BAD_PARAMS', 'This connection has already identified itself.');
    };
    const limited = <T>(fn: () => T): T => {
      const key = `agent:${address}`;
      if (!emulated && this.failures.blocked(key)) throw new CodedError('E_RATE_LIMITED');
      try {
        return fn();
      } catch (e) {
        if (!emulated) this.failures.fail(key);
        throw e;
      }
    };
    const peer: ApplianceSidePeer = new Peer(transport, {
      maxFrameBytes: LIMITS.maxMessageBytes,
      // Shell output as bytes (protocol/shell-frames.ts), once the agent said who it is.
      binary: (bytes) => identified().binaryMessage(bytes),
      accepts: { methods: agentMethods, events: agentEvents },
      asks: applianceMethods,
      handlers: {
        'agent.register': (p): AgentResult<'agent.register'> => {
          notYet();
          const identity = limited(() => this.agents.register(p, address));
          this.app.log.info({ agentId: identity.agent.id, jumpItemId: identity.item.id, hostname: p.hostname }, 'Jump Client registered');
          this.bind(conn, identity, p.presence, p.hostname, true);
          return { agentId: identity.agent.id, secret: identity.secret, jumpItemId: identity.item.id };
        },
        'agent.hello': (p): AgentResult<'agent.hello'> => {
          notYet();
          const identity = limited(() => this.agents.authenticate(p.agentId, p.secret));
          this.bind(conn, identity, p.presence, p.hostname);
          return { agentId: identity.agent.id, jumpItemId: identity.item.id };
        },
        'agent.attach': (p): AgentResult<'agent.attach'> => {
          notYet();
          const session = limited(() => this.app.customers.sessionFor(p.customerToken));
          if (session.status === 'ended') throw new CodedError('E_SESSION_ENDED');
          const endpoint = new AgentEndpoint(peer, null, p.hostname, 'agent', p.presence);
          endpoint.files = new AgentFiles(peer, fileLinks(this.app));
          conn.endpoint = endpoint;
          conn.sessionId = session.id;
          conn.unregister = this.app.endpoints.register(endpoint);
          this.app.endpoints.bindSession(session.id, endpoint);
          if (p.privateIp) this.app.repos.sessions.setCustomerAddress(session.id, { privateIp: p.privateIp });
          this.app.log.info({ sessionId: session.id }, 'customer machine attached');
          return { sessionId: session.id };
        },
        'agent.presence': (p) => {
          identified().setPresence(p.present ? 'present' : 'absent');
          return {};
        },
      },
      events: {
        'shell.output': (d) => identified().shellOutput(d.channelId, d.data),
        'shell.exit': (d) => identified().shellExit(d.channelId, d.code),
      },
      onInternalError: (err, method) => this.app.log.error({ err, method }, 'agent request failed'),
      onProtocolError: (code, message, direction) => this.app.log.warn({ code, message: message.slice(0, 200), direction, agentId: conn.agent?.id }, 'agent frame refused'),
    });
    conn = new AgentConnection(peer, address, emulated, socket);
    this.conns.add(conn);
    transport.onClose(() => this.dropped(conn));
    return conn;
  }

  /** The connection now speaks for this agent; `registered`: its Jump Item was just created Active. */
  private bind(conn: AgentConnection, identity: AgentIdentity, presence: AgentPresence, hostname: string | undefined, registered = false): void {
    const { agent, item } = identity;
    const previous = this.byAgent.get(agent.id);
    if (previous && previous !== conn) {
      // The same Jump Client came back before its old socket timed out: the newest connection wins.
      previous.replaced = true;
      previous.unregister?.();
      previous.endpoint?.dropped();
      previous.peer.close(REPLACED, 'replaced by a newer connection');
    }
    conn.agent = agent;
    conn.endpoint = new AgentEndpoint(conn.peer, item.id, hostname ?? item.hostname, conn.emulated ? 'emulated' : 'agent', presence);
    conn.endpoint.files = new AgentFiles(conn.peer, fileLinks(this.app));
    conn.unregister = this.app.endpoints.register(conn.endpoint);
    this.byAgent.set(agent.id, conn);
    if (!registered) this.agents.connected(agent, hostname && hostname !== agent.hostname ? hostname : undefined);
  }

  private dropped(conn: AgentConnection): void {
    if (!this.conns.delete(conn)) return;
    conn.peer.closed();
    conn.endpoint?.dropped();
    conn.unregister?.();
    if (!conn.agent || this.byAgent.get(conn.agent.id) !== conn) return;
    this.byAgent.delete(conn.agent.id);
    // Replaced or uninstalled: nothing to record. On shutdown the next start marks every agent Offline until it is back.
    if (conn.replaced || this.closing) return;
    try {
      this.agents.disconnected(conn.agent);
    } catch (err) {
      this.app.log.error({ err, agentId: conn.agent.id }, 'marking a Jump Client offline failed');
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    this.idle.stop();
    this.unsubscribe();
    for (const c of this.conns) c.peer.close(1001, 'The appliance is shutting down.');
    await new Promise<void>((res) => this.wss.close(() => res()));
    for (const c of this.conns) c.socket?.terminate();
  }
}
