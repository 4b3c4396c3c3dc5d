/**
 * ECM bridges (FEATURES.md §F, issue 8 part A), with real parts: the appliance's ECM side (real SQLite
 * ECM accounts, the /ws/ecm gateway on a real HTTP server, the registry that is `ctx.ecmCredentials`)
 * and real `rep-appliance ecm` processes with the file and keychain plugins. Requests go to the ECM
 * connected longest and fail over when it dies; a sixth ECM, a wrong secret, a slow ECM and garbage
 * answers give coded errors; afterwards no password is in the data directory, the logs or any output.
 * The last block runs a real `serve --demo`: its demo ECM child shows up on /login > Status, and a rep
 * injects `DEMO\Administrator` from it into WS-042 (part B's flow) with the password nowhere in sight.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pino from 'pino';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EcmAccountService } from '../../appliance/src/domain/ecm-accounts.js';
import { EcmRegistry } from '../../appliance/src/domain/ecm-registry.js';
import { systemClock } from '../../appliance/src/domain/clock.js';
import { hashToken, newToken } from '../../appliance/src/domain/tokens.js';
import { SqliteEcmAccountRepository } from '../../appliance/src/store/ecm-accounts.js';
import { openDatabase } from '../../appliance/src/store/db.js';
import { EcmGateway } from '../../appliance/src/ws/ecm-gateway.js';
import { readCredentialFile, writeCredentialFile } from '../../appliance/src/ecm/plugins/file-store.js';
import { ECM_PROTOCOL_VERSION } from '../../appliance/src/protocol/ecm-messages.js';
import { runCli, type RunningCli } from '../helpers/agent-cli.js';
import { repoRoot, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { rep } from '../helpers/support.js';

const PW_A = 'Secret-From-A-5521!';
const PW_B = 'Secret-From-B-7734!';
const PASSPHRASE = 'a passphrase that is not a password';
const TIMEOUT_MS = 800;

let dir = '';
let dataDir = '';
let logFile = '';
let server: Server;
let port = 0;
let registry: EcmRegistry;
let clientId = '';
let clientSecret = '';
const clis: RunningCli[] = [];
const sockets: WebSocket[] = [];
const q = { userId: 1 };
const code = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { code?: string }) => e.code ?? String(e));

function filesUnder(d: string): string[] {
  if (!existsSync(d)) return [];
  return readdirSync(d).flatMap((n) => {
    const p = join(d, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function ecm(name: string, file: string, extra: string[] = [], env: Record<string, string> = {}): RunningCli {
  const cli = runCli(
    ['ecm', '--client-id', clientId, '--client-secret', clientSecret, '--site', 'http://127.0.0.1', '--port', String(port), '--plugin', 'file', '--name', name, '--file', file, ...extra],
    { REP_ECM_PASSPHRASE: PASSPHRASE, REP_ECM_RECONNECT_MAX_MS: '500', ...env },
  );
  clis.push(cli);
  return cli;
}

/** A hand-written ECM over a raw WebSocket: answers each request with `answer` (or not at all). */
async function fakeEcm(name: string, answer: (req: { id: number; type: string }) => string | null, secret = clientSecret): Promise<{ ws: WebSocket; first: unknown }> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws/ecm`);
  sockets.push(ws);
  await new Promise((r) => ws.once('open', r));
  ws.send(JSON.stringify({ type: 'hello', protocol: ECM_PROTOCOL_VERSION, clientId, clientSecret: secret, name, hostname: 'fake-host', version: 'test', plugin: 'fake' }));
  const first = await new Promise((r) => ws.once('message', (d) => r(JSON.parse(d.toString()))));
  ws.on('message', (d) => {
    const req = JSON.parse(d.toString()) as { id: number; type: string };
    const reply = answer(req);
    if (reply !== null) ws.send(reply);
  });
  return { ws, first };
}

const closeSocket = (ws: WebSocket) => new Promise<void>((r) => (ws.readyState === WebSocket.CLOSED ? r() : (ws.once('close', () => r()), ws.close())));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rep-ecm-'));
  dataDir = join(dir, 'site');
  logFile = join(dir, 'appliance.log');
  const db = openDatabase(dataDir);
  const log = pino({ level: 'debug' }, pino.destination({ dest: logFile, sync: true }));
  const repo = new SqliteEcmAccountRepository(db);
  const accounts = new EcmAccountService(repo, systemClock);
  registry = new EcmRegistry(systemClock, log, () => TIMEOUT_MS);
  clientId = randomBytes(20).toString('hex');
  clientSecret = newToken();
  repo.create('Integration ECM', clientId, hashToken(clientSecret), new Date().toISOString());
  const gateway = new EcmGateway(accounts, registry, log);
  server = createServer();
  server.on('upgrade', (req, socket, head) => {
    if (!gateway.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  const cred = (password: string) => [{ id: 'admin', name: 'DEMO\\Administrator', domain: 'DEMO', username: 'Administrator', password }];
  writeCredentialFile(join(dataDir, 'a.ecm'), PASSPHRASE, cred(PW_A));
  writeCredentialFile(join(dataDir, 'b.ecm'), PASSPHRASE, cred(PW_B));
});

afterAll(async () => {
  await Promise.all(clis.map((c) => c.kill('SIGKILL')));
  for (const ws of sockets) ws.terminate();
  registry?.closeAll();
  await new Promise((r) => server?.close(r));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('two ECM processes', () => {
  it('routes requests to the one connected longest, and to the other when it is killed', async () => {
    const a = ecm('ecm-A', join(dataDir, 'a.ecm'));
    await a.waitFor('ECM connected');
    const b = ecm('ecm-B', join(dataDir, 'b.ecm'));
    await b.waitFor('ECM connected');
    expect(registry.clients().map((c) => c.name)).toEqual(['ecm-A', 'ecm-B']);
    expect(registry.clients()[0]).toMatchObject({ plugin: 'file', version: expect.any(String), hostname: expect.any(String), connectedAt: expect.any(String) });

    const list = await registry.list({ ...q, search: 'admin' }, 200);
    expect(list).toEqual([{ id: 'ecm:admin', name: 'DEMO\\Administrator', source: 'ecm' }]);
    for (let i = 0; i < 3; i++) expect((await registry.fetchSecret('ecm:admin', q)).password).toBe(PW_A);

    await a.kill('SIGKILL');
    // A request already under way when A dies, and the ones after, are answered by B.
    await until(() => registry.clients().length === 1, 'A to drop');
    expect(registry.clients().map((c) => c.name)).toEqual(['ecm-B']);
    expect(await registry.fetchSecret('ecm:admin', q)).toEqual({ username: 'Administrator', domain: 'DEMO', password: PW_B });
    expect(await code(registry.fetchSecret('ecm:nope', q))).toBe('E_ECM_CREDENTIAL_NOT_FOUND');
    await b.kill();
    await until(() => registry.clients().length === 0, 'B to drop');
    expect(await code(registry.list(q, 200))).toBe('E_ECM_NONE');
  });

  it('a request under way moves on to the next ECM when the one asked drops', async () => {
    let silent: WebSocket | null = null;
    const first = await fakeEcm('drops', () => {
      setTimeout(() => silent?.terminate(), 50);
      return null;
    });
    silent = first.ws;
    const second = await fakeEcm('answers', (req) => JSON.stringify({ type: 'result', id: req.id, ok: true, secret: { username: 'u', password: 'p-second' } }));
    expect((await registry.fetchSecret('ecm:x', q)).password).toBe('p-second');
    await closeSocket(second.ws);
    await until(() => registry.clients().length === 0, 'fakes to drop');
  });
});

describe('refusals', () => {
  it('refuses a sixth ECM with E_ECM_LIMIT; a slot frees when one leaves', async () => {
    const five = await Promise.all([1, 2, 3, 4, 5].map((i) => fakeEcm(`fake-${i}`, () => null)));
    for (const f of five) expect(f.first).toMatchObject({ type: 'welcome' });
    const sixth = await fakeEcm('fake-6', () => null);
    expect(sixth.first).toEqual({ type: 'refused', code: 'E_ECM_LIMIT', message: expect.any(String) });
    const closed = await new Promise<number>((r) => (sixth.ws.readyState === WebSocket.CLOSED ? r(4409) : sixth.ws.once('close', (c) => r(c))));
    expect(closed).toBe(4409);
    expect(registry.clients()).toHaveLength(5);
    expect(registry.clients().map((c) => c.name)).not.toContain('fake-6');
    // A real ECM process waits as a standby and joins when a slot frees.
    const standby = ecm('standby', join(dataDir, 'b.ecm'));
    await standby.waitFor('E_ECM_LIMIT');
    await closeSocket(five[0]!.ws);
    await standby.waitFor('ECM connected', 10_000);
    expect(registry.clients().map((c) => c.name)).toContain('standby');
    await Promise.all(five.slice(1).map((f) => closeSocket(f.ws)));
    await standby.kill();
    await until(() => registry.clients().length === 0, 'all to drop');
  });

  it('refuses a wrong client secret: the ECM process stops with a code and is listed nowhere', async () => {
    const wrong = ecm('wrong-secret', join(dataDir, 'a.ecm'), ['--client-secret', 'not-the-secret']);
    const { code: exit } = await wrong.exited();
    expect(exit).toBe(3);
    expect(wrong.stdout() + wrong.stderr()).toContain('E_ECM_CLIENT_INVALID');
    expect(registry.clients()).toEqual([]);
    const fake = await fakeEcm('fake-wrong', () => null, 'wrong');
    expect(fake.first).toMatchObject({ type: 'refused', code: 'E_ECM_CLIENT_INVALID' });
    expect(registry.clients()).toEqual([]);
    expect(readFileSync(logFile, 'utf8')).not.toContain('not-the-secret');
  });

  it('a slow ECM gives E_ECM_TIMEOUT, garbage gives E_ECM_BAD_ANSWER, and the next request still works', async () => {
    let mode: 'slow' | 'garbage' | 'control' | 'wrong-shape' | 'good' = 'slow';
    const f = await fakeEcm('moody', (req) => {
      if (mode === 'slow') return null;
      if (mode === 'garbage') return '}{ not json';
      if (mode === 'control') return JSON.stringify({ type: 'result', id: req.id, ok: true, credentials: [{ id: 'x', name: 'evil\u001b[2Jname' }] });
      if (mode === 'wrong-shape') return JSON.stringify({ type: 'result', id: req.id, ok: true, secret: { username: 42 } });
      return JSON.stringify({ type: 'result', id: req.id, ok: true, credentials: [{ id: 'x', name: 'Good name' }] });
    });
    const started = Date.now();
    expect(await code(registry.list(q, 200))).toBe('E_ECM_TIMEOUT');
    expect(Date.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    mode = 'garbage';
    expect(await code(registry.list(q, 200))).toBe('E_ECM_BAD_ANSWER');
    mode = 'control';
    expect(await code(registry.list(q, 200))).toBe('E_ECM_BAD_ANSWER');
    mode = 'wrong-shape';
    expect(await code(registry.fetchSecret('ecm:x', q))).toBe('E_ECM_BAD_ANSWER');
    mode = 'good';
    expect(await registry.list(q, 200)).toEqual([{ id: 'ecm:x', name: 'Good name', source: 'ecm' }]);
    await closeSocket(f.ws);
    await until(() => registry.clients().length === 0, 'moody to drop');
  });
});

describe('plugins', () => {
  it('file plugin: ecm-file add / list round trip, encrypted at rest, wrong passphrase refused', async () => {
    const file = join(dataDir, 'made-by-cli.ecm');
    const add = runCli(['ecm-file', 'add', '--file', file, '--name', 'CORP\\operator', '--username', 'operator', '--domain', 'CORP'], { REP_ECM_PASSPHRASE: PASSPHRASE, REP_ECM_CREDENTIAL_PASSWORD: 'File-Round-Trip-88!' });
    expect((await add.exited()).code).toBe(0);
    const raw = readFileSync(file, 'utf8');
    expect(raw).not.toContain('File-Round-Trip-88!');
    expect(raw).not.toContain('operator');
    expect(JSON.parse(raw)).toMatchObject({ format: 'rep-ecm-file', cipher: 'aes-256-gcm', kdf: { name: 'scrypt' } });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const list = runCli(['ecm-file', 'list', '--file', file], { REP_ECM_PASSPHRASE: PASSPHRASE });
    expect((await list.exited()).code).toBe(0);
    expect(list.stdout()).toContain('CORP\\operator');
    expect(list.stdout()).not.toContain('File-Round-Trip-88!');
    expect(() => readCredentialFile(file, 'wrong passphrase')).toThrow(expect.objectContaining({ code: 'E_ECM_FILE_LOCKED' }));

    const locked = ecm('locked', file, [], { REP_ECM_PASSPHRASE: 'wrong passphrase' });
    expect((await locked.exited()).code).toBe(2);
    expect(locked.stderr()).toContain('E_ECM_FILE_LOCKED');

    const running = ecm('file-ecm', file);
    await running.waitFor('ECM connected');
    const [summary] = await registry.list({ ...q, search: 'operator' }, 200);
    expect(summary).toMatchObject({ name: 'CORP\\operator', source: 'ecm' });
    expect(await registry.fetchSecret(summary!.id, q)).toEqual({ username: 'operator', domain: 'CORP', password: 'File-Round-Trip-88!' });
    await running.kill();
    await until(() => registry.clients().length === 0, 'file-ecm to drop');
  });

  it('ecm configure: every field required, validated by connecting, saved readable by its owner only', async () => {
    const config = join(dir, 'ecm.json');
    const base = ['--config', config, '--site', 'http://127.0.0.1', '--port', String(port), '--plugin', 'file', '--file', join(dataDir, 'a.ecm'), '--name', 'configured'];
    const missing = runCli(['ecm', 'configure', ...base], { REP_ECM_PASSPHRASE: PASSPHRASE });
    expect((await missing.exited()).code).toBe(2);
    expect(missing.stderr()).toContain('E_ECM_CONFIG_INVALID');
    const wrong = runCli(['ecm', 'configure', ...base, '--client-id', clientId, '--client-secret', 'wrong'], { REP_ECM_PASSPHRASE: PASSPHRASE });
    expect((await wrong.exited()).code).toBe(2);
    expect(wrong.stderr()).toContain('E_ECM_CLIENT_INVALID');
    expect(existsSync(config)).toBe(false);
    const ok = runCli(['ecm', 'configure', ...base, '--client-id', clientId, '--client-secret', clientSecret], { REP_ECM_PASSPHRASE: PASSPHRASE });
    expect((await ok.exited()).code).toBe(0);
    expect(statSync(config).mode & 0o777).toBe(0o600);
    const fromConfig = runCli(['ecm', '--config', config], { REP_ECM_PASSPHRASE: PASSPHRASE });
    clis.push(fromConfig);
    await fromConfig.waitFor('ECM connected');
    expect(registry.clients().map((c) => c.name)).toEqual(['configured']);
    await fromConfig.kill();
    await until(() => registry.clients().length === 0, 'configured to drop');
  });

  const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
  const keychainSkip = !has('dbus-run-session') || !has('gnome-keyring-daemon') ? 'dbus / gnome-keyring not installed' : !existsSync(join(repoRoot, 'node_modules/keytar/build/Release/keytar.node')) ? 'keytar not built' : '';

  it.skipIf(!!keychainSkip)(`keychain plugin under a real Secret Service (GNOME Keyring over D-Bus)${keychainSkip ? ` — skipped: ${keychainSkip}` : ''}`, async () => {
    const home = mkdtempSync(join(dir, 'home-'));
    const seed = join(repoRoot, 'node_modules/.cache', `rep-ecm-seed-${process.pid}.mjs`);
    mkdirSync(dirname(seed), { recursive: true }); // a fresh checkout has no cache folder yet
    writeFileSync(seed, `import keytar from 'keytar';\nawait keytar.setPassword('Rep ECM test', 'LAB\\\\kc-admin', process.env.KC_PASSWORD);\nconsole.log('seeded');\n`);
    const node = JSON.stringify(process.execPath);
    const cmd = `printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; ${node} ${JSON.stringify(seed)} && exec ${node} bin/rep-appliance.js ecm --client-id ${clientId} --client-secret ${clientSecret} --site http://127.0.0.1 --port ${port} --plugin keychain --service 'Rep ECM test' --name keychain-ecm`;
    const child = spawn('dbus-run-session', ['--', 'sh', '-c', cmd], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH, HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config'), XDG_RUNTIME_DIR: home, KC_PASSWORD: 'Keychain-Secret-6060!' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group: dbus-run-session, the keyring daemon and the ECM stop together
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    try {
      await until(() => out.includes('ECM connected') || child.exitCode !== null, 'the keychain ECM', 30_000);
      expect(out).toContain('ECM connected');
      expect(registry.clients()[0]).toMatchObject({ name: 'keychain-ecm', plugin: 'keychain' });
      const list = await registry.list(q, 200);
      expect(list).toEqual([{ id: 'ecm:LAB\\kc-admin', name: 'LAB\\kc-admin', source: 'ecm' }]);
      expect(await registry.fetchSecret(list[0]!.id, q)).toEqual({ username: 'kc-admin', domain: 'LAB', password: 'Keychain-Secret-6060!' });
      expect(out).not.toContain('Keychain-Secret-6060!');
    } finally {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        /* already gone */
      }
      rmSync(seed, { force: true });
    }
    await until(() => registry.clients().length === 0, 'keychain ECM to drop', 10_000);
  }, 60_000);
});

