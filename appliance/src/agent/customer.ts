/**
 * `rep-appliance customer`: an attended customer client in a terminal. It redeems the session key
 * through the portal API, joins the session on /ws/customer (the rep's chat lines are printed, lines
 * typed on stdin are sent as chat, permission requests are asked as y/n), and attaches this machine
 * as the session's endpoint on /ws/agent, so the rep can open a real shell once the customer allows it.
 */
import { hostname, userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { CodedError, customerEvents, customerMethods, isErrorCode, line, type ChatMessage, type CustomerStatus, type Prompt } from '../protocol/index.js';
import { englishOf } from '../domain/system-line-text.js';
import type { CustomerArgs } from './args.js';
import { Backoff } from './backoff.js';
import { clickInstalledButton } from './support-buttons.js';
import { AgentRunner } from './connection.js';
import { resolveRoots } from './files.js';
import { stderrLog, type RunningAgent } from './jump-client.js';
import { Peer } from './peer.js';
import { endpointOs, privateIp } from './sysinfo.js';
import { wsTransport } from './transport.js';

type CustomerPeer = Peer<Record<never, never>, typeof customerEvents, typeof customerMethods, Record<never, never>>;

export interface CustomerIo {
  input: NodeJS.ReadableStream;
  /** Chat lines and questions for the person at the terminal. */
  print: (line: string) => void;
  log: (line: string) => void;
}

/** POST /api/portal/sessions with the session key, as the portal page does. */
export async function redeemSessionKey(site: string, key: string, name: string): Promise<{ sessionId: string; customerToken: string; queueName: string }> {
  let res: Response;
  try {
    res = await fetch(new URL('/api/portal/sessions', site), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, sessionKey: key.replace(/\s+/g, '') }) });
  } catch (e) {
    throw new CodedError('E_INTERNAL', `Cannot reach ${site}: ${(e as Error).message}`);
  }
  const body = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string }; customerToken?: string; sessionId?: string; queueName?: string; external?: boolean };
  if (!res.ok || body.error) {
    const code = body.error?.code;
    throw new CodedError(isErrorCode(code) ? code : 'E_INTERNAL', body.error?.message ?? `The site answered HTTP ${res.status}.`);
  }
  if (body.external || !body.customerToken || !body.sessionId) throw new CodedError('E_KEY_INVALID', 'That key is not a customer session key.');
  return { sessionId: body.sessionId, customerToken: body.customerToken, queueName: body.queueName ?? '' };
}

export function chatLine(m: ChatMessage): string | null {
  if (m.from.kind === 'customer') return null;
  return m.from.kind === 'system' ? `* ${m.body}` : `${m.from.name}: ${m.body}`;
}

export function statusLine(s: CustomerStatus): string {
  if (s.status === 'waiting') return `Waiting for a representative in ${s.queueName}${s.position ? ` (position ${s.position})` : ''}…`;
  if (s.status === 'active') return s.repConnected === false ? `${s.repName ?? 'Your representative'} lost their connection; waiting for them to return…` : `Connected with ${s.repName ?? 'a representative'}.`;
  if (s.status === 'held') return 'Your session is on hold.';
  return 'The session has ended.';
}

