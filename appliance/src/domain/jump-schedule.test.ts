import { describe, expect, it } from 'vitest';
import type { JumpScheduleWindow } from '../protocol/index.js';
import { closingTime, describeSchedule, formatInZone, isOpen, isValidTimeZone, nextOpening, scheduleRefusal, type Schedule } from './jump-schedule.js';

const at = (iso: string) => new Date(iso);
const sched = (timeZone: string, ...windows: JumpScheduleWindow[]): Schedule => ({ timeZone, windows });
const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const everyDay = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

describe('business hours in Europe/Paris (Mon–Fri 08:00–18:00)', () => {
  const paris = sched('Europe/Paris', { days: [...weekdays], start: '08:00', end: '18:00' });

  it('is open from 08:00 to just before 18:00 Paris time, in winter (UTC+1)', () => {
    // Tuesday 24 November 2026.
    expect(isOpen(paris, at('2026-11-24T06:59:59Z'))).toBe(false); // 07:59:59
    expect(isOpen(paris, at('2026-11-24T07:00:00Z'))).toBe(true); // 08:00
    expect(isOpen(paris, at('2026-11-24T16:59:59Z'))).toBe(true); // 17:59:59
    expect(isOpen(paris, at('2026-11-24T17:00:00Z'))).toBe(false); // 18:00
  });

  it('reads the same hours in summer (UTC+2)', () => {
    expect(isOpen(paris, at('2026-07-14T05:59:00Z'))).toBe(false); // 07:59
    expect(isOpen(paris, at('2026-07-14T06:00:00Z'))).toBe(true); // 08:00
  });

  it('says when it opens next, as an instant and in the zone’s words', () => {
    const next = nextOpening(paris, at('2026-11-24T05:00:00Z'))!;
    expect(next.toISOString()).toBe('2026-11-24T07:00:00.000Z');
    expect(formatInZone(next, 'Europe/Paris')).toBe('November 24, 2026 08:00 AM (Europe/Paris)');
    // Friday evening → Monday morning.
    expect(nextOpening(paris, at('2026-11-27T17:30:00Z'))!.toISOString()).toBe('2026-11-30T07:00:00.000Z');
    // Open now → now.
    expect(nextOpening(paris, at('2026-11-24T09:00:00Z'))!.toISOString()).toBe('2026-11-24T09:00:00.000Z');
  });

  it('says when the open window closes', () => {
    expect(closingTime(paris, at('2026-11-24T09:00:00Z'))!.toISOString()).toBe('2026-11-24T17:00:00.000Z');
    expect(closingTime(paris, at('2026-11-24T18:00:00Z'))).toBeNull();
  });

  it('words the refusal like the vendor', () => {
    expect(scheduleRefusal(paris, at('2026-11-28T10:00:00Z'))).toBe(
      "The Jump Policy's schedule does not permit a session to start at this time. A session may start next at: November 30, 2026 08:00 AM (Europe/Paris)",
    );
  });
});

describe('time zone boundaries: the policy’s day, not UTC’s', () => {
  it('Monday evening in New York is already Tuesday in UTC', () => {
    const ny = sched('America/New_York', { days: ['mon'], start: '20:00', end: '23:00' });
    expect(isOpen(ny, at('2026-11-24T02:00:00Z'))).toBe(true); // Mon 21:00 EST
    expect(isOpen(ny, at('2026-11-24T04:00:00Z'))).toBe(false); // Mon 23:00 EST
    expect(formatInZone(nextOpening(ny, at('2026-11-24T04:00:00Z'))!, 'America/New_York')).toBe('November 30, 2026 08:00 PM (America/New_York)');
  });

  it('Monday morning in Tokyo is still Sunday in UTC', () => {
    const tokyo = sched('Asia/Tokyo', { days: ['mon'], start: '08:00', end: '10:00' });
    expect(isOpen(tokyo, at('2026-11-22T23:30:00Z'))).toBe(true); // Mon 08:30 JST
    expect(isOpen(tokyo, at('2026-11-23T23:30:00Z'))).toBe(false); // Tue 08:30 JST
  });

  it('the same instant is open in one zone and closed in another', () => {
    const instant = at('2026-11-24T07:30:00Z');
    expect(isOpen(sched('Europe/Paris', { days: [...weekdays], start: '08:00', end: '18:00' }), instant)).toBe(true); // 08:30
    expect(isOpen(sched('Europe/London', { days: [...weekdays], start: '08:00', end: '18:00' }), instant)).toBe(false); // 07:30
  });
});

