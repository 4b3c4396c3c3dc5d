/**
 * Jump Client installers on a real appliance: /login's API creates, lists and revokes them; the
 * downloads serve scripts that run the real agent (the .sh registers this machine); expired,
 * revoked and used-up installers are refused by the downloads and by agent registration; and,
 * where msitools is installed, the MSI is built with wixl and its tables checked with msiinfo.
 */
import Database from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { runCli, type RunningCli } from '../helpers/agent-cli.js';
import { findOnPath } from '../../appliance/src/http/jump-client-msi.js';

let app: RunningAppliance;
let admin: string;
const dirs: string[] = [];
const clis: RunningCli[] = [];
const tmp = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};

beforeAll(async () => {
  app = await startAppliance({ demo: true });
  admin = await adminCookie(app.url, DEMO.admin.username, DEMO.admin.password);
});
afterAll(async () => {
  await Promise.all(clis.map((c) => c.kill('SIGKILL')));
  await app?.stop({ remove: true });
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Answer {
  status: number;
  body: any;
}

async function adminCookie(url: string, username: string, password: string): Promise<string> {
  const r = await fetch(url + '/login/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(r.status, `login as ${username}`).toBe(200);
  return r.headers.get('set-cookie')!.split(';')[0]!;
}

async function call(method: 'GET' | 'POST', path: string, cookie: string | null, body?: unknown, url = app.url): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (method === 'POST') headers['content-type'] = 'application/json';
  const r = await fetch(url + path, { method, headers, ...(method === 'POST' ? { body: JSON.stringify(body ?? {}) } : {}) });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null };
}

const create = (body: Record<string, unknown>, cookie = admin, url = app.url) =>
  call('POST', '/login/api/jump-clients/installers', cookie, { jumpGroup: 'jumpgroup:dc-servers', tag: 'web', comments: '', validitySeconds: 3600, massDeploy: true, ...body }, url);

const installers = async (): Promise<any[]> => (await call('GET', '/login/api/jump-clients/installers', admin)).body.installers;

/** Registers over a raw /ws/agent socket; the refusal's code, or 'ok'. */
async function register(key: string): Promise<string> {
  const ws = new WebSocket(app.url.replace(/^http/, 'ws') + '/ws/agent');
  try {
    await new Promise((res, rej) => (ws.once('open', res), ws.once('error', rej)));
    const answer = new Promise<{ t: string; code?: string }>((res) => ws.on('message', (b) => res(JSON.parse(b.toString()))));
    ws.send(JSON.stringify({ t: 'req', id: 1, method: 'agent.register', params: { installerKey: key, hostname: `it-${Math.random().toString(36).slice(2, 8)}`, os: 'linux', presence: 'absent' } }));
    const a = await answer;
    return a.t === 'res' ? 'ok' : a.code!;
  } finally {
    ws.close();
  }
}

/** Ages an installer past its expiry in the site's database (the appliance keeps running: SQLite WAL). */
function expire(installerId: number): void {
  const db = new Database(join(app.dataDir, 'site.db'));
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('UPDATE installer_keys SET expires_at = ? WHERE id = ?').run('2000-01-01T00:00:00.000Z', installerId);
  } finally {
    db.close();
  }
}

const download = (url: string) => fetch(url);

