import { afterEach, describe, expect, it } from 'vitest';
import { certificateDialog, decideCertificateError, pinnedCertificate, type CertificateLike } from './certificates.js';
import { desktopWords } from './desktop-words.js';
import type { RememberedSite } from './sites.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const cert = (over: Partial<CertificateLike> = {}): CertificateLike => ({
  subjectName: 'support.example.com',
  issuerName: 'support.example.com',
  fingerprint: 'sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
  validStart: Date.parse('2026-01-01T00:00:00Z') / 1000,
  validExpiry: Date.parse('2027-01-01T00:00:00Z') / 1000,
  serialNumber: '01ab',
  data: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
  ...over,
});
const SITE = 'https://support.example.com';
const site = (trusted: CertificateLike | null): RememberedSite => ({ origin: SITE, shortName: 'support', lastConnectedAt: NOW.toISOString(), trustedCertificate: trusted ? pinnedCertificate(trusted) : null });
const decide = (over: Partial<Parameters<typeof decideCertificateError>[0]> = {}) =>
  decideCertificateError({ url: `${SITE}/console`, error: 'net::ERR_CERT_AUTHORITY_INVALID', certificate: cert(), siteOrigin: SITE, site: site(null), now: NOW, ...over });

describe('certificate errors are never accepted silently', () => {
  it('asks about an untrusted certificate of the current site, with its details', () => {
    const d = decide();
    expect(d.action).toBe('ask');
    if (d.action !== 'ask') return;
    expect(d.details).toMatchObject({ host: 'support.example.com', subject: 'support.example.com', validFrom: '2026-01-01', validUntil: '2027-01-01', fingerprint: cert().fingerprint });
    expect(d.details.problem).toMatch(/not issued by an authority this computer trusts/);
    const dialog = certificateDialog(d.details);
    expect(dialog.buttons[dialog.defaultId]).toBe('Do Not Connect');
    expect(dialog.cancelId).toBe(0);
    expect(dialog.detail).toContain('Fingerprint (SHA-256): AAAAAAAA');
    expect(dialog.detail).toContain('Issued by: support.example.com');
  });

  it('accepts the very certificate the rep trusted for this site, while it is valid', () => {
    expect(decide({ site: site(cert()) })).toEqual({ action: 'trust' });
    expect(decide({ url: 'wss://support.example.com/ws/console', site: site(cert()) })).toEqual({ action: 'trust' });
  });

  it('asks again for a different certificate, or an expired trusted one', () => {
    const other = decide({ site: site(cert()), certificate: cert({ fingerprint: 'sha256/BBBB=' }) });
    expect(other.action).toBe('ask');
    if (other.action === 'ask') expect(other.details.problem).toMatch(/not the certificate you trusted/);
    expect(decide({ site: site(cert()), now: new Date('2027-02-01T00:00:00Z') }).action).toBe('ask');
  });

  it('refuses other hosts, plain http, the embedded site, garbage and revoked certificates', () => {
    expect(decide({ url: 'https://cdn.example.net/x.js' }).action).toBe('refuse');
    expect(decide({ url: 'https://support.example.com:8443/' }).action).toBe('refuse');
    expect(decide({ url: 'http://support.example.com/' }).action).toBe('refuse');
    expect(decide({ siteOrigin: null }).action).toBe('refuse');
    expect(decide({ url: 'not a url' }).action).toBe('refuse');
    expect(decide({ error: 'net::ERR_CERT_REVOKED', site: site(cert()) }).action).toBe('refuse');
  });

  it('names unknown errors without echoing markup', () => {
    const d = decide({ error: 'net::ERR_SOMETHING<script>' });
    expect(d.action === 'ask' && d.details.problem).toBe('The certificate could not be verified (net::ERR_SOMETHINGscript).');
  });
});

describe('the certificate dialog in the rep’s language', () => {
  afterEach(() => void desktopWords.set('en-US'));

  it('is French or German after the console says so', () => {
    desktopWords.set('fr-FR');
    const d = decide({ site: site(cert()), certificate: cert({ fingerprint: 'sha256/BBBB=', issuerName: '' }) });
    if (d.action !== 'ask') throw new Error('expected a question');
    const fr = certificateDialog(d.details);
    expect(fr.title).toBe('Problème de certificat');
    expect(fr.message).toBe('Le certificat de support.example.com n’a pas pu être vérifié');
    expect(fr.detail).toContain('auto-signé');
    expect(fr.detail).toContain('Ce n’est pas le certificat auquel vous avez fait confiance');
    expect(fr.detail).toContain('Délivré par : (aucun)');
    expect(fr.detail).toContain('Empreinte (SHA-256) : BBBB=');
    expect(fr.buttons).toEqual(['Ne pas se connecter', 'Faire confiance à ce certificat pour support.example.com']);
    desktopWords.set('de-DE');
    expect(certificateDialog(d.details).buttons).toEqual(['Nicht verbinden', 'Diesem Zertifikat für support.example.com vertrauen']);
  });

  it('logs a refusal in English whatever the rep reads', () => {
    desktopWords.set('de-DE');
    expect(decide({ error: 'net::ERR_CERT_REVOKED' })).toEqual({ action: 'refuse', reason: 'The certificate has been revoked by its issuer.' });
  });
});
