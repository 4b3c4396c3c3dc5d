import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RepConsoleApi } from '../../src-preload/api.js';
import { setLanguage } from '../lib/i18n/index.svelte.js';
import { createDesktopPlatform } from './desktop.js';
import { detectPlatform } from './index.js';
import { createWebPlatform } from './web.js';

describe('web platform', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('trades the token for the cookie with a JSON POST, and clears it with a JSON DELETE', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetch);
    const web = createWebPlatform();
    await web.rememberLogin('t'.repeat(32));
    await web.forgetLogin();
    expect(fetch).toHaveBeenNthCalledWith(1, '/console/api/session', expect.objectContaining({ method: 'POST', body: JSON.stringify({ token: 't'.repeat(32) }) }));
    expect(fetch).toHaveBeenNthCalledWith(2, '/console/api/session', expect.objectContaining({ method: 'DELETE', body: '{}' }));
    for (const [, init] of fetch.mock.calls as unknown as [string, RequestInit][]) {
      expect((init.headers as Record<string, string>)['content-type']).toBe('application/json');
    }
  });

  it('reports the appliance refusal in words', async () => {
    vi.stubGlobal('fetch', async () => Response.json({ error: { code: 'E_AUTH_TOKEN_INVALID', message: 'Your login has expired. Log in again.' } }, { status: 401 }));
    await expect(createWebPlatform().rememberLogin('t'.repeat(32))).rejects.toThrow('Your login has expired. Log in again.');
  });

  it('never reads a token itself and leaves a shared cookie alone when its login is stale', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const web = createWebPlatform();
    expect(await web.loadLoginToken()).toBeNull();
    await web.dropStaleLogin();
    expect(fetch).not.toHaveBeenCalled();
    expect(web.kind).toBe('web');
  });
});

describe('desktop platform', () => {
  function api(saved: string | null, keychain = true): RepConsoleApi & { store: (string | null)[] } {
    const store: (string | null)[] = [];
    return {
      version: '0.1.0',
      platform: 'linux',
      store,
      saveLoginToken: async (t) => {
        store.push(t);
        return keychain;
      },
      loadLoginToken: async () => saved,
      notify: vi.fn(),
    };
  }

  it('keeps the token in the keychain and forgets it on logout or when stale', async () => {
    const a = api('saved-token-0123456789');
    const desktop = createDesktopPlatform(a);
    expect(desktop.kind).toBe('desktop');
    expect(desktop.offersDesktopHandoff).toBe(false);
    expect(await desktop.loadLoginToken()).toBe('saved-token-0123456789');
    await desktop.rememberLogin('new-token');
    await desktop.forgetLogin();
    await desktop.dropStaleLogin();
    expect(a.store).toEqual(['new-token', null, null]);
  });

  it('offers the native dialogs and the .brcs hand-over only when the preload has them; the browser never', async () => {
    const bare = createDesktopPlatform(api(null));
    expect(bare.saveFile).toBeUndefined();
    expect(bare.openFiles).toBeUndefined();
    expect(bare.takeBrcsCommands).toBeUndefined();
    const opened = { files: [{ name: 'a.txt', data: new Uint8Array([1]), lastModified: 1 }], refused: [] };
    const full = createDesktopPlatform({
      ...api(null),
      saveFile: async (_kind, name) => ({ saved: true, fileName: name }),
      openFiles: async () => opened,
      takeBrcsCommands: async () => [{ file: 'f.brcs-demo', commands: [{ line: 2, command: { action: 'generate_session_key' } }] }],
      onBrcsCommandsReady: () => () => undefined,
    });
    expect(await full.saveFile?.('screenshot', 'x.png', new Uint8Array())).toEqual({ saved: true, fileName: 'x.png' });
    expect(await full.openFiles?.()).toBe(opened);
    expect((await full.takeBrcsCommands?.())?.[0]?.commands[0]?.line).toBe(2);
    const web = createWebPlatform();
    expect([web.saveFile, web.openFiles, web.takeBrcsCommands, web.setWaitingCount]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('says so when no keychain can keep the login', async () => {
    await expect(createDesktopPlatform(api(null, false)).rememberLogin('new-token')).rejects.toThrow(/No keychain/);
  });
});

describe('the page language reaches the desktop app', () => {
  afterEach(async () => {
    await setLanguage('en-US');
    detectPlatform({} as Window);
  });

  it('tells the preload the language shown now and each one set after; the browser tells nobody', async () => {
    const told: string[] = [];
    const api: RepConsoleApi = { version: '0.1.0', platform: 'linux', saveLoginToken: async () => true, loadLoginToken: async () => null, notify: vi.fn(), setLanguage: (l) => void told.push(l) };
    expect(createDesktopPlatform({ ...api, setLanguage: undefined }).setLanguage).toBeUndefined();
    expect(createWebPlatform().setLanguage).toBeUndefined();
    const desktop = detectPlatform({ repConsole: api } as unknown as Window);
    expect(desktop.kind).toBe('desktop');
    await setLanguage('fr-FR');
    await setLanguage('de-DE');
    expect(told).toEqual(['en-US', 'fr-FR', 'de-DE']);
    // Back in a browser (a second detection): the old preload hears nothing more.
    detectPlatform({} as Window);
    await setLanguage('fr-FR');
    expect(told).toEqual(['en-US', 'fr-FR', 'de-DE']);
  });
});
