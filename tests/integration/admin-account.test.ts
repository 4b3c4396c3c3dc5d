/**
 * /login account administration over real HTTP against a real appliance: changing one's password
 * (My Account), an administrator setting someone's, ending a rep's console login from Status, and
 * the default password no longer keeping the site on loopback once it is changed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { eventOf, portal, rep } from '../helpers/support.js';
import { TestClient } from '../helpers/ws-client.js';

let app: RunningAppliance;
beforeAll(async () => {
  app = await startAppliance({ demo: true });
});
afterAll(async () => {
  await app?.stop({ remove: true });
});

/** Ben's password after the first test changes it (later tests log him in with it). */
const BEN_NEW = 'Ben-Secret-2026!';

interface Answer {
  status: number;
  body: any;
}

/** Logs in to /login and returns the `rc_admin` cookie. */
async function adminCookie(url: string, username: string, password: string): Promise<string> {
  const r = await fetch(url + '/login/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(r.status, `login as ${username}`).toBe(200);
  return r.headers.get('set-cookie')!.split(';')[0]!;
}

async function post(url: string, path: string, cookie: string | null, body: unknown = {}): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (cookie) headers.cookie = cookie;
  const r = await fetch(url + path, { method: 'POST', headers, body: JSON.stringify(body) });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null };
}

async function get(url: string, path: string, cookie: string): Promise<any> {
  const r = await fetch(url + path, { headers: { cookie } });
  expect(r.status).toBe(200);
  return r.json();
}

/** A console login over the WebSocket: the error code, or 'ok'. */
async function consoleLogin(url: string, username: string, password: string): Promise<string> {
  const c = await TestClient.connect(url);
  try {
    await c.call('auth.login', { username, password, console: 'web' });
    return 'ok';
  } catch (e) {
    return (e as { code: string }).code;
  } finally {
    c.close();
  }
}

const userId = async (cookie: string, username: string): Promise<number> =>
  ((await get(app.url, '/login/api/users', cookie)).users as { id: number; username: string }[]).find((u) => u.username === username)!.id;

