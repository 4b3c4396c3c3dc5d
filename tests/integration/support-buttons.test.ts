/**
 * Support Buttons on a real demo appliance: deployed from a Jump to an emulated endpoint (the
 * vendor's description, profile, queue, expiration), listed on that computer, clicked by the demo's
 * customer (a session waits in the button's queue), removed (no more clicks); deployed on a real
 * `rep-appliance customer` machine, kept there as a file, clicked with `customer --support-button`,
 * and refused once expired. The buttons survive a restart (stored in migration 0009's table).
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { runCli, type RunningCli } from '../helpers/agent-cli.js';
import { eventOf, rep } from '../helpers/support.js';
import type { TestClient } from '../helpers/ws-client.js';

let app: RunningAppliance;
let ana: TestClient;
let anaId: number;
const clis: RunningCli[] = [];
const dirs: string[] = [];
// The demo's customers click eligible buttons every 700 ms (instead of now and then).
const env = { REP_DEMO_BUTTON_CLICK_MS: '700' };

beforeAll(async () => {
  app = await startAppliance({ demo: true, env });
  ana = await rep(app.url, 'ana');
  anaId = (await ana.call('auth.me', {})).id;
});
afterAll(async () => {
  await Promise.all(clis.map((c) => c.kill('SIGKILL')));
  ana?.close();
  await app?.stop({ remove: true });
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const refusal = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { code: string }) => e.code);

function sql<T>(statement: string, ...args: unknown[]): T[] {
  const db = new Database(join(app.dataDir, 'site.db'));
  db.pragma('busy_timeout = 5000');
  try {
    const st = db.prepare(statement);
    return (st.reader ? st.all(...args) : (st.run(...args), [])) as T[];
  } finally {
    db.close();
  }
}

describe('on an emulated endpoint', () => {
  let sessionId: string;
  let buttonId: number;

  it('deploys with description, profile, queue and expiration, and lists it on that computer', async () => {
    const { items } = await ana.call('jump.list', { search: 'LYON-POS-01' });
    sessionId = (await ana.call('jump.start', { itemId: items[0]!.id })).sessionId;

    const options = await ana.call('session.supportButton.options', { sessionId });
    expect(options.profiles).toEqual([{ code: 'default', name: 'Default' }]);
    expect(options.queues.map((q) => q.id)).toEqual([`personal:${anaId}`, expect.stringMatching(/^team:\d+$/)]);
    expect(options.queues[0]!.name).toBe('Personal Support Button');
    expect(options.defaultDescription).toBe('lyon-pos-01.branch.example');

    // The general queue, or a team the rep is not in, cannot be linked.
    expect(await refusal(ana.call('session.supportButton.deploy', { sessionId, description: 'x', queueId: 'general', expiry: '1d' }))).toBe('E_SUPPORT_BUTTON_QUEUE');
    expect(await refusal(ana.call('session.supportButton.deploy', { sessionId, description: 'x', queueId: 'team:999', expiry: '1d' }))).toBe('E_SUPPORT_BUTTON_QUEUE');

    const before = Date.now();
    const { button } = await ana.call('session.supportButton.deploy', { sessionId, description: 'Lyon till – call IT', profile: 'default', queueId: `personal:${anaId}`, expiry: '1w' });
    buttonId = button.id;
    expect(button).toMatchObject({ description: 'Lyon till – call IT', profile: 'default', queueId: `personal:${anaId}`, hostname: 'lyon-pos-01.branch.example', expired: false, deployedBy: 'Ana Lopez', clicks: 0 });
    const expires = Date.parse(button.expiresAt!);
    expect(expires - before).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(expires - before).toBeLessThan(7 * 86_400_000 + 60_000);
    expect((await ana.call('session.supportButton.list', { sessionId })).buttons.map((b) => b.id)).toEqual([buttonId]);
    const log = sql<{ kind: string }>('SELECT kind FROM session_events WHERE session_id = ?', sessionId).map((e) => e.kind);
    expect(log).toContain('supportButton.deployed');
    await ana.call('session.end', { sessionId });
  });

  it('the demo customer clicks it: a new session waits in the button’s queue, bound to the same computer', async () => {
    const queued = await eventOf(ana, 'queue.session', (s) => s.details === 'Support Button: Lyon till – call IT' && s.status === 'waiting', 10_000);
    expect(queued).toMatchObject({ queueId: `personal:${anaId}`, computer: 'lyon-pos-01.branch.example', browser: false });
    // The rep accepts; the session reaches the emulated machine (a tool works) and the button lists one click.
    await ana.call('session.accept', { sessionId: queued.id });
    const info = await ana.call('session.systemInfo', { sessionId: queued.id });
    expect(info.hostname).toBe('LYON-POS-01');
    expect((await ana.call('session.supportButton.list', { sessionId: queued.id })).buttons[0]).toMatchObject({ id: buttonId, clicks: 1 });
    sessionId = queued.id;
  });

  it('Remove Support Button: gone from the computer, no more sessions from it', async () => {
    await ana.call('session.supportButton.remove', { sessionId, buttonId });
    expect((await ana.call('session.supportButton.list', { sessionId })).buttons).toEqual([]);
    expect(await refusal(ana.call('session.supportButton.remove', { sessionId, buttonId }))).toBe('E_SUPPORT_BUTTON_NOT_FOUND');
    await ana.call('session.end', { sessionId });
    const clicked = () => sql<{ clicks: number; removed_at: string | null }>('SELECT clicks, removed_at FROM support_buttons WHERE id = ?', buttonId)[0]!;
    expect(clicked().removed_at).not.toBeNull();
    await new Promise((r) => setTimeout(r, 2000));
    expect(clicked().clicks).toBe(1);
  });
});

describe('on a real customer machine (rep-appliance customer)', () => {
  let buttonDir: string;
  let buttonId: number;

  it('deploys into the agent’s button folder; `customer --support-button latest` starts a session in the queue', async () => {
    buttonDir = mkdtempSync(join(tmpdir(), 'rep-buttons-'));
    const home = mkdtempSync(join(tmpdir(), 'rep-button-home-'));
    dirs.push(buttonDir, home);
    const agentEnv = { REP_SUPPORT_BUTTON_DIR: buttonDir };
    const { key } = await ana.call('sessionKey.generate', { expiresInMinutes: 15 });
    const first = runCli(['customer', '--site', app.url, '--key', key, '--name', 'Pat Button', '--allow-path', home], agentEnv);
    clis.push(first);
    const queued = await eventOf(ana, 'queue.session', (d) => d.customerName === 'Pat Button', 15_000);
    await first.waitFor('this computer is attached to the session');
    await ana.call('session.accept', { sessionId: queued.id });
    // An attached customer client is the full client already.
    expect((await ana.call('session.endpoint', { sessionId: queued.id })).elevation.clientMode).toBe('full_client');

    const teamQueue = (await ana.call('session.supportButton.options', { sessionId: queued.id })).queues[1]!;
    const { button } = await ana.call('session.supportButton.deploy', { sessionId: queued.id, description: 'Pat’s helpdesk button', queueId: teamQueue.id, expiry: '1m' });
    buttonId = button.id;
    const files = readdirSync(buttonDir);
    expect(files).toHaveLength(1);
    const stored = JSON.parse(readFileSync(join(buttonDir, files[0]!), 'utf8')) as { buttonId: number; token: string; site: string };
    expect(stored).toMatchObject({ buttonId, site: app.url });
    expect(stored.token.length).toBeGreaterThanOrEqual(32);
    await ana.call('session.end', { sessionId: queued.id });
    expect((await first.exited()).code).toBe(0);

    const click = runCli(['customer', '--site', app.url, '--support-button', 'latest', '--name', 'Pat Again', '--allow-path', home], agentEnv);
    clis.push(click);
    const again = await eventOf(ana, 'queue.session', (d) => d.customerName === 'Pat Again', 15_000);
    expect(again).toMatchObject({ queueId: teamQueue.id, details: 'Pat’s helpdesk button'.replace(/^/, 'Support Button: '), status: 'waiting' });
    await click.waitFor('Waiting for a representative');
    await click.kill();
  });

  it('an expired button refuses with E_SUPPORT_BUTTON_EXPIRED (HTTP and the command line); the buttons survive a restart', async () => {
    const file = readdirSync(buttonDir)[0]!;
    const { token } = JSON.parse(readFileSync(join(buttonDir, file), 'utf8')) as { token: string };
    sql('UPDATE support_buttons SET expires_at = ? WHERE id = ?', new Date(Date.now() - 1000).toISOString(), buttonId);
    const res = await fetch(app.url + '/api/support-button/click', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, name: 'Late' }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('E_SUPPORT_BUTTON_EXPIRED');
    const cli = runCli(['customer', '--site', app.url, '--support-button', String(buttonId)], { REP_SUPPORT_BUTTON_DIR: buttonDir });
    clis.push(cli);
    await cli.waitFor('E_SUPPORT_BUTTON_EXPIRED');
    expect((await cli.exited()).code).not.toBe(0);
    const bad = await fetch(app.url + '/api/support-button/click', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: 'x'.repeat(43) }) });
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('E_SUPPORT_BUTTON_NOT_FOUND');

    // Durable: after a restart the rows are still there.
    const dataDir = app.dataDir;
    ana.close();
    await app.stop();
    app = await startAppliance({ demo: true, dataDir, env });
    ana = await rep(app.url, 'ana');
    expect(sql<{ n: number }>('SELECT COUNT(*) AS n FROM support_buttons')[0]!.n).toBe(2);
  });
});
