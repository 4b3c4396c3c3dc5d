/**
 * Wall-clock times in the site's time zone (/login > Status): a form's "2026-11-23T09:00" means nine
 * o'clock where the site is, not where the appliance process happens to run, and exports say the
 * time the way the site reads it.
 */

const partsFormat = new Map<string, Intl.DateTimeFormat>();

function wallParts(ts: number, timeZone: string): number[] {
  let f = partsFormat.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    partsFormat.set(timeZone, f);
  }
  const get = (type: string) => Number(f.formatToParts(ts).find((p) => p.type === type)?.value ?? 0);
  return [get('year'), get('month'), get('day'), get('hour'), get('minute'), get('second')];
}

/** How far the zone's wall clock is ahead of UTC at `ts` (ms). */
function offsetAt(ts: number, timeZone: string): number {
  const [y, mo, d, h, mi, s] = wallParts(ts, timeZone) as [number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s) - Math.floor(ts / 1000) * 1000;
}

/** "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS]" on the site's wall clock → the instant it names. */
export function zonedInstant(local: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(local);
  if (!m) return new Date(Number.NaN);
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  // Two passes settle the offset across a daylight-saving change.
  let ts = wall - offsetAt(wall, timeZone);
  ts = wall - offsetAt(ts, timeZone);
  return new Date(ts);
}

/** An instant as "YYYY-MM-DD HH:MM:SS" on the site's wall clock ('' for none). */
export function wallClock(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const ts = Date.parse(iso);
  if (Number.isNaN(ts)) return '';
  const [y, mo, d, h, mi, s] = wallParts(ts, timeZone);
  const p = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  return `${y}-${p(mo)}-${p(d)} ${p(h)}:${p(mi)}:${p(s)}`;
}
