/** Session keys against a real SQLite store and a clock the test moves: expiry, single use, what a person types. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempSite, type TempSite } from '../../../tests/helpers/temp-site.js';
import { seedSite } from '../demo/seed.js';
import type { Clock } from './clock.js';
import { KeyService, normalizeKey } from './keys.js';
import type { Actor } from './permissions.js';
import type { Repositories } from './ports.js';

let site: TempSite;
let repos: Repositories;
let now = Date.parse('2026-03-02T09:00:00Z');
const clock: Clock = { now: () => new Date(now) };
let keys: KeyService;
let ana: Actor;

beforeEach(() => {
  site = openTempSite('rep-keys-');
  repos = site.repos;
  seedSite(repos, clock, true);
  keys = new KeyService(repos, clock);
  const user = repos.users.byUsername('ana')!;
  ana = { user, teams: repos.users.memberships(user.id) };
});
afterEach(() => site.dispose());

const tokenOf = (url: string) => new URL(url).searchParams.get('ak')!;

describe('session keys', () => {
  it('are three groups of four digits with a URL token, valid until their expiry and not a moment after', () => {
    const k = keys.generate(ana, { minutes: 15, custom: {}, baseUrl: 'https://support.example' });
    expect(k.key).toMatch(/^\d{4} \d{4} \d{4}$/);
    expect(k.expiresAt).toBe('2026-03-02T09:15:00.000Z');
    now += 15 * 60_000;
    expect(() => keys.redeem({ digits: k.key })).toThrow(expect.objectContaining({ code: 'E_KEY_EXPIRED' }));
    expect(() => keys.redeem({ token: tokenOf(k.url) })).toThrow(expect.objectContaining({ code: 'E_KEY_EXPIRED' }));
  });

  it('are used once, by digits or by link', () => {
    const k = keys.generate(ana, { minutes: 15, custom: {}, baseUrl: 'https://support.example' });
    now += 14 * 60_000;
    expect(keys.redeem({ digits: k.key.replace(/ /g, '-') }).issuerId).toBe(ana.user.id);
    expect(() => keys.redeem({ token: tokenOf(k.url) })).toThrow(expect.objectContaining({ code: 'E_KEY_USED' }));
    expect(() => keys.redeem({ digits: k.key })).toThrow(expect.objectContaining({ code: 'E_KEY_USED' }));
  });

  it('refuse malformed and unknown input', () => {
    expect(normalizeKey(' 1234 5678-9012 ')).toBe('123456789012');
    expect(normalizeKey('1234 5678 901')).toBeNull();
    expect(normalizeKey('1234 5678 90ab')).toBeNull();
    expect(() => keys.redeem({ digits: 'abc' })).toThrow(expect.objectContaining({ code: 'E_KEY_INVALID' }));
    expect(() => keys.redeem({ digits: '0000 0000 0000' })).toThrow(expect.objectContaining({ code: 'E_KEY_INVALID' }));
    expect(() => keys.redeem({ token: 'not-a-token' })).toThrow(expect.objectContaining({ code: 'E_KEY_INVALID' }));
  });
});
