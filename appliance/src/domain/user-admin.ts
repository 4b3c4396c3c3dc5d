/**
 * Users (administrators only): create, edit and delete accounts with every field and permission,
 * reset failed-login counts and two-factor, never lock yourself out (no deleting, disabling or
 * demoting your own account). Each save is one transaction: a refusal leaves the account as it was.
 * Consoles of the user hear about the change at once (`user.changed`), and a disabled user's
 * logins end.
 */
import { CodedError, type TeamRole } from '../protocol/index.js';
import type { UserDetail, UserInput, UserSummary } from '../protocol/admin-models.js';
import type { AccountService } from './accounts.js';
import { normalizeAnswer } from './accounts.js';
import type { Clock } from './clock.js';
import type { EventBus } from './event-bus.js';
import { hashPassword } from './passwords.js';
import { authorize, type Actor } from './permissions.js';
import type { Repositories, UserRecord } from './ports.js';

type Repos = Pick<Repositories, 'users' | 'accounts' | 'teams' | 'sessions' | 'logins' | 'transaction'>;

export class UserAdmin {
  constructor(
    private readonly repos: Repos,
    private readonly accounts: Pick<AccountService, 'hashNewPassword' | 'newPasswordExpiry'>,
    private readonly bus: Pick<EventBus, 'publish'>,
    private readonly clock: Clock,
  ) {}

  list(actor: Actor): UserSummary[] {
    authorize(actor, { kind: 'admin.users.list' });
    return this.repos.users.list().map((u) => this.summary(u));
  }

  detail(actor: Actor, id: number): UserDetail {
    authorize(actor, { kind: 'admin.users.list' });
    return this.detailOf(this.existing(id));
  }

  create(actor: Actor, input: UserInput): UserDetail {
    authorize(actor, { kind: 'admin.users.manage' });
    if (!input.password) throw new CodedError('E_PASSWORD_WEAK', 'A new user needs a password.');
    if (this.repos.users.byUsername(input.username)) throw new CodedError('E_USER_EXISTS');
    this.checkTeams(input.teams);
    const hash = this.accounts.hashNewPassword(input.password, input.username);
    const now = this.clock.now().toISOString();
    const user = this.repos.transaction(() => {
      const u = this.repos.users.create(
        { username: input.username, displayName: input.displayName, publicDisplayName: input.publicDisplayName, passwordHash: hash, isAdmin: input.permissions.administrator, permissions: input.permissions },
        now,
      );
      this.repos.accounts.update(u.id, this.patchOf(input, this.accounts.newPasswordExpiry()));
      this.repos.accounts.setMemberships(u.id, input.teams);
      return u;
    });
    return this.detailOf(this.existing(user.id));
  }

  update(actor: Actor, id: number, input: UserInput): UserDetail {
    authorize(actor, { kind: 'admin.users.manage' });
    const before = this.existing(id);
    if (id === actor.user.id && (input.disabled || !input.permissions.administrator)) throw new CodedError('E_USER_SELF');
    const clash = this.repos.users.byUsername(input.username);
    if (clash && clash.id !== id) throw new CodedError('E_USER_EXISTS');
    this.checkTeams(input.teams);
    const hash = input.password ? this.accounts.hashNewPassword(input.password, input.username) : null;
    this.repos.transaction(() => {
      if (hash) this.repos.users.setPassword(id, hash);
      this.repos.accounts.update(id, this.patchOf(input, input.passwordExpiresAt));
      this.repos.accounts.setMemberships(id, input.teams);
    });
    if (input.disabled && !before.disabled) this.endLogins(id);
    this.bus.publish({ type: 'user.changed', userId: id });
    return this.detailOf(this.existing(id));
  }

  /** Delete (not yourself, nor someone who still owns open sessions). */
  delete(actor: Actor, id: number): void {
    authorize(actor, { kind: 'admin.users.manage' });
    if (id === actor.user.id) throw new CodedError('E_USER_SELF');
    this.existing(id);
    if (this.repos.sessions.ownedBy(id).length > 0) throw new CodedError('E_USER_HAS_SESSIONS');
    this.endLogins(id);
    this.repos.transaction(() => this.repos.accounts.delete(id));
  }

  /** Reset: the failed-login count back to 0, and any lockout lifted. */
  resetFailures(actor: Actor, id: number): UserSummary {
    authorize(actor, { kind: 'admin.users.manage' });
    this.existing(id);
    this.repos.transaction(() => this.repos.accounts.resetFailures(id));
    return this.summary(this.existing(id));
  }

  /** For a user who lost their phone: two-factor off, so they can log in and set it up again. */
  resetTwoFactor(actor: Actor, id: number): UserSummary {
    authorize(actor, { kind: 'admin.users.manage' });
    this.existing(id);
    this.repos.transaction(() => this.repos.accounts.disableTotp(id));
    return this.summary(this.existing(id));
  }

  private patchOf(input: UserInput, passwordExpiresAt: string | null) {
    return {
      username: input.username,
      displayName: input.displayName,
      publicDisplayName: input.publicDisplayName,
      email: input.email,
      language: input.language,
      extendedAvailability: input.extendedAvailability,
      passwordExpiresAt,
      securityQuestion: input.securityQuestion,
      // An empty answer keeps the stored one; no question clears it.
      ...(input.securityQuestion === '' ? { securityAnswerHash: null } : input.securityAnswer ? { securityAnswerHash: hashPassword(normalizeAnswer(input.securityAnswer)) } : {}),
      policy: input.policy,
      isAdmin: input.permissions.administrator,
      disabled: input.disabled,
      permissions: input.permissions,
    };
  }

  private endLogins(userId: number): void {
    const now = this.clock.now().toISOString();
    const revoked = this.repos.logins.revokeOthers(userId, ['web', 'desktop', 'admin'], null, now);
    if (revoked.length) this.bus.publish({ type: 'login.revoked', userId, tokenHashes: revoked, code: 'E_AUTH_DISABLED' });
  }

  private checkTeams(teams: readonly { teamId: number; role: TeamRole }[]): void {
    for (const t of teams) if (!this.repos.teams.byId(t.teamId)) throw new CodedError('E_TEAM_NOT_FOUND');
  }

  private existing(id: number): UserRecord {
    const u = this.repos.users.byId(id);
    if (!u || u.externalSessionId !== null) throw new CodedError('E_USER_NOT_FOUND');
    return u;
  }

  private summary(u: UserRecord): UserSummary {
    const f = this.repos.accounts.fields(u.id);
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      publicDisplayName: u.publicDisplayName,
      email: f?.email ?? '',
      isAdmin: u.isAdmin,
      disabled: u.disabled,
      failedLogins: u.failedLogins,
      lockedUntil: u.lockedUntil && u.lockedUntil > this.clock.now().toISOString() ? u.lockedUntil : null,
      lastLoginAt: u.lastLoginAt,
      twoFactor: u.totpSecret !== null,
      extendedAvailability: f?.extendedAvailability ?? false,
      hasPhoto: f?.photoUpdatedAt != null,
      teams: this.repos.users.memberships(u.id).map((m) => ({ id: m.teamId, name: m.teamName, role: m.role })),
    };
  }

  private detailOf(u: UserRecord): UserDetail {
    const f = this.repos.accounts.fields(u.id)!;
    return {
      ...this.summary(u),
      language: f.language as UserDetail['language'],
      passwordExpiresAt: f.passwordExpiresAt,
      securityQuestion: f.securityQuestion,
      hasSecurityAnswer: f.securityAnswerHash !== null,
      permissions: u.permissions,
      policy: f.policy,
      createdAt: u.createdAt,
    };
  }
}
