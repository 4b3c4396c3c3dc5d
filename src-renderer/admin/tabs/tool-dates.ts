/**
 * Dates on the /login tool pages (Reports, Jump Clients, Vault, Management…): in the chosen language
 * and, when given, the site's time zone (Reports pass the zone the appliance answered with).
 */
import { dateFormat, t } from '../../lib/i18n/index.svelte.js';

/** "23 Nov 2026, 09:14" / "23 nov. 2026, 09:14" / "23.11.2026, 09:14", or `fallback` (Never) for a missing or unreadable date. */
export function toolDateTime(iso: string | null | undefined, timeZone?: string, fallback?: string): string {
  const d = iso ? new Date(iso) : null;
  if (!d || Number.isNaN(d.getTime())) return fallback ?? t('common.never');
  return dateFormat({ dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(d);
}