describe('My Account: change password', () => {
  it('a rep changes their own password; the new one opens the console and /login, the old one does not', async () => {
    const ben = DEMO.reps.general[1];
    const cookie = await adminCookie(app.url, ben.username, ben.password);
    const r = await post(app.url, '/login/api/account/password', cookie, { currentPassword: ben.password, newPassword: BEN_NEW });
    expect(r.status).toBe(200);
    expect(r.body.me).toMatchObject({ username: 'ben', isAdmin: false });
    expect(await consoleLogin(app.url, 'ben', BEN_NEW)).toBe('ok');
    expect(await consoleLogin(app.url, 'ben', ben.password)).toBe('E_AUTH_INVALID');
    await adminCookie(app.url, 'ben', BEN_NEW);
    // The /login login used for the change keeps working.
    expect((await get(app.url, '/login/api/me', cookie)).me.username).toBe('ben');
  });

  it('a wrong current password is refused and counts toward the lockout', async () => {
    const dieter = DEMO.reps.remoteSupport[1];
    const cookie = await adminCookie(app.url, dieter.username, dieter.password);
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await post(app.url, '/login/api/account/password', cookie, { currentPassword: `wrong-${i}`, newPassword: 'Dieter-New-2026!' });
      codes.push(r.body.error.code);
      if (i === 0) {
        expect(r.status).toBe(400);
        expect(r.body.error.message).toBe('Your current password is incorrect.');
      }
    }
    expect(codes).toEqual(['E_PASSWORD_WRONG', 'E_PASSWORD_WRONG', 'E_PASSWORD_WRONG', 'E_PASSWORD_WRONG', 'E_AUTH_LOCKED']);
    // Locked now: not even the right password gets in, and nothing was changed.
    expect(await consoleLogin(app.url, dieter.username, dieter.password)).toBe('E_AUTH_LOCKED');
    expect((await post(app.url, '/login/api/account/password', cookie, { currentPassword: dieter.password, newPassword: 'Dieter-New-2026!' })).body.error.code).toBe(
      'E_AUTH_LOCKED',
    );
    const admin = await adminCookie(app.url, DEMO.admin.username, DEMO.admin.password);
    const row = ((await get(app.url, '/login/api/users', admin)).users as { username: string; failedLogins: number }[]).find((u) => u.username === 'dieter')!;
    expect(row.failedLogins).toBe(5);
  });

  it('a weak new password is refused with what is missing, and the old one still works', async () => {
    const ana = DEMO.reps.general[0];
    const cookie = await adminCookie(app.url, ana.username, ana.password);
    for (const weak of ['Sh0rt!', 'alllowercase', 'Ana', 'password']) {
      const r = await post(app.url, '/login/api/account/password', cookie, { currentPassword: ana.password, newPassword: weak });
      expect(r.status, weak).toBe(400);
      expect(r.body.error.code, weak).toBe('E_PASSWORD_WEAK');
    }
    const r = await post(app.url, '/login/api/account/password', cookie, { currentPassword: ana.password, newPassword: 'alllowercase' });
    expect(r.body.error.message).toBe('The new password needs an upper-case letter, a digit and a special character (such as - ! #).');
    expect(await consoleLogin(app.url, ana.username, ana.password)).toBe('ok');
  });

  it('needs a /login login and a same-site JSON request', async () => {
    expect((await post(app.url, '/login/api/account/password', null, { currentPassword: 'x', newPassword: 'Whatever-123!' })).body.error.code).toBe('E_AUTH_REQUIRED');
    const cookie = await adminCookie(app.url, 'carla', 'Support-Demo-1');
    const r = await fetch(app.url + '/login/api/account/password', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: 'https://evil.example' },
      body: JSON.stringify({ currentPassword: 'Support-Demo-1', newPassword: 'Evil-Choice-1!' }),
    });
    expect(r.status).toBe(403);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('E_CSRF');
    expect(await consoleLogin(app.url, 'carla', 'Support-Demo-1')).toBe('ok');
  });
});

describe('Users: an administrator sets a password', () => {
  it('the administrator sets a rep’s password; a rep may not set anyone’s nor end anyone’s login', async () => {
    const admin = await adminCookie(app.url, DEMO.admin.username, DEMO.admin.password);
    const carlaId = await userId(admin, 'carla');
    const adminId = await userId(admin, 'admin');

    expect((await post(app.url, `/login/api/users/${carlaId}/password`, admin, { newPassword: 'weak' })).body.error.code).toBe('E_PASSWORD_WEAK');
    expect((await post(app.url, '/login/api/users/99999/password', admin, { newPassword: 'Carla-Reset-7!' })).body.error.code).toBe('E_USER_NOT_FOUND');
    expect((await post(app.url, `/login/api/users/${carlaId}/password`, admin, { newPassword: 'Carla-Reset-7!' })).status).toBe(204);
    expect(await consoleLogin(app.url, 'carla', 'Carla-Reset-7!')).toBe('ok');
    expect(await consoleLogin(app.url, 'carla', 'Support-Demo-1')).toBe('E_AUTH_INVALID');

    const carla = await adminCookie(app.url, 'carla', 'Carla-Reset-7!');
    const setAdmin = await post(app.url, `/login/api/users/${adminId}/password`, carla, { newPassword: 'Taken-Over-99!' });
    expect(setAdmin.status).toBe(403);
    expect(setAdmin.body.error.code).toBe('E_FORBIDDEN');
    const endAdmin = await post(app.url, `/login/api/reps/${adminId}/logout`, carla);
    expect(endAdmin.status).toBe(403);
    expect(endAdmin.body.error.code).toBe('E_FORBIDDEN');
    // The administrator's password did not change.
    await adminCookie(app.url, DEMO.admin.username, DEMO.admin.password);
  });
});

