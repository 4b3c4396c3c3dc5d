/**
 * The appliance's TLS settings (`rep-appliance serve --tls-cert FILE --tls-key FILE`): TLS 1.2 and 1.3 only,
 * and on TLS 1.2 only forward-secret AEAD suites (ECDHE with AES-GCM or ChaCha20-Poly1305), in our
 * order — the "modern/intermediate" profile browsers and the vendor's appliances use. TLS 1.3 suites
 * are all AEAD and stay at Node's defaults.
 */
import { readFileSync } from 'node:fs';
import type { ServerOptions } from 'node:https';

export const TLS12_CIPHERS = [
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
] as const;

const TLS13_CIPHERS = ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256'] as const;

/** HSTS on every answer over TLS: a browser that once reached the site by https never falls back to http. */
export const HSTS = 'max-age=31536000';

export function tlsOptions(certFile: string, keyFile: string): ServerOptions {
  return {
    cert: readFileSync(certFile),
    key: readFileSync(keyFile),
    minVersion: 'TLSv1.2',
    ciphers: [...TLS13_CIPHERS, ...TLS12_CIPHERS].join(':'),
    honorCipherOrder: true,
  };
}
