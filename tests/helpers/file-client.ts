/** File Transfer from a test's point of view: a rep's upload / download over the real HTTP routes, with cuts. */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, openSync, closeSync, writeSync } from 'node:fs';
import { request } from 'node:http';
import type { TestClient } from './ws-client.js';

/** Writes a `size`-byte file of non-repeating-looking blocks without holding it; returns its SHA-256. */
export function generateFile(path: string, size: number): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(1 << 20);
  for (let i = 0; i < block.length; i++) block[i] = (i * 2654435761) >>> 24;
  try {
    for (let off = 0, n = 0; off < size; off += block.length, n++) {
      block.writeUInt32LE(n, 0);
      block.writeUInt32LE(n ^ 0x5bd1e995, block.length - 4);
      const part = block.subarray(0, Math.min(block.length, size - off));
      hash.update(part);
      writeSync(fd, part);
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

export function sha256File(path: string): Promise<string> {
  return new Promise((res, rej) => {
    const h = createHash('sha256');
    createReadStream(path).on('data', (c) => h.update(c)).on('end', () => res(h.digest('hex'))).on('error', rej);
  });
}

/**
 * PUTs `file` from `offset` to an upload URL. With `cutAfter`, the connection is destroyed once that
 * many bytes went out (a dropped network): resolves with null then, else with the appliance's answer.
 */
export function putFile(base: string, url: string, file: string, offset: number, cutAfter?: number): Promise<{ status: number; body: any } | null> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${url}?offset=${offset}`, { method: 'PUT', headers: { 'content-type': 'application/octet-stream' } });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
    });
    req.on('error', (e) => (cutAfter !== undefined ? resolve(null) : reject(e)));
    const src = createReadStream(file, { start: offset, highWaterMark: 1 << 20 });
    let sent = 0;
    src.on('data', (chunk) => {
      sent += chunk.length;
      if (cutAfter !== undefined && sent >= cutAfter) {
        src.destroy();
        req.destroy();
        setTimeout(() => resolve(null), 50);
        return;
      }
      if (!req.write(chunk)) {
        src.pause();
        req.once('drain', () => src.resume());
      }
    });
    src.on('end', () => req.end());
  });
}

/** GETs a download URL into `file` (appending from `offset` with a Range request); `cutAfter` drops the connection. */
export function getFile(base: string, url: string, file: string, offset = 0, cutAfter?: number): Promise<{ status: number; headers: Record<string, unknown>; got: number; cut: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${url}`, { headers: offset ? { range: `bytes=${offset}-` } : {} });
    req.on('response', (res) => {
      const out = createWriteStream(file, { flags: offset ? 'a' : 'w' });
      let got = 0;
      res.on('data', (c: Buffer) => {
        got += c.length;
        if (!out.write(c)) {
          res.pause();
          out.once('drain', () => res.resume());
        }
        if (cutAfter !== undefined && got >= cutAfter) {
          req.destroy();
          out.end(() => resolve({ status: res.statusCode ?? 0, headers: res.headers, got, cut: true }));
        }
      });
      res.on('end', () => out.end(() => resolve({ status: res.statusCode ?? 0, headers: res.headers, got, cut: false })));
      // A response the appliance broke off fails the test at once instead of waiting for its timeout.
      res.on('close', () => {
        if (!res.complete && (cutAfter === undefined || got < cutAfter)) out.end(() => reject(new Error(`the download broke off after ${got} bytes`)));
      });
    });
    req.on('error', (e) => (cutAfter !== undefined ? undefined : reject(e)));
    req.end();
  });
}

/** Uploads a whole file (no cut) and finishes it. */
export async function uploadFile(base: string, c: TestClient, p: { sessionId: string; volume?: number; path?: string; name: string; file: string; size: number; sha256: string; key: string }) {
  const { transferId, offset, url } = await c.call('session.files.upload', { sessionId: p.sessionId, volume: p.volume ?? 0, path: p.path ?? '', name: p.name, size: p.size, key: p.key });
  const put = await putFile(base, url, p.file, offset);
  if (put?.status !== 200) throw new Error(`upload PUT answered ${put?.status}: ${JSON.stringify(put?.body)}`);
  return c.call('session.files.uploadFinish', { transferId, sha256: p.sha256 });
}
