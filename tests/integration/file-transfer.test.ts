/**
 * File Transfer end to end on a real appliance (real sockets, real disks): a 1 GiB upload cut at 50 %
 * resumes from what the endpoint holds and is verified by SHA-256 before it gets its name; the same
 * file comes back with a download cut at 50 % and resumed with a Range request; hostile paths are
 * refused with stable codes; and a real `rep-appliance jump-client` serves files within its
 * --allow-path only. Every finished transfer is one structured `file.transfer` event in the session log.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { runCli, type RunningCli } from '../helpers/agent-cli.js';
import { generateFile, getFile, putFile, sha256File, uploadFile } from '../helpers/file-client.js';
import { eventOf, rep } from '../helpers/support.js';
import type { TestClient } from '../helpers/ws-client.js';

const GiB = 1024 ** 3;
let app: RunningAppliance;
let admin: TestClient;
let sessionId: string;
let sandbox: string;
let work: string;
const clis: RunningCli[] = [];

beforeAll(async () => {
  app = await startAppliance({ demo: true });
  work = mkdtempSync(join(tmpdir(), 'rep-ft-'));
  admin = await rep(app.url, 'admin');
  const { items } = await admin.call('jump.list', { search: 'DC01' });
  const item = items.find((i) => i.status === 'active')!;
  ({ sessionId } = await admin.call('jump.start', { itemId: item.id }));
  sandbox = join(app.dataDir, 'sandboxes', item.hostname.toLowerCase().replace(/[^a-z0-9.-]/g, '_'));
}, 60_000);
afterAll(async () => {
  await Promise.all(clis.map((c) => c.kill('SIGKILL')));
  admin?.close();
  await app?.stop({ remove: true });
  rmSync(work, { recursive: true, force: true });
});

const fileEvents = (sid: string) => {
  const db = new Database(join(app.dataDir, 'site.db'), { readonly: true });
  try {
    return (db.prepare("SELECT data FROM session_events WHERE session_id = ? AND kind = 'file.transfer' ORDER BY id").all(sid) as { data: string }[]).map((r) => JSON.parse(r.data));
  } finally {
    db.close();
  }
};

const refusal = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code ?? String(e));

describe('an emulated endpoint (the demo fleet’s sandbox)', () => {
  it('browses volumes with breadcrumbs; hidden files only when asked', async () => {
    const top = await admin.call('session.files.browse', { sessionId });
    expect(top.volumes.map((v) => v.name)).toEqual(['Home', 'Desktop', 'Documents', 'Downloads']);
    expect(top.display).toMatch(/^C:\\Users\\/);
    expect(top.entries.some((e) => e.name === 'AppData')).toBe(false);
    expect(top.hiddenCount).toBeGreaterThan(0);
    expect((await admin.call('session.files.browse', { sessionId, showHidden: true })).entries.some((e) => e.name === 'AppData')).toBe(true);
    const docs = await admin.call('session.files.browse', { sessionId, path: 'Documents' });
    expect(docs.breadcrumbs).toEqual([{ name: 'Home', path: '' }, { name: 'Documents', path: 'Documents' }]);
    expect(docs.parent).toBe('');
  });

  it('refuses hostile paths and names with stable codes, before and at the endpoint', async () => {
    symlinkSync('/etc', join(sandbox, 'etc-link'));
    const table: [string, string][] = [
      ['..', 'E_PATH_TRAVERSAL'],
      ['Documents/../..', 'E_PATH_TRAVERSAL'],
      ['Documents\\..\\..\\Windows', 'E_PATH_TRAVERSAL'],
      ['/etc', 'E_PATH_ABSOLUTE'],
      ['\\Windows', 'E_PATH_ABSOLUTE'],
      ['~/..', 'E_PATH_ABSOLUTE'],
      ['C:\\Windows\\System32', 'E_PATH_DRIVE'],
      ['c:', 'E_PATH_DRIVE'],
      ['Documents/D:/x', 'E_PATH_DRIVE'],
      ['\\\\fileserver\\share', 'E_PATH_UNC'],
      ['//fileserver/share', 'E_PATH_UNC'],
      ['\\\\?\\C:\\Windows', 'E_PATH_UNC'],
      ['Documents/bad\u0000name', 'E_FILE_NAME_INVALID'],
      ['Documents/CON', 'E_FILE_NAME_INVALID'],
      ['Documents/a:stream', 'E_FILE_NAME_INVALID'],
      ['etc-link', 'E_PATH_SYMLINK'],
      ['nope', 'E_FILE_NOT_FOUND'],
    ];
    const got: [string, string][] = [];
    for (const [path] of table) got.push([path, await refusal(admin.call('session.files.browse', { sessionId, path }))]);
    expect(got).toEqual(table);
    expect(await refusal(admin.call('session.files.download', { sessionId, path: 'etc-link/passwd' }))).toBe('E_PATH_SYMLINK');
    expect(await refusal(admin.call('session.files.download', { sessionId, path: '../../site.db' }))).toBe('E_PATH_TRAVERSAL');
    expect(await refusal(admin.call('session.files.upload', { sessionId, path: '', name: '../evil.txt', size: 1, key: 'hostile-1' }))).toBe('E_PATH_TRAVERSAL');
    expect(await refusal(admin.call('session.files.upload', { sessionId, path: '', name: 'C:evil.txt', size: 1, key: 'hostile-2' }))).toBe('E_FILE_NAME_INVALID');
    expect(await refusal(admin.call('session.files.upload', { sessionId, path: 'etc-link', name: 'evil.txt', size: 1, key: 'hostile-3' }))).toBe('E_PATH_SYMLINK');
    expect(await refusal(admin.call('session.files.rename', { sessionId, path: 'notes.txt', name: '../notes.txt' }))).toBe('E_PATH_TRAVERSAL');
    expect(await refusal(admin.call('session.files.mkdir', { sessionId, path: '', name: 'a/b' }))).toBe('E_FILE_NAME_INVALID');
    expect(await refusal(admin.call('session.files.delete', { sessionId, volume: 0, paths: [''] }))).toBe('E_FILE_NAME_INVALID');
    expect(await refusal(admin.call('session.files.browse', { sessionId, volume: 9 }))).toBe('E_PATH_VOLUME');
    // Deleting the link removes the link only.
    await admin.call('session.files.delete', { sessionId, volume: 0, paths: ['etc-link'] });
    expect(existsSync('/etc/passwd')).toBe(true);
  });

  it('a 1 GiB upload cut at 50 % resumes from what the endpoint holds, verifies by SHA-256 and only then gets its name; the download back, cut at 50 %, resumes with Range', async () => {
    const source = join(work, 'big.bin');
    const sha256 = generateFile(source, GiB);
    const key = 'big-upload-0001';
    const first = await admin.call('session.files.upload', { sessionId, path: 'Downloads', name: 'big.bin', size: GiB, key });
    expect(first.offset).toBe(0);
    expect(await putFile(app.url, first.url, source, 0, GiB / 2)).toBeNull();
    // Not under its name while incomplete.
    expect(existsSync(join(sandbox, 'Downloads', 'big.bin'))).toBe(false);

    const resumed = await admin.call('session.files.upload', { sessionId, path: 'Downloads', name: 'big.bin', size: GiB, key });
    expect(resumed.transferId).toBe(first.transferId);
    expect(resumed.offset).toBeGreaterThan(0);
    expect(resumed.offset).toBeLessThanOrEqual(GiB / 2);
    // Skipping ahead is refused: the sender continues exactly where the receiver stopped.
    expect((await putFile(app.url, resumed.url, source, resumed.offset + 1))?.body.error.code).toBe('E_FILE_OFFSET_MISMATCH');
    const put = await putFile(app.url, resumed.url, source, resumed.offset);
    expect(put).toEqual({ status: 200, body: { received: GiB } });
    const done = await admin.call('session.files.uploadFinish', { transferId: first.transferId, sha256 });
    expect(done).toMatchObject({ size: GiB, sha256 });
    expect(statSync(join(sandbox, 'Downloads', 'big.bin')).size).toBe(GiB);
    expect(readdirSync(join(sandbox, 'Downloads')).filter((n) => n.endsWith('.part'))).toEqual([]);
    await eventOf(admin, 'session.files.progress', (d) => d.transferId === first.transferId && d.state === 'completed');

    // And back again.
    const dl = await admin.call('session.files.download', { sessionId, path: 'Downloads/big.bin' });
    expect(dl.size).toBe(GiB);
    const target = join(work, 'back.bin');
    const cut = await getFile(app.url, dl.url, target, 0, GiB / 2);
    expect(cut).toMatchObject({ status: 200, cut: true });
    const have = statSync(target).size;
    const rest = await getFile(app.url, dl.url, target, have);
    expect(rest.status).toBe(206);
    expect(rest.headers['content-range']).toBe(`bytes ${have}-${GiB - 1}/${GiB}`);
    const completed = await eventOf(admin, 'session.files.progress', (d) => d.transferId === dl.transferId && d.state === 'completed', 30_000);
    expect(completed.sha256).toBe(sha256);
    expect(await sha256File(target)).toBe(sha256);

    const events = fileEvents(sessionId);
    expect(events).toEqual([
      expect.objectContaining({ direction: 'upload', name: 'big.bin', size: GiB, bytes: GiB, result: 'completed', sha256 }),
      expect.objectContaining({ direction: 'download', name: 'big.bin', size: GiB, bytes: GiB, result: 'completed', sha256 }),
    ]);
    rmSync(source);
    rmSync(target);
  }, 300_000);

  it('a hash mismatch discards the file; cancel removes the temporary file and says so in the log', async () => {
    const f = join(work, 'small.txt');
    writeFileSync(f, 'small but important');
    const wrong = await refusal(uploadFile(app.url, admin, { sessionId, name: 'small.txt', file: f, size: 19, sha256: '0'.repeat(64), key: 'mismatch-01' }));
    expect(wrong).toBe('E_FILE_HASH_MISMATCH');
    expect(existsSync(join(sandbox, 'small.txt'))).toBe(false);

    const t = await admin.call('session.files.upload', { sessionId, name: 'cancelled.bin', size: 1000, key: 'cancel-0001' });
    await admin.call('session.files.cancel', { transferId: t.transferId });
    expect(readdirSync(sandbox).filter((n) => n.includes('cancel-0001'))).toEqual([]);
    expect(fileEvents(sessionId).slice(-2).map((e) => [e.name, e.result, e.code])).toEqual([
      ['small.txt', 'failed', 'E_FILE_HASH_MISMATCH'],
      ['cancelled.bin', 'cancelled', 'E_FILE_CANCELLED'],
    ]);
  });

  it('refuses a rep who is not in the session (fileUpload / fileDownload themselves: domain/file-permissions.test.ts)', async () => {
    const ben = await rep(app.url, 'ben');
    expect(await refusal(ben.call('session.files.browse', { sessionId }))).toBe('E_SESSION_NOT_MEMBER');
    expect(await refusal(ben.call('session.files.download', { sessionId, path: 'notes.txt' }))).toBe('E_SESSION_NOT_MEMBER');
    expect(await refusal(ben.call('session.files.upload', { sessionId, name: 'x.txt', size: 1, key: 'stranger-01' }))).toBe('E_SESSION_NOT_MEMBER');
    ben.close();
  });
});

describe('a real rep-appliance jump-client', () => {
  it('serves files within its --allow-path only', async () => {
    const login = await fetch(app.url + '/login/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'password' }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const created = await fetch(app.url + '/login/api/jump-clients/installers', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ jumpGroup: 'jumpgroup:dc-servers', tag: '', comments: '', validitySeconds: 3600, massDeploy: true }),
    });
    const { key } = (await created.json()) as { key: string };
    const installDir = join(work, 'install');
    const allowed = join(work, 'allowed');
    mkdirSync(join(allowed, 'inbox'), { recursive: true });
    writeFileSync(join(allowed, 'report.txt'), 'quarterly numbers');
    symlinkSync(tmpdir(), join(allowed, 'tmp-link'));
    const cli = runCli(['jump-client', '--site', app.url, '--install-dir', installDir, '--allow-path', allowed, '--key', key]);
    clis.push(cli);
    const registered = await cli.waitFor(/registered with \S+ as Jump Item \d+/);
    const itemId = Number(/Jump Item (\d+)/.exec(registered)![1]);
    const { sessionId: sid } = await admin.call('jump.start', { itemId });

    const top = await admin.call('session.files.browse', { sessionId: sid });
    expect(top.volumes).toEqual([{ name: basename(allowed), display: allowed }]);
    expect(top.entries.map((e) => e.name).sort()).toEqual(['inbox', 'report.txt', 'tmp-link']);
    expect(await refusal(admin.call('session.files.browse', { sessionId: sid, path: 'tmp-link' }))).toBe('E_PATH_SYMLINK');
    expect(await refusal(admin.call('session.files.browse', { sessionId: sid, path: '../' }))).toBe('E_PATH_TRAVERSAL');
    expect(await refusal(admin.call('session.files.browse', { sessionId: sid, path: '/etc' }))).toBe('E_PATH_ABSOLUTE');

    // Up: over the agent's own HTTP data link.
    const src = join(work, 'agent-up.bin');
    const sha = generateFile(src, 5 * 1024 * 1024 + 17);
    const r = await uploadFile(app.url, admin, { sessionId: sid, path: 'inbox', name: 'agent-up.bin', file: src, size: 5 * 1024 * 1024 + 17, sha256: sha, key: 'agent-upload-1' });
    expect(r).toMatchObject({ sha256: sha, display: join(allowed, 'inbox', 'agent-up.bin') });
    expect(await sha256File(join(allowed, 'inbox', 'agent-up.bin'))).toBe(sha);
    // Down, resumed halfway.
    const dl = await admin.call('session.files.download', { sessionId: sid, path: 'inbox/agent-up.bin' });
    const back = join(work, 'agent-back.bin');
    await getFile(app.url, dl.url, back, 0, 2 * 1024 * 1024);
    await getFile(app.url, dl.url, back, statSync(back).size);
    expect(await sha256File(back)).toBe(sha);
    // Rename, New Folder, Delete.
    await admin.call('session.files.rename', { sessionId: sid, path: 'report.txt', name: 'report-2026.txt' });
    await admin.call('session.files.mkdir', { sessionId: sid, path: '', name: 'New Folder' });
    await admin.call('session.files.delete', { sessionId: sid, volume: 0, paths: ['inbox', 'New Folder'] });
    expect(readdirSync(allowed).sort()).toEqual(['report-2026.txt', 'tmp-link']);
    expect(existsSync(tmpdir())).toBe(true);
    await admin.call('session.end', { sessionId: sid });
    expect(hostname()).toBeTruthy();
  }, 60_000);
});
