/**
 * The languages the console, /login and the portal are offered in. Plain data (no zod), so the
 * renderer's i18n module imports it without pulling a schema library into every page; the appliance
 * validates a user's choice against the same list.
 */
export const UI_LANGUAGES = ['en-US', 'fr-FR', 'de-DE'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}
