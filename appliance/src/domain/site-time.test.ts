import { describe, expect, it } from 'vitest';
import { wallClock, zonedInstant } from './site-time.js';

describe('site time zone', () => {
  it('reads a wall-clock time in the site zone, daylight saving included', () => {
    expect(zonedInstant('2026-11-23T09:00', 'Europe/Paris').toISOString()).toBe('2026-11-23T08:00:00.000Z');
    expect(zonedInstant('2026-07-01T09:00', 'Europe/Paris').toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(zonedInstant('2026-11-23', 'America/New_York').toISOString()).toBe('2026-11-23T05:00:00.000Z');
    expect(zonedInstant('2026-03-29T03:30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedInstant('2026-11-23T09:00', 'UTC').toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(Number.isNaN(zonedInstant('yesterday', 'UTC').getTime())).toBe(true);
  });

  it('writes an instant on the site wall clock', () => {
    expect(wallClock('2026-11-23T08:00:00.000Z', 'Europe/Paris')).toBe('2026-11-23 09:00:00');
    expect(wallClock('2026-11-23T23:30:00.000Z', 'Asia/Tokyo')).toBe('2026-11-24 08:30:00');
    expect(wallClock(null, 'UTC')).toBe('');
    expect(wallClock('nope', 'UTC')).toBe('');
  });
});
