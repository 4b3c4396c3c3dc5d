/**
 * The update feed a real appliance serves (FORMATS.md §Update feed, FEATURES.md §H): `latest.yml`
 * with the package's sha512 and size, only for a live update token (a desktop console gets one with
 * its login); /login > Status > Upgrade (demo) makes the feed serve a newer console, which the
 * desktop side's decision table then acts on.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureUpdateToken, fetchSiteVersion } from '../../src-main/logic/update-token.js';
import { NullSecretStore, updateTokenAccount, type SecretStore } from '../../src-main/logic/secret-store.js';
import { decideUpdate, isNewerVersion, updateFailure, updateFeedUrl, updateRequestHeaders, UPDATE_ERROR_1_1GWS } from '../../src-main/logic/auto-update.js';
import { DEMO, startAppliance, type RunningAppliance } from '../helpers/appliance.js';
import { TestClient } from '../helpers/ws-client.js';

let app: RunningAppliance;
let dist: string;
const VERSION = '0.1.0';

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'rep-console-dist-'));
  // A "built" NSIS installer of the next version: the Windows feed offers it once the site is upgraded.
  writeFileSync(join(dist, 'rep-console-Setup-0.1.1.exe'), Buffer.alloc(70_000, 7));
  app = await startAppliance({ demo: true, env: { REP_DIST_DIR: dist } });
});
afterAll(async () => {
  await app?.stop({ remove: true });
  rmSync(dist, { recursive: true, force: true });
});

/** A desktop console's login token (auth.login over the console protocol). */
async function desktopLogin(console: 'desktop' | 'web' = 'desktop'): Promise<string> {
  const c = await TestClient.connect(app.url);
  const r = await c.call('auth.login', { username: DEMO.reps.general[0].username, password: DEMO.reps.general[0].password, console });
  c.close();
  return r.token;
}

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(app.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** Reads `key: value` lines of latest.yml (and the first file entry). */
function readYml(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^\s*(?:- )?(\w+): (.*)$/.exec(line);
    if (m && !(m[1]! in out)) out[m[1]!] = m[2]!.replace(/^'(.*)'$/, '$1');
  }
  return out;
}

