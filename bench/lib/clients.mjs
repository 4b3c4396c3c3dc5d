/**
 * Lean protocol clients for benchmarks: plain `ws` sockets speaking the console and customer
 * envelopes ({t:'req'|'res'|'err'|'evt'}), and the portal's join request from a chosen source address.
 */
import { request } from 'node:http';
import WebSocket from 'ws';

export class ProtocolClient {
  #nextId = 1;
  #pending = new Map();
  /** Called with (event, data, receivedAt) for every event frame; receivedAt is performance.now() on arrival. */
  onEvent = () => {};
  /** Called with (bytes, receivedAt) for every binary message (screen frames, shell output). */
  onBinary = () => {};

  constructor(ws) {
    this.ws = ws;
    ws.on('message', (buf, isBinary) => {
      const at = performance.now();
      if (isBinary) return this.onBinary(buf, at);
      const msg = JSON.parse(buf.toString());
      if (msg.t === 'evt') return this.onEvent(msg.event, msg.data, at);
      const p = typeof msg.id === 'number' ? this.#pending.get(msg.id) : undefined;
      if (!p) return;
      this.#pending.delete(msg.id);
      if (msg.t === 'res') p.resolve(msg.result);
      else p.reject(Object.assign(new Error(`${msg.code}: ${msg.message}`), { code: msg.code }));
    });
    // A socket error is followed by 'close', which fails whatever was pending.
    ws.on('error', () => {});
    ws.on('close', () => {
      for (const p of this.#pending.values()) p.reject(new Error('socket closed'));
      this.#pending.clear();
    });
  }

  /** Opens `path` on the appliance; `localAddress` picks the client's source address. */
  static connect(baseUrl, path, { localAddress } = {}) {
    const ws = new WebSocket(baseUrl.replace(/^http/, 'ws') + path, { localAddress, perMessageDeflate: false });
    return new Promise((res, rej) => {
      ws.once('open', () => res(new ProtocolClient(ws)));
      ws.once('error', rej);
      ws.once('unexpected-response', (_req, r) => rej(new Error(`handshake refused: ${r.statusCode}`)));
    });
  }

  call(method, params = {}) {
    const id = this.#nextId++;
    this.ws.send(JSON.stringify({ t: 'req', id, method, params }));
    return new Promise((resolve, reject) => this.#pending.set(id, { resolve, reject }));
  }

  close() {
    this.ws.close();
  }
}

/** A rep console logged in with a password (what the web console does). */
export async function repConsole(baseUrl, username, password) {
  const c = await ProtocolClient.connect(baseUrl, '/ws/console');
  const { me } = await c.call('auth.login', { username, password, console: 'web' });
  c.userId = me.id;
  return c;
}

/** POST /api/portal/sessions from `localAddress`, as the portal page does; resolves with the JSON body. */
export function portalJoin(baseUrl, body, localAddress) {
  const url = new URL('/api/portal/sessions', baseUrl);
  const payload = JSON.stringify(body);
  return new Promise((res, rej) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress, agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (r) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (d) => (text += d));
        r.on('end', () => {
          const json = JSON.parse(text);
          if (r.statusCode !== 200) rej(new Error(`portal join refused (${r.statusCode}): ${json.error?.code ?? text}`));
          else res(json);
        });
      },
    );
    req.on('error', rej);
    req.end(payload);
  });
}

/** A customer: joins a rep's personal queue through the portal, then connects its client and says hello. */
export async function customerJoin(baseUrl, { name, repId, localAddress }) {
  const joined = await portalJoin(baseUrl, { name, repId }, localAddress);
  const c = await ProtocolClient.connect(baseUrl, '/ws/customer', { localAddress });
  await c.call('customer.hello', { token: joined.customerToken });
  c.sessionId = joined.sessionId;
  return c;
}
