/**
 * A Jump Policy's schedule in words, in the chosen language: "Mon–Fri 08:00–18:00 (Europe/Paris)",
 * "Lun–Ven 08:00–18:00 (Europe/Paris)". The same rule as the appliance's describeSchedule (runs of
 * three or more days as a range), said here so it follows the page's language.
 */
import type { JumpPolicy, Weekday } from '../../../appliance/src/protocol/index.js';
import { dateFormat, t } from '../../lib/i18n/index.svelte.js';

const ORDER: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** "Mon" / "Lun" / "Mo". */
export const dayLabel = (day: Weekday): string => t(`admin.jumpPolicies.day.${day}`);

/** Days in week order from Monday, runs of three or more as "Mon–Fri"; all seven as "Every day". */
export function describeDays(days: readonly Weekday[]): string {
  const idx = [...new Set(days.map((d) => ORDER.indexOf(d)))].filter((i) => i >= 0).sort((a, b) => a - b);
  if (idx.length === 7) return t('admin.jumpPolicies.everyDay');
  const out: string[] = [];
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1] === idx[j]! + 1) j++;
    if (j - i >= 2) out.push(`${dayLabel(ORDER[idx[i]!]!)}–${dayLabel(ORDER[idx[j]!]!)}`);
    else for (let k = i; k <= j; k++) out.push(dayLabel(ORDER[idx[k]!]!));
    i = j + 1;
  }
  return out.join(', ');
}

/** The schedule column of the Jump Policies list. */
export function scheduleSummary(p: Pick<JumpPolicy, 'scheduleEnabled' | 'windows' | 'timeZone'>): string {
  if (!p.scheduleEnabled) return t('admin.jumpPolicies.noSchedule');
  if (!p.windows.length) return t('admin.jumpPolicies.noTimeOpen', { zone: p.timeZone });
  const text = p.windows.map((w) => `${describeDays(w.days)} ${w.start}–${w.end}`).join('; ');
  return t('admin.jumpPolicies.scheduleInZone', { schedule: text, zone: p.timeZone });
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * When a closed policy opens next, in the page's language: the appliance words it in English on the
 * policy's clock ("November 29, 2026 02:00 AM (Europe/Paris)"); this re-says that wall-clock time
 * ("29. November 2026, 02:00 (Europe/Paris)"). Text it does not recognise is shown as it came.
 */
export function nextStartLabel(text: string): string {
  const m = /^([A-Z][a-z]+) (\d{1,2}), (\d{4}) (\d{1,2}):(\d{2}) (AM|PM) \((.+)\)$/.exec(text);
  const month = m ? MONTHS.indexOf(m[1]!) : -1;
  if (!m || month < 0) return text;
  const hour = (Number(m[4]) % 12) + (m[6] === 'PM' ? 12 : 0);
  // The wall-clock time as if it were UTC, formatted in UTC: the digits stay the policy's own.
  const wall = new Date(Date.UTC(Number(m[3]), month, Number(m[2]), hour, Number(m[5])));
  const when = dateFormat({ dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(wall);
  return t('admin.jumpPolicies.scheduleInZone', { schedule: when, zone: m[7]! });
}
