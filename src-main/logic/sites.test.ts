import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { desktopWords } from './desktop-words.js';
import { EMBEDDED_SITE, MAX_SITES, parseSiteUrl, readSitesFile, SitesStore, unknownSiteQuestion } from './sites.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'rep-sites-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('parseSiteUrl (Connect to another site)', () => {
  it.each([
    ['support.example.com', 'https://support.example.com'],
    ['https://support.example.com/console?x=1#y', 'https://support.example.com'],
    ['  HTTPS://Support.Example.COM:8443/  ', 'https://support.example.com:8443'],
    ['http://127.0.0.1:4000', 'http://127.0.0.1:4000'],
    ['http://localhost:4000/console', 'http://localhost:4000'],
  ])('%s → %s', (input, origin) => {
    expect(parseSiteUrl(input)).toEqual({ ok: true, origin });
  });

  it.each([
    ['', /Enter the site address/],
    ['http://support.example.com', /Only https/],
    ['ftp://support.example.com', /starts with https/],
    ['javascript:alert(1)', /not a web address|starts with https/],
    ['https://user:pw@support.example.com', /no user name or password/],
    ['https://exa mple.com', /not a web address/],
    ['x'.repeat(3000), /too long/],
  ])('refuses %j', (input, message) => {
    const r = parseSiteUrl(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});

describe('SitesStore', () => {
  it('starts on the embedded site, remembers sites across restarts, most recent first', async () => {
    const path = join(tmp(), 'sites.json');
    let t = Date.parse('2026-01-01T00:00:00Z');
    const clock = () => new Date((t += 1000));
    const a = new SitesStore(path, clock);
    expect(await a.current()).toBe(EMBEDDED_SITE);
    expect(await a.list()).toEqual([]);
    expect(await a.isKnown('https://one.example.com')).toBe(false);
    expect(await a.isKnown(EMBEDDED_SITE)).toBe(true);
    await a.remember('https://one.example.com/console', { shortName: 'one' });
    await a.remember('https://two.example.com', { shortName: 'two' });

    const b = new SitesStore(path, clock);
    expect((await b.list()).map((s) => s.origin)).toEqual(['https://two.example.com', 'https://one.example.com']);
    expect(await b.current()).toBe('https://two.example.com');
    expect(await b.isKnown('https://one.example.com')).toBe(true);
    expect((await b.byShortName('ONE'))?.origin).toBe('https://one.example.com');
    await b.remember('https://one.example.com');
    expect((await b.list())[0]).toMatchObject({ origin: 'https://one.example.com', shortName: 'one' });
    await b.useEmbedded();
    expect(await new SitesStore(path).current()).toBe(EMBEDDED_SITE);
    expect(await b.forget('https://one.example.com')).toBe(true);
    expect(await new SitesStore(path).isKnown('https://one.example.com')).toBe(false);
  });

  it('keeps a trusted certificate with its site, and no secrets at all', async () => {
    const path = join(tmp(), 'sites.json');
    const s = new SitesStore(path);
    await s.remember('https://self.example.com');
    await s.trustCertificate('https://self.example.com', { fingerprint: 'sha256/abc=', pem: '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----', subject: 'self', issuer: 'self', validExpiry: 2_000_000_000 });
    await s.remember('https://self.example.com');
    expect((await new SitesStore(path).get('https://self.example.com'))?.trustedCertificate?.fingerprint).toBe('sha256/abc=');
    const text = readFileSync(path, 'utf8');
    expect(text).not.toMatch(/token|password/i);
  });

  it('reads a damaged or hostile file as "no sites", keeps at most MAX_SITES, refuses bad origins', async () => {
    expect(readSitesFile('{not json')).toEqual({ version: 1, current: EMBEDDED_SITE, sites: [] });
    const hostile = readSitesFile(JSON.stringify({ current: 'http://evil.example', sites: [{ origin: 'http://evil.example', shortName: null, lastConnectedAt: 'x', trustedCertificate: null }, { origin: 42 }] }));
    expect(hostile).toEqual({ version: 1, current: EMBEDDED_SITE, sites: [] });
    const path = join(tmp(), 'sites.json');
    writeFileSync(path, '\u0000garbage');
    const s = new SitesStore(path);
    expect(await s.list()).toEqual([]);
    for (let i = 0; i < MAX_SITES + 5; i++) await s.remember(`https://s${i}.example.com`);
    expect(await new SitesStore(path).list()).toHaveLength(MAX_SITES);
    await expect(s.remember('http://plain.example.com')).rejects.toThrow(/Only https/);
  });
});

describe('in the rep’s language', () => {
  afterEach(() => void desktopWords.set('en-US'));

  it('says what is wrong with an address, and asks before a new site, in French or German', () => {
    desktopWords.set('fr-FR');
    expect(parseSiteUrl('http://support.example.com')).toEqual({ ok: false, message: expect.stringMatching(/^Seuls les sites https:\/\//) });
    expect(unknownSiteQuestion('https://new.example.com')).toMatchObject({ message: 'Se connecter à https://new.example.com ?', buttons: ['Ne pas se connecter', 'Se connecter'], defaultId: 0, cancelId: 0 });
    desktopWords.set('de-DE');
    expect(parseSiteUrl('')).toEqual({ ok: false, message: 'Geben Sie die Site-Adresse ein, zum Beispiel support.example.com.' });
    expect(unknownSiteQuestion('https://new.example.com').detail).toContain('„Desktop-Konsole des Support-Technikers“');
  });

  it('asks in English by default, "Do Not Connect" first', () => {
    expect(unknownSiteQuestion('https://new.example.com')).toMatchObject({ title: 'Connect to a new site?', message: 'Connect to https://new.example.com?', buttons: ['Do Not Connect', 'Connect'] });
  });
});
