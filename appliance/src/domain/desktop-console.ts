/**
 * The desktop console's dealings with the site (FEATURES.md §H):
 *
 *  - the web → desktop hand-off: a web console asks for a one-time, short-lived token bound to its
 *    rep; the desktop console that opens the `.brcs` file redeems it once, before it expires, and is
 *    logged in as a desktop console. The rep's other console logins end with E_AUTH_HANDED_OFF (the
 *    web console shows why); their sessions are not released — they are the rep's, and the rep is
 *    now on the desktop console — so customers stay connected;
 *  - update tokens: handed to a desktop console at its first login, kept in its keychain, required
 *    by the update feed;
 *  - the version the update feed serves, which the demo site can "upgrade" (/login > Status).
 */
import { CodedError } from '../protocol/index.js';
import type { AuthService, LoginResult } from './auth.js';
import { iso, type Clock } from './clock.js';
import type { EventBus } from './event-bus.js';
import { authorize, type Actor } from './permissions.js';
import type { LoginRecord, Repositories } from './ports.js';
import { hashToken, newToken } from './tokens.js';

export interface HandoffTokenRecord {
  tokenHash: string;
  userId: number;
  /** The web console login that asked for it. */
  webLoginHash: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface DesktopTokenRepository {
  createHandoff(rec: Omit<HandoffTokenRecord, 'usedAt'>): void;
  handoff(tokenHash: string): HandoffTokenRecord | null;
  /** Marks an unused token used; false when it was used already (a concurrent redeem won). */
  claimHandoff(tokenHash: string, now: string): boolean;
  /** Forgets tokens that expired before `before` (used or not). */
  purgeHandoffs(before: string): number;
  createUpdateToken(rec: { tokenHash: string; userId: number; createdAt: string }): void;
  /** The live (not revoked) update token's user, or null. */
  updateTokenUser(tokenHash: string): number | null;
  touchUpdateToken(tokenHash: string, now: string): void;
}

/** The setting holding the console version the update feed serves (default: the site's own). */
export const SERVED_VERSION_SETTING = 'update.servedVersion';

/** `1.2.3` → `1.2.4` (a pre-release or build suffix is dropped). */
export function bumpPatch(version: string): string {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!m) throw new Error(`"${version}" is not a semantic version.`);
  return `${m[1]}.${m[2]}.${Number(m[3]) + 1}`;
}

export class DesktopConsoleService {
  constructor(
    private readonly repos: Pick<Repositories, 'users' | 'logins' | 'settings' | 'transaction'>,
    private readonly tokens: DesktopTokenRepository,
    private readonly auth: Pick<AuthService, 'openFor'>,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly siteVersion: string,
    /** How long a hand-off token lives. */
    private readonly handoffTtlMs: () => number,
  ) {}

  /** A hand-off token for the rep of a web console login; the caller builds the file. */
  createHandoff(actor: Actor, login: LoginRecord): { token: string; expiresAt: string } {
    authorize(actor, { kind: 'console.handoff' });
    if (login.kind !== 'web') throw new CodedError('E_HANDOFF_WEB_ONLY');
    const now = this.clock.now().getTime();
    const token = newToken();
    const expiresAt = new Date(now + this.handoffTtlMs()).toISOString();
    this.repos.transaction(() => {
      this.tokens.purgeHandoffs(new Date(now - 24 * 60 * 60_000).toISOString());
      this.tokens.createHandoff({ tokenHash: hashToken(token), userId: actor.user.id, webLoginHash: login.tokenHash, createdAt: new Date(now).toISOString(), expiresAt });
    });
    return { token, expiresAt };
  }

  /**
   * Redeems a hand-off token: one time, before it expires, for an enabled user. Opens a desktop
   * console login; the rep's other console logins end with E_AUTH_HANDED_OFF.
   */
  redeemHandoff(token: string): LoginResult {
    const hash = hashToken(token);
    const now = iso(this.clock);
    const result = this.repos.transaction(() => {
      const rec = this.tokens.handoff(hash);
      if (!rec) throw new CodedError('E_HANDOFF_INVALID');
      if (rec.usedAt !== null) throw new CodedError('E_HANDOFF_USED');
      if (rec.expiresAt <= now) throw new CodedError('E_HANDOFF_EXPIRED');
      if (!this.tokens.claimHandoff(hash, now)) throw new CodedError('E_HANDOFF_USED');
      const user = this.repos.users.byId(rec.userId);
      if (!user || user.disabled) throw new CodedError('E_AUTH_DISABLED');
      // Ended first, with our reason, so openFor finds nothing left to end with its generic one.
      const revoked = this.repos.logins.revokeOthers(user.id, ['web', 'desktop'], null, now);
      return { login: this.auth.openFor(user, 'desktop'), revoked, userId: user.id };
    });
    // After the commit: the web console is told once its login is gone for good.
    if (result.revoked.length) this.bus.publish({ type: 'login.revoked', userId: result.userId, tokenHashes: result.revoked, code: 'E_AUTH_HANDED_OFF' });
    return result.login;
  }

  /** A new update token for a desktop console login (its first login keeps it in the keychain). */
  issueUpdateToken(loginToken: string, resume: (token: string) => { actor: Actor }): string {
    const { actor } = resume(loginToken);
    authorize(actor, { kind: 'desktop.updateToken' });
    const token = newToken();
    this.tokens.createUpdateToken({ tokenHash: hashToken(token), userId: actor.user.id, createdAt: iso(this.clock) });
    return token;
  }

  /** Whether `token` may read the update feed: a live token of an enabled user. */
  checkUpdateToken(token: string | null): boolean {
    if (!token || token.length > 256) return false;
    const hash = hashToken(token);
    const userId = this.tokens.updateTokenUser(hash);
    const user = userId === null ? null : this.repos.users.byId(userId);
    if (!user || user.disabled) return false;
    this.tokens.touchUpdateToken(hash, iso(this.clock));
    return true;
  }

  /** The console version the update feed serves. */
  servedVersion(): string {
    return this.repos.settings.get(SERVED_VERSION_SETTING) ?? this.siteVersion;
  }

  /** /login > Status > Upgrade (demo): the feed serves the next patch version. Demo sites only. */
  upgradeDemo(actor: Actor): string {
    authorize(actor, { kind: 'site.upgradeDemo' });
    if (this.repos.settings.get('site.demo') !== 'true') throw new CodedError('E_UPGRADE_DEMO_ONLY');
    const next = bumpPatch(this.servedVersion());
    this.repos.settings.set(SERVED_VERSION_SETTING, next);
    return next;
  }
}
