/**
 * /login > Status licence counts on a real appliance, counted as the vendor counts them
 * (domain/licence-counts.ts): named user licences are the enabled site accounts (disabling one gives
 * its licence back), "licensed representatives logged in" the accounts with a console connected (two
 * consoles of one rep count once), active Jump Clients the installed ones — checked against the
 * site's database and moved by real logins and a real Users > edit.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { rep } from '../helpers/support.js';

let app: RunningAppliance;
let cookie = '';

const post = (path: string, body: unknown) =>
  fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: app.url, cookie }, body: JSON.stringify(body) });
const get = async (path: string) => (await fetch(`${app.url}${path}`, { headers: { cookie } })).json() as Promise<any>;
const licence = async () =>
  (await get('/login/api/status')).licence as { namedUsers: number; usersUsed: number; repsLoggedIn: number; jumpClientsAllowed: number; jumpClientsUsed: number };
const fromDb = <T>(sql: string): T => {
  const db = new Database(join(app.dataDir, 'site.db'), { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: T }).n;
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  app = await startAppliance({ demo: true });
  cookie = (await post('/login/api/login', { username: 'admin', password: 'password' })).headers.get('set-cookie')?.split(';')[0] ?? '';
}, 60_000);
afterAll(async () => {
  await app?.stop({ remove: true });
});

describe('Status licence counts', () => {
  it('named users are the enabled site accounts; Jump Clients the installed ones; the limits are the licence’s', async () => {
    const l = await licence();
    expect(l.usersUsed).toBe(fromDb<number>('SELECT COUNT(*) AS n FROM users WHERE disabled = 0 AND external_session_id IS NULL'));
    expect(l.usersUsed).toBeGreaterThan(1);
    expect(l.jumpClientsUsed).toBe(fromDb<number>("SELECT COUNT(*) AS n FROM jump_items WHERE method = 'pinned'"));
    expect(l.jumpClientsUsed).toBeGreaterThan(0);
    expect([l.namedUsers, l.jumpClientsAllowed]).toEqual([50, 1000]);
  });

  it('disabling an account gives its licence back; enabling takes it again', async () => {
    const before = (await licence()).usersUsed;
    const ben = ((await get('/login/api/users')).users as { id: number; username: string }[]).find((u) => u.username === 'ben')!;
    const detail = await get(`/login/api/users/${ben.id}`);
    const edit = (disabled: boolean) => post(`/login/api/users/${ben.id}`, { ...detail, teams: detail.teams.map((t: { id: number; role: string }) => ({ teamId: t.id, role: t.role })), password: '', securityAnswer: '', disabled });
    const off = await edit(true);
    expect(off.status, await off.text()).toBe(200);
    expect((await licence()).usersUsed).toBe(before - 1);
    expect((await edit(false)).status).toBe(200);
    expect((await licence()).usersUsed).toBe(before);
  });

  it('licensed representatives logged in: each rep with a console once, gone when they log out', async () => {
    const base = (await licence()).repsLoggedIn;
    const ana1 = await rep(app.url, 'ana');
    const ana2 = await rep(app.url, 'ana');
    const admin = await rep(app.url, 'admin');
    await expect.poll(async () => (await licence()).repsLoggedIn).toBe(base + 2);
    ana1.close();
    await new Promise((r) => setTimeout(r, 200));
    expect((await licence()).repsLoggedIn).toBe(base + 2); // ana still has a console open
    ana2.close();
    admin.close();
    await expect.poll(async () => (await licence()).repsLoggedIn).toBe(base);
  });
});
