/**
 * /login's security over real HTTP and WebSockets against a real appliance: headers and cookies,
 * the CSRF guard on every state change, two-factor (codes computed by an independent RFC 6238
 * implementation), lockout and Reset, rate limits, Management > Security (web console gate, 2FA
 * enforcement, password policy), Users (create, edit, permissions acting on a live console,
 * delete), uploads refused with the reason and nothing saved half-way, and Restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { fakePng, makeBmp, makePng } from '../helpers/images.js';
import { eventOf, rep } from '../helpers/support.js';
import { freshWindow, nextWindow, totp } from '../helpers/totp.js';
import { TestClient } from '../helpers/ws-client.js';

let app: RunningAppliance;
let admin: string;
beforeAll(async () => {
  app = await startAppliance({ demo: true });
  admin = await adminCookie(DEMO.admin.username, DEMO.admin.password);
});
afterAll(async () => {
  await app?.stop({ remove: true });
});

interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

async function login(username: string, password: string, code?: string): Promise<Answer> {
  return post('/login/api/login', null, { username, password, ...(code ? { totp: code } : {}) });
}

async function adminCookie(username: string, password: string, code?: string): Promise<string> {
  const r = await login(username, password, code);
  expect(r.status, `login as ${username}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.headers.get('set-cookie')!.split(';')[0]!;
}

async function post(path: string, cookie: string | null, body: unknown = {}, headers: Record<string, string> = {}): Promise<Answer> {
  const h: Record<string, string> = { 'content-type': 'application/json', ...headers };
  if (cookie) h.cookie = cookie;
  const r = await fetch(app.url + path, { method: 'POST', headers: h, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null, headers: r.headers };
}

async function get(path: string, cookie: string): Promise<any> {
  const r = await fetch(app.url + path, { headers: { cookie } });
  expect(r.status, path).toBe(200);
  return r.json();
}

async function consoleLogin(username: string, password: string, code?: string): Promise<string> {
  const c = await TestClient.connect(app.url);
  try {
    await c.call('auth.login', { username, password, console: 'web', ...(code ? { totp: code } : {}) });
    return 'ok';
  } catch (e) {
    return (e as { code: string }).code;
  } finally {
    c.close();
  }
}

const userId = async (username: string): Promise<number> => ((await get('/login/api/users', admin)).users as { id: number; username: string }[]).find((u) => u.username === username)!.id;

function newUser(username: string, over: Record<string, unknown> = {}) {
  return {
    username,
    displayName: `Test ${username}`,
    publicDisplayName: `Test ${username}`,
    email: '',
    language: 'en-US',
    password: 'Valid-Pass-42!',
    passwordExpiresAt: null,
    securityQuestion: '',
    securityAnswer: '',
    disabled: false,
    extendedAvailability: false,
    permissions: {
      administrator: false, viewReports: false, jumpClient: true, localJump: true, remoteJump: true, shellJump: true, localRdp: true, jumpStartAll: false, jumpManage: false,
      screenView: true, screenControl: true, annotations: true, fileUpload: true, fileDownload: true, commandShell: true, systemInfo: true, elevation: true, pinJumpClients: true,
      supportButtons: true, generateSessionKeys: true, shareNonTeam: true, inviteExternal: true, transfer: true, overrideJumpPolicy: false,
    },
    policy: { remotePaths: [], localPaths: [], promptAttended: 'always', promptUnattended: 'never' },
    teams: [],
    ...over,
  };
}

describe('headers, cookies and CSRF', () => {
  it('/login carries the CSP with frame-ancestors none and the other security headers', async () => {
    const r = await fetch(app.url + '/login');
    const csp = r.headers.get('content-security-policy')!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('the login cookie is HttpOnly, SameSite=Strict and scoped to /login', async () => {
    const r = await login(DEMO.admin.username, DEMO.admin.password);
    const cookie = r.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^rc_admin=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/login/);
  });

  it('every state change refuses a form post or another origin, and nothing is created', async () => {
    const body = JSON.stringify(newUser('csrf_victim'));
    const cases: [string, Record<string, string>][] = [
      ['/login/api/users', { 'content-type': 'text/plain' }],
      ['/login/api/users', { 'content-type': 'application/x-www-form-urlencoded' }],
      ['/login/api/users', { origin: 'https://evil.example' }],
      ['/login/api/security', { origin: 'https://evil.example' }],
      ['/login/api/account/2fa/begin', { 'content-type': 'multipart/form-data; boundary=x' }],
      ['/login/api/site/restart', { origin: 'null' }],
    ];
    for (const [path, headers] of cases) {
      const r = await post(path, admin, body, headers);
      expect(r.status, `${path} ${JSON.stringify(headers)}`).toBe(403);
      expect(r.body.error.code).toBe('E_CSRF');
    }
    expect(((await get('/login/api/users', admin)).users as { username: string }[]).some((u) => u.username === 'csrf_victim')).toBe(false);
  });
});

describe('two-factor authentication', () => {
  it('enrols with a code from the secret, then /login and the console need a fresh code; wrong, reused and expired codes are refused', async () => {
    const cookie = await adminCookie('carla', 'Support-Demo-1');
    const begun = await post('/login/api/account/2fa/begin', cookie);
    expect(begun.status).toBe(200);
    const secret: string = begun.body.secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(begun.body.uri).toContain(`secret=${secret}`);
    expect(begun.body.qrSvg).toMatch(/^<svg/);

    // A wrong code or password does not turn it on.
    expect((await post('/login/api/account/2fa/confirm', cookie, { password: 'Support-Demo-1', code: '000000' })).body.error.code).toBe('E_AUTH_TOTP_INVALID');
    expect((await get('/login/api/account', cookie)).twoFactor).toMatchObject({ enabled: false, pending: true });
    await freshWindow();
    const confirmCode = totp(secret);
    const confirmed = await post('/login/api/account/2fa/confirm', cookie, { password: 'Support-Demo-1', code: confirmCode });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body.twoFactor).toMatchObject({ enabled: true, pending: false });

    // The password alone is no longer enough, anywhere.
    expect((await login('carla', 'Support-Demo-1')).body.error.code).toBe('E_AUTH_TOTP_REQUIRED');
    expect(await consoleLogin('carla', 'Support-Demo-1')).toBe('E_AUTH_TOTP_REQUIRED');
    // The code used to confirm cannot be used to log in (a code works once).
    expect((await login('carla', 'Support-Demo-1', confirmCode)).body.error.message).toMatch(/already used/);
    // An expired code (two steps old) and a future one are refused.
    expect((await login('carla', 'Support-Demo-1', totp(secret, Date.now(), -2))).body.error.code).toBe('E_AUTH_TOTP_INVALID');
    expect((await login('carla', 'Support-Demo-1', totp(secret, Date.now(), 2))).body.error.code).toBe('E_AUTH_TOTP_INVALID');

    await nextWindow();
    const code = totp(secret);
    expect(await consoleLogin('carla', 'Support-Demo-1', code)).toBe('ok');
    // The same code again, this time on /login: refused as reused.
    const reused = await login('carla', 'Support-Demo-1', code);
    expect(reused.body.error.code).toBe('E_AUTH_TOTP_REUSED');
    expect(reused.body.error.message).toMatch(/already used/);

    // The administrator resets failed logins (the wrong codes counted) and, for a lost phone, two-factor.
    const id = await userId('carla');
    expect((await post(`/login/api/users/${id}/reset`, admin)).body.failedLogins).toBe(0);
    expect((await post(`/login/api/users/${id}/reset-2fa`, admin)).body.twoFactor).toBe(false);
    expect(await consoleLogin('carla', 'Support-Demo-1')).toBe('ok');
  }, 75_000);

  it('when the site requires two-factor, a user without it cannot use the console and cannot turn it off', async () => {
    const sec = await get('/login/api/security', admin);
    expect((await post('/login/api/security', admin, { ...sec, twoFactorRequired: true })).status).toBe(200);
    try {
      expect(await consoleLogin('dieter', 'Support-Demo-1')).toBe('E_TOTP_ENROL_REQUIRED');
      // /login still lets them in to set it up.
      const cookie = await adminCookie('dieter', 'Support-Demo-1');
      const { secret } = (await post('/login/api/account/2fa/begin', cookie)).body;
      await freshWindow();
      expect((await post('/login/api/account/2fa/confirm', cookie, { password: 'Support-Demo-1', code: totp(secret) })).status).toBe(200);
      await nextWindow();
      const off = await post('/login/api/account/2fa/disable', cookie, { password: 'Support-Demo-1', code: totp(secret) });
      expect(off.body.error.code).toBe('E_TOTP_ENFORCED');
      expect((await get('/login/api/account', cookie)).twoFactor).toMatchObject({ enabled: true, enforced: true });
      expect(await consoleLogin('dieter', 'Support-Demo-1', totp(secret))).toBe('ok');
    } finally {
      await post('/login/api/security', admin, { ...sec, twoFactorRequired: false });
      await post(`/login/api/users/${await userId('dieter')}/reset-2fa`, admin);
    }
  }, 75_000);
});

describe('Management > Security', () => {
  it('turning off "Allow the web rep console to connect" logs web consoles out and refuses new ones with a coded message', async () => {
    const ana = await rep(app.url, 'ana');
    const sec = await get('/login/api/security', admin);
    await post('/login/api/security', admin, { ...sec, webConsoleEnabled: false });
    try {
      const kicked = (await eventOf(ana, 'auth.kicked')) as { code: string; message: string };
      expect(kicked.code).toBe('E_WEB_CONSOLE_DISABLED');
      expect(kicked.message).toBe('The web rep console is not allowed to connect to this site.');
      expect(await consoleLogin('ben', 'Support-Demo-1')).toBe('E_WEB_CONSOLE_DISABLED');
      // The desktop console is not affected.
      const desk = await TestClient.connect(app.url);
      await desk.call('auth.login', { username: 'ben', password: 'Support-Demo-1', console: 'desktop' });
      desk.close();
    } finally {
      ana.close();
      await post('/login/api/security', admin, { ...sec, webConsoleEnabled: true });
    }
    expect(await consoleLogin('ana', 'Support-Demo-1')).toBe('ok');
  });

  it('refuses out-of-range values and saves nothing of a refused form', async () => {
    const before = await get('/login/api/security', admin);
    const r = await post('/login/api/security', admin, { ...before, lockoutThreshold: 3, passwordMinLength: 4 });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('E_BAD_PARAMS');
    expect(await get('/login/api/security', admin)).toEqual(before);
  });

  it('the password policy set here is what new passwords must follow', async () => {
    const sec = await get('/login/api/security', admin);
    await post('/login/api/security', admin, { ...sec, passwordMinLength: 14 });
    try {
      const r = await post('/login/api/users', admin, newUser('policy_short', { password: 'Short-Pass-1!' }));
      expect(r.body.error.code).toBe('E_PASSWORD_WEAK');
      expect(r.body.error.message).toBe('The new password needs at least 14 characters.');
      const weak = await post('/login/api/users', admin, newUser('policy_weak', { password: 'alllowercaseletters' }));
      expect(weak.body.error.message).toBe('The new password needs an upper-case letter, a digit and a special character (such as - ! #).');
      expect((await post('/login/api/users', admin, newUser('policy_ok', { password: 'Long-Enough-Pass-1!' }))).status).toBe(200);
    } finally {
      await post('/login/api/security', admin, sec);
    }
  });

  it('locks an account after the threshold of failures for the set duration; Reset in Users lifts it', async () => {
    const sec = await get('/login/api/security', admin);
    await post('/login/api/security', admin, { ...sec, lockoutThreshold: 3, lockoutMinutes: 30 });
    await post('/login/api/users', admin, newUser('lockme'));
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) codes.push((await login('lockme', `wrong-${i}`)).body.error.code);
    expect(codes).toEqual(['E_AUTH_INVALID', 'E_AUTH_INVALID', 'E_AUTH_LOCKED']);
    expect((await login('lockme', 'Valid-Pass-42!')).body.error.code).toBe('E_AUTH_LOCKED');
    const row = ((await get('/login/api/users', admin)).users as any[]).find((u) => u.username === 'lockme');
    expect(row.failedLogins).toBe(3);
    expect(Date.parse(row.lockedUntil) - Date.now()).toBeGreaterThan(29 * 60_000);
    await post(`/login/api/users/${row.id}/reset`, admin);
    expect((await login('lockme', 'Valid-Pass-42!')).status).toBe(200);
    await post('/login/api/security', admin, sec);
  });
});

describe('Users', () => {
  it('a permission removed acts on the rep’s live console at once: the console is told and the server refuses', async () => {
    const created = await post('/login/api/users', admin, newUser('eve', { displayName: 'Eve Adams', publicDisplayName: 'Eve Adams' }));
    expect(created.status).toBe(200);
    const eve = await rep(app.url, 'eve', 'Valid-Pass-42!');
    expect((await eve.call('sessionKey.generate', {})).key).toBeTruthy();
    const detail = await get(`/login/api/users/${created.body.id}`, admin);
    const { id: _id, failedLogins: _f, lockedUntil: _l, lastLoginAt: _ll, twoFactor: _t, hasPhoto: _h, hasSecurityAnswer: _s, createdAt: _c, ...rest } = detail;
    const edited = await post(`/login/api/users/${created.body.id}`, admin, {
      ...rest,
      password: '',
      securityAnswer: '',
      teams: detail.teams.map((t: any) => ({ teamId: t.id, role: t.role })),
      permissions: { ...detail.permissions, generateSessionKeys: false },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const me = (await eventOf(eve, 'auth.me')) as { permissions: { generateSessionKeys: boolean } };
    expect(me.permissions.generateSessionKeys).toBe(false);
    await expect(eve.call('sessionKey.generate', {})).rejects.toMatchObject({ code: 'E_FORBIDDEN' });
    eve.close();
  });

  it('refuses duplicates, deleting or demoting yourself; deletes others; a rep cannot administer', async () => {
    expect((await post('/login/api/users', admin, newUser('ana'))).body.error.code).toBe('E_USER_EXISTS');
    const adminId = await userId('admin');
    expect((await post(`/login/api/users/${adminId}/delete`, admin)).body.error.code).toBe('E_USER_SELF');
    const victim = (await post('/login/api/users', admin, newUser('tobedeleted'))).body.id as number;
    expect((await post(`/login/api/users/${victim}/delete`, admin)).status).toBe(204);
    expect((await login('tobedeleted', 'Valid-Pass-42!')).body.error.code).toBe('E_AUTH_INVALID');
    const ben = await adminCookie('ben', 'Support-Demo-1');
    expect((await post('/login/api/users', ben, newUser('sneaky'))).body.error.code).toBe('E_FORBIDDEN');
    expect((await post('/login/api/security', ben, await get('/login/api/security', admin))).body.error.code).toBe('E_FORBIDDEN');
  });
});

describe('uploads', () => {
  it('a photo is refused with the reason (fake, small, over 1 MB) and the old one stays; a real one is kept', async () => {
    const cookie = await adminCookie('ana', 'Support-Demo-1');
    const up = (data: Buffer) => post('/login/api/account/photo', cookie, { fileName: 'me.png', data: data.toString('base64') });
    expect((await up(makePng(128, 128))).body.hasPhoto).toBe(true);
    const stamp = (await get('/login/api/account', cookie)).photoUpdatedAt;
    const fake = await up(fakePng());
    expect(fake.body.error.code).toBe('E_IMAGE_INVALID');
    expect((await up(makePng(64, 64))).body.error.message).toBe('The photo is 64×64 pixels; it must be at least 80×80.');
    const big = await up(makePng(700, 700, true));
    expect(big.body.error.code).toBe('E_IMAGE_TOO_LARGE');
    expect((await get('/login/api/account', cookie)).photoUpdatedAt).toBe(stamp);
    const r = await fetch(app.url + '/login/api/account/photo', { headers: { cookie } });
    expect(r.headers.get('content-type')).toBe('image/png');
  });

  it('the chat banner must be an 8-bit 480-pixel BMP; Revert to default restores the built-in one', async () => {
    const up = (data: Buffer) => post('/login/api/portal-settings/banner', admin, { data: data.toString('base64') });
    expect((await up(makeBmp(480, 40, 24))).body.error.message).toBe('The bitmap has 24 bits per pixel; the banner must be 8-bit (256 colours).');
    expect((await up(makeBmp(640, 40))).body.error.message).toBe('The bitmap is 640 pixels wide; the banner must be exactly 480 pixels wide.');
    expect((await get('/login/api/portal-settings', admin)).banner.custom).toBe(false);
    const mine = makeBmp(480, 60);
    expect((await up(mine)).body.banner).toMatchObject({ custom: true, width: 480, height: 60 });
    expect(Buffer.from(await (await fetch(app.url + '/api/portal/banner.bmp')).arrayBuffer()).equals(mine)).toBe(true);
    expect((await post('/login/api/portal-settings/banner/revert', admin)).body.banner.custom).toBe(false);
    expect((await fetch(app.url + '/api/portal/banner.bmp')).headers.get('content-type')).toBe('image/bmp');
  });
});

describe('Support Portal settings', () => {
  it('hiding a start method takes it off the portal and refuses it there', async () => {
    const { settings } = await get('/login/api/portal-settings', admin);
    await post('/login/api/portal-settings', admin, { ...settings, showRepList: false, showIssues: false });
    try {
      const info = (await (await fetch(app.url + "/api/portal")).json()) as any;
      expect(info.startMethods).toMatchObject({ repList: false, issueSubmission: false, sessionKey: true });
      const r = await post('/api/portal/sessions', null, { name: 'Sam', issueId: 1 });
      expect(r.body.error.code).toBe('E_FORBIDDEN');
    } finally {
      await post('/login/api/portal-settings', admin, settings);
    }
  });
});

describe('Status', () => {
  it('sets the time zone (refusing unknown ones) and restarts the appliance gracefully on the same address', async () => {
    expect((await post('/login/api/site/timezone', admin, { timeZone: 'Mars/Olympus' })).body.error.code).toBe('E_TIMEZONE_INVALID');
    expect((await post('/login/api/site/timezone', admin, { timeZone: 'Europe/Paris' })).body.timeZone).toBe('Europe/Paris');
    const before = await get('/login/api/status', admin);
    expect(before.timeZone).toBe('Europe/Paris');
    // The demo site's own ECM child may or may not have connected yet; no other ECM is there.
    expect(before.ecmClients.every((c: { name: string }) => c.name === 'Demo ECM')).toBe(true);
    const r = await post('/login/api/site/restart', admin);
    expect(r.status).toBe(202);
    let after: any = null;
    for (let i = 0; i < 100 && !after; i++) {
      await new Promise((res) => setTimeout(res, 200));
      try {
        const s = await fetch(app.url + '/login/api/status', { headers: { cookie: admin } });
        if (s.ok) {
          const body = (await s.json()) as any;
          if (body.startedAt !== before.startedAt) after = body;
        }
      } catch {
        // closed while restarting
      }
    }
    expect(after, 'the appliance came back').not.toBeNull();
    expect(after.timeZone).toBe('Europe/Paris');
    expect(app.process.exitCode).toBeNull();
  }, 40_000);
});

describe('rate limits', () => {
  it('too many failed logins from one address are refused for a while, whatever the account', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 25; i++) codes.add((await login(`nobody-${i}`, 'wrong')).body.error.code);
    expect(codes.has('E_RATE_LIMITED')).toBe(true);
    expect((await login(DEMO.admin.username, DEMO.admin.password)).body.error.code).toBe('E_RATE_LIMITED');
  });
});
