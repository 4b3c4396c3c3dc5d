import { describe, expect, it } from 'vitest';
import { matchTotp, newTotpSecret, totpUri } from './totp.js';

// RFC 6238 appendix B: the SHA-1 seed "12345678901234567890" (base32 below), 8-digit codes; the 6-digit code is their last six digits.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
];

describe('TOTP (RFC 6238)', () => {
  it('accepts the RFC test vectors at their own time', () => {
    for (const [t, code] of RFC_VECTORS) expect(matchTotp(RFC_SECRET, code.slice(-6), t * 1000), `t=${t}`).toBe(Math.floor(t / 30));
  });

  it('accepts the previous step (typing time) but not older or future codes', () => {
    const t = 1111111109 * 1000;
    expect(matchTotp(RFC_SECRET, '081804', t + 30_000)).toBe(Math.floor(1111111109 / 30));
    expect(matchTotp(RFC_SECRET, '081804', t + 61_000)).toBeNull();
    expect(matchTotp(RFC_SECRET, '081804', t - 30_000)).toBeNull();
  });

  it('refuses a step already used (a code works once)', () => {
    const t = 1234567890 * 1000;
    const step = Math.floor(1234567890 / 30);
    expect(matchTotp(RFC_SECRET, '005924', t, step)).toBeNull();
    expect(matchTotp(RFC_SECRET, '005924', t, step - 1)).toBe(step);
  });

  it('refuses malformed codes', () => {
    for (const bad of ['', '12345', '1234567', 'abcdef', '12 456']) expect(matchTotp(RFC_SECRET, bad, 59_000)).toBeNull();
  });

  it('makes 160-bit base32 secrets and otpauth URIs any authenticator reads', () => {
    const s = newTotpSecret();
    expect(s).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(s);
    const uri = new URL(totpUri(s, 'ana', 'Rep Console'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(s);
    expect(uri.searchParams.get('issuer')).toBe('Rep Console');
  });
});
