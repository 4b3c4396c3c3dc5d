/**
 * What File Transfer needs from an endpoint (a real agent or an emulated one): browse and change
 * folders, and move bytes as streams. Paths are always relative to one of the endpoint's volumes.
 * The bytes never sit in memory: `sendUpload` and `receiveDownload` take Node streams and resolve
 * only once the endpoint has written (or sent) them, with TCP flow control all the way.
 */
import type { Readable, Writable } from 'node:stream';
import type { FileEntry, FileVolume } from '../protocol/index.js';

export interface EndpointFiles {
  browse(volume: number, path: string): Promise<{ volumes: FileVolume[]; display: string; entries: FileEntry[]; truncated: boolean }>;
  mkdir(volume: number, path: string, name: string): Promise<void>;
  rename(volume: number, path: string, name: string): Promise<void>;
  /** Permanent: no recycle bin. */
  remove(volume: number, paths: string[]): Promise<number>;
  /** Opens (or finds again) upload `key`'s temporary file; `offset`: the bytes it already holds. */
  beginUpload(p: { key: string; volume: number; path: string; name: string; size: number; overwrite: boolean }): Promise<{ offset: number }>;
  /** Streams `source` (starting at `offset`) into the temporary file; resolves with how many bytes it holds then. */
  sendUpload(key: string, offset: number, source: Readable): Promise<{ received: number }>;
  /** SHA-256 check, flush, rename to the final name. */
  finishUpload(key: string, sha256: string): Promise<{ size: number; sha256: string; display: string }>;
  beginDownload(volume: number, path: string): Promise<{ name: string; size: number; modifiedAt: string; display: string }>;
  /** Streams the file from `offset` into `sink` (ending it); resolves with the whole file's SHA-256. */
  receiveDownload(volume: number, path: string, offset: number, sink: Writable): Promise<{ sent: number; sha256: string }>;
  /** Drops upload `key` and its temporary file. */
  cancel(key: string): Promise<void>;
}
