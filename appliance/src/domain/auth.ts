/**
 * Logging in and out of the rep console and /login: password check, lockout, one console at a
 * time, and bearer tokens stored hashed.
 */
import { CodedError, type Me } from '../protocol/index.js';
import { isUiLanguage } from '../protocol/ui-languages.js';
import { iso, type Clock } from './clock.js';
import type { EventBus } from './event-bus.js';
import { verifyPassword } from './passwords.js';
import { checkSecondFactor, passwordExpired } from './second-factor.js';
import { authorize, type Actor } from './permissions.js';
import type { LoginKind, LoginRecord, Repositories, UserRecord } from './ports.js';
import { hashToken, newToken } from './tokens.js';

const CONSOLE_LOGIN_MS = 12 * 60 * 60 * 1000;
const ADMIN_LOGIN_MS = 8 * 60 * 60 * 1000;
export const DEFAULT_LOCKOUT_THRESHOLD = 5;
export const DEFAULT_LOCKOUT_MINUTES = 15;

export interface LoginResult {
  token: string;
  actor: Actor;
  login: LoginRecord;
}

export class AuthService {
  constructor(
    private readonly repos: Pick<Repositories, 'users' | 'logins' | 'settings' | 'accounts'>,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {}

  /** Checks the password (and lockout), then opens a login of the given kind. */
  login(username: string, password: string, kind: LoginKind, totp?: string): LoginResult {
    const user = this.repos.users.byUsername(username);
    const now = iso(this.clock);
    if (!user) {
      // Spend the same time as a real check so usernames cannot be probed by timing.
      verifyPassword(password, DUMMY_HASH);
      throw new CodedError('E_AUTH_INVALID');
    }
    if (user.lockedUntil && user.lockedUntil > now) throw new CodedError('E_AUTH_LOCKED');
    if (!verifyPassword(password, user.passwordHash)) throw new CodedError(this.recordFailure(user) ? 'E_AUTH_LOCKED' : 'E_AUTH_INVALID');
    if (user.disabled) throw new CodedError('E_AUTH_DISABLED');
    if (passwordExpired(this.repos.accounts.fields(user.id)?.passwordExpiresAt ?? null, this.clock.now().getTime())) throw new CodedError('E_PASSWORD_EXPIRED');
    if (kind === 'web' && this.repos.settings.get('security.webConsoleEnabled') === 'false') throw new CodedError('E_WEB_CONSOLE_DISABLED');
    checkSecondFactor(this.repos, user, totp, kind, this.clock.now().getTime(), () => this.recordFailure(user));
    const actor = this.actorFor(user);
    authorize(actor, { kind: kind === 'admin' ? 'admin.login' : 'console.login' });
    this.repos.users.recordLoginSuccess(user.id, now);
    return this.open(actor, kind);
  }

  /**
   * Asks a logged-in user for their password again (before changing it). A wrong one counts toward
   * the lockout like a failed login, so a stolen /login cookie cannot be used to guess it.
   */
  confirmPassword(userId: number, password: string): void {
    const user = this.repos.users.byId(userId);
    if (!user) throw new CodedError('E_AUTH_TOKEN_INVALID');
    if (user.lockedUntil && user.lockedUntil > iso(this.clock)) throw new CodedError('E_AUTH_LOCKED');
    if (!verifyPassword(password, user.passwordHash)) throw new CodedError(this.recordFailure(user) ? 'E_AUTH_LOCKED' : 'E_PASSWORD_WRONG');
  }

  /** Checks a security answer like a password: locked accounts are refused, and a wrong answer counts toward the lockout. */
  confirmAnswer(userId: number, answer: string, answerHash: string): void {
    const user = this.repos.users.byId(userId);
    if (!user) throw new CodedError('E_PASSWORD_RESET_UNAVAILABLE');
    if (user.lockedUntil && user.lockedUntil > iso(this.clock)) throw new CodedError('E_AUTH_LOCKED');
    if (!verifyPassword(answer, answerHash)) throw new CodedError(this.recordFailure(user) ? 'E_AUTH_LOCKED' : 'E_SECURITY_ANSWER_WRONG');
  }

  /** Ends every console login of a user and tells their consoles why; returns how many there were. */
  endConsoleLogins(userId: number, code: 'E_AUTH_ENDED_BY_ADMIN'): number {
    const revoked = this.repos.logins.revokeOthers(userId, ['web', 'desktop'], null, iso(this.clock));
    if (revoked.length) this.bus.publish({ type: 'login.revoked', userId, tokenHashes: revoked, code });
    return revoked.length;
  }

  /** A login without a password (external reps who redeemed their key). */
  openFor(user: UserRecord, kind: LoginKind): LoginResult {
    return this.open(this.actorFor(user), kind);
  }

  /** A console login from an earlier token (desktop console restart, web reload with the cookie). */
  resume(token: string, kinds: readonly LoginKind[]): { actor: Actor; login: LoginRecord } {
    const login = this.repos.logins.live(hashToken(token), iso(this.clock));
    if (!login || !kinds.includes(login.kind)) throw new CodedError('E_AUTH_TOKEN_INVALID');
    const user = this.repos.users.byId(login.userId);
    if (!user || user.disabled) throw new CodedError('E_AUTH_TOKEN_INVALID');
    if (login.kind === 'web' && this.repos.settings.get('security.webConsoleEnabled') === 'false') throw new CodedError('E_WEB_CONSOLE_DISABLED');
    return { actor: this.actorFor(user), login };
  }

  logout(token: string): void {
    this.repos.logins.revoke(hashToken(token), iso(this.clock));
  }

  logoutByHash(tokenHash: string): void {
    this.repos.logins.revoke(tokenHash, iso(this.clock));
  }

  actorFor(user: UserRecord): Actor {
    return { user, teams: this.repos.users.memberships(user.id) };
  }

  /** Counts a wrong password; returns true when that locked the account. */
  private recordFailure(user: UserRecord): boolean {
    const threshold = Number(this.repos.settings.get('lockout.threshold') ?? DEFAULT_LOCKOUT_THRESHOLD);
    const minutes = Number(this.repos.settings.get('lockout.minutes') ?? DEFAULT_LOCKOUT_MINUTES);
    const lockUntil = user.failedLogins + 1 >= threshold ? iso(this.clock, minutes * 60_000) : null;
    this.repos.users.recordLoginFailure(user.id, lockUntil);
    return lockUntil !== null;
  }

  private open(actor: Actor, kind: LoginKind): LoginResult {
    const token = newToken();
    const now = this.clock.now().getTime();
    const login: LoginRecord = {
      tokenHash: hashToken(token),
      userId: actor.user.id,
      kind,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + (kind === 'admin' ? ADMIN_LOGIN_MS : CONSOLE_LOGIN_MS)).toISOString(),
    };
    this.repos.logins.create(login);
    if (kind !== 'admin') {
      // One console at a time: a web login ends the desktop console's and vice versa.
      const revoked = this.repos.logins.revokeOthers(actor.user.id, ['web', 'desktop'], login.tokenHash, login.createdAt);
      if (revoked.length) this.bus.publish({ type: 'login.revoked', userId: actor.user.id, tokenHashes: revoked, code: 'E_AUTH_KICKED' });
    }
    return { token, actor, login };
  }
}

/** What a console shows about the logged-in rep. */
export function toMe(actor: Actor): Me {
  const { user, teams } = actor;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    publicDisplayName: user.publicDisplayName,
    isAdmin: user.isAdmin,
    permissions: user.permissions,
    teams: teams.map((t) => ({ id: t.teamId, name: t.teamName, role: t.role })),
    uiLanguage: isUiLanguage(user.uiLanguage) ? user.uiLanguage : null,
  };
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
