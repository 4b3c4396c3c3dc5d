/** How /login writes dates, durations and counts: in the page's language and, once known, the site's time zone. */
import { dateFormat, formatNumber as formatLocalNumber, t } from '../lib/i18n/index.svelte.js';

/** "23 Nov 2026, 09:14" (in `timeZone` when given, else the site's), or the fallback ("Never") for a missing or unreadable date. */
export function formatDateTime(iso: string | null, fallback: string = t('common.never'), timeZone?: string): string {
  if (!iso) return fallback;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return fallback;
  return dateFormat({ dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(d);
}

/** "3 h 12 min", "4 min", "less than a minute" between `iso` and `now`. */
export function formatSince(iso: string, now: number = Date.now()): string {
  const ms = now - new Date(iso).getTime();
  if (!Number.isFinite(ms) || ms < 60_000) return t('admin.format.lessThanMinute');
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return t('admin.format.daysHours', { days, hours });
  if (hours > 0) return t('admin.format.hoursMinutes', { hours, minutes: mins });
  return t('admin.format.minutes', { minutes: mins });
}

/** "3,612" / "3 612" / "3.612" as the page's language writes it. */
export const formatNumber = (n: number): string => formatLocalNumber(n);

/** "Manager" for "manager". */
export const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Avatars use the console's rule (src-renderer/lib/format.ts). */
export { initials } from '../lib/format.js';
