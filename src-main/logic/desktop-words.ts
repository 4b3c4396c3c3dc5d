/**
 * The main process's own words (native dialogs, the application menu, the Connect to Another Site
 * page, save/open dialogs, the tray): ICU messages from the renderer's catalogues
 * (src-renderer/lib/i18n/catalogs/desktop.<en|fr|de>.json, bundled into the main process by esbuild,
 * checked with the others by scripts/i18n-scan.mjs), in the language the rep reads.
 *
 * That language starts as the OS's (Electron's `app.getLocale()`, mapped onto the offered languages
 * the way the pages map a browser's) and follows the console page from then on: the renderer says
 * which language it shows over IPC (`setLanguage`), and whoever draws words that stay on screen
 * (the menu, the tray) listens with `onChange`. Words are looked up when they are needed, so a
 * dialog opened after a change is already in the new language.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import de from '../../src-renderer/lib/i18n/catalogs/desktop.de.json' with { type: 'json' };
import en from '../../src-renderer/lib/i18n/catalogs/desktop.en.json' with { type: 'json' };
import fr from '../../src-renderer/lib/i18n/catalogs/desktop.fr.json' with { type: 'json' };
import { catalogueOf, pickLanguage, UI_LANGUAGES, type Catalogue, type UiLanguage } from '../../src-renderer/lib/i18n/languages.js';

export { UI_LANGUAGES, type UiLanguage };

/** Every message the main process says (the English catalogue's keys: a typo is a compile error). */
export type DesktopKey = keyof typeof en;
/** ICU arguments (`{host}`, `{count, plural, …}`). */
export type WordValues = Record<string, string | number>;

/** English is complete (the catalogue check says so); the others fall back to it key by key. */
export type DesktopCatalogues<K extends string> = { en: Record<K, string> } & Partial<Record<Exclude<Catalogue, 'en'>, Partial<Record<K, string>>>>;

/** The current language and the messages in it; one instance per process (`desktopWords`), others in tests. */
export class DesktopWords<K extends string = DesktopKey> {
  private current: UiLanguage;
  private readonly formats = new Map<string, IntlMessageFormat>();
  private readonly listeners = new Set<(language: UiLanguage) => void>();

  constructor(
    private readonly catalogues: DesktopCatalogues<K>,
    initial: string | null = null,
  ) {
    this.current = pickLanguage([initial]);
  }

  /** The language words are given in now. */
  get language(): UiLanguage {
    return this.current;
  }

  /**
   * Switches to the offered language closest to `tag` ('fr', 'de_AT', 'fr-FR'); anything else is
   * English. Tells the listeners when the language changed; returns whether it did.
   */
  set(tag: string | null | undefined): boolean {
    const next = pickLanguage([tag]);
    if (next === this.current) return false;
    this.current = next;
    for (const listener of this.listeners) listener(next);
    return true;
  }

  /** Calls `listener` after every change of language; returns the unsubscribe. */
  onChange(listener: (language: UiLanguage) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** The message `key` in the current language (English when that language lacks it), with `values`. */
  word(key: K, values?: WordValues): string {
    return this.in(this.current, key, values);
  }

  /** The message `key` in English, whatever the rep reads (log lines, the vendor's fixed texts). */
  english(key: K, values?: WordValues): string {
    return this.in('en-US', key, values);
  }

  private in(language: UiLanguage, key: K, values?: WordValues): string {
    const own = this.catalogues[catalogueOf(language)]?.[key];
    const [tag, text] = own !== undefined ? [language, own] : (['en-US', this.catalogues.en[key]] as const);
    if (text === undefined) return key;
    const id = `${tag}\u0000${key}`;
    let format = this.formats.get(id);
    try {
      if (!format) {
        format = new IntlMessageFormat(text, tag);
        this.formats.set(id, format);
      }
      return String(format.format(values));
    } catch {
      // A missing argument or a broken translation: the bare text beats no dialog at all.
      return text;
    }
  }
}

/** The main process's words. */
export const desktopWords = new DesktopWords<DesktopKey>({ en, fr, de });

/** `desktopWords.word`: the message `key` in the rep's language. */
export const word = (key: DesktopKey, values?: WordValues): string => desktopWords.word(key, values);

/** `desktopWords.english`: the message `key` in English. */
export const englishWord = (key: DesktopKey, values?: WordValues): string => desktopWords.english(key, values);
