import { describe, expect, it } from 'vitest';
import { applianceRequestFilter, LAUNCH_SECRET_HEADER, makeLaunchSecret, withLaunchSecret } from './launch-secret.js';

const origin = 'http://127.0.0.1:41234';
const secret = 'a'.repeat(64);

describe('makeLaunchSecret', () => {
  it('is 32 random bytes in hex, different every time', () => {
    const a = makeLaunchSecret();
    const b = makeLaunchSecret();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
  });

  it('asks the random source for 32 bytes', () => {
    const sizes: number[] = [];
    const s = makeLaunchSecret((n) => {
      sizes.push(n);
      return Buffer.alloc(n, 0xab);
    });
    expect(sizes).toEqual([32]);
    expect(s).toBe('ab'.repeat(32));
  });
});

describe('applianceRequestFilter', () => {
  it('matches the appliance over http and its WebSocket over ws', () => {
    expect(applianceRequestFilter(`${origin}/console`)).toEqual({ urls: ['http://127.0.0.1:41234/*', 'ws://127.0.0.1:41234/*'] });
    expect(applianceRequestFilter('https://site.example')).toEqual({ urls: ['https://site.example/*', 'wss://site.example/*'] });
  });

  it('refuses what is not an http(s) origin', () => {
    expect(() => applianceRequestFilter('file:///x')).toThrow(/Not an http/);
  });
});

describe('withLaunchSecret', () => {
  it('adds the secret to requests for the appliance and its WebSocket', () => {
    expect(withLaunchSecret(`${origin}/console`, { Accept: 'text/html' }, origin, secret)).toEqual({ Accept: 'text/html', [LAUNCH_SECRET_HEADER]: secret });
    expect(withLaunchSecret('ws://127.0.0.1:41234/ws/console', {}, origin, secret)).toEqual({ [LAUNCH_SECRET_HEADER]: secret });
  });

  it('never sends it anywhere else, and strips a forged one', () => {
    for (const url of ['http://127.0.0.1:41235/', 'https://127.0.0.1:41234/', 'ws://127.0.0.1:41235/ws/console', 'http://127.0.0.1:41234.evil.example/', 'https://example.com/']) {
      expect(withLaunchSecret(url, { 'X-Rep-Launch-Secret': 'forged', a: 'b' }, origin, secret), url).toEqual({ a: 'b' });
    }
  });

  it('replaces a header the page set itself with the real one', () => {
    expect(withLaunchSecret(`${origin}/x`, { 'X-REP-LAUNCH-SECRET': 'guess' }, origin, secret)).toEqual({ [LAUNCH_SECRET_HEADER]: secret });
  });
});
