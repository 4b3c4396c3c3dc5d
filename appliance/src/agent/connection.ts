/**
 * The agent's connection to its site: open /ws/agent, identify (register, hello or attach), then
 * answer the appliance — real shells, files within the allowed paths, system information — until the
 * socket drops; then wait (exponential backoff with jitter) and connect again, until stopped or
 * refused for good (a bad installer key, an identity the site no longer knows).
 */
import WebSocket from 'ws';
import { CodedError, agentEvents, agentMethods, applianceEvents, applianceMethods, type ApplianceParams, type ConsentAnswer } from '../protocol/index.js';
import { Backoff } from './backoff.js';
import { listDirectory } from './files.js';
import { httpDialer } from './file-dialer.js';
import { fileHandlers, volumesFromRoots } from './file-handlers.js';
import { FileStore } from './file-store.js';
import { Peer } from './peer.js';
import { binaryOutput, PtyShells, textOutput } from './shell.js';
import { systemInfo } from './sysinfo.js';
import { wsTransport } from './transport.js';
import { agentElevate, elevationAccountFromEnv } from './elevation.js';
import { supportButtonHandlers } from './support-buttons.js';

export type AgentSidePeer = Peer<typeof applianceMethods, typeof applianceEvents, typeof agentMethods, typeof agentEvents>;

/** The close code the appliance uses when a newer connection took over this agent's identity. */
export const REPLACED = 4002;
/** The close code the appliance uses when the agent's Jump Item was unpinned (deleted): the agent uninstalls itself. */
export const UNINSTALLED = 4003;

/** The appliance misses three of its 30-second pings: the connection is dead even if TCP has not noticed. */
const SILENCE_MS = 95_000;

export interface AgentRunnerOptions {
  /** The site's base URL (http[s]://host:port). */
  site: string;
  /** Identifies the new connection; a CodedError with a code in `fatalCodes` stops the agent. */
  identify: (peer: AgentSidePeer) => Promise<void>;
  /** Allowed folders (resolved); the first is where shells start. */
  roots: string[];
  log: (line: string) => void;
  /** Refusals after which retrying cannot help. */
  fatalCodes?: readonly string[];
  backoff?: Backoff;
  /** Called once each connection is identified. */
  onReady?: (peer: AgentSidePeer) => void;
  /** The site unpinned this agent's Jump Item: forget the identity (the agent then stops). */
  onUninstalled?: () => void;
  /** Answers a Jump Policy's "allow this session?" prompt; absent: nobody answers (the Jump is refused as nobody there). */
  consent?: (q: ApplianceParams<'consent.ask'>) => Promise<ConsentAnswer>;
}

export function agentSocketUrl(site: string): string {
  const u = new URL(site);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  u.pathname = '/ws/agent';
  u.search = '';
  u.hash = '';
  return u.toString();
}

export class AgentRunner {
  private stopped = false;
  private socket: WebSocket | null = null;
  private wake: (() => void) | null = null;
  private readonly backoff: Backoff;
  readonly shells: PtyShells;
  /** The administrator account Specific User elevation is checked against (agent/elevation.ts). */
  private readonly elevationAccount = elevationAccountFromEnv();
  /** File Transfer within the allowed folders; kept across reconnects so an upload resumes where it stopped. */
  private readonly files: FileStore;
  /** Why the agent gave up (null while it keeps trying, or after a clean stop). */
  fatal: CodedError | null = null;

  constructor(private readonly o: AgentRunnerOptions) {
    this.backoff = o.backoff ?? new Backoff();
    this.files = new FileStore(volumesFromRoots(o.roots));
    this.shells = new PtyShells(o.roots[0], undefined, () => this.socket?.bufferedAmount ?? 0);
  }

  /** Runs until stop() or a fatal refusal; resolves with the process exit code. */
  async run(): Promise<number> {
    const url = agentSocketUrl(this.o.site);
    while (!this.stopped) {
      const ws = await this.connect(url).catch((e: Error) => {
        this.o.log(`cannot reach ${this.o.site}: ${e.message}`);
        return null;
      });
      if (ws) {
        const outcome = await this.session(ws);
        if (outcome === 'fatal') return 1;
      }
      if (this.stopped) break;
      const delay = this.backoff.next();
      this.o.log(`reconnecting in ${(delay / 1000).toFixed(1)} s`);
      await this.sleep(delay);
    }
    return 0;
  }

  stop(): void {
    this.stopped = true;
    this.shells.closeAll();
    this.socket?.close(1000, 'agent stopping');
    this.wake?.();
  }