describe('windows that cross midnight', () => {
  const night = sched('UTC', { days: ['fri'], start: '22:00', end: '06:00' });

  it('run into the next day', () => {
    expect(isOpen(night, at('2026-11-27T21:59:00Z'))).toBe(false); // Fri 21:59
    expect(isOpen(night, at('2026-11-27T22:00:00Z'))).toBe(true);
    expect(isOpen(night, at('2026-11-28T05:59:00Z'))).toBe(true); // Sat 05:59
    expect(isOpen(night, at('2026-11-28T06:00:00Z'))).toBe(false);
    expect(isOpen(night, at('2026-11-29T01:00:00Z'))).toBe(false); // Sun: no window started on Saturday
    expect(closingTime(night, at('2026-11-28T01:00:00Z'))!.toISOString()).toBe('2026-11-28T06:00:00.000Z');
  });

  it('equal start and end make a 24-hour window', () => {
    const day = sched('UTC', { days: ['mon'], start: '08:00', end: '08:00' });
    expect(isOpen(day, at('2026-11-23T08:00:00Z'))).toBe(true);
    expect(isOpen(day, at('2026-11-24T07:59:00Z'))).toBe(true);
    expect(isOpen(day, at('2026-11-24T08:00:00Z'))).toBe(false);
  });

  it('back-to-back windows close at the end of the last one; always open never closes', () => {
    const long = sched('UTC', { days: ['mon'], start: '00:00', end: '24:00' }, { days: ['tue'], start: '00:00', end: '12:00' });
    expect(closingTime(long, at('2026-11-23T10:00:00Z'))!.toISOString()).toBe('2026-11-24T12:00:00.000Z');
    const always = sched('Europe/Paris', { days: [...everyDay], start: '00:00', end: '00:00' });
    expect(isOpen(always, at('2026-03-29T01:30:00Z'))).toBe(true);
    expect(closingTime(always, at('2026-03-29T01:30:00Z'))).toBeNull();
  });
});