describe('update feed', () => {
  let updateToken = '';

  it('refuses the feed without a valid update token (401: the console shows 1.1gws)', async () => {
    const feed = updateFeedUrl(app.url, 'win');
    const none = await fetch(`${feed}latest.yml`);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('E_UPDATE_TOKEN_INVALID');
    const forged = await fetch(`${feed}latest.yml`, { headers: updateRequestHeaders('x'.repeat(43)) });
    expect(forged.status).toBe(401);
    // What the desktop side makes of that answer.
    expect(updateFailure(Object.assign(new Error('HttpError: 401'), { statusCode: 401 }))).toEqual({ code: '1.1gws', message: UPDATE_ERROR_1_1GWS });
    expect((await fetch(`${app.url}/download/update/solaris/latest.yml`)).status).toBe(400);
  });

  it('hands a desktop console login an update token, not a web one', async () => {
    expect((await post('/download/update/token', { loginToken: await desktopLogin('web') })).status).toBe(401);
    const r = await post('/download/update/token', { loginToken: await desktopLogin() });
    expect(r.status).toBe(200);
    updateToken = ((await r.json()) as { token: string }).token;
    expect(updateToken).toMatch(/^[\w-]{43}$/);
  });

  it('the desktop side keeps the update token at the first login (and not again), never without a keychain', async () => {
    const kept = new Map<string, string>();
    const keychain: SecretStore = {
      isAvailable: async () => true,
      status: async () => ({ available: true }),
      get: async (a) => kept.get(a) ?? null,
      set: async (a, v) => (kept.set(a, v), true),
      delete: async (a) => kept.delete(a),
    };
    const reports: string[] = [];
    const ctx = { secrets: keychain, updateTokenAccount: updateTokenAccount(app.url), siteOrigin: app.url, report: (m: string) => reports.push(m) };
    await ensureUpdateToken(fetch, ctx, await desktopLogin());
    const first = kept.get(updateTokenAccount(app.url));
    expect(first).toMatch(/^[\w-]{43}$/);
    expect((await fetch(`${updateFeedUrl(app.url, 'linux')}latest-linux.yml`, { headers: updateRequestHeaders(first!) })).status).toBe(200);
    await ensureUpdateToken(fetch, ctx, await desktopLogin());
    expect(kept.get(updateTokenAccount(app.url))).toBe(first);
    // No keychain: nothing kept, and said so.
    await ensureUpdateToken(fetch, { ...ctx, secrets: new NullSecretStore() }, await desktopLogin());
    expect(reports).toEqual(['No keychain: the update token was not kept.']);
    expect(await fetchSiteVersion(fetch, app.url)).toBe(VERSION);
  });

  it('serves latest.yml with the sha512 and size of the package it names, on every platform', async () => {
    expect(await (await fetch(`${app.url}/download/update/version`)).json()).toEqual({ version: VERSION, demo: true });
    for (const [platform, name] of [['win', 'latest.yml'], ['linux', 'latest-linux.yml'], ['mac', 'latest-mac.yml']] as const) {
      const feed = updateFeedUrl(app.url, platform);
      const r = await fetch(feed + name, { headers: updateRequestHeaders(updateToken) });
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/yaml/);
      const yml = readYml(await r.text());
      expect(yml.version).toBe(VERSION);
      // No installer of this version was built: the demo's stand-in package, verified like a real one.
      expect(yml.url).toBe(`rep-console-${VERSION}-${platform}-demo-update.txt`);
      const pkg = Buffer.from(await (await fetch(feed + yml.url, { headers: updateRequestHeaders(updateToken) })).arrayBuffer());
      expect(Number(yml.size)).toBe(pkg.byteLength);
      expect(yml.sha512).toBe(createHash('sha512').update(pkg).digest('base64'));
      expect(yml.path).toBe(yml.url);
      expect((await fetch(feed + yml.url)).status).toBe(401);
    }
  });

  it('Upgrade (demo) makes the feed serve the next version, with the built installer; the console then updates', async () => {
    const login = await fetch(app.url + '/login/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO.admin) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    // A rep (no administrator) may not.
    const repLogin = await fetch(app.url + '/login/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ana', password: 'Support-Demo-1' }) });
    const repCookie = repLogin.headers.get('set-cookie')?.split(';')[0];
    if (repCookie) expect((await post('/login/api/status/upgrade-demo', {}, { cookie: repCookie })).status).toBe(403);
    expect((await post('/login/api/status/upgrade-demo', {})).status).toBe(401);

    const up = await post('/login/api/status/upgrade-demo', {}, { cookie });
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ version: '0.1.1' });
    const served = ((await (await fetch(`${app.url}/download/update/version`)).json()) as { version: string }).version;
    expect(served).toBe('0.1.1');

    const feed = updateFeedUrl(app.url, 'win');
    const yml = readYml(await (await fetch(`${feed}latest.yml`, { headers: updateRequestHeaders(updateToken) })).text());
    expect(yml).toMatchObject({ version: '0.1.1', url: 'rep-console-Setup-0.1.1.exe', size: '70000' });
    expect(yml.sha512).toBe(createHash('sha512').update(Buffer.alloc(70_000, 7)).digest('base64'));
    const exe = await fetch(feed + yml.url, { headers: updateRequestHeaders(updateToken) });
    expect(Buffer.from(await exe.arrayBuffer()).equals(Buffer.alloc(70_000, 7))).toBe(true);

    // The 0.1.0 console sees the upgrade: per user with SHOULDAUTOUPDATE=1 it updates with its token,
    // without one it shows 1.1gws.
    const siteUpgraded = isNewerVersion(served, VERSION);
    expect(decideUpdate({ scope: 'per-user', shouldAutoUpdate: true, hasToken: true, siteUpgraded })).toEqual({ action: 'update' });
    expect(decideUpdate({ scope: 'per-user', shouldAutoUpdate: true, hasToken: false, siteUpgraded })).toMatchObject({ action: 'error', code: '1.1gws' });
  });
});
