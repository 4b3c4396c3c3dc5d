/**
 * File transfers between the rep's console and the session's endpoint, relayed by the appliance.
 * Control over the console WebSocket (session.files.upload / uploadFinish / download / cancel); the
 * bytes over HTTP (http/file-routes.ts) straight into the endpoint's data link — streams with TCP flow
 * control end to end, so the appliance holds a few chunks, never the file.
 *
 * Resuming: the receiver says how many bytes it holds (an upload's `offset` from the endpoint's
 * temporary file; a download's `Range: bytes=N-` from the console) and the sender continues from
 * there; the whole file's SHA-256 is checked at the end. Each transfer ends as one structured
 * `file.transfer` event in the session log (name, size, direction, result) — what reports list.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { Transform, finished, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CodedError, formatFileSize, line, type SystemLine, type TransferDirection, type TransferProgress, type TransferState } from '../protocol/index.js';
import type { AppContext } from '../context.js';
import type { EndpointFiles } from '../domain/endpoint-files.js';
import { checkName, normalizePath } from '../domain/file-paths.js';
import { Narrator } from '../domain/narrator.js';
import { assertTransferRoom } from '../domain/limits.js';
import type { Actor } from '../domain/permissions.js';
import type { ConsoleConnection } from './connection.js';
import { filesFor, logFileEvent } from './file-browser.js';

/** Progress events at most this often per transfer (state changes always go out). */
const PROGRESS_MS = 250;
/** A transfer nobody moves for this long is given up (an upload's temporary file is removed). */
const IDLE_MS = 60 * 60_000;
/** A finished download stays fetchable this long (a browser that asks again). */
const DONE_MS = 10 * 60_000;

interface Transfer {
  id: string;
  token: string;
  direction: TransferDirection;
  sessionId: string;
  userId: number;
  userName: string;
  hostname: string;
  files: EndpointFiles;
  conn: ConsoleConnection;
  /** The upload's key on the endpoint (null for a download). */
  key: string | null;
  volume: number;
  /** Upload: the folder; download: the file. */
  path: string;
  name: string;
  size: number;
  display: string;
  modifiedAt: string;
  /** Bytes the receiver holds. */
  bytes: number;
  state: TransferState;
  sha256?: string;
  logged: boolean;
  startedAt: number;
  /** The byte stream moving now, and how to cut it. */
  active: { stop: () => void; done: Promise<unknown> } | null;
  meter: { at: number; bytes: number; bps: number; sentAt: number };
  idle: NodeJS.Timeout | null;
}

/** Passes `source` on, counting; a cut source (aborted request) ends it with an error instead of hanging. */
function counted(source: Readable, onBytes: (n: number) => void): Transform {
  const out = new Transform({
    highWaterMark: 1 << 20,
    transform(chunk: Buffer, _enc, done) {
      onBytes(chunk.length);
      done(null, chunk);
    },
  });
  finished(source, (err) => {
    if (err) out.destroy(err);
  });
  source.pipe(out);
  return out;
}

/** `Range: bytes=N-` or `bytes=N-(size-1)`: the offset; null for none; 'bad' for anything else. */
export function rangeOffset(header: string | undefined, size: number): number | null | 'bad' {
  if (!header) return null;
  const m = /^bytes=(\d+)-(\d*)$/.exec(header.trim());
  if (!m) return 'bad';
  const start = Number(m[1]);
  if (m[2] !== '' && Number(m[2]) !== size - 1) return 'bad';
  if (start > size || (start === size && size > 0)) return 'bad';
  return start;
}

/** The chat line that says how a transfer ended. */
function transferLine(t: Transfer, result: 'completed' | 'failed' | 'cancelled', why?: CodedError): SystemLine {
  if (result === 'completed') {
    const done = { name: t.userName, file: t.name, size: formatFileSize(t.size), sizeBytes: t.size, host: t.hostname };
    return t.direction === 'upload' ? line('file.uploaded', { ...done, path: t.display }) : line('file.downloaded', done);
  }
  const which = { direction: t.direction, file: t.name };
  if (result === 'cancelled' && (!why || why.code === 'E_FILE_CANCELLED')) return line('file.cancelled', which);
  const reason = { reason: why?.message ?? 'unknown error', reasonCode: why?.code ?? 'E_INTERNAL' };
  return line(result === 'cancelled' ? 'file.cancelledWhy' : 'file.failed', { ...which, ...reason });
}

