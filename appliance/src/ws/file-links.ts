/**
 * The appliance's end of File Transfer data links: one link per byte stream between the appliance
 * and an endpoint, authorized by a one-time token. An upload offers a *source* (the rep's HTTP
 * request body) that the endpoint pulls; a download offers a *sink* (the rep's HTTP response) that
 * the endpoint pushes into. A real agent reaches its link over HTTP (http/file-routes.ts); the demo
 * fleet's emulated endpoints through `inProcessDialer`, the same contract without a socket.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CodedError, type DataLink } from '../protocol/index.js';
import type { DataDialer } from '../agent/file-dialer.js';
import type { AppContext } from '../context.js';

/** An endpoint that does not open its link within this time is not going to. */
const LINK_TTL_MS = 60_000;

type Link = { token: string; timer: NodeJS.Timeout; taken: boolean } & ({ kind: 'source'; source: Readable } | { kind: 'sink'; sink: Writable });

export class FileLinks {
  private readonly links = new Map<string, Link>();

  /** The bytes of `source` are waiting for the endpoint to pull them. */
  offerSource(source: Readable): DataLink {
    return this.add({ kind: 'source', source });
  }

  /** The endpoint may push bytes into `sink` (which it ends). */
  offerSink(sink: Writable): DataLink {
    return this.add({ kind: 'sink', sink });
  }

  drop(id: string): void {
    const l = this.links.get(id);
    if (!l) return;
    clearTimeout(l.timer);
    this.links.delete(id);
  }

  /** The link with this id and token, once: E_FILE_TRANSFER_NOT_FOUND otherwise. */
  take(id: string, token: string, kind: 'source'): Readable;
  take(id: string, token: string, kind: 'sink'): Writable;
  take(id: string, token: string, kind: Link['kind']): Readable | Writable {
    const l = this.links.get(id);
    const a = Buffer.from(token);
    const ok = l && !l.taken && l.kind === kind && a.length === l.token.length && timingSafeEqual(a, Buffer.from(l.token));
    if (!ok || !l) throw new CodedError('E_FILE_TRANSFER_NOT_FOUND');
    l.taken = true;
    clearTimeout(l.timer);
    return l.kind === 'source' ? l.source : l.sink;
  }

  /** For endpoints in this process (the demo fleet): the streams themselves, no socket between. */
  readonly inProcessDialer: DataDialer = {
    pull: async (link) => this.take(link.id, link.token, 'source'),
    push: async (link, body) => pipeline(body, this.take(link.id, link.token, 'sink')),
  };

  private add(l: { kind: 'source'; source: Readable } | { kind: 'sink'; sink: Writable }): DataLink {
    const id = randomBytes(16).toString('hex');
    const token = randomBytes(32).toString('base64url');
    const timer = setTimeout(() => this.drop(id), LINK_TTL_MS);
    timer.unref();
    this.links.set(id, { ...l, token, timer, taken: false });
    return { id, token };
  }
}

const perApp = new WeakMap<AppContext, FileLinks>();

/** The appliance's one FileLinks (created on first use). */
export function fileLinks(app: AppContext): FileLinks {
  let l = perApp.get(app);
  if (!l) perApp.set(app, (l = new FileLinks()));
  return l;
}
