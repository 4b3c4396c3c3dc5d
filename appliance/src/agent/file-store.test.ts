import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodedError } from '../protocol/index.js';
import { FileStore } from './file-store.js';

let base: string;
let home: string;
let store: FileStore;

beforeAll(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'rep-filestore-')));
  home = join(base, 'home');
  mkdirSync(join(home, 'Documents'), { recursive: true });
  mkdirSync(join(base, 'secret'));
  writeFileSync(join(base, 'secret', 'passwords.txt'), 'no');
  symlinkSync(join(base, 'secret'), join(home, 'escape'));
  writeFileSync(join(home, '.hidden'), 'h');
  store = new FileStore([{ name: 'Home', root: home, display: 'C:\\Users\\ana', sep: '\\' }]);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const code = async (p: Promise<unknown>) => p.then(() => 'ok', (e) => (e instanceof CodedError ? e.code : String(e)));

describe('FileStore', () => {
  it('browses with display names, hidden flags, folders first', async () => {
    const l = await store.browse(0, 'Documents');
    expect(l.display).toBe('C:\\Users\\ana\\Documents');
    const top = await store.browse(0, '');
    expect(top.entries.map((e) => [e.name, e.hidden])).toEqual([['Documents', false], ['.hidden', true], ['escape', false]]);
  });

  it('refuses hostile paths with stable codes, and links that lead out', async () => {
    expect(await code(store.browse(0, '..'))).toBe('E_PATH_TRAVERSAL');
    expect(await code(store.browse(0, '/etc'))).toBe('E_PATH_ABSOLUTE');
    expect(await code(store.browse(0, 'C:\\Windows'))).toBe('E_PATH_DRIVE');
    expect(await code(store.browse(0, '\\\\server\\share'))).toBe('E_PATH_UNC');
    expect(await code(store.browse(0, 'escape'))).toBe('E_PATH_SYMLINK');
    expect(await code(store.beginDownload(0, 'escape/passwords.txt'))).toBe('E_PATH_SYMLINK');
    expect(await code(store.browse(3, ''))).toBe('E_PATH_VOLUME');
    // Deleting the link removes the link, never what it points to.
    await store.remove(0, ['escape']);
    expect(existsSync(join(base, 'secret', 'passwords.txt'))).toBe(true);
  });

  it('an upload cut halfway resumes from the temporary file and is named only when its SHA-256 matches', async () => {
    const data = Buffer.alloc(300_000, 0).map((_, i) => (i * 7) & 0xff);
    const sha = createHash('sha256').update(data).digest('hex');
    const key = 'resume-test-1';
    expect(await store.beginUpload({ key, volume: 0, path: 'Documents', name: 'big.bin', size: data.length, overwrite: false })).toEqual({ offset: 0 });
    // A stream that dies after 100,000 bytes.
    const cut = new PassThrough();
    const first = store.writeUpload(key, 0, cut);
    cut.write(data.subarray(0, 100_000));
    setTimeout(() => cut.destroy(new Error('connection reset')), 20);
    expect((await first).received).toBe(100_000);
    expect(existsSync(join(home, 'Documents', 'big.bin'))).toBe(false);
    expect(readdirSync(join(home, 'Documents')).some((n) => n.startsWith('.~rc-'))).toBe(true);
    // Resume (a new store: the agent restarted, so the hash is rebuilt from disk).
    const again = new FileStore([{ name: 'Home', root: home, display: 'C:\\Users\\ana', sep: '\\' }]);
    const { offset } = await again.beginUpload({ key, volume: 0, path: 'Documents', name: 'big.bin', size: data.length, overwrite: false });
    expect(offset).toBe(100_000);
    expect(await code(again.writeUpload(key, 5, Readable.from([data.subarray(5)])))).toBe('E_FILE_OFFSET_MISMATCH');
    expect(await code(again.finishUpload(key, sha))).toBe('E_FILE_INCOMPLETE');
    await again.writeUpload(key, offset, Readable.from([data.subarray(offset)]));
    expect(await code(again.finishUpload(key, 'f'.repeat(64)))).toBe('E_FILE_HASH_MISMATCH');
    expect(existsSync(join(home, 'Documents', 'big.bin'))).toBe(false);
  });

  it('a complete upload verifies and renames; downloads hash the whole file from any offset', async () => {
    const data = Buffer.from('hello file transfer');
    const sha = createHash('sha256').update(data).digest('hex');
    await store.beginUpload({ key: 'small-upload', volume: 0, path: '', name: 'hello.txt', size: data.length, overwrite: false });
    await store.writeUpload('small-upload', 0, Readable.from([data]));
    expect(await store.finishUpload('small-upload', sha)).toEqual({ size: data.length, sha256: sha, display: 'C:\\Users\\ana\\hello.txt' });
    expect(readFileSync(join(home, 'hello.txt'), 'utf8')).toBe('hello file transfer');
    expect(await code(store.beginUpload({ key: 'again-upload', volume: 0, path: '', name: 'hello.txt', size: 1, overwrite: false }))).toBe('E_FILE_EXISTS');
    const chunks: Buffer[] = [];
    const r = await store.readDownload(0, 'hello.txt', 6, async (body) => {
      for await (const c of body) chunks.push(c as Buffer);
    });
    expect(Buffer.concat(chunks).toString()).toBe('file transfer');
    expect(r).toEqual({ sent: 13, sha256: sha });
    await store.rename(0, 'hello.txt', 'renamed.txt');
    await store.mkdir(0, '', 'New folder');
    expect(await code(store.mkdir(0, '', 'New folder'))).toBe('E_FILE_EXISTS');
    expect(await store.remove(0, ['renamed.txt', 'New folder'])).toBe(2);
    expect(existsSync(join(home, 'renamed.txt'))).toBe(false);
  });
});
