/**
 * Elevate on a real demo appliance: a browser customer's session goes click-to-chat → full client →
 * elevated through the customer's own prompts (Refuse, then Allow); Jumps to the demo fleet's
 * emulated endpoints elevate with Specific User (the emulated local administrator, right and wrong
 * passwords) and Prompt Customer (someone at the PC consents; nobody at a domain controller); a real
 * `jump-client` agent refuses Specific User until it is configured. Every step is in the session log.
 */
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { runCli, type RunningCli } from '../helpers/agent-cli.js';
import { customer, eventOf, portal, rep } from '../helpers/support.js';
import type { TestClient } from '../helpers/ws-client.js';

let app: RunningAppliance;
let ana: TestClient;
let ben: TestClient;
let admin: TestClient;

beforeAll(async () => {
  app = await startAppliance({ demo: true });
  [ana, ben, admin] = await Promise.all([rep(app.url, 'ana'), rep(app.url, 'ben'), rep(app.url, 'admin')]);
});
afterAll(async () => {
  for (const c of [ana, ben, admin]) c?.close();
  await app?.stop({ remove: true });
});

const refusal = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { code: string }) => e.code);

function eventsOf(sessionId: string): { kind: string; data: Record<string, unknown> }[] {
  const db = new Database(join(app.dataDir, 'site.db'), { readonly: true });
  try {
    return db
      .prepare<[string], { kind: string; data: string }>('SELECT kind, data FROM session_events WHERE session_id = ? ORDER BY id')
      .all(sessionId)
      .map((r) => ({ kind: r.kind, data: JSON.parse(r.data) as Record<string, unknown> }));
  } finally {
    db.close();
  }
}

async function jumpTo(c: TestClient, name: string): Promise<string> {
  const { items } = await c.call('jump.list', { search: name });
  const item = items.find((i) => i.name === name)!;
  return (await c.call('jump.start', { itemId: item.id })).sessionId;
}

describe('a browser customer: click-to-chat → full client → elevated', () => {
  it('walks through the customer’s prompts, with a refusal on the way, and logs every step', async () => {
    const anaId = (await ana.call('auth.me', {})).id;
    const joined = await portal(app.url, { name: 'Elena Elevate', repId: anaId });
    const { client: cust } = await customer(app.url, joined.body.customerToken);
    const sessionId: string = joined.body.sessionId;
    await ana.call('session.accept', { sessionId });

    const detail = await ana.call('session.open', { sessionId });
    expect(detail.endpoint).toMatchObject({ kind: 'customer_client', attached: false, elevation: { clientMode: 'click_to_chat', privilege: 'user', elevated: false, pending: null } });

    // Administrative rights need the full client first; a non-member may do neither.
    expect(await refusal(ana.call('session.elevate', { sessionId, method: 'prompt' }))).toBe('E_ELEVATION_FULL_CLIENT_REQUIRED');
    expect(await refusal(ben.call('session.elevate.fullClient', { sessionId }))).toBe('E_SESSION_NOT_MEMBER');

    // Full client: the customer is asked to download and run it.
    const asked = await ana.call('session.elevate.fullClient', { sessionId });
    expect(asked.endpoint.elevation.pending?.step).toBe('full_client');
    expect(await refusal(ana.call('session.elevate.fullClient', { sessionId }))).toBe('E_ELEVATION_PENDING');
    const fullPrompt = await eventOf(cust, 'customer.prompt', (p) => p.kind === 'full_client' && p.state === 'pending');
    await cust.customer('customer.answer', { promptId: fullPrompt.id, allow: true });
    await eventOf(ana, 'session.state', (s) => s.session.id === sessionId && s.endpoint?.elevation.clientMode === 'full_client');
    expect(await refusal(ana.call('session.elevate.fullClient', { sessionId }))).toBe('E_ELEVATION_ALREADY_FULL_CLIENT');

    // Prompt Customer: refused, the mode stays; asked again and allowed: elevated.
    await ana.call('session.elevate', { sessionId, method: 'prompt' });
    const first = await eventOf(cust, 'customer.prompt', (p) => p.kind === 'elevation' && p.state === 'pending');
    await cust.customer('customer.answer', { promptId: first.id, allow: false });
    await eventOf(ana, 'session.state', (s) => s.session.id === sessionId && s.endpoint?.elevation.pending === null && s.endpoint?.elevation.clientMode === 'full_client');
    expect((await ana.call('session.endpoint', { sessionId })).elevation).toMatchObject({ elevated: false, privilege: 'user' });

    await ana.call('session.elevate', { sessionId, method: 'prompt' });
    const second = await eventOf(cust, 'customer.prompt', (p) => p.kind === 'elevation' && p.state === 'pending' && p.id !== first.id);
    await cust.customer('customer.answer', { promptId: second.id, allow: true });
    await eventOf(ana, 'session.state', (s) => s.session.id === sessionId && s.endpoint?.elevation.elevated === true);
    const after = await ana.call('session.open', { sessionId });
    expect(after.endpoint?.elevation).toMatchObject({ clientMode: 'full_client', privilege: 'elevated', elevated: true, method: 'prompt' });
    expect(after.messages.map((m) => m.body)).toEqual(expect.arrayContaining(['The customer is now running the full customer client.', 'The customer client now runs with administrative rights.']));
    expect(await refusal(ana.call('session.elevate', { sessionId, method: 'prompt' }))).toBe('E_ELEVATION_ALREADY_ELEVATED');

    const kinds = eventsOf(sessionId).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['elevation.fullClient.requested', 'elevation.fullClient.running', 'elevation.requested', 'elevation.refused', 'elevation.granted']));
    cust.close();
    await ana.call('session.end', { sessionId });
  });
});