describe('daylight saving changes', () => {
  it('Paris, last Sunday of March: a start time the clocks skip opens when they jump past it', () => {
    // 2026-03-29: 02:00 CET → 03:00 CEST at 01:00 UTC; 02:30 never happens.
    const w = sched('Europe/Paris', { days: ['sun'], start: '02:30', end: '04:00' });
    expect(isOpen(w, at('2026-03-29T00:59:00Z'))).toBe(false); // 01:59 CET
    expect(nextOpening(w, at('2026-03-29T00:30:00Z'))!.toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(isOpen(w, at('2026-03-29T01:00:00Z'))).toBe(true); // 03:00 CEST
    expect(closingTime(w, at('2026-03-29T01:30:00Z'))!.toISOString()).toBe('2026-03-29T02:00:00.000Z'); // 04:00 CEST
  });

  it('Paris, March: a window wholly inside the skipped hour does not happen that day', () => {
    const gap = sched('Europe/Paris', { days: ['sun'], start: '02:00', end: '02:45' });
    // Next Sunday instead, 02:00 CEST = 00:00 UTC.
    expect(nextOpening(gap, at('2026-03-28T12:00:00Z'))!.toISOString()).toBe('2026-04-05T00:00:00.000Z');
  });

  it('Paris, March: daily hours shift by an hour in UTC across the change', () => {
    const daily = sched('Europe/Paris', { days: [...everyDay], start: '08:00', end: '18:00' });
    expect(nextOpening(daily, at('2026-03-27T18:00:00Z'))!.toISOString()).toBe('2026-03-28T07:00:00.000Z'); // Sat 08:00 CET
    expect(nextOpening(daily, at('2026-03-28T18:00:00Z'))!.toISOString()).toBe('2026-03-29T06:00:00.000Z'); // Sun 08:00 CEST
  });

  it('Paris, last Sunday of October: a repeated hour opens at its first occurrence and the window lasts an hour longer', () => {
    // 2026-10-25: 03:00 CEST → 02:00 CET at 01:00 UTC; 02:00–03:00 happens twice.
    const w = sched('Europe/Paris', { days: ['sun'], start: '02:30', end: '05:00' });
    expect(nextOpening(w, at('2026-10-25T00:00:00Z'))!.toISOString()).toBe('2026-10-25T00:30:00.000Z'); // first 02:30 (CEST)
    expect(isOpen(w, at('2026-10-25T01:15:00Z'))).toBe(true); // 02:15 CET, the second time round
    expect(closingTime(w, at('2026-10-25T00:30:00Z'))!.toISOString()).toBe('2026-10-25T04:00:00.000Z'); // 05:00 CET
  });

  it('Paris, October: a maintenance window over midnight ends on the wall clock, after the change', () => {
    const maintenance = sched('Europe/Paris', { days: ['sat'], start: '22:00', end: '03:00' });
    expect(nextOpening(maintenance, at('2026-10-24T12:00:00Z'))!.toISOString()).toBe('2026-10-24T20:00:00.000Z'); // 22:00 CEST
    expect(closingTime(maintenance, at('2026-10-24T21:00:00Z'))!.toISOString()).toBe('2026-10-25T02:00:00.000Z'); // 03:00 CET
  });

  it('America/New_York, second Sunday of March: an end time the clocks skip closes the window at the jump', () => {
    // 2026-03-08: 02:00 EST → 03:00 EDT at 07:00 UTC.
    const night = sched('America/New_York', { days: ['sat'], start: '22:00', end: '02:30' });
    expect(isOpen(night, at('2026-03-08T06:30:00Z'))).toBe(true); // 01:30 EST
    expect(closingTime(night, at('2026-03-08T06:30:00Z'))!.toISOString()).toBe('2026-03-08T07:00:00.000Z');
    const weekdaysNy = sched('America/New_York', { days: [...weekdays], start: '09:00', end: '17:00' });
    expect(nextOpening(weekdaysNy, at('2026-03-06T23:00:00Z'))!.toISOString()).toBe('2026-03-09T13:00:00.000Z'); // Mon 09:00 EDT
    expect(formatInZone(new Date('2026-03-09T13:00:00Z'), 'America/New_York')).toBe('March 9, 2026 09:00 AM (America/New_York)');
  });

  it('America/New_York, first Sunday of November', () => {
    // 2026-11-01: 02:00 EDT → 01:00 EST at 06:00 UTC.
    const early = sched('America/New_York', { days: ['sun'], start: '01:30', end: '02:00' });
    expect(nextOpening(early, at('2026-11-01T04:00:00Z'))!.toISOString()).toBe('2026-11-01T05:30:00.000Z'); // 01:30 EDT
    expect(isOpen(early, at('2026-11-01T06:45:00Z'))).toBe(true); // 01:45 EST, the second time round
  });
});

describe('edge cases and words', () => {
  it('a schedule without windows never opens, and says so', () => {
    const none = sched('UTC');
    expect(isOpen(none, at('2026-11-24T10:00:00Z'))).toBe(false);
    expect(nextOpening(none, at('2026-11-24T10:00:00Z'))).toBeNull();
    expect(scheduleRefusal(none, at('2026-11-24T10:00:00Z'))).toMatch(/Its schedule has no time at which a session may start\.$/);
  });

  it('describes schedules in a line', () => {
    expect(describeSchedule(sched('Europe/Paris', { days: [...weekdays], start: '08:00', end: '18:00' }))).toBe('Mon–Fri 08:00–18:00 (Europe/Paris)');
    expect(describeSchedule(sched('UTC', { days: ['sun', 'sat'], start: '02:00', end: '06:00' }, { days: [...everyDay], start: '12:00', end: '13:00' }))).toBe(
      'Sat, Sun 02:00–06:00; Every day 12:00–13:00 (UTC)',
    );
    expect(describeSchedule(sched('UTC', { days: ['mon', 'wed', 'thu', 'fri'], start: '22:00', end: '06:00' }))).toBe('Mon, Wed–Fri 22:00–06:00 (UTC)');
  });

  it('knows which time zones exist', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});

describe('consistency over many schedules, zones and instants', () => {
  it('the next opening is open and nothing before it is; the closing time is the first closed instant', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const zones = ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'];
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    for (let i = 0; i < 150; i++) {
      const windows = Array.from({ length: 1 + Math.floor(rand() * 2) }, () => ({
        days: everyDay.filter(() => rand() < 0.4).concat(['wed']),
        start: hhmm(Math.floor(rand() * 48) * 30),
        end: hhmm(Math.floor(rand() * 48) * 30),
      }));
      const s = sched(zones[i % zones.length]!, ...windows);
      // Around both 2026 changes in the northern hemisphere and some ordinary days.
      const base = [Date.UTC(2026, 2, 27), Date.UTC(2026, 9, 23), Date.UTC(2026, 5, 10), Date.UTC(2026, 3, 2)][i % 4]!;
      const now = new Date(base + Math.floor(rand() * 4 * 86_400_000 / 60_000) * 60_000);
      const next = nextOpening(s, now)!;
      expect(next).not.toBeNull();
      expect(isOpen(s, next)).toBe(true);
      for (let t = now.getTime(); t < next.getTime(); t += 15 * 60_000) expect(isOpen(s, new Date(t))).toBe(false);
      const close = closingTime(s, next);
      if (close) {
        expect(isOpen(s, close)).toBe(false);
        expect(isOpen(s, new Date(close.getTime() - 1000))).toBe(true);
      }
    }
  });
});
