/**
 * The language the rep last read the console in, kept in userData (language.json) so the next
 * launch's first dialogs (a certificate question, a site prompt) already speak it instead of the
 * OS's language. Written atomically (private-file.ts); a missing or damaged file means "none".
 */
import { readFile } from 'node:fs/promises';
import { UI_LANGUAGES, type UiLanguage } from './desktop-words.js';
import { writePrivateFile } from './private-file.js';

/** The remembered language in a file's text, or null when there is none worth trusting. */
export function readRememberedLanguage(text: string | null): UiLanguage | null {
  if (!text) return null;
  try {
    const v = (JSON.parse(text) as { language?: unknown }).language;
    return typeof v === 'string' && (UI_LANGUAGES as readonly string[]).includes(v) ? (v as UiLanguage) : null;
  } catch {
    return null;
  }
}

export class LanguageMemory {
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly path: string) {}

  async load(): Promise<UiLanguage | null> {
    try {
      return readRememberedLanguage(await readFile(this.path, 'utf8'));
    } catch {
      return null; // never saved
    }
  }

  /** Saves `language`; saves queue up so the last one wins. */
  save(language: UiLanguage): Promise<void> {
    this.writing = this.writing.then(() => writePrivateFile(this.path, `${JSON.stringify({ language })}\n`));
    return this.writing;
  }
}