describe('Jumps to the demo fleet', () => {
  it('Specific User: the emulated endpoint refuses a wrong password and accepts its local administrator', async () => {
    const sessionId = await jumpTo(ana, 'LYON-POS-01');
    const start = await ana.call('session.endpoint', { sessionId });
    expect(start).toMatchObject({ kind: 'jump_client', attached: true, emulated: true, hostname: 'lyon-pos-01.branch.example', os: 'windows', elevation: { clientMode: 'full_client', elevated: false } });

    expect(await refusal(ana.call('session.elevate', { sessionId, method: 'specific_user', username: 'localadmin', password: 'wrong-password' }))).toBe('E_ELEVATION_CREDENTIALS_INVALID');
    expect(await refusal(ana.call('session.elevate', { sessionId, method: 'specific_user', username: 'OTHERHOST\\localadmin', password: 'Elevate-Demo-1' }))).toBe('E_ELEVATION_CREDENTIALS_INVALID');
    const ok = await ana.call('session.elevate', { sessionId, method: 'specific_user', username: '.\\localadmin', password: 'Elevate-Demo-1' });
    expect(ok.endpoint.elevation).toMatchObject({ elevated: true, method: 'specific_user', elevatedAs: 'LYON-POS-01\\localadmin' });
    await eventOf(ana, 'session.state', (s) => s.session.id === sessionId && s.endpoint?.elevation.elevated === true);

    const log = eventsOf(sessionId);
    expect(log.filter((e) => e.kind === 'elevation.refused').map((e) => e.data.code)).toEqual(['E_ELEVATION_CREDENTIALS_INVALID', 'E_ELEVATION_CREDENTIALS_INVALID']);
    const granted = log.find((e) => e.kind === 'elevation.granted')!;
    expect(granted.data).toMatchObject({ method: 'specific_user', account: 'LYON-POS-01\\localadmin' });
    // The password is never written anywhere in the log.
    expect(JSON.stringify(log)).not.toContain('Elevate-Demo-1');
    expect(JSON.stringify(log)).not.toContain('wrong-password');
    await ana.call('session.end', { sessionId });
  });

  it('Prompt Customer: the person at a workstation consents; nobody is at a domain controller', async () => {
    const pos = await jumpTo(ana, 'MUENCHEN-POS-02');
    const r = await ana.call('session.elevate', { sessionId: pos, method: 'prompt' });
    expect(r.endpoint.elevation).toMatchObject({ elevated: true, method: 'prompt' });
    await ana.call('session.end', { sessionId: pos });

    const dc = await jumpTo(ana, 'DC01 – Domain Controller');
    expect(await refusal(ana.call('session.elevate', { sessionId: dc, method: 'prompt' }))).toBe('E_ELEVATION_NOBODY_PRESENT');
    expect((await ana.call('session.endpoint', { sessionId: dc })).elevation.elevated).toBe(false);
    expect(eventsOf(dc).find((e) => e.kind === 'elevation.refused')?.data).toMatchObject({ method: 'prompt', code: 'E_ELEVATION_NOBODY_PRESENT' });
    await ana.call('session.end', { sessionId: dc });
  });

  it('a mobile endpoint cannot be elevated', async () => {
    const ipad = await jumpTo(ana, 'MUENCHEN-IPAD-LAGER');
    expect(await refusal(ana.call('session.elevate', { sessionId: ipad, method: 'specific_user', username: 'localadmin', password: 'Elevate-Demo-1' }))).toBe('E_ELEVATION_UNSUPPORTED');
    await ana.call('session.end', { sessionId: ipad });
  });
});

