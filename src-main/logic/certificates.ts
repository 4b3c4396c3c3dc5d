/**
 * What the desktop console does with a certificate error (Electron's `certificate-error` event)
 * for a site reached through "Connect to another site" (FEATURES.md §H): never accept silently.
 * A certificate the rep explicitly trusted for that site before (same SHA-256 fingerprint, still
 * valid) is accepted; anything else is shown to the rep with the certificate's details, and only
 * their explicit "Trust" lets it through (and pins it for that site, sites.ts). Errors for anything
 * but the current site's https origin are refused outright.
 */
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

const PROBLEMS: Record<string, string> = {
  'net::ERR_CERT_AUTHORITY_INVALID': 'The certificate was not issued by an authority this computer trusts (for example, it is self-signed).',
  'net::ERR_CERT_COMMON_NAME_INVALID': 'The certificate was issued for a different address than the one you are connecting to.',
  'net::ERR_CERT_DATE_INVALID': 'The certificate has expired or is not valid yet.',
  'net::ERR_CERT_REVOKED': 'The certificate has been revoked by its issuer.',
  'net::ERR_CERT_WEAK_SIGNATURE_ALGORITHM': 'The certificate is signed with a weak algorithm.',
  'net::ERR_CERT_INVALID': 'The certificate is not valid.',
};

/** A sentence a rep can read for Chromium's error name. */
export function describeCertificateProblem(error: string): string {
  return PROBLEMS[error] ?? `The certificate could not be verified (${error.replace(/[^\w:.-]/g, '').slice(0, 80)}).`;
}

const day = (seconds: number) => (Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000).toISOString().slice(0, 10) : 'unknown');

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
  if (input.error === 'net::ERR_CERT_REVOKED') return { action: 'refuse', reason: describeCertificateProblem(input.error) };
  const c = input.certificate;
  const pinned = input.site?.trustedCertificate;
  const expired = c.validExpiry * 1000 <= input.now.getTime() || c.validStart * 1000 > input.now.getTime();
  if (pinned && pinned.fingerprint === c.fingerprint && !expired) return { action: 'trust' };
  return {
    action: 'ask',
    details: {
      host: url.host,
      origin,
      problem: describeCertificateProblem(input.error) + (pinned && pinned.fingerprint !== c.fingerprint ? ' It is not the certificate you trusted for this site before.' : ''),
      subject: c.subjectName || '(none)',
      issuer: c.issuerName || '(none)',
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
    title: 'Certificate problem',
    message: `The certificate of ${details.host} could not be verified`,
    detail: [
      details.problem,
      '',
      `Issued to: ${details.subject}`,
      `Issued by: ${details.issuer}`,
      `Valid: ${details.validFrom} to ${details.validUntil}`,
      `Fingerprint (SHA-256): ${details.fingerprint.replace(/^sha256\//, '')}`,
      `Serial number: ${details.serialNumber}`,
      '',
      'Trust it only if your administrator confirms this fingerprint. Someone may be intercepting the connection.',
    ].join('\n'),
    buttons: ['Do Not Connect', `Trust This Certificate for ${details.host}`],
    defaultId: 0,
    cancelId: 0,
  };
}

/** What the sites store keeps when the rep trusts a certificate. */
export function pinnedCertificate(c: CertificateLike): TrustedCertificate {
  return { fingerprint: c.fingerprint, pem: c.data, subject: c.subjectName, issuer: c.issuerName, validExpiry: c.validExpiry };
}
