import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

describe('backoffDelay', () => {
  const opts = { baseMs: 500, maxMs: 15_000 };

  it('doubles per attempt, between half and all of the cap', () => {
    expect(backoffDelay(0, opts, () => 0)).toBe(250);
    expect(backoffDelay(0, opts, () => 0.999999)).toBe(500);
    expect(backoffDelay(3, opts, () => 0)).toBe(2000);
    expect(backoffDelay(3, opts, () => 0.5)).toBe(3000);
  });

  it('never exceeds the maximum, however many attempts', () => {
    for (const attempt of [10, 50, 1000]) {
      expect(backoffDelay(attempt, opts, () => 0.999999)).toBeLessThanOrEqual(15_000);
      expect(backoffDelay(attempt, opts, () => 0)).toBe(7_500);
    }
  });
});
