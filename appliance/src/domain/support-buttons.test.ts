import { describe, expect, it } from 'vitest';
import { CodedError } from '../protocol/index.js';
import { checkClick, expiresAt, isExpired } from './support-buttons.js';

const at = (iso: string) => new Date(iso);
const refusal = (fn: () => void): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof CodedError ? e.code : String(e);
  }
};

describe('Support Button expiry', () => {
  it('counts days and weeks exactly, months and years by the calendar', () => {
    const now = at('2026-01-31T14:29:31.000Z');
    expect(expiresAt('1d', now)?.toISOString()).toBe('2026-02-01T14:29:31.000Z');
    expect(expiresAt('1w', now)?.toISOString()).toBe('2026-02-07T14:29:31.000Z');
    // One month after January 31 is the last day of February, not March 3.
    expect(expiresAt('1m', now)?.toISOString()).toBe('2026-02-28T14:29:31.000Z');
    expect(expiresAt('6m', now)?.toISOString()).toBe('2026-07-31T14:29:31.000Z');
    expect(expiresAt('1y', at('2028-02-29T08:00:00.000Z'))?.toISOString()).toBe('2029-02-28T08:00:00.000Z');
    expect(expiresAt('never', now)).toBeNull();
  });

  it('a click works until the expiry instant, then is refused with E_SUPPORT_BUTTON_EXPIRED', () => {
    const b = { removedAt: null, expiresAt: '2026-03-01T10:00:00.000Z' };
    expect(refusal(() => checkClick(b, at('2026-03-01T09:59:59.999Z')))).toBeNull();
    expect(refusal(() => checkClick(b, at('2026-03-01T10:00:00.000Z')))).toBe('E_SUPPORT_BUTTON_EXPIRED');
    expect(isExpired(b, at('2026-03-02T00:00:00.000Z'))).toBe(true);
    expect(isExpired({ expiresAt: null }, at('2099-01-01T00:00:00.000Z'))).toBe(false);
  });

  it('a removed or unknown button is refused with E_SUPPORT_BUTTON_NOT_FOUND, even before it expires', () => {
    expect(refusal(() => checkClick(null, at('2026-01-01T00:00:00.000Z')))).toBe('E_SUPPORT_BUTTON_NOT_FOUND');
    expect(refusal(() => checkClick({ removedAt: '2026-01-01T00:00:00.000Z', expiresAt: null }, at('2026-01-02T00:00:00.000Z')))).toBe('E_SUPPORT_BUTTON_NOT_FOUND');
  });
});