  private connect(url: string): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: 15_000 });
      ws.once('open', () => resolve(ws));
      ws.once('error', (e) => reject(e));
      ws.once('unexpected-response', (_req, res) => {
        reject(new Error(`the site refused the connection (HTTP ${res.statusCode})`));
        ws.terminate();
      });
    });
  }

  /** One connection, from identify to close. */
  private async session(ws: WebSocket): Promise<'closed' | 'fatal'> {
    this.socket = ws;
    ws.on('error', () => undefined);
    let closeCode = 0;
    const closed = new Promise<void>((res) =>
      ws.once('close', (code) => {
        closeCode = code;
        res();
      }),
    );
    let silence: NodeJS.Timeout | null = null;
    const heard = () => {
      if (silence) clearTimeout(silence);
      silence = setTimeout(() => ws.terminate(), SILENCE_MS);
      silence.unref();
    };
    ws.on('ping', heard);
    ws.on('message', heard);
    heard();

    const peer = this.peer(ws);
    try {
      await this.o.identify(peer);
    } catch (e) {
      const refusal = e instanceof CodedError ? e : new CodedError('E_INTERNAL', (e as Error).message);
      if (this.o.fatalCodes?.includes(refusal.code)) {
        this.fatal = refusal;
        this.o.log(`refused: ${refusal.code}: ${refusal.message}`);
        ws.close(1000, 'refused');
        await closed;
        if (silence) clearTimeout(silence);
        return 'fatal';
      }
      if (!this.stopped) this.o.log(`could not identify: ${refusal.code}: ${refusal.message}`);
      ws.close();
    }
    if (peer.open && ws.readyState === ws.OPEN) {
      this.backoff.reset();
      this.o.onReady?.(peer);
    }
    await closed;
    if (silence) clearTimeout(silence);
    this.socket = null;
    this.shells.closeAll();
    if (closeCode === UNINSTALLED) {
      this.fatal = new CodedError('E_AGENT_AUTH_INVALID', 'This Jump Client was unpinned on the site.');
      this.o.log('stopping: this Jump Client was unpinned on the site; its identity is removed');
      this.o.onUninstalled?.();
      return 'fatal';
    }
    if (closeCode === REPLACED) {
      // Another running copy holds this identity now (a cloned machine, a second start): two would take turns forever.
      this.fatal = new CodedError('E_AGENT_AUTH_INVALID', 'Another copy of this agent connected with the same identity.');
      this.o.log('stopping: another copy of this agent connected to the site with the same identity');
      return 'fatal';
    }
    if (!this.stopped) this.o.log('disconnected from the site');
    return 'closed';
  }

  private peer(ws: WebSocket): AgentSidePeer {
    const peer: AgentSidePeer = new Peer(wsTransport(ws), {
      accepts: { methods: applianceMethods, events: applianceEvents },
      asks: agentMethods,
      handlers: {
        'shell.open': async (p) => {
          // Binary messages where the site asked for them (no decoding or JSON per megabyte), text events otherwise.
          const output = p.binary ? binaryOutput(p.channelId, (m) => peer.sendBinary(m)) : textOutput((data) => peer.event('shell.output', { channelId: p.channelId, data }));
          await this.shells.start(p.channelId, p.cols, p.rows, output, (code) => peer.event('shell.exit', { channelId: p.channelId, code }));
          this.o.log(`shell ${p.channelId} opened`);
          return {};
        },
        'files.list': (p) => listDirectory(p.path, this.o.roots),
        ...fileHandlers(this.files, httpDialer(this.o.site)),
        'system.info': () => systemInfo(),
        // Elevate (Specific User against REP_ELEVATION_USER/PASSWORD) and Support Buttons kept as files.
        'endpoint.elevate': (p) => agentElevate(this.elevationAccount, p),
        ...supportButtonHandlers(this.o.site),
        // Jump Policy prompting: the answer the agent was started with (--consent), or nobody answers.
        'consent.ask': async (q) => ({ answer: this.o.consent ? await this.o.consent(q) : 'none' }),
      },
      events: {
        'shell.input': (d) => this.shells.write(d.channelId, d.data),
        'shell.resize': (d) => this.shells.resize(d.channelId, d.cols, d.rows),
        'shell.pause': (d) => this.shells.pause(d.channelId),
        'shell.resume': (d) => this.shells.resume(d.channelId),
        'shell.close': (d) => {
          this.shells.close(d.channelId);
          this.o.log(`shell ${d.channelId} closed`);
        },
      },
      onInternalError: (err, method) => this.o.log(`${method} failed: ${(err as Error).message}`),
      onProtocolError: (code, message, direction) => this.o.log(`${direction === 'in' ? 'refused a frame' : 'the site refused a frame'}: ${code}: ${message}`),
    });
    return peer;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((res) => {
      const t = setTimeout(() => done(), ms);
      const done = () => {
        clearTimeout(t);
        this.wake = null;
        res();
      };
      this.wake = done;
    });
  }
}
