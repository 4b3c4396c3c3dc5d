/**
 * An endpoint's files for File Transfer, confined to its volumes (allowed roots): browse, new folder,
 * rename, delete, and uploads/downloads as streams. Used by the real agent (its --allow-path roots)
 * and by the demo fleet's emulated endpoints (their sandbox directories) alike.
 *
 * Every path is checked twice: its shape (domain/file-paths.ts: no `..`, no absolute, drive or UNC
 * path) and, on disk, that its real path (links followed) stays inside the volume. An upload is
 * written to `.~rc-<key>.part` beside its final name, hashed (SHA-256) as it arrives, resumed from
 * the temporary file's size after a dropped connection, and renamed only once complete and verified.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { lstat, mkdir, open, readdir, realpath, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CodedError, type FileEntry, type FileVolume } from '../protocol/index.js';
import { TEMP_PREFIX, TEMP_SUFFIX, checkName, pathSegments } from '../domain/file-paths.js';
import { MAX_LISTING_BYTES, isWithin } from './files.js';
import { OffThreadSha256 } from './hash-worker.js';
import { EarlySync } from './early-sync.js';

export interface StoreVolume {
  name: string;
  /** The folder on this machine's disk (links resolved). */
  root: string;
  /** How the endpoint names it (C:\Users\ana on an emulated Windows machine; the real path on an agent). */
  display: string;
  /** The endpoint's separator, for display paths. */
  sep: '/' | '\\';
  /** Hidden beyond dot files (Windows' hidden attribute, e.g. AppData on an emulated Windows machine). */
  hidden?: readonly string[];
}

interface Upload {
  key: string;
  dir: string;
  final: string;
  temp: string;
  size: number;
  overwrite: boolean;
  display: string;
  /** SHA-256 of the temporary file's first `hashed` bytes, kept while this process runs. */
  hash: Hash | null;
  hashed: number;
  busy: boolean;
  cancelled: boolean;
}

const missing = (e: unknown) => (e as NodeJS.ErrnoException)?.code === 'ENOENT' || (e as NodeJS.ErrnoException)?.code === 'ENOTDIR';

