/**
 * Jump Policy schedules: weekly windows read on the wall clock of the policy's IANA time zone.
 *
 * A window on a day runs from `start` to `end`; an end at or before the start runs past midnight
 * into the next day ("22:00"–"06:00"; equal times: 24 hours). Each occurrence is turned into two
 * instants, and a session may start between them. Around daylight-saving changes a wall-clock time
 * becomes the first instant the clock reads it or later: a time skipped in spring (02:30 on the last
 * Sunday of March in Paris) happens when the clock jumps past it, and a time that happens twice in
 * autumn counts from its first occurrence (so a window over the repeated hour lasts an hour longer).
 * Plain Intl, no time zone database of our own.
 */
import type { JumpScheduleWindow, Weekday } from '../protocol/index.js';

export interface Schedule {
  timeZone: string;
  windows: readonly JumpScheduleWindow[];
}

export const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DAY_LABEL: Record<Weekday, string> = { sun: 'Sun', mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat' };
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Weekly windows: looking 8 days ahead always finds the next opening or closing, if there is one. */
const HORIZON_DAYS = 8;

/** The wall clock of one instant in one zone; `asUtc` is that wall clock read as if it were UTC. */
interface Wall {
  y: number;
  m: number;
  d: number;
  asUtc: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True for a time zone Intl knows ("Europe/Paris", "UTC"); schedules in other zones cannot be read. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function wall(instant: number, timeZone: string): Wall {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  const y = Number(parts.year);
  const m = Number(parts.month);
  const d = Number(parts.day);
  const h = Number(parts.hour) % 24;
  const min = Number(parts.minute);
  const s = Number(parts.second);
  return { y, m, d, asUtc: Date.UTC(y, m - 1, d, h, min, s) };
}

/** How far the zone's wall clock is ahead of UTC at this instant, in ms. */
const offsetAt = (instant: number, timeZone: string): number => wall(instant, timeZone).asUtc - Math.floor(instant / 1000) * 1000;

/**
 * The first instant whose wall clock in the zone reads `target` or later (`target`: a wall clock read
 * as UTC). Usually the one instant with that wall time; for a time that happens twice, the first;
 * for a skipped time, the moment the clock jumps past it.
 */
function instantOfWall(target: number, timeZone: string): number {
  const before = offsetAt(target - DAY_MS, timeZone);
  const after = offsetAt(target + DAY_MS, timeZone);
  const exact = [target - before, target - after].filter((t) => wall(t, timeZone).asUtc === target);
  if (exact.length) return Math.min(...exact);
  // Skipped by a forward change: search the gap for the jump (wall clock < target at lo, >= at hi).
  let lo = target - Math.max(before, after);
  let hi = target - Math.min(before, after);
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2000) * 1000;
    if (wall(mid, timeZone).asUtc >= target) hi = mid;
    else lo = mid;
  }
  return hi;
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** A window's span in minutes from the start of its day; the end may pass 1440 (next day). */
function span(w: JumpScheduleWindow): { start: number; end: number } {
  const start = minutesOf(w.start);
  const end = minutesOf(w.end);
  return { start, end: end > start ? end : end + 1440 };
}

/** Every window occurrence (as instants) that starts from `fromDay` to `toDay` days after the local date of `now`. */
function occurrences(schedule: Schedule, now: number, fromDay: number, toDay: number): { start: number; end: number }[] {
  const today = wall(now, schedule.timeZone);
  const out: { start: number; end: number }[] = [];
  for (let k = fromDay; k <= toDay; k++) {
    const midnight = Date.UTC(today.y, today.m - 1, today.d + k);
    const dow = new Date(midnight).getUTCDay();
    for (const win of schedule.windows) {
      if (!win.days.some((day) => WEEKDAYS.indexOf(day) === dow)) continue;
      const { start, end } = span(win);
      const occ = { start: instantOfWall(midnight + start * MINUTE_MS, schedule.timeZone), end: instantOfWall(midnight + end * MINUTE_MS, schedule.timeZone) };
      // A window wholly inside a skipped hour does not happen that day.
      if (occ.end > occ.start) out.push(occ);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Whether the schedule lets a session start at `now`. A window is open from its start to its end, as instants. */
export function isOpen(schedule: Schedule, now: Date): boolean {
  const t = now.getTime();
  // A window lasts at most a day (25 hours across a change), so only yesterday's and today's can be open.
  return occurrences(schedule, t, -1, 0).some((o) => o.start <= t && t < o.end);
}

/** When a session may next start: `now` itself when the schedule is open, null when it never opens. */
export function nextOpening(schedule: Schedule, now: Date): Date | null {
  if (isOpen(schedule, now)) return now;
  const t = now.getTime();
  const next = occurrences(schedule, t, 0, HORIZON_DAYS).find((o) => o.start > t);
  return next ? new Date(next.start) : null;
}

/**
 * When the open stretch that contains `now` closes (overlapping and back-to-back windows count as one
 * stretch): null when the schedule is closed now, or stays open past the horizon (every day, all day).
 */
export function closingTime(schedule: Schedule, now: Date): Date | null {
  const t = now.getTime();
  const occ = occurrences(schedule, t, -1, HORIZON_DAYS);
  let end: number | null = null;
  let gap = false;
  for (const o of occ) {
    if (end === null) {
      if (o.start <= t && t < o.end) end = o.end;
    } else if (o.start <= end) end = Math.max(end, o.end);
    else {
      gap = true;
      break;
    }
  }
  // Open without a gap through every day looked at: it does not close (every day, all day).
  return end !== null && gap ? new Date(end) : null;
}

/** "November 24, 2026 08:00 AM (Europe/Paris)": the vendor's wording, in the policy's zone. */
export function formatInZone(at: Date, timeZone: string): string {
  const parts: Record<string, string> = {};
  const f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: true });
  for (const p of f.formatToParts(at)) parts[p.type] = p.value;
  return `${parts.month} ${parts.day}, ${parts.year} ${parts.hour}:${parts.minute} ${parts.dayPeriod} (${timeZone})`;
}

/** "Mon–Fri 08:00–18:00; Sun 02:00–06:00 (Europe/Paris)". */
export function describeSchedule(schedule: Schedule): string {
  if (!schedule.windows.length) return `No time is open (${schedule.timeZone})`;
  const text = schedule.windows.map((w) => `${describeDays(w.days)} ${w.start}–${w.end}`).join('; ');
  return `${text} (${schedule.timeZone})`;
}

/** Days in week order from Monday, runs of three or more as "Mon–Fri". */
function describeDays(days: readonly Weekday[]): string {
  const order: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  const idx = [...new Set(days.map((d) => order.indexOf(d)))].sort((a, b) => a - b);
  if (idx.length === 7) return 'Every day';
  const out: string[] = [];
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1] === idx[j]! + 1) j++;
    const first = DAY_LABEL[order[idx[i]!]!];
    const last = DAY_LABEL[order[idx[j]!]!];
    if (j - i >= 2) out.push(`${first}–${last}`);
    else for (let k = i; k <= j; k++) out.push(DAY_LABEL[order[idx[k]!]!]);
    i = j + 1;
  }
  return out.join(', ');
}

/** The refusal when the schedule is closed, with when a session may start next. */
export function scheduleRefusal(schedule: Schedule, now: Date): string {
  const head = "The Jump Policy's schedule does not permit a session to start at this time.";
  const next = nextOpening(schedule, now);
  return next ? `${head} A session may start next at: ${formatInZone(next, schedule.timeZone)}` : `${head} Its schedule has no time at which a session may start.`;
}