describe('Status: End a rep’s console login', () => {
  it('the rep’s console is told an administrator logged them out, their session goes back to a queue, and the login is gone', async () => {
    const ana = await rep(app.url, 'ana');
    const ben = await rep(app.url, 'ben', BEN_NEW);
    const anaId = (await ana.call('auth.me', {})).id;
    const key = await ana.call('sessionKey.generate', { expiresInMinutes: 10 });
    const joined = await portal(app.url, { name: 'Released Customer', sessionKey: key.key });
    const sessionId: string = joined.body.sessionId;
    await eventOf(ana, 'queue.session', (d) => d.id === sessionId);
    await ana.call('session.accept', { sessionId });

    const admin = await adminCookie(app.url, DEMO.admin.username, DEMO.admin.password);
    expect(((await get(app.url, '/login/api/status', admin)).loggedInReps as { userId: number }[]).some((r) => r.userId === anaId)).toBe(true);

    const closed = new Promise<number>((res) => ana.ws.once('close', (code) => res(code)));
    expect((await post(app.url, `/login/api/reps/${anaId}/logout`, admin)).status).toBe(204);
    const kicked = await eventOf(ana, 'auth.kicked');
    expect(kicked).toEqual({ code: 'E_AUTH_ENDED_BY_ADMIN', message: 'An administrator logged you out of the representative console.' });
    expect(await closed).toBe(4001);

    // Ana's session follows the logout rules: back to her team's queue, where Ben sees it waiting.
    const back = await eventOf(ben, 'queue.session', (d) => d.id === sessionId && d.status === 'waiting');
    expect(back.queueId).toMatch(/^team:/);
    expect(((await get(app.url, '/login/api/status', admin)).loggedInReps as { userId: number }[]).some((r) => r.userId === anaId)).toBe(false);

    // A second End finds nothing to end; ana can log in again.
    expect((await post(app.url, `/login/api/reps/${anaId}/logout`, admin)).body.error.code).toBe('E_REP_NOT_LOGGED_IN');
    expect(await consoleLogin(app.url, 'ana', 'Support-Demo-1')).toBe('ok');
    ben.close();
  });

  it('a reload with the ended login’s cookie is not logged in', async () => {
    const c = await TestClient.connect(app.url);
    const { token, me } = await c.call('auth.login', { username: 'ana', password: 'Support-Demo-1', console: 'web' });
    const r = await fetch(app.url + '/console/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
    const admin = await adminCookie(app.url, DEMO.admin.username, DEMO.admin.password);
    expect((await post(app.url, `/login/api/reps/${me.id}/logout`, admin)).status).toBe(204);
    await eventOf(c, 'auth.kicked', (d) => d.code === 'E_AUTH_ENDED_BY_ADMIN');
    const reload = await TestClient.connect(app.url, { cookie });
    await expect(reload.call('auth.me', {})).rejects.toMatchObject({ code: 'E_AUTH_REQUIRED' });
    reload.close();
  });
});

describe('the default password and public hosts', () => {
  it('after the administrator changes the default password, the banner goes and a non-loopback --host is accepted', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rep-admin-pw-'));
    try {
      const bare = await startAppliance({ demo: false, dataDir });
      const cookie = await adminCookie(bare.url, 'admin', 'password');
      expect((await get(bare.url, '/login/api/me', cookie)).defaultPassword).toBe(true);
      const r = await post(bare.url, '/login/api/account/password', cookie, { currentPassword: 'password', newPassword: 'Site-Admin-2026!' });
      expect(r.status).toBe(200);
      expect(r.body.defaultPassword).toBe(false);
      expect((await get(bare.url, '/login/api/me', cookie)).defaultPassword).toBe(false);
      expect(await bare.stop()).toBe(0);

      const open = await startAppliance({ demo: false, dataDir, extraArgs: ['--host', '0.0.0.0'] });
      expect(open.output()).not.toContain('E_DEFAULT_PASSWORD_PUBLIC');
      const again = await adminCookie(open.url, 'admin', 'Site-Admin-2026!');
      expect((await get(open.url, '/login/api/me', again)).defaultPassword).toBe(false);
      expect(await open.stop()).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
