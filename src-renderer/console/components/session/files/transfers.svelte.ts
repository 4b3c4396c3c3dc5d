/**
 * The File Transfer progress panel's model: uploads from the browser (file picker / drag and drop)
 * and downloads to the browser. An upload PUTs the file from the offset the endpoint reports, and
 * after a dropped connection asks again and continues from there (up to a few tries); the whole
 * file's SHA-256 (hashed here, in slices) is checked by the endpoint before the file gets its name.
 * A download is an ordinary browser download of a one-time URL (the browser's own Resume sends a
 * Range request). Bytes and speed come from the appliance's session.files.progress events.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { EventData, TransferDirection, TransferState } from '../../../../../appliance/src/protocol/index.js';
import { codeOf, messageOf, type ConsoleClient } from '../../../../lib/client.js';
import { t } from '../../../../lib/i18n/index.svelte.js';

export interface TransferItem {
  id: number;
  transferId: string | null;
  direction: TransferDirection;
  name: string;
  size: number;
  bytes: number;
  bytesPerSecond: number;
  state: TransferState;
  message: string | null;
}

const HASH_SLICE = 4 * 1024 * 1024;
const RETRIES = 5;

/** SHA-256 of a browser File, read in slices (never the whole file in memory). */
export async function hashFile(file: Blob): Promise<string> {
  const h = sha256.create();
  for (let off = 0; off < file.size; off += HASH_SLICE) h.update(new Uint8Array(await file.slice(off, off + HASH_SLICE).arrayBuffer()));
  return [...h.digest()].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The same file to the same folder gets the same key, so even a reloaded console resumes it. */
async function uploadKey(file: File, where: string): Promise<string> {
  const text = `${where}\n${file.name}\n${file.size}\n${file.lastModified}`;
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return btoa(String.fromCharCode(...d.subarray(0, 24))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

class CodedFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** PUT `blob` to an upload URL; rejects with the appliance's code, or 'network' when the connection dropped. */
function put(url: string, offset: number, blob: Blob, onXhr: (x: XMLHttpRequest) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    onXhr(xhr);
    xhr.open('PUT', `${url}?offset=${offset}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.onload = () => {
      if (xhr.status === 200) return resolve();
      let body: { error?: { code?: string; message?: string } } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      reject(new CodedFailure(body.error?.code ?? 'E_INTERNAL', body.error?.message ?? t('console.session.files.uploadRefused', { status: xhr.status })));
    };
    xhr.onerror = () => reject(new CodedFailure('network', t('console.session.files.connectionDropped')));
    xhr.onabort = () => reject(new CodedFailure('E_FILE_CANCELLED', t('console.session.files.transferCancelled')));
    xhr.send(blob);
  });
}

export class TransferQueue {
  items = $state<TransferItem[]>([]);
  private nextId = 1;
  private readonly xhrs = new Map<number, XMLHttpRequest>();
  private readonly cancelled = new Set<number>();

  constructor(
    private readonly client: ConsoleClient,
    private readonly sessionId: string,
    /** Called when a transfer changed the remote folder (an upload finished). */
    private readonly changed: () => void,
    /** Asks the rep before replacing a file of the same name. */
    private readonly confirmReplace: (name: string) => boolean,
  ) {}

  /** Live progress from the appliance. */
  onProgress(d: EventData<'session.files.progress'>): void {
    if (d.sessionId !== this.sessionId) return;
    const it = this.items.find((i) => i.transferId === d.transferId);
    if (!it || it.state === 'completed' || it.state === 'cancelled') return;
    it.bytes = d.bytes;
    it.bytesPerSecond = d.bytesPerSecond;
    // An upload completes when its finish call returns; a download when the appliance has sent it all.
    if (d.direction === 'download' || d.state !== 'completed') it.state = d.state === 'waiting' && it.direction === 'upload' ? it.state : d.state;
    if (d.message && (d.state === 'failed' || d.state === 'cancelled')) it.message = d.message;
  }

  private add(direction: TransferDirection, name: string, size: number): TransferItem {
    this.items.unshift({ id: this.nextId++, transferId: null, direction, name, size, bytes: 0, bytesPerSecond: 0, state: 'waiting', message: null });
    return this.items[0]!;
  }

  async upload(file: File, volume: number, path: string): Promise<void> {
    const it = this.add('upload', file.name, file.size);
    const hashing = hashFile(file);
    hashing.catch(() => undefined);
    const key = await uploadKey(file, `${volume}:${path}`);
    let overwrite = false;
    for (let attempt = 0; ; attempt++) {
      try {
        const r = await this.client.call('session.files.upload', { sessionId: this.sessionId, volume, path, name: file.name, size: file.size, key, overwrite });
        it.transferId = r.transferId;
        it.bytes = r.offset;
        it.state = 'running';
        if (r.offset < file.size) await put(r.url, r.offset, file.slice(r.offset), (x) => this.xhrs.set(it.id, x));
        if (this.cancelled.has(it.id)) throw new CodedFailure('E_FILE_CANCELLED', t('console.session.files.transferCancelled'));
        await this.client.call('session.files.uploadFinish', { transferId: r.transferId, sha256: await hashing });
        it.bytes = file.size;
        it.state = 'completed';
        this.changed();
        return;
      } catch (e) {
        const code = e instanceof CodedFailure ? e.code : codeOf(e);
        if (code === 'E_FILE_EXISTS' && !overwrite && !this.cancelled.has(it.id) && this.confirmReplace(file.name)) {
          overwrite = true;
          continue;
        }
        const retry = !this.cancelled.has(it.id) && attempt < RETRIES && (code === 'network' || code === 'E_ENDPOINT_OFFLINE' || code === 'E_FILE_TRANSFER_BUSY' || code === null);
        if (retry) {
          it.state = 'waiting';
          it.message = t('console.session.files.resuming');
          await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
          continue;
        }
        it.state = code === 'E_FILE_CANCELLED' || this.cancelled.has(it.id) ? 'cancelled' : 'failed';
        it.message = it.state === 'cancelled' ? t('console.session.files.cancelledDot') : messageOf(e);
        return;
      } finally {
        this.xhrs.delete(it.id);
      }
    }
  }

  async download(volume: number, path: string): Promise<void> {
    const name = path.split('/').pop() ?? path;
    try {
      const r = await this.client.call('session.files.download', { sessionId: this.sessionId, volume, path });
      const it = this.add('download', r.name, r.size);
      it.transferId = r.transferId;
      const a = document.createElement('a');
      a.href = r.url;
      a.download = r.name;
      a.rel = 'noopener';
      document.body.append(a);
      a.click();
      a.remove();
    } catch (e) {
      const it = this.add('download', name, 0);
      it.state = 'failed';
      it.message = messageOf(e);
    }
  }

  /** A file the desktop app would not read for an upload (too large, too many): listed as failed, with why. */
  refuse(name: string, reason: string): void {
    const it = this.add('upload', name, 0);
    it.state = 'failed';
    it.message = t('console.session.files.notUploaded', { reason });
  }

  async cancel(it: TransferItem): Promise<void> {
    this.cancelled.add(it.id);
    this.xhrs.get(it.id)?.abort();
    if (it.transferId) await this.client.call('session.files.cancel', { transferId: it.transferId }).catch(() => undefined);
    it.state = 'cancelled';
    it.message = t('console.session.files.cancelledDot');
  }

  clearFinished(): void {
    this.items = this.items.filter((i) => i.state === 'running' || i.state === 'waiting');
  }
}
