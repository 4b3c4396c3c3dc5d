import { describe, expect, it } from 'vitest';
import { Backoff, ceilingMs } from './backoff.js';

describe('reconnect backoff', () => {
  it('doubles the ceiling per failure up to the cap', () => {
    const o = { baseMs: 1000, maxMs: 60_000 };
    expect([0, 1, 2, 3, 5, 6, 7, 50].map((n) => ceilingMs(n, o))).toEqual([1000, 2000, 4000, 8000, 32_000, 60_000, 60_000, 60_000]);
  });

  it('waits a random time under the ceiling (full jitter), never below the floor, and starts over after a success', () => {
    let r = 0.5;
    const b = new Backoff({ baseMs: 1000, maxMs: 8000, minMs: 250, random: () => r });
    expect([b.next(), b.next(), b.next(), b.next(), b.next()]).toEqual([500, 1000, 2000, 4000, 4000]);
    r = 0;
    expect(b.next()).toBe(250);
    b.reset();
    r = 0.999;
    expect(b.next()).toBe(999);
    expect(b.failures).toBe(1);
  });

  it('spreads a crowd: 1000 agents after the same number of failures do not pick the same moment', () => {
    const delays = Array.from({ length: 1000 }, () => {
      const b = new Backoff();
      b.next();
      b.next();
      return b.next();
    });
    expect(new Set(delays).size).toBeGreaterThan(500);
    expect(Math.max(...delays)).toBeLessThan(4000);
  });
});