describe('secrets stay secret', () => {
  it('after the fetches above, no password is in the data directory, the log, or any ECM output', () => {
    const secrets = [PW_A, PW_B, 'File-Round-Trip-88!', 'Keychain-Secret-6060!', PASSPHRASE];
    const haystacks = [...filesUnder(dataDir).map((f) => readFileSync(f)), readFileSync(logFile), ...clis.map((c) => Buffer.from(c.stdout() + c.stderr()))];
    expect(readFileSync(logFile, 'utf8')).toContain('ECM connected');
    for (const h of haystacks) for (const s of secrets) expect(h.includes(s)).toBe(false);
    // The client secret was logged nowhere either.
    expect(readFileSync(logFile, 'utf8')).not.toContain(clientSecret);
  });
});

describe('serve --demo', () => {
  let app: RunningAppliance;
  beforeAll(async () => {
    app = await startAppliance({ demo: true });
  }, 30_000);
  afterAll(async () => {
    await app?.stop({ remove: true });
  });

  it('starts the demo ECM as a child process; Status lists it; a wrong secret is not listed; Inject Credentials through it logs WS-042 in; no clear password anywhere', async () => {
    const login = await fetch(app.url + '/login/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'password' }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const status = async () => ((await (await fetch(app.url + '/login/api/status', { headers: { cookie } })).json()) as { ecmClients: { name: string; plugin: string }[] }).ecmClients;
    await until(() => app.output().includes('"msg":"ECM connected"'), 'the demo ECM', 15_000);
    expect(await status()).toEqual([expect.objectContaining({ name: 'Demo ECM', plugin: 'file' })]);
    expect((await fetch(app.url + '/login/api/ecm-clients')).status).toBe(401);

    const u = new URL(app.url);
    const wrong = runCli(['ecm', '--client-id', 'demo-ecm', '--client-secret', 'guess', '--site', `http://${u.hostname}`, '--port', u.port, '--plugin', 'file', '--file', join(app.dataDir, 'demo-ecm/credentials.ecm'), '--passphrase-file', join(app.dataDir, 'demo-ecm/passphrase'), '--name', 'Intruder']);
    expect((await wrong.exited()).code).toBe(3);
    expect((await status()).map((c) => c.name)).toEqual(['Demo ECM']);

    // Inject Credentials end to end through the demo ECM: Ana Jumps to WS-042 (at its login screen)
    // and injects DEMO\Administrator as the ECM offers it; the PC logs in.
    const ana = await rep(app.url, 'ana');
    const received: string[] = [];
    ana.ws.on('message', (b) => received.push(b.toString()));
    const { items } = await ana.call('jump.list', { search: 'WS-042' });
    const { sessionId } = await ana.call('jump.start', { itemId: items.find((i) => i.name === 'WS-042 Reception')!.id });
    const { credentials, sources } = await ana.call('session.inject.list', { sessionId });
    expect(sources.ecm).toBe('ok');
    const fromEcm = credentials.filter((c) => c.source === 'ecm');
    expect(fromEcm.map((c) => c.name).sort()).toEqual(['DEMO\\Administrator', 'DEMO\\helpdesk', 'DEMO\\svc-backup', 'Local Administrator']);
    const admin = fromEcm.find((c) => c.name === 'DEMO\\Administrator')!;
    expect(await ana.call('session.inject.run', { sessionId, credentialId: admin.id })).toEqual({ name: 'DEMO\\Administrator', source: 'ecm' });
    ana.close();
    expect(received.join('\n')).not.toContain('Demo-Inject-4242!');

    const child = /"pid":(\d+),"msg":"demo ECM started"/.exec(app.output());
    expect(child).not.toBeNull();
    const pid = Number(child![1]);
    for (const f of filesUnder(app.dataDir)) expect(readFileSync(f).includes('Demo-Inject-4242!')).toBe(false);
    expect(app.output()).not.toContain('Demo-Inject-4242!');
    expect(app.output()).not.toContain('demo-ecm-secret');
    await app.stop();
    await until(() => {
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    }, 'the demo ECM child to exit', 10_000);
  }, 40_000);
});