describe('creating and listing installers', () => {
  it('creates an installer with its command lines and downloads, and lists it as Active', async () => {
    const r = await create({ tag: 'web tier', comments: 'Rack 4', installDir: 'C:\\Program Files\\Rep' });
    expect(r.status).toBe(200);
    const { key, installer, commandLines, downloads } = r.body;
    expect(key).toMatch(/^[a-z2-7]{48}$/);
    expect(installer).toMatchObject({ jumpGroup: 'jumpgroup:dc-servers', jumpGroupLabel: 'Data Center Servers', tag: 'web tier', massDeploy: true, uses: 0, maxUses: null, status: 'active', createdBy: 'admin' });
    expect(commandLines.exe).toBe(`rep-jump-client-${key}.exe --install-dir "C:\\Program Files\\Rep" --jc-jump-group jumpgroup:dc-servers --jc-tag "web tier" --jc-comments "Rack 4"`);
    expect(commandLines.msi).toBe(`msiexec /i rep-jump-client-${key}.msi KEY_INFO=${key} INSTALLDIR="C:\\Program Files\\Rep" jc_jump_group=jumpgroup:dc-servers jc_tag="web tier" jc_comments="Rack 4"`);
    expect(commandLines.agent).toBe(`npx rep-appliance jump-client --site ${app.url} --key ${key} --install-dir 'C:\\Program Files\\Rep' --jc-jump-group jumpgroup:dc-servers --jc-tag 'web tier' --jc-comments 'Rack 4'`);
    expect(downloads.sh).toBe(`${app.url}/download/jump-client/${key}/rep-jump-client-${key}.sh`);
    expect(downloads.cmd).toBe(`${app.url}/download/jump-client/${key}/rep-jump-client-${key}.cmd`);
    expect((await installers()).find((i) => i.id === installer.id)).toMatchObject({ status: 'active', keyHint: key.slice(0, 6) });

    // The options the wizard offers: Jump Groups and users for `user:NAME`.
    const options = (await call('GET', '/login/api/jump-clients/options', admin)).body;
    expect(options.groups).toContainEqual({ code: 'dc-servers', name: 'Data Center Servers' });
    expect(options.users).toContainEqual({ username: 'ana', displayName: 'Ana Lopez' });
  });

  it('refuses a validity outside 10 minutes – 1 year with 400 E_INSTALLER_VALIDITY', async () => {
    for (const validitySeconds of [599, 31_536_001, 0]) {
      const r = await create({ validitySeconds });
      expect(r.status).toBe(400);
      expect(r.body.error).toEqual({ code: 'E_INSTALLER_VALIDITY', message: 'An installer must be valid for at least 10 minutes and at most 1 year.' });
    }
    expect((await create({ validitySeconds: 600 })).status).toBe(200);
    expect((await create({ validitySeconds: 31_536_000 })).status).toBe(200);
  });

  it('refuses an unknown Jump Group, a malformed one, and control characters', async () => {
    expect((await create({ jumpGroup: 'jumpgroup:nowhere' })).body.error.code).toBe('E_JUMP_GROUP_NOT_FOUND');
    expect((await create({ jumpGroup: 'user:nobody' })).body.error.code).toBe('E_JUMP_GROUP_NOT_FOUND');
    expect((await create({ jumpGroup: 'servers' })).body.error).toMatchObject({ code: 'E_BAD_PARAMS', message: 'The Jump Group must be user:NAME or jumpgroup:CODE.' });
    expect((await create({ comments: 'a\nb' })).body.error.code).toBe('E_BAD_PARAMS');
    expect((await create({ jumpGroup: 'user:ana' })).body.installer.jumpGroupLabel).toBe('Ana Lopez (personal)');
  });

  it('is for administrators: a rep gets 403, nobody logged in 401, a form post E_CSRF', async () => {
    const ana = await adminCookie(app.url, DEMO.reps.general[0].username, DEMO.reps.general[0].password);
    expect((await create({}, ana)).status).toBe(403);
    expect((await call('GET', '/login/api/jump-clients/installers', ana)).body.error.code).toBe('E_FORBIDDEN');
    expect((await create({}, '')).status).toBe(401);
    const form = await fetch(app.url + '/login/api/jump-clients/installers', { method: 'POST', headers: { cookie: admin, 'content-type': 'application/x-www-form-urlencoded' }, body: 'validitySeconds=3600' });
    expect(form.status).toBe(403);
    expect(((await form.json()) as any).error.code).toBe('E_CSRF');
  });
});

