/**
 * Session keys: 12 random digits shown as three groups of four, plus a URL token (`/?ak=`). One use,
 * valid until its expiry (which only limits starting the session). Stored as hashes.
 */
import { randomInt } from 'node:crypto';
import { CodedError, type GeneratedKey, type QueueId } from '../protocol/index.js';
import { iso, type Clock } from './clock.js';
import { authorize, type Actor } from './permissions.js';
import type { KeyRecord, Repositories } from './ports.js';
import { hashToken, newToken } from './tokens.js';

export const formatKey = (digits: string): string => `${digits.slice(0, 4)} ${digits.slice(4, 8)} ${digits.slice(8, 12)}`;

/** Accepts what a person types: digits with any spaces or dashes. */
export function normalizeKey(input: string): string | null {
  const digits = input.replace(/[\s-]+/g, '');
  return /^\d{12}$/.test(digits) ? digits : null;
}

/** The queue a redeemed support key puts its customer in: the one stored on it, else its issuer's personal queue. */
export function keyQueue(rec: Pick<KeyRecord, 'queueId' | 'issuerId'>): QueueId {
  if (rec.queueId) return rec.queueId;
  if (rec.issuerId === null) throw new CodedError('E_KEY_INVALID');
  return `personal:${rec.issuerId}`;
}

export class KeyService {
  constructor(
    private readonly repos: Pick<Repositories, 'keys'>,
    private readonly clock: Clock,
  ) {}

  generate(actor: Actor, opts: { minutes: number; custom: Record<string, string>; baseUrl: string }): GeneratedKey {
    authorize(actor, { kind: 'sessionKey.generate' });
    return this.issue({ kind: 'support', issuerId: actor.user.id, queueId: null, sessionId: null, minutes: opts.minutes, custom: opts.custom, external: {}, baseUrl: opts.baseUrl });
  }

  /** Creates a key (support or external) and returns how to show it. `queueId` null: the issuer's personal queue. */
  issue(o: { kind: KeyRecord['kind']; issuerId: number | null; queueId?: QueueId | null; sessionId: string | null; minutes: number; custom: Record<string, string>; external: KeyRecord['external']; baseUrl: string }): GeneratedKey {
    for (let attempt = 0; ; attempt++) {
      const digits = Array.from({ length: 12 }, () => randomInt(10)).join('');
      const token = newToken();
      try {
        const rec = this.repos.keys.create({
          kind: o.kind, issuerId: o.issuerId, queueId: o.queueId ?? null, sessionId: o.sessionId, createdAt: iso(this.clock), expiresAt: iso(this.clock, o.minutes * 60_000),
          custom: o.custom, external: o.external, digitsHash: hashToken(digits), tokenHash: hashToken(token),
        });
        return { key: formatKey(digits), url: `${o.baseUrl}/?ak=${token}`, expiresAt: rec.expiresAt };
      } catch (e) {
        // A collision with a live key's digits: draw again (vanishingly rare).
        if (attempt > 5) throw e;
      }
    }
  }

  /** Finds a usable key by its digits or URL token and marks it used; coded errors otherwise. */
  redeem(input: { digits: string } | { token: string }): KeyRecord {
    let rec: KeyRecord | null;
    if ('digits' in input) {
      const digits = normalizeKey(input.digits);
      if (!digits) throw new CodedError('E_KEY_INVALID');
      rec = this.repos.keys.byDigitsHash(hashToken(digits));
    } else rec = this.repos.keys.byTokenHash(hashToken(input.token));
    if (!rec) throw new CodedError('E_KEY_INVALID');
    if (rec.usedAt) throw new CodedError('E_KEY_USED');
    if (rec.expiresAt <= iso(this.clock)) throw new CodedError('E_KEY_EXPIRED');
    if (!this.repos.keys.markUsed(rec.id, iso(this.clock))) throw new CodedError('E_KEY_USED');
    return rec;
  }
}
