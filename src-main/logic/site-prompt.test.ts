import { afterEach, describe, expect, it } from 'vitest';
import { resolveAppRequest } from './app-protocol.js';
import { desktopWords } from './desktop-words.js';
import { readSitePrompt, SITE_PROMPT_PAGE, sitePromptHtml, sitePromptPage, sitePromptUrl } from './site-prompt.js';

describe('Connect to Another Site… prompt', () => {
  it('is a script-free form that escapes what it shows', () => {
    const html = sitePromptHtml({ value: '"><script>alert(1)</script>', error: '<b>bad</b>', recent: ['https://a.example.com'] });
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&#34;&#62;&#60;script&#62;');
    expect(html).toContain('&#60;b&#62;bad&#60;/b&#62;');
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('https://a.example.com');
    // Served from the app's own scheme, never a data: or file: URL; what it shows round-trips through the query.
    const url = sitePromptUrl({ value: 'x<y', error: 'bad', recent: ['https://a.example.com'] });
    expect(url).toMatch(/^app:\/\/rep-console\/site-prompt\?/);
    const page = resolveAppRequest(url, { [SITE_PROMPT_PAGE]: sitePromptPage }, null);
    expect(page.kind === 'page' && page.html).toBe(sitePromptHtml({ value: 'x<y', error: 'bad', recent: ['https://a.example.com'] }));
  });

  it('reads the submitted address, a cancel, and ignores other navigations', () => {
    expect(readSitePrompt('https://evil.example.com/')).toBeNull();
    expect(readSitePrompt('rep-console-connect:go?cancel=1&site=')).toEqual({ kind: 'cancel' });
    expect(readSitePrompt('rep-console-connect:go?site=support.example.com')).toEqual({ kind: 'site', input: 'support.example.com', result: { ok: true, origin: 'https://support.example.com' } });
    const bad = readSitePrompt('rep-console-connect:go?site=http%3A%2F%2Fplain.example.com');
    expect(bad?.kind === 'site' && bad.result.ok).toBe(false);
  });
});

describe('the prompt in the rep’s language', () => {
  afterEach(() => void desktopWords.set('en-US'));

  it('is English by default, French or German once the console says so', () => {
    expect(sitePromptHtml()).toContain('<html lang="en-US">');
    expect(sitePromptHtml()).toContain('<h1>Connect to another site</h1>');
    desktopWords.set('fr-FR');
    const fr = sitePromptHtml({ recent: ['https://a.example.com'] });
    expect(fr).toContain('<html lang="fr-FR">');
    expect(fr).toContain('<title>Se connecter à un autre site</title>');
    expect(fr).toContain('aria-label="Sites auxquels vous vous êtes déjà connecté"');
    expect(fr).toContain('>Annuler</button><button class="primary" type="submit">Se connecter</button>');
    desktopWords.set('de-DE');
    expect(sitePromptHtml()).toContain('<label for="site">Site-Adresse</label>');
  });
});