describe('downloads', () => {
  it('the .sh names the site and the key, and really installs this machine as a Jump Client', async () => {
    const installDir = join(tmp('rep-jc-sh-'), 'install');
    const { body } = await create({ tag: 'from-sh', installDir, massDeploy: false });
    const r = await download(body.downloads.sh);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="rep-jump-client-${body.key}.sh"`);
    expect(r.headers.get('cache-control')).toBe('no-store');
    const script = await r.text();
    expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    expect(script).toContain(`--site ${app.url} --key ${body.key}`);

    const file = join(tmp('rep-jc-dl-'), `rep-jump-client-${body.key}.sh`);
    writeFileSync(file, script);
    // Run the downloaded script itself, the way a recipient does.
    const child = spawn('sh', [file], { env: { ...process.env, REP_APPLIANCE: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    try {
      await expect.poll(() => out, { timeout: 15_000 }).toMatch(/registered with .* as Jump Item \d+/);
    } finally {
      child.kill('SIGTERM');
    }
    expect((await installers()).find((i) => i.id === body.installer.id)).toMatchObject({ uses: 1, maxUses: 1, status: 'used' });
    // Used up: the downloads are gone too.
    const again = await download(body.downloads.sh);
    expect(again.status).toBe(410);
    expect(((await again.json()) as any).error.code).toBe('E_INSTALLER_KEY_USED');
  });

  it('the .cmd runs the agent with the installer’s settings; an unknown file or key is 404', async () => {
    const { body } = await create({ tag: 'win', comments: '50% "done"' });
    const r = await download(body.downloads.cmd);
    expect(r.status).toBe(200);
    const cmd = await r.text();
    expect(cmd).toContain(`set "SITE=${app.url}"`);
    expect(cmd).toContain(`set "KEY=${body.key}"`);
    expect(cmd).toContain('set "JC_COMMENTS=50%% ""done"""');
    expect(cmd).toContain('%AGENT% jump-client %ARGS% %*');

    const wrongFile = await download(`${app.url}/download/jump-client/${body.key}/setup.exe`);
    expect(wrongFile.status).toBe(404);
    expect(((await wrongFile.json()) as any).error.code).toBe('E_NOT_FOUND');
    const unknown = await download(`${app.url}/download/jump-client/${'a'.repeat(48)}/rep-jump-client-${'a'.repeat(48)}.sh`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as any).error).toEqual({ code: 'E_INSTALLER_KEY_INVALID', message: 'That Jump Client installer key is not valid. Ask your administrator for a new installer.' });
  });
});

describe('refusals', () => {
  it('an expired installer: 410 E_INSTALLER_KEY_EXPIRED from the download and from registration; Expired in the list', async () => {
    const { body } = await create({});
    expire(body.installer.id);
    const r = await download(body.downloads.sh);
    expect(r.status).toBe(410);
    expect(((await r.json()) as any).error.code).toBe('E_INSTALLER_KEY_EXPIRED');
    expect(await register(body.key)).toBe('E_INSTALLER_KEY_EXPIRED');
    expect((await installers()).find((i) => i.id === body.installer.id)!.status).toBe('expired');
  });

  it('a revoked installer: 404 E_INSTALLER_KEY_INVALID, registration refused, Revoked in the list; the Jump Clients it installed stay', async () => {
    const { body } = await create({});
    expect(await register(body.key)).toBe('ok');
    const revoked = await call('POST', `/login/api/jump-clients/installers/${body.installer.id}/revoke`, admin);
    expect(revoked.status).toBe(200);
    expect(revoked.body.installer).toMatchObject({ status: 'revoked', uses: 1 });
    const r = await download(body.downloads.cmd);
    expect(r.status).toBe(404);
    expect(((await r.json()) as any).error).toMatchObject({ code: 'E_INSTALLER_KEY_INVALID', message: expect.stringContaining('revoked') });
    expect(await register(body.key)).toBe('E_INSTALLER_KEY_INVALID');
    expect((await call('POST', '/login/api/jump-clients/installers/99999/revoke', admin)).body.error.code).toBe('E_INSTALLER_NOT_FOUND');
  });

  it('a single-use installer used a second time: the real agent stops with E_INSTALLER_KEY_USED', async () => {
    const { body } = await create({ massDeploy: false });
    expect(await register(body.key)).toBe('ok');
    const cli = runCli(['jump-client', '--site', app.url, '--key', body.key, '--install-dir', join(tmp('rep-jc-used-'), 'jc')]);
    clis.push(cli);
    await cli.waitFor('E_INSTALLER_KEY_USED', 15_000);
    expect(cli.stderr()).toContain('That Jump Client installer was made for one computer and has already been used.');
    expect((await cli.exited()).code).not.toBe(0);
  });

  it('a mass-deployment installer registers many computers', async () => {
    const { body } = await create({ massDeploy: true });
    for (let i = 0; i < 3; i++) expect(await register(body.key)).toBe('ok');
    expect((await installers()).find((i) => i.id === body.installer.id)).toMatchObject({ uses: 3, status: 'active' });
  });
});

const wixl = findOnPath('wixl');
const msiinfo = findOnPath('msiinfo');

describe('the MSI', () => {
  it.skipIf(!wixl || !msiinfo)('is built with wixl; msiinfo shows KEY_INFO and the jc_ properties, the .cmd and installer.json, and the recorded properties (skipped without msitools)', async () => {
    const { body } = await create({ tag: 'msi tag', comments: 'built by wixl', installDir: 'D:\\Rep' });
    expect(body.downloads.msi).toBe(`${app.url}/download/jump-client/${body.key}/rep-jump-client-${body.key}.msi`);
    const r = await download(body.downloads.msi);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/x-msi');
    const bytes = Buffer.from(await r.arrayBuffer());
    // An OLE compound file, as every MSI.
    expect(bytes.subarray(0, 8).toString('hex')).toBe('d0cf11e0a1b11ae1');
    const file = join(tmp('rep-jc-msi-'), `rep-jump-client-${body.key}.msi`);
    writeFileSync(file, bytes);
    const table = (name: string) => execFileSync(msiinfo!, ['export', file, name], { encoding: 'utf8' });

    const props = Object.fromEntries(table('Property').split(/\r?\n/).slice(3).filter(Boolean).map((l) => l.split('\t') as [string, string]));
    expect(props).toMatchObject({ KEY_INFO: body.key, jc_jump_group: 'jumpgroup:dc-servers', jc_tag: 'msi tag', jc_comments: 'built by wixl', ProductName: 'Rep Jump Client' });
    const files = table('File');
    expect(files).toContain('rep-jump-client.cmd');
    expect(files).toContain('installer.json');
    expect(table('Directory')).toMatch(/INSTALLDIR\tUserProgramsFolder\tRep Jump Client/);
    expect(table('CustomAction')).toContain('D:\\Rep');
    const registry = table('Registry');
    for (const [name, value] of [['KeyInfo', '[KEY_INFO]'], ['JumpGroup', '[jc_jump_group]'], ['Tag', '[jc_tag]'], ['Comments', '[jc_comments]'], ['InstallDir', '[INSTALLDIR]'], ['Site', app.url]]) {
      expect(registry).toContain(`Software\\Rep Jump Client\t${name}\t${value}`);
    }
    // Built once: the second download is the cached file.
    const again = Buffer.from(await (await download(body.downloads.msi)).arrayBuffer());
    expect(again.equals(bytes)).toBe(true);
  });

  it('without wixl on the appliance’s PATH there is no MSI: 404 E_MSI_UNAVAILABLE', async () => {
    const site = await startAppliance({ demo: false, env: { PATH: tmp('rep-empty-path-') } });
    try {
      const cookie = await adminCookie(site.url, 'admin', 'password');
      expect((await call('GET', '/login/api/jump-clients/options', cookie, undefined, site.url)).body.msiAvailable).toBe(false);
      const { body } = await create({ jumpGroup: null }, cookie, site.url);
      expect(body.downloads.msi).toBeNull();
      const r = await download(`${site.url}/download/jump-client/${body.key}/rep-jump-client-${body.key}.msi`);
      expect(r.status).toBe(404);
      expect(((await r.json()) as any).error).toEqual({
        code: 'E_MSI_UNAVAILABLE',
        message: 'This site cannot build Windows MSI installers because wixl (msitools) is not installed on the appliance. Use the .cmd file or the command line instead.',
      });
      expect((await download(body.downloads.sh)).status).toBe(200);
    } finally {
      await site.stop({ remove: true });
    }
  });
});
