/**
 * The command shell end to end on a real appliance: the real `rep-appliance jump-client` on this
 * machine serves its real shell (hostname); every shell is recorded (asciicast v2 + transcript),
 * listed for the session, downloadable by the rep who opened it and nobody else; emulated endpoints
 * keep the shell inside their sandbox; and flow control: a console that does not acknowledge, or
 * whose socket stops draining, pauses the shell instead of growing the appliance's memory.
 */
import { hostname, tmpdir } from 'node:os';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_SHELL_OUTPUT, SHELL_WINDOW_CHARS, unwrapShellOutput } from '../../appliance/src/protocol/index.js';
import { parseCast } from '../../appliance/src/shell/asciicast.js';
import { startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { runCli, type RunningCli } from '../helpers/agent-cli.js';
import { eventOf } from '../helpers/support.js';
import { TestClient } from '../helpers/ws-client.js';

let app: RunningAppliance;
const clis: RunningCli[] = [];
const dirs: string[] = [];
const RECORDING_CAP = 1024 * 1024;

beforeAll(async () => {
  app = await startAppliance({ demo: true, env: { REP_DEMO_CONSENT_MS: '0', REP_SHELL_RECORDING_MAX_BYTES: String(RECORDING_CAP) } });
});
afterAll(async () => {
  await Promise.all(clis.map((c) => c.kill('SIGKILL')));
  await app?.stop({ remove: true });
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function login(username: string, password = username === 'admin' ? 'password' : 'Support-Demo-1'): Promise<{ c: TestClient; token: string }> {
  const c = await TestClient.connect(app.url);
  const { token } = await c.call('auth.login', { username, password, console: 'web' });
  return { c, token };
}

const outputOf = (c: TestClient, shellId: number) =>
  c.events.filter((e) => e.event === 'session.shell.output' && (e.data as { shellId: number }).shellId === shellId).map((e) => (e.data as { data: string }).data).join('');

/** The output bytes a binary console got for one shell ("RSH1" messages, in order). */
const binaryOutputOf = (c: TestClient, shellId: number): Buffer =>
  Buffer.concat(c.binary.map((b) => unwrapShellOutput(CONSOLE_SHELL_OUTPUT, b)).flatMap((f) => (f?.id === shellId ? [f.data] : [])));

async function run(c: TestClient, shellId: number, line: string, expected: string | RegExp, timeoutMs = 10_000): Promise<string> {
  const before = outputOf(c, shellId).length;
  await c.call('session.shell.input', { shellId, data: line + '\r' });
  return c.until(() => {
    const text = outputOf(c, shellId).slice(before);
    return (typeof expected === 'string' ? text.includes(expected) : expected.test(text)) && text;
  }, timeoutMs);
}

/** The appliance process's resident memory (Linux). */
function rssBytes(): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${app.process.pid}/status`, 'utf8'));
  return Number(m![1]) * 1024;
}

function sessionEvents(sessionId: string): { kind: string; data: Record<string, unknown> }[] {
  const db = new Database(join(app.dataDir, 'site.db'), { readonly: true });
  try {
    return (db.prepare('SELECT kind, data FROM session_events WHERE session_id = ? ORDER BY id').all(sessionId) as { kind: string; data: string }[]).map((r) => ({ kind: r.kind, data: JSON.parse(r.data) }));
  } finally {
    db.close();
  }
}

/** Counts one shell's output straight off the socket (and acknowledges it, like a console that keeps up). */
function countOutput(c: TestClient, shellId: number, ack: boolean): { chars(): number; stop(): void } {
  let chars = 0;
  let pending = 0;
  const onMessage = (buf: Buffer) => {
    const text = buf.toString();
    if (!text.startsWith('{"t":"evt","event":"session.shell.output"')) return;
    const d = (JSON.parse(text) as { data: { shellId: number; data: string } }).data;
    if (d.shellId !== shellId) return;
    chars += d.data.length;
    pending += d.data.length;
  };
  c.ws.on('message', onMessage);
  const timer = setInterval(() => {
    if (ack && pending > 0) void c.call('session.shell.ack', { shellId, chars: pending }).catch(() => undefined);
    pending = 0;
  }, 10);
  return { chars: () => chars, stop: () => (clearInterval(timer), c.ws.off('message', onMessage)) };
}

async function jumpTo(c: TestClient, name: string): Promise<string> {
  const { items } = await c.call('jump.list', { search: name });
  const item = items.find((i) => i.name === name)!;
  return (await c.call('jump.start', { itemId: item.id })).sessionId;
}

describe('the real agent on this machine', () => {
  let admin: { c: TestClient; token: string };
  let sessionId: string;
  let allowed: string;

  beforeAll(async () => {
    admin = await login('admin');
    const installDir = mkdtempSync(join(tmpdir(), 'rep-shell-jc-'));
    allowed = mkdtempSync(join(tmpdir(), 'rep-shell-allowed-'));
    dirs.push(installDir, allowed);
    const r = await fetch(app.url + '/login/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'password' }) });
    const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
    const created = await fetch(app.url + '/login/api/jump-clients/installers', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ jumpGroup: 'jumpgroup:dc-servers', validitySeconds: 3600, massDeploy: true }),
    });
    const { key } = (await created.json()) as { key: string };
    const cli = runCli(['jump-client', '--site', app.url, '--install-dir', installDir, '--allow-path', allowed, '--key', key]);
    clis.push(cli);
    const registered = await cli.waitFor(/registered with \S+ as Jump Item \d+/, 20_000);
    const itemId = Number(/Jump Item (\d+)/.exec(registered)![1]);
    sessionId = (await admin.c.call('jump.start', { itemId })).sessionId;
  });
  afterAll(() => admin?.c.close());

  it('serves a real shell (hostname) in two tabs, and records each: asciicast + transcript, downloadable by its rep only', async () => {
    const { shellId, recordingId } = await admin.c.call('session.shell.open', { sessionId, cols: 100, rows: 30 });
    expect(recordingId).toBeGreaterThan(0);
    await run(admin.c, shellId, 'hostname', new RegExp(`[\\r\\n]${hostname().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\r?\\n`));
    const second = await admin.c.call('session.shell.open', { sessionId, cols: 80, rows: 24 });
    await run(admin.c, second.shellId, 'echo second-$((40+2))', 'second-42');
    // Ctrl+C reaches the shell: a sleeping command is interrupted and the prompt comes back.
    await admin.c.call('session.shell.input', { shellId, data: 'sleep 30; echo not-interrupted\r' });
    await new Promise((r) => setTimeout(r, 300));
    await run(admin.c, shellId, '\x03echo interrupted-ok', 'interrupted-ok');
    await admin.c.call('session.shell.resize', { shellId, cols: 120, rows: 40 });
    await admin.c.call('session.shell.close', { shellId });
    await admin.c.call('session.shell.close', { shellId: second.shellId });
    await eventOf(admin.c, 'session.shell.exit', (d) => d.shellId === shellId);

    // The recording is finished a moment after the shell closed.
    let list = await admin.c.call('session.shell.recordings', { sessionId });
    for (const deadline = Date.now() + 5000; Date.now() < deadline && !(list.recordings.length === 2 && list.recordings.every((r) => r.endedAt)); ) {
      await new Promise((r) => setTimeout(r, 100));
      list = await admin.c.call('session.shell.recordings', { sessionId });
    }
    const mine = list.recordings.find((r) => r.id === recordingId)!;
    expect(mine.castUrl).toBe(`/console/recordings/${recordingId}.cast`);

    const cast = await fetch(app.url + mine.castUrl, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(cast.status).toBe(200);
    expect(cast.headers.get('content-type')).toContain('application/x-asciicast');
    const parsed = parseCast(await cast.text());
    expect(parsed.header).toMatchObject({ version: 2, width: 100, height: 30 });
    expect(parsed.events.some(([, type, data]) => type === 'o' && data.includes(hostname()))).toBe(true);
    expect(parsed.events.some(([, type, data]) => type === 'r' && data === '120x40')).toBe(true);
    expect(parsed.events.every(([t], i, all) => i === 0 || t >= all[i - 1]![0])).toBe(true);

    const text = await fetch(app.url + mine.textUrl + '?download=1', { headers: { authorization: `Bearer ${admin.token}` } });
    expect(text.headers.get('content-disposition')).toMatch(/^attachment; filename="shell-.*\.txt"$/);
    const transcript = await text.text();
    expect(transcript).toContain(`\n${hostname()}\n`);
    expect(transcript).not.toMatch(/\x1b|\r/);

    // Nobody else: not signed in, another rep (not even told it exists), a bad token.
    expect((await fetch(app.url + mine.castUrl)).status).toBe(401);
    const ben = await login('ben');
    expect((await fetch(app.url + mine.castUrl, { headers: { authorization: `Bearer ${ben.token}` } })).status).toBe(404);
    ben.c.close();
    expect((await fetch(app.url + `/console/recordings/999999.cast`, { headers: { authorization: `Bearer ${admin.token}` } })).status).toBe(404);
    expect((await fetch(app.url + `/console/recordings/..%2Fsite.db`, { headers: { authorization: `Bearer ${admin.token}` } })).status).toBe(400);

    // The session log: opened, closed, recording finished (with its id), each time.
    const kinds = sessionEvents(sessionId).filter((e) => e.kind.startsWith('shell.'));
    expect(kinds.filter((e) => e.kind === 'shell.open')).toHaveLength(2);
    expect(kinds.find((e) => e.kind === 'shell.open')!.data).toMatchObject({ recordingId, hostname: hostname() });
    expect(kinds.filter((e) => e.kind === 'shell.close')).toHaveLength(2);
    expect(kinds.find((e) => e.kind === 'shell.recording' && e.data.recordingId === recordingId)!.data).toMatchObject({ castUrl: mine.castUrl });
  });

  it('a console that opens the shell with binary gets the bytes as binary messages (UTF-8 intact), acknowledges bytes, and the recording still has the text', async () => {
    const { shellId, recordingId } = await admin.c.call('session.shell.open', { sessionId, cols: 80, rows: 24, binary: true });
    const bytesOf = () => binaryOutputOf(admin.c, shellId);
    // 200,000 "é" (two bytes each, so characters fall across message boundaries) and a marker.
    await admin.c.call('session.shell.input', { shellId, data: "printf 'caf\\303\\251 \\342\\202\\254 '; head -c 200000 /dev/zero | tr '\\0' '\\1' | sed 's/\\x01/\\xc3\\xa9/g'; echo; echo bin-$((6*7))-done\r" });
    await admin.c.until(() => bytesOf().toString().includes('bin-42-done'), 20_000);
    const text = bytesOf().toString();
    expect(text).toContain('café € ');
    expect(text).not.toContain('\ufffd');
    expect(text.match(/é/g)!.length).toBeGreaterThanOrEqual(200_000);
    expect(admin.c.events.some((e) => e.event === 'session.shell.output' && (e.data as { shellId: number }).shellId === shellId)).toBe(false);
    await admin.c.call('session.shell.ack', { shellId, chars: bytesOf().length });
    await admin.c.call('session.shell.close', { shellId });
    let rec = (await admin.c.call('session.shell.recordings', { sessionId })).recordings.find((r) => r.id === recordingId);
    for (const deadline = Date.now() + 5000; Date.now() < deadline && !rec?.endedAt; ) {
      await new Promise((r) => setTimeout(r, 100));
      rec = (await admin.c.call('session.shell.recordings', { sessionId })).recordings.find((r) => r.id === recordingId);
    }
    const transcript = await (await fetch(app.url + rec!.textUrl, { headers: { authorization: `Bearer ${admin.token}` } })).text();
    expect(transcript).toContain('café € é');
    expect(transcript).not.toContain('\ufffd');
    admin.c.binary.length = 0;
  });

  it('flow control counts bytes for a binary console: without acks the shell stalls at the window', async () => {
    const { shellId } = await admin.c.call('session.shell.open', { sessionId, cols: 80, rows: 24, binary: true });
    const bytes = () => binaryOutputOf(admin.c, shellId).length;
    await admin.c.call('session.shell.input', { shellId, data: 'yes binary-flood-line\r' });
    await new Promise((r) => setTimeout(r, 2500));
    const stalled = bytes();
    expect(stalled).toBeGreaterThan(SHELL_WINDOW_CHARS / 2);
    expect(stalled).toBeLessThan(SHELL_WINDOW_CHARS + 2 * 1024 * 1024);
    await new Promise((r) => setTimeout(r, 1000));
    expect(bytes() - stalled).toBeLessThan(256 * 1024);
    await admin.c.call('session.shell.input', { shellId, data: '\x03' });
    await admin.c.call('session.shell.close', { shellId });
    admin.c.binary.length = 0;
  }, 20_000);

  it('flow control: a console that does not acknowledge stalls the shell at the window; acknowledging lets a flood through with bounded memory', async () => {
    const { shellId } = await admin.c.call('session.shell.open', { sessionId, cols: 80, rows: 24 });
    await run(admin.c, shellId, 'echo ready', 'ready\r\n');
    const rss0 = rssBytes();
    await admin.c.call('session.shell.input', { shellId, data: 'yes flood-line-of-some-length\r' });
    await new Promise((r) => setTimeout(r, 2500));
    const stalled = outputOf(admin.c, shellId).length;
    // Never acknowledged: at most the window (plus what was in flight when the pause arrived).
    expect(stalled).toBeLessThan(SHELL_WINDOW_CHARS + 2 * 1024 * 1024);
    await new Promise((r) => setTimeout(r, 1000));
    expect(outputOf(admin.c, shellId).length - stalled).toBeLessThan(256 * 1024);

    // Now acknowledge everything as it arrives, for 5 s: the flood flows, memory stays bounded.
    const counted = countOutput(admin.c, shellId, true);
    await admin.c.call('session.shell.ack', { shellId, chars: outputOf(admin.c, shellId).length });
    admin.c.events.length = 0;
    let peak = 0;
    const started = Date.now();
    while (Date.now() - started < 5000) {
      await new Promise((r) => setTimeout(r, 250));
      peak = Math.max(peak, rssBytes());
      admin.c.events.length = 0; // the test client must not be what grows
    }
    counted.stop();
    const received = counted.chars();
    await admin.c.call('session.shell.input', { shellId, data: '\x03' });
    await admin.c.call('session.shell.close', { shellId });
    expect(received).toBeGreaterThan(20 * 1024 * 1024); // it did flow
    expect(peak - rss0).toBeLessThan(150 * 1024 * 1024);
  }, 30_000);

  it('a console whose socket stops draining pauses the shell instead of being cut off', async () => {
    const { shellId } = await admin.c.call('session.shell.open', { sessionId, cols: 80, rows: 24 });
    await run(admin.c, shellId, 'echo ready2', 'ready2\r\n');
    const socket = (admin.c.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    // Acknowledges everything it reads (a console that keeps up), but then stops reading its socket.
    const counted = countOutput(admin.c, shellId, true);
    await admin.c.call('session.shell.input', { shellId, data: 'yes\r' });
    await new Promise((r) => setTimeout(r, 500));
    const rss0 = rssBytes();
    socket.pause();
    let peak = 0;
    const started = Date.now();
    while (Date.now() - started < 3000) {
      await new Promise((r) => setTimeout(r, 200));
      peak = Math.max(peak, rssBytes());
    }
    const before = counted.chars();
    socket.resume();
    await new Promise((r) => setTimeout(r, 1000));
    // Still connected (not cut off for being slow), and the output flows again.
    expect(admin.c.ws.readyState).toBe(admin.c.ws.OPEN);
    expect(counted.chars()).toBeGreaterThan(before);
    expect(peak - rss0).toBeLessThan(100 * 1024 * 1024);
    counted.stop();
    admin.c.events.length = 0;
    await admin.c.call('session.shell.input', { shellId, data: '\x03' });
    await admin.c.call('session.shell.close', { shellId });
  }, 20_000);
});

describe('emulated endpoints', () => {
  it('confine the shell to the sandbox; System Info is consistent and logged', async () => {
    const { c } = await login('admin');
    const sessionId = await jumpTo(c, 'web-01 (nginx)');
    const { shellId } = await c.call('session.shell.open', { sessionId, cols: 80, rows: 24 });
    await c.until(() => outputOf(c, shellId).includes('$ '));
    await run(c, shellId, 'hostname', 'web-01\r\n');
    await run(c, shellId, 'cd ..', 'Permission denied');
    await run(c, shellId, 'cat /etc/passwd', 'cat: /etc/passwd: Permission denied');
    await run(c, shellId, `ls ${app.dataDir}`, 'Permission denied');
    await run(c, shellId, 'echo kept > kept.txt', '$ ');
    await run(c, shellId, 'cat kept.txt', 'kept\r\n');
    // Ctrl+C ends a running ping.
    await run(c, shellId, 'ping 10.0.2.1', 'icmp_seq=1', 5000);
    await run(c, shellId, '\x03', 'ping statistics');
    await c.call('session.shell.close', { shellId });

    const a = await c.call('session.systemInfo', { sessionId });
    const b = await c.call('session.systemInfo', { sessionId });
    expect(a.hostname).toBe('web-01');
    expect(a.network[0]!.ip4).toBe('10.0.2.30');
    expect(b.system).toEqual(a.system);
    expect(a.services!.length).toBeGreaterThan(3);
    expect(a.processes!.some((p) => p.name === 'nginx')).toBe(true);
    expect(sessionEvents(sessionId).filter((e) => e.kind === 'systeminfo.view')).toHaveLength(2);
    c.close();
  });
});