export async function startCustomer(args: CustomerArgs, io: CustomerIo = { input: process.stdin, print: (l) => process.stdout.write(l + '\n'), log: stderrLog('customer') }): Promise<RunningAgent> {
  const name = args.name ?? safeUsername();
  const joined = args.supportButton ? await clickInstalledButton(args.site, args.supportButton, name) : await redeemSessionKey(args.site, args.key, name);
  io.print(`Joined as ${name}. ${joined.queueName ? `Queue: ${joined.queueName}.` : ''}`.trim());
  const roots = await resolveRoots(args.allowPaths);

  let finished = false;
  let resolveDone!: (code: number) => void;
  const done = new Promise<number>((res) => (resolveDone = res));
  const pending: Prompt[] = [];
  let peer: CustomerPeer | null = null;
  let lastStatus = '';
  const backoff = new Backoff();

  const runner = new AgentRunner({
    site: args.site,
    roots,
    log: io.log,
    fatalCodes: ['E_SESSION_NOT_FOUND', 'E_SESSION_ENDED', 'E_BAD_PARAMS'],
    identify: async (p) => {
      await p.request('agent.attach', { customerToken: joined.customerToken, hostname: hostname(), os: endpointOs(), presence: 'present', privateIp: privateIp() });
      io.log('this computer is attached to the session');
    },
  });
  const agentDone = runner.run();

  const finish = (code: number) => {
    if (finished) return;
    finished = true;
    rl.close();
    runner.stop();
    peer?.close(1000, 'bye');
    void agentDone.finally(() => resolveDone(code));
  };

  const printed = new Set<number>();
  /** Each line once, also across reconnections (customer.hello replays the history). */
  const printChat = (m: ChatMessage) => {
    if (printed.has(m.id)) return;
    printed.add(m.id);
    const line = chatLine(m);
    if (line) io.print(line);
  };

  const ask = () => {
    const p = pending[0];
    if (p) io.print(`${englishOf(line('prompt.question', { name: p.askedBy, kind: p.kind }))} Allow? [y/n]`);
  };

  const showStatus = (s: CustomerStatus) => {
    const line = statusLine(s);
    if (line !== lastStatus) io.print((lastStatus = line));
  };

  const connect = async (): Promise<void> => {
    while (!finished) {
      try {
        const ws = await open(new URL('/ws/customer', args.site.replace(/^http/, 'ws')).toString());
        const closed = new Promise<void>((res) => ws.once('close', () => res()));
        ws.on('error', () => undefined);
        const p: CustomerPeer = new Peer(wsTransport(ws), {
          accepts: { methods: {}, events: customerEvents },
          asks: customerMethods,
          handlers: {},
          events: {
            'customer.chat': printChat,
            'customer.prompt': (prompt) => {
              const i = pending.findIndex((x) => x.id === prompt.id);
              if (prompt.state === 'pending') {
                if (i < 0) {
                  pending.push(prompt);
                  if (pending.length === 1) ask();
                }
              } else if (i >= 0) {
                pending.splice(i, 1);
                if (prompt.state === 'cancelled') io.print('(The request was withdrawn.)');
                if (i === 0) ask();
              }
            },
            'customer.status': showStatus,
            'customer.ended': (e) => {
              io.print(`The session has ended: ${e.reason}`);
              finish(0);
            },
          },
          onProtocolError: (code, message) => io.log(`protocol: ${code}: ${message}`),
        });
        peer = p;
        const hello = await p.request('customer.hello', { token: joined.customerToken });
        backoff.reset();
        showStatus(hello.status);
        for (const m of hello.messages) printChat(m);
        for (const prompt of hello.prompts) if (!pending.some((x) => x.id === prompt.id)) pending.push(prompt);
        ask();
        await closed;
        peer = null;
      } catch (e) {
        if (e instanceof CodedError && (e.code === 'E_SESSION_NOT_FOUND' || e.code === 'E_SESSION_ENDED')) {
          io.print(`The session is over: ${e.message}`);
          return finish(1);
        }
        io.log(`chat connection failed: ${(e as Error).message}`);
      }
      if (finished) return;
      const delay = backoff.next();
      io.log(`chat disconnected; reconnecting in ${(delay / 1000).toFixed(1)} s`);
      await new Promise((r) => setTimeout(r, delay));
    }
  };

  const rl = createInterface({ input: io.input, terminal: false });
  rl.on('line', (raw) => {
    const line = raw.trim();
    if (!line || !peer) return;
    const prompt = pending[0];
    if (prompt) {
      const answer = /^(y|yes|o|oui|j|ja)$/i.test(line) ? true : /^(n|no|non|nein)$/i.test(line) ? false : null;
      if (answer === null) return io.print('Please answer y (allow) or n (refuse).');
      pending.shift();
      peer.request('customer.answer', { promptId: prompt.id, allow: answer }).then(
        () => io.print(answer ? 'Allowed.' : 'Refused.'),
        (e: Error) => io.print(`Could not answer: ${e.message}`),
      );
      return ask();
    }
    peer.request('customer.chat', { body: line.slice(0, 4000) }).catch((e: Error) => io.print(`Not sent: ${e.message}`));
  });

  void connect();
  void agentDone.then((code) => {
    if (code !== 0 && !finished) {
      io.log('this computer could not be attached to the session; chat continues');
    }
  });

  return {
    done,
    stop: () => {
      if (finished) return;
      const p = peer;
      if (!p) return finish(0);
      // Leave the session politely, but never hang on it.
      void Promise.race([p.request('customer.leave', {}).catch(() => undefined), new Promise((r) => setTimeout(r, 2_000))]).then(() => finish(0));
    },
  };
}

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: 15_000 });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => {
      reject(new Error(`the site refused the connection (HTTP ${res.statusCode})`));
      ws.terminate();
    });
  });
}

function safeUsername(): string {
  try {
    return userInfo().username || 'Customer';
  } catch {
    return 'Customer';
  }
}
