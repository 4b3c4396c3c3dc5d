/**
 * The ECM bridge: keeps one WebSocket to the site's /ws/ecm open (reconnecting with jittered
 * backoff), introduces itself with its ECM account, and answers the appliance's `list` and `fetch`
 * requests from its plugin. A refused client secret stops it (exit 3); a full site (E_ECM_LIMIT)
 * is retried, so a sixth ECM waits as a standby. Nothing here prints a password.
 */
import { hostname as osHostname } from 'node:os';
import WebSocket from 'ws';
import { Backoff, DEFAULT_BACKOFF } from '../agent/backoff.js';
import { ECM_PROTOCOL_VERSION, type EcmHello, type EcmServerMessage } from '../protocol/ecm-messages.js';
import { VERSION } from '../version.js';
import type { EcmPlugin } from './plugin.js';

export interface BridgeOptions {
  url: string;
  clientId: string;
  clientSecret: string;
  name?: string;
  plugin: EcmPlugin;
  /** One line of status (no secrets); default stdout. */
  say?: (line: string) => void;
  backoff?: Backoff;
}

export interface RunningBridge {
  stop(): void;
  /** Resolves with the process exit code: 0 stopped, 3 refused for good. */
  done: Promise<number>;
}

export function startBridge(o: BridgeOptions): RunningBridge {
  const say = o.say ?? ((l: string) => console.log(l));
  const maxMs = Number(process.env.REP_ECM_RECONNECT_MAX_MS) || DEFAULT_BACKOFF.maxMs;
  const backoff = o.backoff ?? new Backoff({ ...DEFAULT_BACKOFF, maxMs, baseMs: Math.min(DEFAULT_BACKOFF.baseMs, maxMs) });
  const hello: EcmHello = {
    type: 'hello',
    protocol: ECM_PROTOCOL_VERSION,
    clientId: o.clientId,
    clientSecret: o.clientSecret,
    name: o.name ?? osHostname(),
    hostname: osHostname(),
    version: VERSION,
    plugin: o.plugin.name,
  };
  let stopped = false;
  let ws: WebSocket | null = null;
  let timer: NodeJS.Timeout | null = null;
  let finish!: (code: number) => void;
  const done = new Promise<number>((r) => (finish = r));

  const end = (code: number) => {
    if (stopped) return;
    stopped = true;
    if (timer) clearTimeout(timer);
    ws?.close(1000, 'ECM stopping');
    void o.plugin.close?.();
    finish(code);
  };

  const retry = () => {
    if (stopped || timer) return;
    const wait = backoff.next();
    say(`ECM: reconnecting in ${(wait / 1000).toFixed(1)} s`);
    timer = setTimeout(() => {
      timer = null;
      connect();
    }, wait);
  };

  const answer = async (socket: WebSocket, msg: EcmServerMessage) => {
    if (msg.type !== 'list' && msg.type !== 'fetch') return;
    let reply: unknown;
    try {
      if (msg.type === 'list') {
        const credentials = await o.plugin.list({ limit: msg.limit, ...(msg.search ? { search: msg.search } : {}), ...(msg.hostname ? { hostname: msg.hostname } : {}) });
        reply = { type: 'result', id: msg.id, ok: true, credentials: credentials.slice(0, msg.limit) };
      } else {
        const secret = await o.plugin.fetch(msg.credentialId, msg.hostname ? { hostname: msg.hostname } : {});
        reply = secret
          ? { type: 'result', id: msg.id, ok: true, secret }
          : { type: 'result', id: msg.id, ok: false, code: 'E_ECM_CREDENTIAL_NOT_FOUND', message: 'The credential store has no such credential.' };
      }
    } catch {
      reply = { type: 'result', id: msg.id, ok: false, code: 'E_ECM_PLUGIN_FAILED', message: `The ${o.plugin.name} plugin could not read its credential store.` };
    }
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(reply));
  };

  const connect = () => {
    if (stopped) return;
    const socket = new WebSocket(o.url, { handshakeTimeout: 10_000, maxPayload: 1024 * 1024 });
    ws = socket;
    let welcomed = false;
    socket.on('open', () => socket.send(JSON.stringify(hello)));
    socket.on('message', (data) => {
      let msg: EcmServerMessage;
      try {
        msg = JSON.parse(data.toString()) as EcmServerMessage;
      } catch {
        return;
      }
      if (msg.type === 'welcome') {
        welcomed = true;
        backoff.reset();
        say(`ECM connected to ${o.url} as ${hello.name} (plugin ${o.plugin.name})`);
      } else if (msg.type === 'refused') {
        say(`ECM refused: ${msg.code}: ${msg.message}`);
        if (msg.code === 'E_ECM_CLIENT_INVALID' || msg.code === 'E_ECM_BAD_HELLO') end(3);
      } else void answer(socket, msg);
    });
    socket.on('close', () => {
      if (ws === socket) ws = null;
      if (welcomed) say('ECM: connection to the site lost');
      retry();
    });
    socket.on('error', (e) => {
      if (!welcomed) say(`ECM: cannot reach ${o.url}: ${(e as Error).message}`);
    });
  };

  connect();
  return { stop: () => end(0), done };
}

/** `--site URL --port N` → the site's ECM WebSocket address (https → wss). */
export function ecmUrl(site: string, port: number): string {
  const u = new URL(site.includes('://') ? site : `https://${site}`);
  u.protocol = u.protocol === 'http:' || u.protocol === 'ws:' ? 'ws:' : 'wss:';
  u.port = String(port);
  u.pathname = '/ws/ecm';
  u.search = '';
  return u.toString();
}

/** Connects once and waits for welcome or refusal (the configurator's "validate by connecting"). */
export function probe(url: string, hello: EcmHello, timeoutMs = 10_000): Promise<{ ok: true } | { ok: false; code: string; message: string }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { handshakeTimeout: timeoutMs });
    const timer = setTimeout(() => (socket.terminate(), resolve({ ok: false, code: 'E_ECM_TIMEOUT', message: `The site did not answer within ${timeoutMs / 1000} s.` })), timeoutMs);
    const done = (r: { ok: true } | { ok: false; code: string; message: string }) => {
      clearTimeout(timer);
      socket.close(1000, 'probe done');
      resolve(r);
    };
    socket.on('open', () => socket.send(JSON.stringify(hello)));
    socket.on('message', (data) => {
      try {
        const m = JSON.parse(data.toString()) as EcmServerMessage;
        if (m.type === 'welcome') done({ ok: true });
        else if (m.type === 'refused') done({ ok: false, code: m.code, message: m.message });
      } catch {
        /* keep waiting */
      }
    });
    socket.on('error', (e) => done({ ok: false, code: 'E_ECM_NONE', message: `Cannot reach ${url}: ${e.message}` }));
  });
}
