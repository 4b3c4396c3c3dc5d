/**
 * Status > Logged-in representatives > End: an administrator ends a rep's console login. Their
 * consoles are told why and closed (the same path as one-console-at-a-time), and once no console
 * of theirs is left their sessions go where a logged-out rep's go (connection-loss.ts).
 */
import { CodedError } from '../protocol/index.js';
import type { AuthService } from './auth.js';
import type { RepConnectionLoss } from './connection-loss.js';
import { authorize, type Actor } from './permissions.js';
import type { Repositories } from './ports.js';
import type { Presence } from './presence.js';

export class RepLogout {
  constructor(
    private readonly repos: Pick<Repositories, 'users'>,
    private readonly auth: Pick<AuthService, 'endConsoleLogins'>,
    private readonly presence: Pick<Presence, 'isOnline'>,
    private readonly repLoss: Pick<RepConnectionLoss, 'release'>,
  ) {}

  /** Throws E_REP_NOT_LOGGED_IN when the rep had no console login left (someone was faster, or they left). */
  end(actor: Actor, userId: number): void {
    authorize(actor, { kind: 'admin.reps.logout' });
    if (!this.repos.users.byId(userId)) throw new CodedError('E_USER_NOT_FOUND');
    // Consoles hear about it synchronously (event bus), so presence is up to date on return.
    const ended = this.auth.endConsoleLogins(userId, 'E_AUTH_ENDED_BY_ADMIN');
    if (ended === 0) throw new CodedError('E_REP_NOT_LOGGED_IN');
    if (!this.presence.isOnline(userId)) this.repLoss.release(userId, 'admin');
  }
}
