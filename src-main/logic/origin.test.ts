import { describe, expect, it } from 'vitest';
import { isSameOrigin, originOf, websocketOriginOf } from './origin.js';

describe('originOf', () => {
  it('gives scheme://host:port for web and WebSocket URLs', () => {
    expect(originOf('http://127.0.0.1:41234/console?x=1#y')).toBe('http://127.0.0.1:41234');
    expect(originOf('HTTPS://Example.COM/a')).toBe('https://example.com');
    expect(originOf('ws://127.0.0.1:41234/ws/console')).toBe('ws://127.0.0.1:41234');
  });

  it('gives null for opaque origins, other schemes and garbage', () => {
    for (const url of ['file:///etc/passwd', 'data:text/html,hi', 'about:blank', 'javascript:alert(1)', 'rep-console://x', 'not a url', '', null, undefined]) {
      expect(originOf(url)).toBeNull();
    }
  });
});

describe('isSameOrigin', () => {
  const origin = 'http://127.0.0.1:41234';

  it('accepts any path of exactly that origin', () => {
    expect(isSameOrigin('http://127.0.0.1:41234/console', origin)).toBe(true);
    expect(isSameOrigin('http://127.0.0.1:41234', origin)).toBe(true);
  });

  it('refuses look-alikes that a string prefix check would let through', () => {
    for (const url of [
      'http://127.0.0.1:41234.evil.example/console',
      'http://127.0.0.1:412345/console',
      'http://127.0.0.1:41235/console',
      'https://127.0.0.1:41234/console',
      'http://localhost:41234/console',
      'http://evil.example/?http://127.0.0.1:41234',
      'http://127.0.0.1:41234@evil.example/',
    ]) {
      expect(isSameOrigin(url, origin), url).toBe(false);
    }
  });

  it('never matches when the expected origin is not http(s)', () => {
    expect(isSameOrigin('file:///x', 'file:///x')).toBe(false);
    expect(isSameOrigin('ws://127.0.0.1:1/', 'ws://127.0.0.1:1')).toBe(false);
  });
});

describe('websocketOriginOf', () => {
  it('maps http to ws and https to wss', () => {
    expect(websocketOriginOf('http://127.0.0.1:5/')).toBe('ws://127.0.0.1:5');
    expect(websocketOriginOf('https://site.example')).toBe('wss://site.example');
  });

  it('refuses a non-http origin', () => {
    expect(() => websocketOriginOf('file:///x')).toThrow(/Not an http/);
  });
});
