/** How /login writes dates, durations and counts. */

const number = new Intl.NumberFormat();
const dateTimes = new Map<string, Intl.DateTimeFormat>();

/** "23 Nov 2026, 09:14" (in `timeZone` when given: the site's, for Reports), or the fallback for a missing or unreadable date. */
export function formatDateTime(iso: string | null, fallback = 'Never', timeZone?: string): string {
  if (!iso) return fallback;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return fallback;
  let f = dateTimes.get(timeZone ?? '');
  if (!f) {
    f = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) });
    dateTimes.set(timeZone ?? '', f);
  }
  return f.format(d);
}

/** "3 h 12 min", "4 min", "less than a minute" between `iso` and `now`. */
export function formatSince(iso: string, now: number = Date.now()): string {
  const ms = now - new Date(iso).getTime();
  if (!Number.isFinite(ms) || ms < 60_000) return 'less than a minute';
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${mins} min`;
  return `${mins} min`;
}

export const formatNumber = (n: number): string => number.format(n);

/** "Manager" for "manager". */
export const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Avatars use the console's rule (src-renderer/lib/format.ts). */
export { initials } from '../lib/format.js';
