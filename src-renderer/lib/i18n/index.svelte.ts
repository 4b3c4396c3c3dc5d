/**
 * The renderer's one way to show words, numbers and dates: `t(key, values)` over ICU message
 * catalogues (svelte-i18n / intl-messageformat, so "{count, plural, one {# File} other {# Files}}"
 * works), and formatters that follow the chosen language and the site's time zone.
 *
 * Catalogues are JSON per area and language (catalogs/<area>.<lang>.json); each app loads the areas
 * it shows. English is bundled; French and German load when chosen. `t` reads a rune, so every
 * template that calls it re-renders when the language changes — no reload.
 */
import { addMessages, init, locale, register, format, unwrapFunctionStore, waitLocale } from 'svelte-i18n';
import { catalogueOf, pickLanguage, UI_LANGUAGES, type UiLanguage } from './languages.js';
import { protocolEnglish } from './protocol-english.js';

export { UI_LANGUAGES, UI_LANGUAGE_NAMES, matchLanguage, pickLanguage, type UiLanguage } from './languages.js';

export type Area = 'console' | 'admin' | 'portal';
type Messages = Record<string, string>;
type Loader = () => Promise<{ default: Messages }>;

// Vite turns these into one lazy chunk per file; English is added eagerly below. The desktop
// catalogues are the Electron main process's words (src-main/logic/desktop-words.ts), not a page's.
const lazy = import.meta.glob<{ default: Messages }>(['./catalogs/*.{fr,de}.json', '!./catalogs/desktop*.json']);

const state = $state<{ language: UiLanguage; timeZone: string | undefined }>({ language: 'en-US', timeZone: undefined });
const formatMessage = unwrapFunctionStore(format);
let started = false;
let storageKey: string | null = null;
/** Whoever else shows words in the page's language (the desktop app's menu and dialogs). */
const followers = new Set<(language: UiLanguage) => void>();
let shown = false;

/** The language last shown in this browser for `area` (before the site says the user's choice). */
export function savedLanguage(area: Area): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(`rep-console.language.${area}`);
  } catch {
    return null; // storage disabled: fall back to the browser's language
  }
}

function loaderFor(file: string): Loader {
  const load = lazy[file];
  if (!load) throw new Error(`No message catalogue ${file}`);
  return load;
}

/** The catalogue files of `area` in `lang`: "<area>.<lang>.json" and "<area>-<part>.<lang>.json". */
export function catalogueFiles(files: readonly string[], area: Area | 'common', lang: string): string[] {
  const own = new RegExp(`/${area}(-[a-z0-9-]+)?\\.${lang}\\.json$`);
  return files.filter((f) => own.test(f));
}

/**
 * Loads the app's catalogues and shows `initial` (or the browser's language). Call once before
 * mounting; resolves when the words are there, so the first paint is already translated.
 * `english` is the app's eager glob of its English files, common ones included (bundled, so
 * English never waits).
 */
export async function startI18n(area: Area, english: Record<string, { default: Messages }>, initial?: string | null): Promise<void> {
  if (!started) {
    started = true;
    storageKey = `rep-console.language.${area}`;
    addMessages('en', ...Object.values(english).map((m) => m.default), protocolEnglish());
    for (const lang of ['fr', 'de'] as const) {
      for (const file of [...catalogueFiles(Object.keys(lazy), 'common', lang), ...catalogueFiles(Object.keys(lazy), area, lang)]) {
        register(lang, loaderFor(file));
      }
    }
    await init({ fallbackLocale: 'en', initialLocale: 'en' });
  }
  await setLanguage(initial ?? savedLanguage(area) ?? pickLanguage(typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]));
}

/** Switches every open view to `language` (unknown values fall back to English). */
export async function setLanguage(language: string): Promise<void> {
  const next = (UI_LANGUAGES as readonly string[]).includes(language) ? (language as UiLanguage) : pickLanguage([language]);
  const cat = catalogueOf(next);
  await locale.set(cat);
  await waitLocale(cat);
  state.language = next;
  shown = true;
  if (typeof document !== 'undefined') document.documentElement.lang = next;
  for (const follow of followers) follow(next);
  try {
    if (storageKey && typeof localStorage !== 'undefined') localStorage.setItem(storageKey, next);
  } catch {
    // storage disabled: the choice lasts until the page closes
  }
}

/**
 * Calls `listener` with the language shown now (once one is) and again each time setLanguage sets
 * one; returns the unsubscribe. The desktop platform passes its `setLanguage` here, so the app's
 * menu and native dialogs speak the page's language.
 */
export function followLanguage(listener: (language: UiLanguage) => void): () => void {
  followers.add(listener);
  if (shown) listener(state.language);
  return () => void followers.delete(listener);
}

/** The language shown now (reactive). */
export function currentLanguage(): UiLanguage {
  return state.language;
}

/** Dates and times are shown in the site's time zone once the site has said which it is. */
export function setTimeZone(timeZone: string | undefined): void {
  state.timeZone = timeZone;
}

export function currentTimeZone(): string | undefined {
  return state.timeZone;
}

/** The message `key` in the current language, with ICU `values`. Reactive in templates. */
export function t(key: string, values?: Record<string, string | number | Date | null | undefined>): string {
  void state.language; // the dependency that re-renders callers on a language change
  return formatMessage(key, values ? { values } : undefined);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** `Intl.DateTimeFormat` for the current language and site time zone (cached). */
export function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const language = state.language;
  const timeZone = options.timeZone ?? state.timeZone;
  const key = `${language}|${timeZone ?? ''}|${JSON.stringify(options)}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(language, { ...options, ...(timeZone ? { timeZone } : {}) });
    dateFormats.set(key, f);
  }
  return f;
}

/** A number grouped the way the current language writes it ("3,612" / "3 612" / "3.612"). */
export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(state.language, options).format(n);
}
