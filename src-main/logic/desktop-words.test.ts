import { afterEach, describe, expect, it, vi } from 'vitest';
import de from '../../src-renderer/lib/i18n/catalogs/desktop.de.json';
import en from '../../src-renderer/lib/i18n/catalogs/desktop.en.json';
import fr from '../../src-renderer/lib/i18n/catalogs/desktop.fr.json';
import { desktopWords, DesktopWords, englishWord, word, type DesktopKey } from './desktop-words.js';

afterEach(() => void desktopWords.set('en-US'));

describe('the main process speaks the rep’s language', () => {
  it('speaks English until told otherwise', () => {
    expect(desktopWords.language).toBe('en-US');
    expect(word('desktop.menu.connectToAnother')).toBe('Connect to Another Site…');
    expect(new DesktopWords({ en }).language).toBe('en-US');
  });

  it('speaks French or German once set, and English again after', () => {
    expect(desktopWords.set('fr-FR')).toBe(true);
    expect(word('desktop.menu.embeddedSite')).toBe('Site de démonstration intégré');
    expect(desktopWords.set('de-DE')).toBe(true);
    expect(word('desktop.menu.embeddedSite')).toBe('Integrierte Demo-Site');
    desktopWords.set('en-US');
    expect(word('desktop.menu.embeddedSite')).toBe('Embedded Demo Site');
  });

  it('maps OS locales onto the offered languages; anything else is English', () => {
    expect(new DesktopWords({ en }, 'fr').language).toBe('fr-FR');
    expect(new DesktopWords({ en }, 'de_AT').language).toBe('de-DE');
    expect(new DesktopWords({ en }, 'fr-CA').language).toBe('fr-FR');
    for (const other of ['es-ES', 'ja', '', null, 'xx-<script>']) expect(new DesktopWords({ en }, other).language, String(other)).toBe('en-US');
    desktopWords.set('de-DE');
    desktopWords.set('es-ES');
    expect(desktopWords.language).toBe('en-US');
    expect(word('desktop.button.doNotConnect')).toBe('Do Not Connect');
  });

  it('fills ICU arguments and plurals in each language', () => {
    expect(word('desktop.cert.trust', { host: 'support.example.com' })).toBe('Trust This Certificate for support.example.com');
    expect(word('desktop.waiting.count', { count: 1 })).toBe('1 session waiting');
    expect(word('desktop.waiting.count', { count: 3 })).toBe('3 sessions waiting');
    desktopWords.set('fr-FR');
    expect(word('desktop.siteUrl.notAddress', { text: 'exa mple' })).toBe('« exa mple » n’est pas une adresse Web.');
    expect(word('desktop.waiting.count', { count: 1 })).toBe('1 session en attente');
    expect(word('desktop.waiting.count', { count: 2 })).toBe('2 sessions en attente');
    desktopWords.set('de-DE');
    expect(word('desktop.siteUrl.notAddress', { text: 'exa mple' })).toBe('„exa mple“ ist keine Webadresse.');
    expect(word('desktop.waiting.count', { count: 2 })).toBe('2 wartende Sitzungen');
    expect(word('desktop.menu.hide', { app: 'Rep Console' })).toBe('Rep Console ausblenden');
  });

  it('keeps English for the log and the vendor’s fixed texts', () => {
    desktopWords.set('fr-FR');
    expect(englishWord('desktop.update.error1gws')).toMatch(/^Error communicating with the server .* \(1\.1gws\)$/);
    expect(word('desktop.update.error1gws')).toMatch(/^Erreur de communication .* \(1\.1gws\)$/);
  });

  it('falls back to English for a key a language lacks, and to the key for one nobody has', () => {
    const words = new DesktopWords<'a' | 'b'>({ en: { a: 'Apple {n}', b: 'Banana' }, fr: { a: 'Pomme {n}' } }, 'fr-FR');
    expect(words.word('a', { n: 1 })).toBe('Pomme 1');
    expect(words.word('b')).toBe('Banana');
    expect(new DesktopWords<string>({ en: {} }).word('desktop.nothing')).toBe('desktop.nothing');
    // A missing argument never costs the rep the dialog: the bare text.
    expect(words.word('a')).toBe('Pomme {n}');
  });

  it('tells listeners about real changes only', () => {
    const words = new DesktopWords({ en });
    const listener = vi.fn();
    const stop = words.onChange(listener);
    words.set('en-US');
    words.set('fr-FR');
    words.set('fr');
    words.set('de-DE');
    stop();
    words.set('en-US');
    expect(listener.mock.calls).toEqual([['fr-FR'], ['de-DE']]);
  });

  it('formats every message in every language (French with its own apostrophe)', () => {
    const sample = { app: 'Rep Console', count: 2, dir: '/d', error: 'e', log: '/l', file: 'f.brcs-x', site: 's', origin: 'https://s', host: 'h', line: 2, size: 64, problem: 'p', method: 'm', status: '403', text: 't', type: 'PDF', max: 20, subject: 's', issuer: 'i', from: '2026-01-01', until: '2027-01-01', fingerprint: 'f', serial: '1', waiting: 'w' };
    for (const [tag, catalogue] of [['en-US', en], ['fr-FR', fr], ['de-DE', de]] as const) {
      const words = new DesktopWords({ en, fr, de }, tag);
      for (const key of Object.keys(en) as DesktopKey[]) {
        expect(key in catalogue, `${tag} ${key}`).toBe(true);
        expect(words.word(key, sample), `${tag} ${key}`).not.toMatch(/[{}]/);
      }
    }
    expect(Object.values(fr).filter((m) => m.includes("'"))).toEqual([]);
  });
});
