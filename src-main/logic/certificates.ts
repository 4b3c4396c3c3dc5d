/**
 * What the desktop console does with a certificate error (Electron's `certificate-error` event)
 * for a site reached through "Connect to another site" (FEATURES.md §H): never accept silently.
 * A certificate the rep explicitly trusted for that site before (same SHA-256 fingerprint, still
 * valid) is accepted; anything else is shown to the rep with the certificate's details, and only
 * their explicit "Trust" lets it through (and pins it for that site, sites.ts). Errors for anything
 * but the current site's https origin are refused outright.
 */
import { englishWord, word, type DesktopKey } from './desktop-words.js';
import type { RememberedSite, TrustedCertificate } from './sites.js';

/** The part of Electron's `Certificate` we read (injected: the logic runs in Node). */
export interface CertificateLike {
  readonly subjectName: string;
  readonly issuerName: string;
  /** `sha256/<base64>` */
  readonly fingerprint: string;
  /** Seconds since the epoch. */
  readonly validStart: number;
  readonly validExpiry: number;
  readonly serialNumber: string;
  /** PEM */
  readonly data: string;
}

export interface CertificateErrorInput {
  /** The URL whose certificate failed. */
  readonly url: string;
  /** Chromium's error name, e.g. `net::ERR_CERT_AUTHORITY_INVALID`. */
  readonly error: string;
  readonly certificate: CertificateLike;
  /** The origin of the site the console is connected to (null: the embedded site, plain loopback http). */
  readonly siteOrigin: string | null;
  /** That site as remembered (its pinned certificate, if the rep trusted one). */
  readonly site: RememberedSite | null;
  readonly now: Date;
}

export interface CertificateDetails {
  readonly host: string;
  readonly origin: string;
  readonly problem: string;
  readonly subject: string;
  readonly issuer: string;
  readonly validFrom: string;
  readonly validUntil: string;
  readonly fingerprint: string;
  readonly serialNumber: string;
}

export type CertificateDecision =
  | { readonly action: 'trust' }
  | { readonly action: 'refuse'; readonly reason: string }
  | { readonly action: 'ask'; readonly details: CertificateDetails };

const PROBLEMS: Record<string, DesktopKey> = {
  'net::ERR_CERT_AUTHORITY_INVALID': 'desktop.cert.authorityInvalid',
  'net::ERR_CERT_COMMON_NAME_INVALID': 'desktop.cert.commonNameInvalid',
  'net::ERR_CERT_DATE_INVALID': 'desktop.cert.dateInvalid',
  'net::ERR_CERT_REVOKED': 'desktop.cert.revoked',
  'net::ERR_CERT_WEAK_SIGNATURE_ALGORITHM': 'desktop.cert.weakSignature',
  'net::ERR_CERT_INVALID': 'desktop.cert.invalid',
};

/** A sentence a rep can read for Chromium's error name (`say`: the rep's language, or English for the log). */
export function describeCertificateProblem(error: string, say: typeof word = word): string {
  const key = Object.hasOwn(PROBLEMS, error) ? PROBLEMS[error] : undefined;
  return key ? say(key) : say('desktop.cert.unknownProblem', { error: error.replace(/[^\w:.-]/g, '').slice(0, 80) });
}

const day = (seconds: number) => (Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000).toISOString().slice(0, 10) : word('desktop.cert.unknownDate'));

export function decideCertificateError(input: CertificateErrorInput): CertificateDecision {
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    return { action: 'refuse', reason: 'The address does not parse.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'wss:') return { action: 'refuse', reason: 'Only https sites have certificates to trust.' };
  const origin = `https://${url.host}`;
  if (input.siteOrigin === null || origin !== input.siteOrigin) {
    return { action: 'refuse', reason: `${url.host} is not the site this console is connected to.` };
  }
  // Revoked stays refused whatever the rep trusted before.
  if (input.error === 'net::ERR_CERT_REVOKED') return { action: 'refuse', reason: describeCertificateProblem(input.error, englishWord) };
  const c = input.certificate;
  const pinned = input.site?.trustedCertificate;
  const expired = c.validExpiry * 1000 <= input.now.getTime() || c.validStart * 1000 > input.now.getTime();
  if (pinned && pinned.fingerprint === c.fingerprint && !expired) return { action: 'trust' };
  return {
    action: 'ask',
    details: {
      host: url.host,
      origin,
      problem: describeCertificateProblem(input.error) + (pinned && pinned.fingerprint !== c.fingerprint ? ` ${word('desktop.cert.notPinned')}` : ''),
      subject: c.subjectName || word('desktop.cert.none'),
      issuer: c.issuerName || word('desktop.cert.none'),
      validFrom: day(c.validStart),
      validUntil: day(c.validExpiry),
      fingerprint: c.fingerprint,
      serialNumber: c.serialNumber,
    },
  };
}

/** The dialog the rep sees (main process: dialog.showMessageBox), "Do not connect" the default. */
export function certificateDialog(details: CertificateDetails): { title: string; message: string; detail: string; buttons: [string, string]; defaultId: 0; cancelId: 0 } {
  return {
    title: word('desktop.cert.title'),
    message: word('desktop.cert.message', { host: details.host }),
    detail: [
      details.problem,
      '',
      word('desktop.cert.issuedTo', { subject: details.subject }),
      word('desktop.cert.issuedBy', { issuer: details.issuer }),
      word('desktop.cert.valid', { from: details.validFrom, until: details.validUntil }),
      word('desktop.cert.fingerprint', { fingerprint: details.fingerprint.replace(/^sha256\//, '') }),
      word('desktop.cert.serialNumber', { serial: details.serialNumber }),
      '',
      word('desktop.cert.advice'),
    ].join('\n'),
    buttons: [word('desktop.button.doNotConnect'), word('desktop.cert.trust', { host: details.host })],
    defaultId: 0,
    cancelId: 0,
  };
}

/** What the sites store keeps when the rep trusts a certificate. */
export function pinnedCertificate(c: CertificateLike): TrustedCertificate {
  return { fingerprint: c.fingerprint, pem: c.data, subject: c.subjectName, issuer: c.issuerName, validExpiry: c.validExpiry };
}
