import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.js';

describe('RateLimiter', () => {
  it('allows N attempts per window per key, then refuses until the window passes', () => {
    let t = 0;
    const rl = new RateLimiter({ now: () => new Date(t) }, 3, 1000);
    expect([1, 2, 3, 4].map(() => rl.attempt('ip'))).toEqual([true, true, true, false]);
    expect(rl.attempt('other')).toBe(true);
    t = 1000;
    expect(rl.attempt('ip')).toBe(true);
  });
});

describe('RateLimiter for failures only', () => {
  it('blocks after N failures; successes cost nothing', () => {
    let t = 0;
    const rl = new RateLimiter({ now: () => new Date(t) }, 2, 1000);
    expect(rl.blocked('ip')).toBe(false);
    rl.fail('ip');
    expect(rl.blocked('ip')).toBe(false);
    rl.fail('ip');
    expect(rl.blocked('ip')).toBe(true);
    t = 1000;
    expect(rl.blocked('ip')).toBe(false);
  });
});
