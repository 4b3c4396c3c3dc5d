/**
 * The languages the console, /login and the portal are offered in, and how a stored preference or a
 * browser's language maps onto them. Plain data: the appliance validates against the same list.
 */
import { UI_LANGUAGES, type UiLanguage } from '../../../appliance/src/protocol/ui-languages.js';

// One list for both ends: the appliance refuses any other language a user tries to store.
export { UI_LANGUAGES, type UiLanguage };

/** Each language in its own words, as the vendor's language pickers show them. */
export const UI_LANGUAGE_NAMES: Record<UiLanguage, string> = {
  'en-US': 'English (US)',
  'fr-FR': 'Français',
  'de-DE': 'Deutsch',
};

/** The catalogue a language reads from (catalogues are per language, not per region). */
export type Catalogue = 'en' | 'fr' | 'de';
export const catalogueOf = (l: UiLanguage): Catalogue => l.slice(0, 2) as Catalogue;

/** The supported language closest to a tag ("fr", "fr-CA", "de-AT" → fr-FR / de-DE); null when none. */
export function matchLanguage(tag: string | null | undefined): UiLanguage | null {
  if (!tag) return null;
  const lower = tag.trim().toLowerCase();
  const exact = UI_LANGUAGES.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  const base = lower.split(/[-_]/)[0];
  return UI_LANGUAGES.find((l) => l.slice(0, 2) === base) ?? null;
}

/** The first of the browser's languages we offer, else English. */
export function pickLanguage(preferred: readonly (string | null | undefined)[]): UiLanguage {
  for (const tag of preferred) {
    const m = matchLanguage(tag);
    if (m) return m;
  }
  return 'en-US';
}
