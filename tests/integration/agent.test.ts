/**
 * Agents end to end on a real appliance: the demo fleet's emulated Jump Clients, the agent endpoint's
 * refusals, the real `rep-appliance jump-client` (registration with an installer key, Active /
 * Offline following the process, restart without the key, a real shell) and the real
 * `rep-appliance customer` (joins by session key, chats both ways, answers prompts, real shell).
 */
import { hostname, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { runCli, type RunningCli } from '../helpers/agent-cli.js';
import { readConfig, writeConfig } from '../../appliance/src/agent/config.js';
import { privateIp } from '../../appliance/src/agent/sysinfo.js';
import { eventOf, rep } from '../helpers/support.js';
import type { TestClient } from '../helpers/ws-client.js';

let app: RunningAppliance;
const clis: RunningCli[] = [];
const dirs: string[] = [];
beforeAll(async () => {
  app = await startAppliance({ demo: true });
});
afterAll(async () => {
  await Promise.all(clis.map((c) => c.kill('SIGKILL')));
  await app?.stop({ remove: true });
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A raw /ws/agent socket and everything it receives. */
async function agentSocket(url: string) {
  const ws = new WebSocket(url.replace(/^http/, 'ws') + '/ws/agent');
  const got: { t: string; id?: number | null; code?: string; result?: unknown }[] = [];
  ws.on('message', (b) => got.push(JSON.parse(b.toString())));
  await new Promise((res, rej) => (ws.once('open', res), ws.once('error', rej)));
  return { ws, got, until: async (n: number) => {
    const deadline = Date.now() + 5000;
    while (got.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    return got;
  } };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Shell output of one shell, as the console receives it. */
const shellText = (c: TestClient, shellId: number) =>
  c.events.filter((e) => e.event === 'session.shell.output' && (e.data as { shellId: number }).shellId === shellId).map((e) => (e.data as { data: string }).data).join('');

async function runInShell(c: TestClient, shellId: number, command: string, expected: string | RegExp): Promise<string> {
  await c.call('session.shell.input', { shellId, data: command + '\r' });
  return c.until(() => {
    const text = shellText(c, shellId);
    return (typeof expected === 'string' ? text.includes(expected) : expected.test(text)) && text;
  }, 10_000);
}

describe('the demo fleet', () => {
  it('online demo Jump Clients are connected agents: Active in jump.list, offline ones stay Offline', async () => {
    const admin = await rep(app.url, 'admin');
    const { items } = await admin.call('jump.list', { pageSize: 50 });
    const byName = new Map(items.map((i) => [i.name, i.status]));
    expect(byName.get('DC01 – Domain Controller')).toBe('active');
    expect(byName.get('WS-042 Reception')).toBe('active');
    expect(byName.get('FILE-SRV-02')).toBe('offline');
    admin.close();
  });
});

describe('the agent endpoint', () => {
  it('answers malformed and unknown frames with coded errors and keeps the connection', async () => {
    const a = await agentSocket(app.url);
    a.ws.send('{oops');
    a.ws.send(JSON.stringify({ t: 'req', id: 1, method: 'agent.fly', params: {} }));
    a.ws.send(JSON.stringify({ t: 'req', id: 2, method: 'agent.hello', params: { agentId: 'x' } }));
    a.ws.send(JSON.stringify({ t: 'req', id: 3, method: 'agent.hello', params: { agentId: 1, secret: 'x'.repeat(40) } }));
    a.ws.send(JSON.stringify({ t: 'evt', event: 'shell.output', data: { channelId: 1, data: 'x' } }));
    a.ws.send(JSON.stringify({ t: 'req', id: 4, method: 'agent.presence', params: { present: true } }));
    a.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    a.ws.send(JSON.stringify({ t: 'req', id: 5, method: 'agent.attach', params: { customerToken: 'z'.repeat(40), hostname: 'h', os: 'linux' } }));
    const got = await a.until(8);
    expect(got.map((f) => [f.id ?? null, f.code])).toEqual([
      [null, 'E_BAD_JSON'],
      [1, 'E_UNKNOWN_METHOD'],
      [2, 'E_BAD_PARAMS'],
      [3, 'E_AGENT_AUTH_INVALID'],
      [null, 'E_AGENT_NOT_IDENTIFIED'],
      [4, 'E_AGENT_NOT_IDENTIFIED'],
      // Binary messages are shell output: only from an agent that said who it is.
      [null, 'E_AGENT_NOT_IDENTIFIED'],
      [5, 'E_SESSION_NOT_FOUND'],
    ]);
    expect(a.ws.readyState).toBe(WebSocket.OPEN);
    a.ws.close();
    // The appliance is still fine.
    expect((await fetch(app.url + '/healthz')).status).toBe(200);
  });
});

describe('rep-appliance customer', () => {
  it('joins by session key: queue, accept, chat both ways, y/n prompts, a real shell and files within its allowed paths', async () => {
    const ana = await rep(app.url, 'ana');
    const { key } = await ana.call('sessionKey.generate', { expiresInMinutes: 15 });
    const home = mkdtempSync(join(tmpdir(), 'rep-customer-home-'));
    dirs.push(home);
    const cli = runCli(['customer', '--site', app.url, '--key', key, '--name', 'Pat Terminal', '--allow-path', home]);
    clis.push(cli);

    const queued = await eventOf(ana, 'queue.session', (d) => d.customerName === 'Pat Terminal', 15_000);
    await cli.waitFor('Waiting for a representative');
    await cli.waitFor('this computer is attached to the session');
    await ana.call('session.accept', { sessionId: queued.id });
    // The machine's own address is recorded for the session's report (the customer client reports it).
    const rows = new Database(join(app.dataDir, 'site.db'), { readonly: true });
    const addr = rows.prepare('SELECT customer_private_ip AS ip FROM sessions WHERE id = ?').get(queued.id) as { ip: string };
    rows.close();
    expect(addr.ip).toBe(privateIp());
    await cli.waitFor(/Connected with Ana/);

    await ana.call('session.chat', { sessionId: queued.id, body: 'Hello Pat, how can I help?' });
    await cli.waitFor('Ana Lopez: Hello Pat, how can I help?');
    cli.type('My printer is on fire');
    const fromCustomer = await eventOf(ana, 'session.chat', (m) => m.from.kind === 'customer' && m.body === 'My printer is on fire');
    expect(fromCustomer.from.name).toBe('Pat Terminal');

    // The customer's own machine: no shell until they allow it.
    await expect(ana.call('session.shell.open', { sessionId: queued.id, cols: 80, rows: 24 })).rejects.toMatchObject({ code: 'E_SHELL_PROMPT_REQUIRED' });
    const asked = await ana.call('session.prompt', { sessionId: queued.id, kind: 'command_shell' });
    await cli.waitFor('is requesting to open a command shell on your computer. Allow? [y/n]');
    cli.type('maybe');
    await cli.waitFor('Please answer y (allow) or n (refuse).');
    cli.type('y');
    await eventOf(ana, 'session.prompt', (p) => p.id === asked.prompt.id && p.state === 'allowed');

    const { shellId } = await ana.call('session.shell.open', { sessionId: queued.id, cols: 100, rows: 30 });
    await runInShell(ana, shellId, 'hostname', new RegExp(`[\\r\\n]${escape(hostname())}\\r?\\n`));
    await runInShell(ana, shellId, 'pwd', home);
    await ana.call('session.shell.resize', { shellId, cols: 120, rows: 40 });
    await ana.call('session.shell.close', { shellId });
    await eventOf(ana, 'session.shell.exit', (d) => d.shellId === shellId);
    await expect(ana.call('session.shell.input', { shellId, data: 'ls\r' })).rejects.toMatchObject({ code: 'E_SHELL_NOT_FOUND' });
    // Opening and closing are in the session's chat log.
    await eventOf(ana, 'session.chat', (m) => m.from.kind === 'system' && /opened a command shell/.test(m.body));
    await eventOf(ana, 'session.chat', (m) => m.from.kind === 'system' && /command shell on .* closed/.test(m.body));

    // Files: after the customer allows file transfer, within --allow-path only.
    const files = await ana.call('session.prompt', { sessionId: queued.id, kind: 'file_transfer' });
    await cli.waitFor('is requesting to transfer files to and from your computer');
    cli.type('y');
    await eventOf(ana, 'session.prompt', (p) => p.id === files.prompt.id && p.state === 'allowed');
    expect((await ana.call('session.files.list', { sessionId: queued.id, path: '' })).roots).toHaveLength(1);
    await expect(ana.call('session.files.list', { sessionId: queued.id, path: '/etc' })).rejects.toMatchObject({ code: 'E_PATH_NOT_ALLOWED' });
    await expect(ana.call('session.files.list', { sessionId: queued.id, path: '../..' })).rejects.toMatchObject({ code: 'E_PATH_NOT_ALLOWED' });
    const info = await ana.call('session.prompt', { sessionId: queued.id, kind: 'system_info' });
    await cli.waitFor('view system information');
    cli.type('n');
    await eventOf(ana, 'session.prompt', (p) => p.id === info.prompt.id && p.state === 'refused');
    await expect(ana.call('session.systemInfo', { sessionId: queued.id })).rejects.toMatchObject({ code: 'E_FORBIDDEN' });

    // Another rep (not a member) may not touch the shell.
    const ben = await rep(app.url, 'ben');
    await expect(ben.call('session.shell.open', { sessionId: queued.id, cols: 80, rows: 24 })).rejects.toMatchObject({ code: 'E_SESSION_NOT_MEMBER' });
    ben.close();

    await ana.call('session.end', { sessionId: queued.id });
    await cli.waitFor('The session has ended');
    expect((await cli.exited()).code).toBe(0);
    ana.close();
  });
});

describe('rep-appliance jump-client', () => {
  let admin: TestClient;
  let installDir: string;
  let allowed: string;
  let key: string;
  let itemId: number;
  beforeAll(async () => {
    admin = await rep(app.url, 'admin');
    installDir = mkdtempSync(join(tmpdir(), 'rep-jc-install-'));
    allowed = mkdtempSync(join(tmpdir(), 'rep-jc-allowed-'));
    dirs.push(installDir, allowed);
    // An installer from the Mass Deployment Wizard (/login's API), as an administrator makes one.
    const login = await fetch(app.url + '/login/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'password' }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const created = await fetch(app.url + '/login/api/jump-clients/installers', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ jumpGroup: 'jumpgroup:dc-servers', tag: 'installer-tag', comments: 'from the installer', validitySeconds: 3600, massDeploy: true }),
    });
    expect(created.status).toBe(200);
    key = ((await created.json()) as { key: string }).key;
  });
  afterAll(() => admin?.close());

  const statusOf = async () => (await admin.call('jump.list', { search: hostname() })).items.find((i) => i.id === itemId)?.status;
  const start = (extra: string[] = []) => {
    const cli = runCli(['jump-client', '--site', app.url, '--install-dir', installDir, '--allow-path', allowed, ...extra]);
    clis.push(cli);
    return cli;
  };

  it('registers with an installer key (flags win over its defaults): Active while it runs, Offline when killed, Active again on a restart without the key', async () => {
    const first = start(['--key', key, '--jc-jump-group', 'jumpgroup:hq-workstations', '--jc-comments', 'from the command line']);
    const registered = await first.waitFor(/registered with \S+ as Jump Item \d+/);
    itemId = Number(/Jump Item (\d+)/.exec(registered)![1]);
    const config = readConfig(installDir)!;
    expect(config).toMatchObject({ site: app.url, jumpItemId: itemId });
    const { items } = await admin.call('jump.list', { search: hostname() });
    expect(items.find((i) => i.id === itemId)).toMatchObject({ method: 'pinned', groupName: 'HQ Workstations', hostname: hostname(), tag: 'installer-tag', comments: 'from the command line', status: 'active' });

    await first.kill('SIGKILL');
    await eventOf(admin, 'jump.status', (d) => d.itemId === itemId && d.status === 'offline');
    expect(await statusOf()).toBe('offline');

    admin.events.length = 0;
    const second = start();
    await second.waitFor(`connected to ${app.url} as Jump Item ${itemId}`);
    await eventOf(admin, 'jump.status', (d) => d.itemId === itemId && d.status === 'active');
    expect(await statusOf()).toBe('active');
    expect(readConfig(installDir)).toEqual(config);
  });

  it('a Jump to it gives the rep the machine’s real shell and its files within --allow-path only', async () => {
    const { sessionId } = await admin.call('jump.start', { itemId });
    const { shellId } = await admin.call('session.shell.open', { sessionId, cols: 100, rows: 30 });
    await runInShell(admin, shellId, 'hostname', new RegExp(`[\\r\\n]${escape(hostname())}\\r?\\n`));
    await runInShell(admin, shellId, 'pwd', allowed);
    await admin.call('session.shell.close', { shellId });
    await eventOf(admin, 'session.shell.exit', (d) => d.shellId === shellId);

    expect((await admin.call('session.files.list', { sessionId, path: '' })).path).toBe(allowed);
    await expect(admin.call('session.files.list', { sessionId, path: '/etc' })).rejects.toMatchObject({ code: 'E_PATH_NOT_ALLOWED' });
    await expect(admin.call('session.files.list', { sessionId, path: '..' })).rejects.toMatchObject({ code: 'E_PATH_NOT_ALLOWED' });
    expect((await admin.call('session.systemInfo', { sessionId })).hostname).toBe(hostname());
    await admin.call('session.end', { sessionId });
  });

  it('SIGTERM stops it cleanly (Offline); unpinned, it removes its identity and stops', async () => {
    const running = clis[clis.length - 1]!;
    expect((await running.kill('SIGTERM')).code).toBe(0);
    await eventOf(admin, 'jump.status', (d) => d.itemId === itemId && d.status === 'offline');

    const again = start();
    await again.waitFor(`connected to ${app.url} as Jump Item ${itemId}`);
    await admin.call('jump.unpin', { itemId });
    expect((await again.exited()).code).toBe(1);
    expect(again.stderr()).toContain('unpinned on the site');
    expect(readConfig(installDir)).toBeNull();
  });

  it('refuses to start without a key when nothing is installed, and stops for good when the site does not know it or the key is bad', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'rep-jc-empty-'));
    dirs.push(empty);
    const none = runCli(['jump-client', '--site', app.url, '--install-dir', empty]);
    expect((await none.exited()).code).toBe(2);
    expect(none.stderr()).toMatch(/not installed yet.*--key/);

    writeConfig(empty, { site: app.url, agentId: 1, secret: 'f'.repeat(43), jumpItemId: 1, registeredAt: new Date().toISOString() });
    const forged = runCli(['jump-client', '--site', app.url, '--install-dir', empty]);
    expect((await forged.exited()).code).toBe(1);
    expect(forged.stderr()).toContain('E_AGENT_AUTH_INVALID');

    const fresh = mkdtempSync(join(tmpdir(), 'rep-jc-fresh-'));
    dirs.push(fresh);
    const badKey = runCli(['jump-client', '--site', app.url, '--install-dir', fresh, '--key', 'a'.repeat(48)]);
    expect((await badKey.exited()).code).toBe(1);
    expect(badKey.stderr()).toContain('E_INSTALLER_KEY_INVALID');
    expect(readConfig(fresh)).toBeNull();

    const bad = runCli(['jump-client', '--site', app.url, '--jc-jump-group', 'team:x']);
    expect((await bad.exited()).code).toBe(2);
    expect(bad.stderr()).toContain('user:NAME or jumpgroup:CODE');
  });
});
