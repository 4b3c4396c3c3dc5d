/** The appliance as an outside user meets it: a real process on a random port, a real SQLite file. */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { TestClient } from '../helpers/ws-client.js';

let app: RunningAppliance;
beforeAll(async () => {
  app = await startAppliance({ demo: true });
});
afterAll(async () => {
  await app?.stop({ remove: true });
});

const json = (path: string, init?: RequestInit) => fetch(app.url + path, init);
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(app.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('pages', () => {
  it.each(['/', '/login', '/console'])('serves %s as HTML with a CSP', async (path) => {
    const r = await json(path);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/html');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(r.headers.get('x-frame-options')).toBe('DENY');
  });

  it('answers an unknown route with a coded 404', async () => {
    const r = await json('/no/such/page');
    expect(r.status).toBe(404);
    expect(await r.json()).toEqual({ error: { code: 'E_NOT_FOUND', message: expect.any(String) } });
  });
});

describe('demo site', () => {
  it('has the demo teams, reps, issues and at least 20 Jump Clients', async () => {
    const c = await TestClient.connect(app.url);
    const { me } = await c.call('auth.login', { username: 'ana', password: DEMO.reps.general[0].password, console: 'web' });
    expect(me.displayName).toBe('Ana Lopez');
    expect(me.teams.map((t) => t.name)).toEqual(['General']);
    const jump = await c.call('jump.list', { pageSize: 50 });
    expect(jump.total).toBeGreaterThanOrEqual(20);
    expect(new Set(jump.items.map((i) => i.os)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(jump.items.map((i) => i.status))).toEqual(new Set(['active', 'offline', 'unusable']));
    const portal = (await (await json('/api/portal')).json()) as { issues: { teamName: string }[] };
    expect(new Set(portal.issues.map((i) => i.teamName))).toEqual(new Set(['General', 'Remote Support']));
    c.close();
  });

  it('keeps customers waiting in the team queues', async () => {
    const c = await TestClient.connect(app.url);
    await c.call('auth.login', { username: 'carla', password: 'Support-Demo-1', console: 'web' });
    const { queues, sessions } = await c.call('queues.list', {});
    expect(queues.map((q) => q.name)).toEqual(['Personal', 'Remote Support', 'General Queue']);
    const teamQueue = queues.find((q) => q.kind === 'team')!.id;
    expect(sessions.filter((s) => s.queueId === teamQueue && s.status === 'waiting').length).toBeGreaterThanOrEqual(1);
    c.close();
  });

  it('searches Jump Items by hostname, comments, tag and IP, 50 per page', async () => {
    const c = await TestClient.connect(app.url);
    await c.call('auth.login', { username: 'admin', password: 'password', console: 'web' });
    expect((await c.call('jump.list', { search: 'finance' })).items.every((i) => i.tag === 'finance' || /finance/i.test(i.comments + i.name))).toBe(true);
    expect((await c.call('jump.list', { search: '10.0.0.10' })).items[0]?.hostname).toBe('dc01.corp.example');
    expect((await c.call('jump.list', { search: 'Domain controller' })).total).toBe(2);
    expect((await c.call('jump.list', { search: '100%_' })).total).toBe(0);
    await expect(c.call('jump.list', { pageSize: 51 })).rejects.toMatchObject({ code: 'E_BAD_PARAMS' });
    c.close();
  });
});

describe('portal → console', () => {
  it('puts a customer who submits an issue in the team queue, live, and a rep can accept', async () => {
    const rep = await TestClient.connect(app.url);
    await rep.call('auth.login', { username: 'ben', password: 'Support-Demo-1', console: 'web' });
    const portal = (await (await json('/api/portal')).json()) as { issues: { id: number; teamName: string }[]; reps: { publicDisplayName: string }[] };
    expect(portal.reps.map((r) => r.publicDisplayName)).toContain('Ben Walker');
    const issue = portal.issues.find((i) => i.teamName === 'General')!;
    const r = await post('/api/portal/sessions', { name: 'Erin Example', company: 'Acme', details: 'Printer jam', issueId: issue.id });
    expect(r.status).toBe(200);
    const joined = (await r.json()) as { sessionId: string; customerToken: string; queueName: string };
    expect(joined.queueName).toBe('General');
    const evt = await rep.until(() => rep.events.find((e) => e.event === 'queue.session' && (e.data as { id: string }).id === joined.sessionId));
    expect(evt.data).toMatchObject({ customerName: 'Erin Example', status: 'waiting', browser: true });
    const { session } = await rep.call('session.accept', { sessionId: joined.sessionId });
    expect(session).toMatchObject({ status: 'active', ownerName: 'Ben Walker' });
    await expect(rep.call('session.accept', { sessionId: joined.sessionId })).rejects.toMatchObject({ code: 'E_SESSION_ALREADY_TAKEN' });
    const status = (await (await post('/api/portal/status', { customerToken: joined.customerToken })).json()) as { status: string; repName: string };
    expect(status).toMatchObject({ status: 'active', repName: 'Ben Walker' });
    rep.close();
  });

  it('refuses a submission with no route, an unknown key, or a form post', async () => {
    expect((await post('/api/portal/sessions', { name: 'X' })).status).toBe(400);
    const bad = await post('/api/portal/sessions', { name: 'X', sessionKey: '1234 5678 9012' });
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('E_KEY_INVALID');
    const form = await fetch(app.url + '/api/portal/sessions', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=x' });
    expect(((await form.json()) as { error: { code: string } }).error.code).toBe('E_CSRF');
    const cross = await post('/api/portal/sessions', { name: 'X', issueId: 1 }, { origin: 'https://evil.example' });
    expect(((await cross.json()) as { error: { code: string } }).error.code).toBe('E_CSRF');
  });
});

describe('/login admin API', () => {
  it('logs the admin in with an HttpOnly cookie and shows status and users', async () => {
    const r = await post('/login/api/login', { username: 'admin', password: 'password' });
    expect(r.status).toBe(200);
    const cookie = r.headers.get('set-cookie')!;
    expect(cookie).toMatch(/rc_admin=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const jar = { cookie: cookie.split(';')[0]! };
    const me = (await (await json('/login/api/me', { headers: jar })).json()) as { me: { isAdmin: boolean }; defaultPassword: boolean };
    expect(me).toMatchObject({ me: { isAdmin: true }, defaultPassword: true });
    const status = (await (await json('/login/api/status', { headers: jar })).json()) as { version: string };
    expect(status.version).toMatch(/^\d+\.\d+\.\d+/);
    const users = (await (await json('/login/api/users', { headers: jar })).json()) as { users: { username: string }[] };
    expect(users.users.map((u) => u.username)).toEqual(expect.arrayContaining(['admin', 'ana', 'ben', 'carla', 'dieter']));
    expect((await post('/login/api/logout', {}, jar)).status).toBe(204);
    expect((await json('/login/api/me', { headers: jar })).status).toBe(401);
  });

  it('refuses a wrong password and keeps reps out of Users', async () => {
    const bad = await post('/login/api/login', { username: 'admin', password: 'nope' });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('E_AUTH_INVALID');
    const r = await post('/login/api/login', { username: 'dieter', password: 'Support-Demo-1' });
    const jar = { cookie: r.headers.get('set-cookie')!.split(';')[0]! };
    const users = await json('/login/api/users', { headers: jar });
    expect(users.status).toBe(403);
    expect(app.output()).toContain('admin login refused');
    expect(app.output()).not.toContain('"nope"');
  });
});

describe('durability', () => {
  it('stores the site in a WAL-mode SQLite file with numbered migrations', () => {
    const db = new Database(join(app.dataDir, 'site.db'), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(1);
    db.close();
  });
});
