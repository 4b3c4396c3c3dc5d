/**
 * The per-user interface language against a real appliance (SQLite, WebSocket, HTTP): the console's
 * Languages dialog and /login's My Account set it, `Me` carries it, every console of the user hears
 * it at once, nobody sets another user's, and a language the site does not offer is a coded error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { eventOf, rep } from '../helpers/support.js';

let app: RunningAppliance;
beforeAll(async () => {
  app = await startAppliance({ demo: true });
});
afterAll(async () => {
  await app?.stop({ remove: true });
});

async function adminCookie(username: string, password: string): Promise<string> {
  const r = await fetch(app.url + '/login/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(r.status).toBe(200);
  return r.headers.get('set-cookie')!.split(';')[0]!;
}

async function post(path: string, cookie: string, body: unknown): Promise<{ status: number; body: any }> {
  const r = await fetch(app.url + path, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as any };
}

async function me(cookie: string): Promise<any> {
  return ((await (await fetch(app.url + '/login/api/me', { headers: { cookie } })).json()) as any).me;
}

describe('interface language', () => {
  it('is null until chosen; the console sets it, Me carries it, the console hears it, a new login gets it', async () => {
    const ana = DEMO.reps.general[0];
    const first = await rep(app.url, ana.username);
    try {
      expect((await first.call('auth.me', {})) as any).toMatchObject({ username: 'ana', uiLanguage: null });
      const pushed = eventOf(first, 'auth.me', (m) => m.uiLanguage === 'fr-FR');
      const answer = (await first.call('account.setUiLanguage', { language: 'fr-FR' })) as any;
      expect(answer).toMatchObject({ username: 'ana', uiLanguage: 'fr-FR' });
      expect(await pushed).toMatchObject({ username: 'ana', uiLanguage: 'fr-FR' });
      // Stored, not only pushed: /login's session reads it, and the next console login gets it.
      expect((await me(await adminCookie(ana.username, ana.password))).uiLanguage).toBe('fr-FR');
    } finally {
      first.close();
    }
    const again = await rep(app.url, ana.username, ana.password);
    expect(((await again.call('auth.me', {})) as any).uiLanguage).toBe('fr-FR');
    again.close();
  });

  it('My Account sets it over /login; the e-mail language is a separate setting and stays', async () => {
    const ben = DEMO.reps.general[1];
    const cookie = await adminCookie(ben.username, ben.password);
    const console = await rep(app.url, ben.username, ben.password);
    try {
      const pushed = eventOf(console, 'auth.me', (m) => m.uiLanguage === 'de-DE');
      const r = await post('/login/api/account/ui-language', cookie, { language: 'de-DE' });
      expect(r.status).toBe(200);
      expect(r.body.me).toMatchObject({ username: 'ben', uiLanguage: 'de-DE' });
      await pushed;
      expect((await me(cookie)).uiLanguage).toBe('de-DE');
      const profile = (await (await fetch(app.url + '/login/api/account', { headers: { cookie } })).json()) as any;
      expect(profile.language).toBe('en-US');
    } finally {
      console.close();
    }
  });

  it('nobody sets another user’s language, not even an administrator', async () => {
    const carla = DEMO.reps.remoteSupport[0];
    const admin = await rep(app.url, 'admin');
    const carlaConsole = await rep(app.url, carla.username, carla.password);
    try {
      const carlaMe = (await carlaConsole.call('auth.me', {})) as any;
      await expect(admin.call('account.setUiLanguage', { language: 'de-DE', userId: carlaMe.id })).rejects.toMatchObject({ code: 'E_FORBIDDEN' });
      const cookie = await adminCookie(DEMO.admin.username, DEMO.admin.password);
      const r = await post('/login/api/account/ui-language', cookie, { language: 'de-DE', userId: carlaMe.id });
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('E_FORBIDDEN');
      expect(((await carlaConsole.call('auth.me', {})) as any).uiLanguage).toBeNull();
    } finally {
      admin.close();
      carlaConsole.close();
    }
  });

  it('a language the site does not offer is refused with E_LANGUAGE_UNSUPPORTED and changes nothing', async () => {
    const dieter = DEMO.reps.remoteSupport[1];
    const c = await rep(app.url, dieter.username, dieter.password);
    try {
      await c.call('account.setUiLanguage', { language: 'fr-FR' });
      for (const language of ['es-ES', 'klingon', 'fr']) {
        await expect(c.call('account.setUiLanguage', { language })).rejects.toMatchObject({ code: 'E_LANGUAGE_UNSUPPORTED' });
      }
      await expect(c.call('account.setUiLanguage', { language: '' })).rejects.toMatchObject({ code: 'E_BAD_PARAMS' });
      const cookie = await adminCookie(dieter.username, dieter.password);
      const r = await post('/login/api/account/ui-language', cookie, { language: 'it-IT' });
      expect(r.body.error.code).toBe('E_LANGUAGE_UNSUPPORTED');
      expect(((await c.call('auth.me', {})) as any).uiLanguage).toBe('fr-FR');
    } finally {
      c.close();
    }
  });
});