export class FileTransfers {
  private readonly transfers = new Map<string, Transfer>();
  private readonly narrator: Narrator;

  constructor(private readonly app: AppContext) {
    this.narrator = new Narrator(app.repos, app.view, app.bus);
    app.bus.subscribe((e) => {
      if (e.type === 'customer.ended') this.endWhere((t) => t.sessionId === e.sessionId, 'The session ended.');
      else if (e.type === 'session.closed') this.endWhere((t) => t.sessionId === e.sessionId && e.recipients.includes(t.userId), 'You left the session.');
    });
  }

  /** Starts an upload, or finds it again to resume (same key): answers where the bytes continue. */
  async upload(actor: Actor, conn: ConsoleConnection, p: { sessionId: string; volume: number; path: string; name: string; size: number; key: string; overwrite: boolean }): Promise<{ transferId: string; offset: number; url: string }> {
    const { endpoint, files } = filesFor(this.app, actor, p.sessionId, 'session.files.upload');
    const path = normalizePath(p.path);
    checkName(p.name);
    let t = [...this.transfers.values()].find((x) => x.key === p.key && x.sessionId === p.sessionId && x.userId === actor.user.id);
    // A resume replaces a stream the appliance has not yet noticed is dead.
    if (t?.active) {
      t.active.stop();
      await t.active.done.catch(() => undefined);
    }
    if (!t) this.assertRoom(p.sessionId);
    const { offset } = await files.beginUpload({ key: p.key, volume: p.volume, path, name: p.name, size: p.size, overwrite: p.overwrite });
    if (!t || t.name !== p.name || t.size !== p.size || t.path !== path || t.volume !== p.volume) {
      if (t) this.forget(t);
      t = this.create(actor, conn, { direction: 'upload', sessionId: p.sessionId, hostname: endpoint.hostname, files, key: p.key, volume: p.volume, path, name: p.name, size: p.size, display: p.name, modifiedAt: '' });
    }
    t.conn = conn;
    t.bytes = offset;
    t.state = 'waiting';
    this.progress(t, true);
    return { transferId: t.id, offset, url: `/console/api/files/${t.id}/${t.token}` };
  }

  /** The bytes of an upload from `offset` (an HTTP request body): streamed to the endpoint. */
  async receiveUpload(id: string, token: string, offset: number, source: Readable): Promise<{ received: number }> {
    const t = this.byToken(id, token, 'upload');
    if (t.active) throw new CodedError('E_FILE_TRANSFER_BUSY');
    if (offset !== t.bytes) throw new CodedError('E_FILE_OFFSET_MISMATCH', `The remote computer holds ${t.bytes} bytes of this file.`);
    const body = counted(source, (n) => {
      t.bytes += n;
      this.progress(t);
    });
    const run = t.files.sendUpload(t.key!, offset, body);
    t.active = {
      stop: () => {
        source.destroy();
        body.destroy(new CodedError('E_FILE_CANCELLED'));
      },
      done: run,
    };
    t.state = 'running';
    this.progress(t, true);
    try {
      const { received } = await run;
      t.bytes = received;
      return { received };
    } finally {
      t.active = null;
      if (this.transfers.has(t.id)) {
        if (t.state === 'running') t.state = 'waiting';
        this.progress(t, true);
        this.touch(t);
      }
    }
  }

  /** Every byte is there: the endpoint checks the SHA-256 and names the file. */
  async uploadFinish(actor: Actor, p: { transferId: string; sha256: string }): Promise<{ size: number; sha256: string; display: string }> {
    const t = this.mine(actor, p.transferId, 'upload');
    if (t.active) throw new CodedError('E_FILE_TRANSFER_BUSY');
    try {
      const r = await t.files.finishUpload(t.key!, p.sha256);
      t.bytes = r.size;
      t.sha256 = r.sha256;
      t.display = r.display;
      this.done(t, 'completed');
      return r;
    } catch (e) {
      if (e instanceof CodedError && e.code === 'E_FILE_HASH_MISMATCH') this.done(t, 'failed', e);
      throw e;
    }
  }