describe('a real jump-client agent', () => {
  const clis: RunningCli[] = [];
  afterAll(async () => {
    await Promise.all(clis.map((c) => c.kill('SIGKILL')));
  });

  /** An installer key from the Mass Deployment Wizard, as an administrator makes one. */
  async function installerKey(): Promise<string> {
    const login = await fetch(app.url + '/login/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'password' }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const created = await fetch(app.url + '/login/api/jump-clients/installers', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ jumpGroup: 'user:admin', tag: 'elevation', comments: 'elevation test', validitySeconds: 3600, massDeploy: true }),
    });
    expect(created.status).toBe(200);
    return ((await created.json()) as { key: string }).key;
  }

  /** Starts a real agent (with `env`) and Jumps to it as admin. */
  async function jumpToAgent(env: Record<string, string>): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'rep-elev-agent-'));
    const cli = runCli(['jump-client', '--site', app.url, '--install-dir', dir, '--key', await installerKey(), '--allow-path', dir], env);
    clis.push(cli);
    const registered = await cli.waitFor(/registered with \S+ as Jump Item \d+/);
    const itemId = Number(/Jump Item (\d+)/.exec(registered)![1]);
    return (await admin.call('jump.start', { itemId })).sessionId;
  }

  it('refuses Specific User with E_ELEVATION_NOT_CONFIGURED until its administrator account is set, then checks it', async () => {
    const plain = await jumpToAgent({ REP_ELEVATION_USER: '', REP_ELEVATION_PASSWORD: '' });
    expect(await refusal(admin.call('session.elevate', { sessionId: plain, method: 'specific_user', username: 'root', password: 'x' }))).toBe('E_ELEVATION_NOT_CONFIGURED');
    expect(await refusal(admin.call('session.elevate', { sessionId: plain, method: 'prompt' }))).toBe('E_ELEVATION_NOBODY_PRESENT');
    await admin.call('session.end', { sessionId: plain });

    const configured = await jumpToAgent({ REP_ELEVATION_USER: 'opsadmin', REP_ELEVATION_PASSWORD: 'S3cret-Ops!' });
    expect(await refusal(admin.call('session.elevate', { sessionId: configured, method: 'specific_user', username: 'opsadmin', password: 'nope' }))).toBe('E_ELEVATION_CREDENTIALS_INVALID');
    const ok = await admin.call('session.elevate', { sessionId: configured, method: 'specific_user', username: 'OPSADMIN', password: 'S3cret-Ops!' });
    expect(ok.endpoint).toMatchObject({ kind: 'jump_client', attached: true, emulated: false, elevation: { elevated: true, elevatedAs: 'opsadmin' } });
    await admin.call('session.end', { sessionId: configured });
  });
});
