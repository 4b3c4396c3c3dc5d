/**
 * Jump Policy prompting on a real demo appliance: a real `rep-appliance jump-client` installed with
 * an installer that names a Jump Policy (the policy lands on its Jump Item), answering the prompt
 * from --consent (allow / deny / ignore) and --presence; the demo fleet's end users answering after
 * a delay, and the rep cancelling the wait; Jump Client passwords (wrong → coded refusal, then rate
 * limited); a Jump Client pinned from a customer session, Active while the customer is connected;
 * the scheduled end of a Jump session; and bad input to jump.start / jump.request.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type RunningCli } from '../helpers/agent-cli.js';
import { startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { customer, eventOf, portal, rep } from '../helpers/support.js';
import type { TestClient } from '../helpers/ws-client.js';

let app: RunningAppliance;
let admin: TestClient;
let ana: TestClient;
let ben: TestClient;
let cookie: string;
const clis: RunningCli[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  // The demo's end users answer a prompt after 1.5 s (plus up to 2 s per machine) instead of 3.
  app = await startAppliance({ demo: true, env: { REP_DEMO_CONSENT_MS: '1500' } });
  [admin, ana, ben] = await Promise.all([rep(app.url, 'admin'), rep(app.url, 'ana'), rep(app.url, 'ben')]);
  const login = await fetch(app.url + '/login/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'password' }) });
  cookie = login.headers.get('set-cookie')!.split(';')[0]!;
});
afterAll(async () => {
  await Promise.all(clis.map((c) => c.kill('SIGKILL')));
  for (const c of [admin, ana, ben]) c?.close();
  await app?.stop({ remove: true });
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const api = async (method: string, path: string, body?: unknown) => {
  const r = await fetch(app.url + path, { method, headers: { cookie, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await r.text();
  return { status: r.status, body: text ? (JSON.parse(text) as any) : null };
};
const refusal = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { code: string }) => e.code);
const idOf = async (name: string) => (await admin.call('jump.list', { search: name })).items.find((i) => i.name === name)!.id;
const openJumps = async (c: TestClient) => (await c.call('queues.list', {})).sessions.filter((s) => s.type === 'jump' && s.status !== 'ended');

describe('a real Jump Client installed with an installer that names a Jump Policy', () => {
  let installDir: string;
  let itemId: number;
  let policyId: number;
  const start = (flags: string[]) => {
    const cli = runCli(['jump-client', '--site', app.url, '--install-dir', installDir, ...flags]);
    clis.push(cli);
    return cli;
  };
  const restart = async (flags: string[]) => {
    await clis.pop()?.kill('SIGKILL');
    await eventOf(admin, 'jump.status', (d) => d.itemId === itemId && d.status === 'offline', 10_000);
    admin.events.length = 0;
    const cli = start(flags);
    await cli.waitFor(`connected to ${app.url} as Jump Item ${itemId}`);
    await eventOf(admin, 'jump.status', (d) => d.itemId === itemId && d.status === 'active', 10_000);
    return cli;
  };

  beforeAll(async () => {
    installDir = mkdtempSync(join(tmpdir(), 'rep-jc-consent-'));
    dirs.push(installDir);
    // A policy of its own with a short prompt timeout (the administrator's Jump Policies page makes it).
    const created = await api('POST', '/login/api/jump-policies', {
      name: 'Ask first', code: 'ask-first', description: '', scheduleEnabled: false, timeZone: 'UTC', windows: [], forceEnd: false,
      presentPrompt: 'prompt', notPresentPrompt: 'prompt', promptTimeoutSeconds: 10,
    });
    expect(created.status).toBe(200);
    policyId = created.body.policy.id;
    const inst = await api('POST', '/login/api/jump-clients/installers', { jumpGroup: 'jumpgroup:dc-servers', jumpPolicyCode: 'ask-first', validitySeconds: 3600, massDeploy: true });
    expect(inst.status).toBe(200);
    const cli = start(['--key', inst.body.key, '--consent', 'allow', '--presence', 'present']);
    itemId = Number(/Jump Item (\d+)/.exec(await cli.waitFor(/registered with \S+ as Jump Item \d+/))![1]);
  });

  it('its Jump Item has the installer’s Jump Policy', async () => {
    const d = await admin.call('jump.details', { itemId });
    expect(d).toMatchObject({ hostname: hostname(), status: 'active', policyName: 'Ask first', presence: 'present', policy: { code: 'ask-first', promptTimeoutSeconds: 10 } });
  });

  it('--consent allow: the console waits, the agent answers, the session starts with the answer in its log', async () => {
    admin.events.length = 0;
    const r = await admin.call('jump.request', { itemId });
    expect(r.sessionId).toBeNull();
    expect(r.waiting).toMatchObject({ itemId, message: expect.stringContaining('They have 10 seconds to answer') });
    const done = await eventOf(admin, 'jump.consent', (o) => o.requestId === r.waiting!.requestId, 10_000);
    expect(done).toMatchObject({ outcome: 'started', code: null, sessionId: expect.any(String) });
    await clis.at(-1)!.waitFor(/Administrator asked to start a session \(Jump Policy "Ask first"\): allowed/);
    const chat = await admin.call('session.open', { sessionId: done.sessionId }).catch(() => null);
    if (chat) expect(JSON.stringify(chat)).toContain(`allowed the session`);
    await admin.call('session.end', { sessionId: done.sessionId });
  });

  it('--consent deny: E_JUMP_CONSENT_DENIED, nothing started', async () => {
    await restart(['--consent', 'deny', '--presence', 'present']);
    const before = (await openJumps(admin)).length;
    await expect(admin.call('jump.start', { itemId })).rejects.toMatchObject({ code: 'E_JUMP_CONSENT_DENIED', message: expect.stringContaining('denied the session') });
    expect((await openJumps(admin)).length).toBe(before);
  });

  it('--consent ignore: no answer within the policy’s timeout → nobody there to allow it', async () => {
    await restart(['--consent', 'ignore', '--presence', 'present']);
    const t0 = Date.now();
    const r = await admin.call('jump.request', { itemId });
    const done = await eventOf(admin, 'jump.consent', (o) => o.requestId === r.waiting!.requestId, 20_000);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(9_000);
    expect(done).toMatchObject({ outcome: 'nobody', code: 'E_JUMP_NOBODY_PRESENT', sessionId: null, message: expect.stringContaining('nobody is there to allow it') });
  }, 30_000);

  it('--presence absent under a policy that needs someone: refused at once', async () => {
    await restart(['--consent', 'allow', '--presence', 'absent']);
    expect(await refusal(admin.call('jump.request', { itemId }))).toBe('E_JUMP_NOBODY_PRESENT');
  });

  it('a policy edited to not prompt starts at once', async () => {
    const edited = await api('POST', `/login/api/jump-policies/${policyId}`, {
      name: 'Ask first', code: 'ask-first', description: '', scheduleEnabled: false, timeZone: 'UTC', windows: [], forceEnd: false,
      presentPrompt: 'no_prompt', notPresentPrompt: 'no_prompt', promptTimeoutSeconds: 10,
    });
    expect(edited.status).toBe(200);
    const r = await admin.call('jump.request', { itemId });
    expect(r).toMatchObject({ sessionId: expect.any(String), waiting: null });
    await admin.call('session.end', { sessionId: r.sessionId! });
  });
});

describe('the demo fleet’s end users', () => {
  it('LT-HR-12 ("Attended sessions only"): its user allows the Jump after a few seconds', async () => {
    const itemId = await idOf('LT-HR-12 (laptop)');
    ana.events.length = 0;
    const t0 = Date.now();
    const r = await ana.call('jump.request', { itemId });
    expect(r.waiting?.message).toMatch(/Waiting for the end user at LT-HR-12 \(laptop\) to allow the session \(Jump Policy "Attended sessions only"\)/);
    const done = await eventOf(ana, 'jump.consent', (o) => o.requestId === r.waiting!.requestId, 10_000);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1_400);
    expect(done.outcome).toBe('started');
    await ana.call('session.end', { sessionId: done.sessionId });
  });

  it('the rep cancels while waiting: E_JUMP_CANCELLED, nothing started; only the rep who asked may cancel', async () => {
    const itemId = await idOf('LT-HR-12 (laptop)');
    ana.events.length = 0;
    const before = (await openJumps(ana)).length;
    const r = await ana.call('jump.request', { itemId });
    expect(await refusal(ben.call('jump.cancel', { requestId: r.waiting!.requestId }))).toBe('E_JUMP_REQUEST_NOT_FOUND');
    await ana.call('jump.cancel', { requestId: r.waiting!.requestId });
    expect(await eventOf(ana, 'jump.consent', (o) => o.requestId === r.waiting!.requestId)).toMatchObject({ outcome: 'cancelled', code: 'E_JUMP_CANCELLED' });
    await new Promise((res) => setTimeout(res, 4000)); // the end user's late "Allow" starts nothing
    expect((await openJumps(ana)).length).toBe(before);
  });
});

describe('Jump Client passwords', () => {
  it('wrong → E_JUMP_PASSWORD_WRONG; five wrong in a minute → E_RATE_LIMITED even with the right one; other reps are not affected', async () => {
    const itemId = await idOf('DC02 – Domain Controller');
    const { sessionId } = await admin.call('jump.start', { itemId });
    const servers = (await admin.call('jump.groups', {})).groups.find((g) => g.name === 'Data Center Servers')!;
    await admin.call('session.pin', { sessionId, target: { groupId: servers.id }, password: 'Dc02-Secret!' });
    await admin.call('session.end', { sessionId });

    expect(await refusal(ben.call('jump.start', { itemId }))).toBe('E_JUMP_PASSWORD_REQUIRED');
    for (let i = 0; i < 5; i++) expect(await refusal(ben.call('jump.start', { itemId, password: `wrong-${i}` }))).toBe('E_JUMP_PASSWORD_WRONG');
    await expect(ben.call('jump.start', { itemId, password: 'Dc02-Secret!' })).rejects.toMatchObject({ code: 'E_RATE_LIMITED', message: expect.stringContaining('Too many wrong passwords for DC02') });
    const ok = await ana.call('jump.start', { itemId, password: 'Dc02-Secret!' });
    await ana.call('session.end', { sessionId: ok.sessionId });
  });
});

describe('Pin as Jump Client from a customer session', () => {
  it('the pinned item is Active while the customer’s client is connected, Offline when it drops — live in other consoles', async () => {
    const me = await ana.call('auth.me', {});
    const joined = await portal(app.url, { name: 'Connie Connected', company: 'Fabrikam', details: 'keep access', repId: me.id });
    expect(joined.status).toBe(200);
    const { client: cust } = await customer(app.url, joined.body.customerToken);
    const queued = await eventOf(ana, 'queue.session', (s) => s.customerName === 'Connie Connected');
    await ana.call('session.accept', { sessionId: queued.id });

    admin.events.length = 0;
    const { item } = await ana.call('session.pin', { sessionId: queued.id, target: { personal: true } });
    expect(item).toMatchObject({ name: 'Connie Connected', status: 'active' });
    expect((await admin.call('jump.list', { search: 'Connie' })).items[0]).toMatchObject({ id: item.id, status: 'active' });

    cust.close();
    await eventOf(admin, 'jump.status', (d) => d.itemId === item.id && d.status === 'offline', 10_000);
    expect((await ana.call('jump.list', { groupId: 'personal' })).items.find((i) => i.id === item.id)?.status).toBe('offline');

    // The customer comes back: Active again; the session ends: Offline for good.
    const again = await customer(app.url, joined.body.customerToken);
    await eventOf(admin, 'jump.status', (d) => d.itemId === item.id && d.status === 'active', 10_000);
    admin.events.length = 0;
    await ana.call('session.end', { sessionId: queued.id });
    await eventOf(admin, 'jump.status', (d) => d.itemId === item.id && d.status === 'offline', 10_000);
    again.client.close();
  });
});

describe('the scheduled end of a Jump session', () => {
  it('jump.sessionEnd names when "force session to end" ends it; members only', async () => {
    // Open now in UTC until the next full hour: a forced end within the hour.
    const now = new Date();
    const h = now.getUTCHours();
    const end = `${String((h + 1) % 24).padStart(2, '0')}:00`;
    const start = `${String(h).padStart(2, '0')}:00`;
    const days = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
    const created = await api('POST', '/login/api/jump-policies', {
      name: 'Closing soon', code: 'closing-soon', description: '', scheduleEnabled: true, timeZone: 'UTC',
      windows: [{ days: [days[now.getUTCDay()]], start, end }], forceEnd: true, presentPrompt: 'no_prompt', notPresentPrompt: 'no_prompt', promptTimeoutSeconds: 60,
    });
    expect(created.status).toBe(200);
    const inst = await api('POST', '/login/api/jump-clients/installers', { jumpGroup: 'jumpgroup:dc-servers', jumpPolicyCode: 'closing-soon', validitySeconds: 3600, massDeploy: false });
    const dir = mkdtempSync(join(tmpdir(), 'rep-jc-end-'));
    dirs.push(dir);
    const cli = runCli(['jump-client', '--site', app.url, '--install-dir', dir, '--key', inst.body.key, '--presence', 'absent']);
    clis.push(cli);
    const itemId = Number(/Jump Item (\d+)/.exec(await cli.waitFor(/registered with \S+ as Jump Item \d+/))![1]);

    const { sessionId } = await admin.call('jump.start', { itemId });
    const { end: e } = await admin.call('jump.sessionEnd', { sessionId });
    const expected = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), h + 1));
    expect(e).toMatchObject({ endsAt: expected.toISOString(), policyName: 'Closing soon', timeZone: 'UTC' });
    expect(await refusal(ben.call('jump.sessionEnd', { sessionId }))).toBe('E_SESSION_NOT_MEMBER');
    await admin.call('session.end', { sessionId });
  });
});

describe('bad input: coded refusals, nothing started', () => {
  it('custom attributes over 1024 characters, over 10 KB together, a key over 64; unknown methods; an unknown item', async () => {
    const itemId = await idOf('WS-042 Reception');
    const before = (await openJumps(ana)).length;
    for (const method of ['jump.start', 'jump.request'] as const) {
      expect(await refusal(ana.call(method, { itemId, customAttributes: { note: 'x'.repeat(1025) } }))).toBe('E_BAD_PARAMS');
      expect(await refusal(ana.call(method, { itemId, customAttributes: { ['k'.repeat(65)]: 'v' } }))).toBe('E_BAD_PARAMS');
      const big = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`f${i}`, 'x'.repeat(1000)]));
      await expect(ana.call(method, { itemId, customAttributes: big })).rejects.toMatchObject({ code: 'E_BAD_PARAMS', message: expect.stringContaining('at most 10240') });
      expect(await refusal(ana.call(method, { itemId: 999_999 }))).toBe('E_JUMP_ITEM_NOT_FOUND');
      expect(await refusal(ana.call(method, { itemId: 'one' as never }))).toBe('E_BAD_PARAMS');
    }
    expect(await refusal(ana.customer('jump.bogus', { itemId }))).toBe('E_UNKNOWN_METHOD');
    expect(await refusal(ana.call('jump.cancel', { requestId: 'nope' }))).toBe('E_JUMP_REQUEST_NOT_FOUND');
    expect((await openJumps(ana)).length).toBe(before);
  });
});
