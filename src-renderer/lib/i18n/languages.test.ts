import { describe, expect, it } from 'vitest';
import { catalogueOf, matchLanguage, pickLanguage } from './languages.js';

describe('language choice', () => {
  it('maps browser tags onto the offered languages', () => {
    expect(matchLanguage('fr')).toBe('fr-FR');
    expect(matchLanguage('fr-CA')).toBe('fr-FR');
    expect(matchLanguage('de_AT')).toBe('de-DE');
    expect(matchLanguage('EN-gb')).toBe('en-US');
    expect(matchLanguage('es-ES')).toBeNull();
    expect(matchLanguage('')).toBeNull();
    expect(matchLanguage(undefined)).toBeNull();
  });

  it('takes the first offered language of the browser list, else English', () => {
    expect(pickLanguage(['es-ES', 'de-CH', 'fr'])).toBe('de-DE');
    expect(pickLanguage(['ja', 'pt-BR'])).toBe('en-US');
    expect(pickLanguage([])).toBe('en-US');
  });

  it('reads one catalogue per language', () => {
    expect(catalogueOf('de-DE')).toBe('de');
  });
});
