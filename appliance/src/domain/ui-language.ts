/**
 * A user's interface language (My Account > Language, the console's Languages dialog). Stored before
 * it is answered; `user.changed` then sends `auth.me` (which carries it) to every console of the
 * user, and /login pages read it from their session, so every open view switches at once.
 */
import { CodedError } from '../protocol/index.js';
import { isUiLanguage, type UiLanguage } from '../protocol/ui-languages.js';
import type { AccountRepository } from './account-ports.js';
import type { EventBus } from './event-bus.js';
import { authorize, type Actor } from './permissions.js';
import type { Repositories, UserRecord } from './ports.js';

export interface UiLanguageDeps {
  repos: Pick<Repositories, 'users'> & { accounts: Pick<AccountRepository, 'update'> };
  bus: Pick<EventBus, 'publish'>;
}

/** Sets `userId`'s interface language (a user sets only their own) and returns the stored user. */
export function setUiLanguage(deps: UiLanguageDeps, actor: Actor, language: string, userId: number = actor.user.id): UserRecord {
  authorize(actor, { kind: 'account.uiLanguage', userId });
  if (!isUiLanguage(language)) throw new CodedError('E_LANGUAGE_UNSUPPORTED');
  const chosen: UiLanguage = language;
  deps.repos.accounts.update(userId, { uiLanguage: chosen });
  deps.bus.publish({ type: 'user.changed', userId });
  return deps.repos.users.byId(userId) ?? actor.user;
}
