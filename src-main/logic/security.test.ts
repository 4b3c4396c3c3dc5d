import { describe, expect, it } from 'vitest';
import {
  ALLOWED_PERMISSIONS,
  contentSecurityPolicy,
  hardenedWebPreferences,
  isAllowedNavigation,
  isAllowedPermission,
  isTrustedSender,
  withContentSecurityPolicy,
} from './security.js';

const origin = 'http://127.0.0.1:41234';

describe('hardenedWebPreferences', () => {
  it('isolates, sandboxes and keeps Node and webviews out, with the given preload and arguments', () => {
    const prefs = hardenedWebPreferences('/app/out/preload/index.cjs', ['--rep-console-version=1.0.0']);
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      additionalArguments: ['--rep-console-version=1.0.0'],
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
  });

  it('does not share its arguments array with the caller', () => {
    const args = ['--a'];
    const prefs = hardenedWebPreferences('/p', args);
    args.push('--b');
    expect(prefs.additionalArguments).toEqual(['--a']);
  });
});

describe('isAllowedNavigation', () => {
  it('allows pages of the appliance', () => {
    expect(isAllowedNavigation(`${origin}/console`, origin)).toBe(true);
    expect(isAllowedNavigation(`${origin}/login?next=/console`, origin)).toBe(true);
  });

  it('refuses every other place', () => {
    for (const url of ['https://example.com/', 'http://127.0.0.1:41235/console', 'file:///etc/passwd', 'data:text/html,x', 'javascript:alert(1)', 'about:blank', 'rep-console://open', 'chrome://gpu']) {
      expect(isAllowedNavigation(url, origin), url).toBe(false);
    }
  });
});

describe('isTrustedSender', () => {
  it('trusts only frames showing the appliance origin', () => {
    expect(isTrustedSender(`${origin}/console`, origin)).toBe(true);
    expect(isTrustedSender('https://example.com/', origin)).toBe(false);
    expect(isTrustedSender('about:blank', origin)).toBe(false);
    expect(isTrustedSender(null, origin)).toBe(false);
    expect(isTrustedSender(undefined, origin)).toBe(false);
    expect(isTrustedSender('', origin)).toBe(false);
  });
});

describe('isAllowedPermission', () => {
  it('grants notifications to the appliance and nothing else to anyone', () => {
    expect(ALLOWED_PERMISSIONS).toEqual(['notifications']);
    expect(isAllowedPermission('notifications', `${origin}/console`, origin)).toBe(true);
    expect(isAllowedPermission('notifications', origin, origin)).toBe(true);
    expect(isAllowedPermission('notifications', 'https://example.com/', origin)).toBe(false);
    expect(isAllowedPermission('notifications', undefined, origin)).toBe(false);
    for (const p of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'usb', 'serial', 'display-capture', 'unknown']) {
      expect(isAllowedPermission(p, `${origin}/console`, origin), p).toBe(false);
    }
  });
});

describe('contentSecurityPolicy', () => {
  it('allows only the appliance, its WebSocket, and no frames, objects or foreign scripts', () => {
    const csp = contentSecurityPolicy(origin);
    const directives = new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:41234']);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-eval|\*/);
  });

  it('uses wss for an https appliance', () => {
    expect(contentSecurityPolicy('https://site.example')).toContain("connect-src 'self' wss://site.example");
  });

  it('refuses a non-http origin', () => {
    expect(() => contentSecurityPolicy('file:///')).toThrow();
  });
});

describe('withContentSecurityPolicy', () => {
  it("adds a second policy next to the server's own, under the server's spelling", () => {
    const out = withContentSecurityPolicy({ 'content-security-policy': ["default-src 'self'"], 'x-a': ['1'] }, "object-src 'none'");
    expect(out).toEqual({ 'content-security-policy': ["default-src 'self'", "object-src 'none'"], 'x-a': ['1'] });
  });

  it('adds the header when the server sent none, without touching the input', () => {
    const input = { 'content-type': ['text/html'] };
    const out = withContentSecurityPolicy(input, "default-src 'self'");
    expect(out['Content-Security-Policy']).toEqual(["default-src 'self'"]);
    expect(input).toEqual({ 'content-type': ['text/html'] });
    expect(withContentSecurityPolicy(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});
