import { describe, expect, it } from 'vitest';
import { EMAIL_KINDS, EMAIL_TEMPLATES } from './email-templates.js';
import { emailCatalogueOf, renderEmail } from './emails.js';
import { mailtoLink } from '../protocol/mailto.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('e-mail templates', () => {
  it('every e-mail exists in en, fr and de with the same placeholders', () => {
    for (const kind of EMAIL_KINDS) {
      const en = EMAIL_TEMPLATES[kind].en;
      for (const lang of ['fr', 'de'] as const) {
        const other = EMAIL_TEMPLATES[kind][lang];
        expect(placeholders(other.subject), `${kind}.${lang}.subject`).toEqual(placeholders(en.subject));
        expect(placeholders(other.body), `${kind}.${lang}.body`).toEqual(placeholders(en.body));
        expect(other.body, `${kind}.${lang} is translated`).not.toBe(en.body);
      }
    }
  });

  it('picks the template language from the preferred e-mail language; unknown ones get English', () => {
    expect(emailCatalogueOf('fr-FR')).toBe('fr');
    expect(emailCatalogueOf('de-DE')).toBe('de');
    expect(emailCatalogueOf('en-US')).toBe('en');
    expect(emailCatalogueOf('es-ES')).toBe('en');
    expect(emailCatalogueOf(null)).toBe('en');
  });

  const key = { rep: 'Ana Lopez', url: 'https://support.example.com/s/123', key: '1234 5678 9012' };

  it('the session key e-mail in English', () => {
    const m = renderEmail('sessionKey', 'en-US', key);
    expect(m).toMatchObject({ language: 'en', subject: 'Remote support session' });
    expect(m.body).toContain('Ana Lopez has invited you');
    expect(m.body).toContain(key.url);
    expect(m.body).toContain(key.key);
  });

  it('the session key e-mail in French, with the vendor’s terms and French spacing', () => {
    const m = renderEmail('sessionKey', 'fr-FR', key);
    expect(m).toMatchObject({ language: 'fr', subject: 'Session d’assistance à distance' });
    expect(m.body).toContain('clé de session');
    expect(m.body).toContain('pour la démarrer\u00a0:');
    expect(m.body).toContain(key.key);
  });

  it('the session key e-mail in German', () => {
    const m = renderEmail('sessionKey', 'de-DE', key);
    expect(m).toMatchObject({ language: 'de', subject: 'Remote-Support-Sitzung' });
    expect(m.body).toContain('Sitzungsschlüssel');
    expect(m.body).toContain(key.url);
  });

  it('every kind renders with no placeholder left, in each language', () => {
    const values = { ...key, host: 'support.example.com', expires: '2026-12-01', username: 'ana', site: 'support.example.com' };
    for (const kind of EMAIL_KINDS) {
      for (const lang of ['en-US', 'fr-FR', 'de-DE']) {
        const m = renderEmail(kind, lang, values as never);
        expect(m.subject + m.body, `${kind} ${lang}`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('mailto: percent-encodes subject and body with CRLF line breaks', () => {
    const link = mailtoLink(['a@example.com'], { subject: 'Clé : ok', body: 'a\nb' });
    expect(link).toBe('mailto:a@example.com?subject=Cl%C3%A9%20%3A%20ok&body=a%0D%0Ab');
  });
});