/** SHA-256 of a file's first `length` bytes. */
async function hashPrefix(file: string, length: number): Promise<Hash> {
  const hash = createHash('sha256');
  if (length > 0) for await (const chunk of createReadStream(file, { start: 0, end: length - 1, highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash;
}

/** The SHA-256 of a file's first `length` bytes, as the start of an off-thread hash. */
async function offThreadPrefix(file: string, length: number): Promise<OffThreadSha256> {
  const hash = new OffThreadSha256();
  try {
    if (length > 0) for await (const chunk of createReadStream(file, { start: 0, end: length - 1, highWaterMark: 1 << 20 })) await hash.update(chunk as Buffer);
  } catch (e) {
    hash.drop();
    throw e;
  }
  return hash;
}

/** Hashes (`update` may ask to wait) and counts what passes; refuses more than `limit` bytes. */
function meter(update: (chunk: Buffer) => Promise<void> | undefined, limit: number, counted: (n: number) => void): Transform {
  let seen = 0;
  return new Transform({
    highWaterMark: 1 << 20,
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > limit) return done(new CodedError('E_BAD_PARAMS', 'More bytes arrived than the file holds.'));
      const wait = update(chunk);
      counted(chunk.length);
      if (wait) wait.then(() => done(null, chunk), done);
      else done(null, chunk);
    },
  });
}

export class FileStore {
  private readonly uploads = new Map<string, Upload>();

  constructor(private readonly volumeList: readonly StoreVolume[]) {}

  volumes(): FileVolume[] {
    return this.volumeList.map((v) => ({ name: v.name, display: v.display }));
  }

  private volume(index: number): StoreVolume {
    const v = this.volumeList[index];
    if (!v) throw new CodedError('E_PATH_VOLUME');
    return v;
  }

  private display(v: StoreVolume, segs: readonly string[]): string {
    return segs.length ? `${v.display.replace(/[\\/]+$/, '')}${v.sep}${segs.join(v.sep)}` : v.display;
  }

  /** The real path of an existing file or folder, refused when a link leads out of the volume. */
  private async existing(v: StoreVolume, segs: readonly string[]): Promise<string> {
    let real: string;
    try {
      real = await realpath(join(v.root, ...segs));
    } catch (e) {
      if (missing(e)) throw new CodedError('E_FILE_NOT_FOUND');
      throw new CodedError('E_FILE_IO', (e as Error).message);
    }
    if (!isWithin(real, v.root)) throw new CodedError('E_PATH_SYMLINK');
    return real;
  }

  /** An existing folder inside the volume. */
  private async folder(v: StoreVolume, segs: readonly string[]): Promise<string> {
    const real = await this.existing(v, segs);
    if (!(await stat(real)).isDirectory()) throw new CodedError('E_FILE_NOT_FOUND', 'That is not a folder.');
    return real;
  }

  /** The entry itself (not followed, so a link can be renamed or deleted), in a folder inside the volume. */
  private async entry(v: StoreVolume, segs: readonly string[]): Promise<{ parent: string; path: string }> {
    if (segs.length === 0) throw new CodedError('E_FILE_NAME_INVALID', 'A volume itself cannot be renamed or deleted.');
    const parent = await this.folder(v, segs.slice(0, -1));
    const path = join(parent, segs[segs.length - 1]!);
    if (!(await lstat(path).catch(() => null))) throw new CodedError('E_FILE_NOT_FOUND');
    return { parent, path };
  }

  async browse(volume: number, path: string): Promise<{ volumes: FileVolume[]; display: string; entries: FileEntry[]; truncated: boolean }> {
    const v = this.volume(volume);
    const segs = pathSegments(path);
    const real = await this.folder(v, segs);
    const dirents = await readdir(real, { withFileTypes: true }).catch((e: Error) => {
      throw new CodedError('E_FILE_IO', e.message);
    });
    dirents.sort((a, b) => Number(b.isDirectory()) - Number(a.isDirectory()) || a.name.localeCompare(b.name));
    const entries: FileEntry[] = [];
    let bytes = 0;
    let truncated = false;
    for (const d of dirents) {
      const s = await lstat(join(real, d.name)).catch(() => null);
      const e: FileEntry = {
        name: d.name,
        kind: d.isDirectory() ? 'dir' : d.isSymbolicLink() ? 'link' : d.isFile() ? 'file' : 'other',
        size: s && d.isFile() ? s.size : 0,
        modifiedAt: (s?.mtime ?? new Date(0)).toISOString(),
        hidden: d.name.startsWith('.') || (segs.length === 0 && !!v.hidden?.includes(d.name)),
      };
      bytes += JSON.stringify(e).length + 1;
      if (bytes > MAX_LISTING_BYTES) {
        truncated = true;
        break;
      }
      entries.push(e);
    }
    return { volumes: this.volumes(), display: this.display(v, segs), entries, truncated };
  }

  async mkdir(volume: number, path: string, name: string): Promise<void> {
    const v = this.volume(volume);
    const dir = await this.folder(v, pathSegments(path));
    const target = join(dir, checkName(name));
    if (await lstat(target).catch(() => null)) throw new CodedError('E_FILE_EXISTS');
    await mkdir(target);
  }

  async rename(volume: number, path: string, name: string): Promise<void> {
    const v = this.volume(volume);
    const { parent, path: from } = await this.entry(v, pathSegments(path));
    const to = join(parent, checkName(name));
    if (to === from) return;
    // A case-only change on a case-insensitive disk finds the entry itself under the new name.
    const there = await lstat(to).catch(() => null);
    if (there && !(to.toLowerCase() === from.toLowerCase() && there.ino === (await lstat(from)).ino)) throw new CodedError('E_FILE_EXISTS');
    await rename(from, to);
  }

  /** Deletes files and folders (with their contents; links are removed, never followed). Permanent. */
  async remove(volume: number, paths: readonly string[]): Promise<number> {
    const v = this.volume(volume);
    const targets = [];
    for (const p of paths) targets.push((await this.entry(v, pathSegments(p))).path);
    for (const t of targets) await rm(t, { recursive: true, force: true });
    return targets.length;
  }

  // ── uploads (to this endpoint) ──────────────────────────────────────────────────────────────────

  /** Finds or opens the temporary file of upload `key`; answers how many bytes it already holds. */
  async beginUpload(p: { key: string; volume: number; path: string; name: string; size: number; overwrite: boolean }): Promise<{ offset: number }> {
    const v = this.volume(p.volume);
    const segs = pathSegments(p.path);
    const dir = await this.folder(v, segs);
    const final = join(dir, checkName(p.name));
    const there = await lstat(final).catch(() => null);
    if (there && (there.isDirectory() || !p.overwrite)) throw new CodedError('E_FILE_EXISTS', `${p.name} already exists there.`);
    const known = this.uploads.get(p.key);
    if (known?.busy) throw new CodedError('E_FILE_TRANSFER_BUSY');
    const temp = join(dir, `${TEMP_PREFIX}${p.key}${TEMP_SUFFIX}`);
    let offset = (await stat(temp).catch(() => null))?.size ?? 0;
    // A temporary file that cannot belong to this upload starts over.
    if (offset > p.size || (known && (known.final !== final || known.size !== p.size))) offset = 0;
    const fh = await open(temp, offset === 0 ? 'w' : 'r+');
    await fh.close();
    const keep = known && known.final === final && known.size === p.size && known.hashed === offset;
    this.uploads.set(p.key, {
      key: p.key, dir, final, temp, size: p.size, overwrite: p.overwrite,
      display: this.display(v, [...segs, p.name]),
      hash: keep ? known.hash : null, hashed: keep ? known.hashed : 0, busy: false, cancelled: false,
    });
    return { offset };
  }

  private upload(key: string): Upload {
    const u = this.uploads.get(key);
    if (!u) throw new CodedError('E_FILE_TRANSFER_NOT_FOUND');
    return u;
  }

  /** Refuses a data link that would not continue exactly where the temporary file ends. */
  async checkOffset(key: string, offset: number): Promise<void> {
    const u = this.upload(key);
    if (u.busy) throw new CodedError('E_FILE_TRANSFER_BUSY');
    const have = (await stat(u.temp).catch(() => null))?.size;
    if (have === undefined) throw new CodedError('E_FILE_TRANSFER_NOT_FOUND');
    if (have !== offset) throw new CodedError('E_FILE_OFFSET_MISMATCH', `The remote computer holds ${have} bytes of this file.`);
  }

  /**
   * Appends `source` (which starts at `offset`) to the temporary file. A cut stream is not an error:
   * what arrived stays, and the answer says how much the file holds now, for the next resume.
   */
  async writeUpload(key: string, offset: number, source: Readable, onBytes: (n: number) => void = () => undefined): Promise<{ received: number }> {
    await this.checkOffset(key, offset);
    const u = this.upload(key);
    u.busy = true;
    try {
      if (!u.hash || u.hashed !== offset) {
        u.hash = await hashPrefix(u.temp, offset);
        u.hashed = offset;
      }
      const hash = u.hash;
      let refused: CodedError | null = null;
      const early = new EarlySync(u.temp);
      try {
        // On this thread: an upload is paced by the disk, and its hash state must outlive the stream (resume).
        await pipeline(source, meter((c) => void hash.update(c), u.size - offset, (n) => ((u.hashed += n), early.wrote(n), onBytes(n))), createWriteStream(u.temp, { flags: 'r+', start: offset, highWaterMark: 1 << 20 }));
      } catch (e) {
        if (e instanceof CodedError) refused = e;
        // Otherwise the stream was cut: whatever reached the disk stays for the next resume.
      } finally {
        await early.close();
      }
      const received = (await stat(u.temp).catch(() => null))?.size ?? 0;
      // Bytes hashed but not written (a write cut short) make the hash state useless: rebuild it next time.
      if (received !== u.hashed) {
        u.hash = null;
        u.hashed = 0;
      }
      if (refused) throw refused;
      return { received };
    } finally {
      u.busy = false;
      if (u.cancelled) await this.cancel(key);
    }
  }

  /** Checks the whole file's SHA-256, flushes it to disk and only then gives it its name. */
  async finishUpload(key: string, sha256: string): Promise<{ size: number; sha256: string; display: string }> {
    const u = this.upload(key);
    if (u.busy) throw new CodedError('E_FILE_TRANSFER_BUSY');
    const size = (await stat(u.temp).catch(() => null))?.size;
    if (size === undefined) throw new CodedError('E_FILE_TRANSFER_NOT_FOUND');
    if (size !== u.size) throw new CodedError('E_FILE_INCOMPLETE', `The remote computer holds ${size} of ${u.size} bytes.`);
    const actual = (u.hash && u.hashed === size ? u.hash : await hashPrefix(u.temp, size)).digest('hex');
    u.hash = null;
    u.hashed = 0;
    if (actual !== sha256) {
      this.uploads.delete(key);
      await unlink(u.temp).catch(() => undefined);
      throw new CodedError('E_FILE_HASH_MISMATCH');
    }
    const fh = await open(u.temp, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    const there = await lstat(u.final).catch(() => null);
    if (there && (there.isDirectory() || !u.overwrite)) throw new CodedError('E_FILE_EXISTS');
    await rename(u.temp, u.final);
    this.uploads.delete(key);
    return { size, sha256: actual, display: u.display };
  }

  /** Forgets upload `key` and removes its temporary file (once its stream has stopped). */
  async cancel(key: string): Promise<void> {
    const u = this.uploads.get(key);
    if (!u) return;
    if (u.busy) {
      u.cancelled = true;
      return;
    }
    this.uploads.delete(key);
    await unlink(u.temp).catch(() => undefined);
  }

  // ── downloads (from this endpoint) ──────────────────────────────────────────────────────────────

  async beginDownload(volume: number, path: string): Promise<{ name: string; size: number; modifiedAt: string; display: string }> {
    const v = this.volume(volume);
    const segs = pathSegments(path);
    if (segs.length === 0) throw new CodedError('E_FILE_IS_FOLDER');
    const real = await this.existing(v, segs);
    const s = await stat(real);
    if (s.isDirectory()) throw new CodedError('E_FILE_IS_FOLDER');
    if (!s.isFile()) throw new CodedError('E_FILE_IO', 'Only regular files can be downloaded.');
    return { name: segs[segs.length - 1]!, size: s.size, modifiedAt: s.mtime.toISOString(), display: this.display(v, segs) };
  }

  /**
   * Streams the file from `offset` into `send` (which resolves once the other end took it all) and
   * answers with the SHA-256 of the whole file: the bytes before `offset` are hashed from disk first.
   */
  async readDownload(volume: number, path: string, offset: number, send: (body: Readable) => Promise<void>): Promise<{ sent: number; sha256: string }> {
    const v = this.volume(volume);
    const real = await this.existing(v, pathSegments(path));
    const s = await stat(real);
    if (!s.isFile()) throw new CodedError('E_FILE_IS_FOLDER');
    if (offset > s.size) throw new CodedError('E_FILE_OFFSET_MISMATCH', `The file holds only ${s.size} bytes.`);
    // Hashed by a worker thread (agent/hash-worker.ts): this thread only moves the bytes.
    const hash = await offThreadPrefix(real, offset);
    try {
      let sent = 0;
      const file = createReadStream(real, { start: offset, highWaterMark: 1 << 20 });
      const body = meter((c) => hash.update(c), s.size - offset, (n) => (sent += n));
      file.once('error', (e) => body.destroy(new CodedError('E_FILE_IO', e.message)));
      body.once('close', () => file.destroy());
      file.pipe(body);
      await send(body);
      if (sent !== s.size - offset) throw new CodedError('E_FILE_IO', 'The file changed while it was being sent.');
      return { sent, sha256: await hash.digest() };
    } finally {
      hash.drop();
    }
  }
}