  async download(actor: Actor, conn: ConsoleConnection, p: { sessionId: string; volume: number; path: string }): Promise<{ transferId: string; name: string; size: number; url: string }> {
    const { endpoint, files } = filesFor(this.app, actor, p.sessionId, 'session.files.download');
    const path = normalizePath(p.path);
    this.assertRoom(p.sessionId);
    const info = await files.beginDownload(p.volume, path);
    const t = this.create(actor, conn, { direction: 'download', sessionId: p.sessionId, hostname: endpoint.hostname, files, key: null, volume: p.volume, path, name: info.name, size: info.size, display: info.display, modifiedAt: info.modifiedAt });
    this.progress(t, true);
    return { transferId: t.id, name: t.name, size: t.size, url: `/console/api/files/${t.id}/${t.token}/${encodeURIComponent(t.name)}` };
  }

  /** Answers a download request (whole file, or from a Range offset) by streaming from the endpoint. */
  async sendDownload(id: string, token: string, range: string | undefined, res: ServerResponse): Promise<void> {
    const t = this.byToken(id, token, 'download');
    if (t.active) {
      t.active.stop();
      await t.active.done.catch(() => undefined);
    }
    const offset = rangeOffset(range, t.size);
    if (offset === 'bad') {
      res.writeHead(416, { 'content-range': `bytes */${t.size}` }).end();
      return;
    }
    const from = offset ?? 0;
    const ascii = t.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
    res.writeHead(offset === null ? 200 : 206, {
      'content-type': 'application/octet-stream',
      'content-length': String(t.size - from),
      ...(offset === null ? {} : { 'content-range': `bytes ${from}-${Math.max(t.size - 1, 0)}/${t.size}` }),
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(t.name)}`,
      'accept-ranges': 'bytes',
      etag: `"${t.size.toString(16)}-${Date.parse(t.modifiedAt).toString(16)}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    t.bytes = from;
    const relay = new Transform({
      highWaterMark: 1 << 20,
      transform: (chunk: Buffer, _enc, done) => {
        t.bytes += chunk.length;
        this.progress(t);
        done(null, chunk);
      },
    });
    const toConsole = pipeline(relay, res);
    const run = t.files.receiveDownload(t.volume, t.path, from, relay);
    t.active = {
      stop: () => {
        relay.destroy(new CodedError('E_FILE_CANCELLED'));
        res.destroy();
      },
      done: Promise.allSettled([run, toConsole]),
    };
    t.state = 'running';
    this.progress(t, true);
    try {
      const r = await run;
      await toConsole;
      t.sha256 = r.sha256;
      if (from + r.sent === t.size && !t.logged) this.done(t, 'completed');
    } catch {
      res.destroy();
    } finally {
      t.active = null;
      if (t.state === 'running') {
        t.state = 'waiting';
        this.progress(t, true);
      }
      this.touch(t);
    }
  }

  /** Cancel: the stream is cut, an upload's temporary file removed; the session log says so. */
  async cancel(actor: Actor, transferId: string): Promise<void> {
    const t = this.mine(actor, transferId);
    await this.stop(t, 'cancelled', new CodedError('E_FILE_CANCELLED'));
  }

  private async stop(t: Transfer, state: 'cancelled' | 'failed', why: CodedError): Promise<void> {
    if (t.state === 'completed') return this.forget(t);
    const active = t.active;
    active?.stop();
    await active?.done.catch(() => undefined);
    if (t.key) await t.files.cancel(t.key).catch(() => undefined);
    this.done(t, state, why);
  }

  /** Refuses a new transfer when the session already has LIMITS.maxTransfersPerSession unfinished ones. */
  private assertRoom(sessionId: string): void {
    let unfinished = 0;
    for (const x of this.transfers.values()) if (x.sessionId === sessionId && (x.state === 'waiting' || x.state === 'running')) unfinished++;
    assertTransferRoom(unfinished);
  }

  private create(actor: Actor, conn: ConsoleConnection, p: Pick<Transfer, 'direction' | 'sessionId' | 'hostname' | 'files' | 'key' | 'volume' | 'path' | 'name' | 'size' | 'display' | 'modifiedAt'>): Transfer {
    const now = Date.now();
    const t: Transfer = {
      ...p,
      id: randomBytes(16).toString('hex'),
      token: randomBytes(32).toString('base64url'),
      userId: actor.user.id,
      userName: actor.user.publicDisplayName,
      conn,
      bytes: 0,
      state: 'waiting',
      logged: false,
      startedAt: now,
      active: null,
      meter: { at: now, bytes: 0, bps: 0, sentAt: 0 },
      idle: null,
    };
    this.transfers.set(t.id, t);
    this.touch(t);
    return t;
  }

  /** Ends a transfer: one `file.transfer` event in the session log, the last progress event, forgotten (a finished download lingers a little). */
  private done(t: Transfer, result: 'completed' | 'failed' | 'cancelled', why?: CodedError): void {
    t.state = result;
    this.progress(t, true, why);
    if (!t.logged) {
      t.logged = true;
      logFileEvent(this.app, this.narrator, t.sessionId, t.userId, 'file.transfer', {
        transferId: t.id,
        direction: t.direction,
        name: t.name,
        path: t.display,
        hostname: t.hostname,
        size: t.size,
        bytes: t.bytes,
        result,
        ...(why ? { code: why.code } : {}),
        ...(t.sha256 ? { sha256: t.sha256 } : {}),
        durationMs: Date.now() - t.startedAt,
      }, transferLine(t, result, why));
    }
    if (result === 'completed' && t.direction === 'download') {
      if (t.idle) clearTimeout(t.idle);
      t.idle = setTimeout(() => this.forget(t), DONE_MS);
      t.idle.unref();
    } else this.forget(t);
  }

  private forget(t: Transfer): void {
    if (t.idle) clearTimeout(t.idle);
    this.transfers.delete(t.id);
  }

  /** Restarts the idle clock: a transfer nobody moves for an hour is given up. */
  private touch(t: Transfer): void {
    if (t.state === 'completed') return;
    if (t.idle) clearTimeout(t.idle);
    t.idle = setTimeout(() => void this.stop(t, 'cancelled', new CodedError('E_FILE_CANCELLED', 'Nothing moved for an hour.')), IDLE_MS);
    t.idle.unref();
  }

  private progress(t: Transfer, force = false, why?: CodedError): void {
    const now = Date.now();
    const m = t.meter;
    if (!force && now - m.sentAt < PROGRESS_MS) return;
    const dt = now - m.at;
    if (dt >= PROGRESS_MS) {
      const bps = ((t.bytes - m.bytes) * 1000) / dt;
      m.bps = m.bps === 0 ? bps : 0.6 * bps + 0.4 * m.bps;
      m.at = now;
      m.bytes = t.bytes;
    }
    if (t.state !== 'running') m.bps = t.state === 'waiting' ? 0 : m.bps;
    m.sentAt = now;
    if (t.conn.actor?.user.id !== t.userId) return;
    const data: TransferProgress = {
      transferId: t.id,
      sessionId: t.sessionId,
      direction: t.direction,
      name: t.name,
      size: t.size,
      bytes: t.bytes,
      bytesPerSecond: Math.max(0, Math.round(m.bps)),
      state: t.state,
      ...(t.sha256 && t.state === 'completed' ? { sha256: t.sha256 } : {}),
      ...(why ? { code: why.code, message: why.message } : {}),
    };
    try {
      t.conn.sendEvent('session.files.progress', data);
    } catch {
      /* the console is gone; the transfer may still be resumed from another */
    }
  }

  private byToken(id: string, token: string, direction: TransferDirection): Transfer {
    const t = this.transfers.get(id);
    const a = Buffer.from(token);
    if (!t || t.direction !== direction || a.length !== t.token.length || !timingSafeEqual(a, Buffer.from(t.token))) throw new CodedError('E_FILE_TRANSFER_NOT_FOUND');
    // The rep must still be in the (active) session.
    const s = this.app.repos.sessions.byId(t.sessionId);
    if (!s || s.status !== 'active' || this.app.repos.members.role(t.sessionId, t.userId) === null) throw new CodedError('E_FILE_TRANSFER_NOT_FOUND');
    return t;
  }

  private mine(actor: Actor, id: string, direction?: TransferDirection): Transfer {
    const t = this.transfers.get(id);
    if (!t || t.userId !== actor.user.id || (direction && t.direction !== direction)) throw new CodedError('E_FILE_TRANSFER_NOT_FOUND');
    return t;
  }

  private endWhere(pred: (t: Transfer) => boolean, reason: string): void {
    for (const t of [...this.transfers.values()]) if (pred(t)) void this.stop(t, 'cancelled', new CodedError('E_FILE_CANCELLED', reason));
  }
}

const perApp = new WeakMap<AppContext, FileTransfers>();

/** The appliance's one FileTransfers (created on first use). */
export function fileTransfers(app: AppContext): FileTransfers {
  let t = perApp.get(app);
  if (!t) perApp.set(app, (t = new FileTransfers(app)));
  return t;
}
