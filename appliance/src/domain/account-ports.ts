/**
 * What /login's account and site administration needs from storage beyond ports.ts: the account
 * fields of migration 0010, photos and site images, two-factor state, and editing teams and issues.
 */
import type { TeamRole } from '../protocol/index.js';
import type { UserPolicy } from '../protocol/admin-models.js';
import type { LoginKind } from './ports.js';

export interface AccountFields {
  email: string;
  language: string;
  extendedAvailability: boolean;
  passwordExpiresAt: string | null;
  securityQuestion: string;
  securityAnswerHash: string | null;
  totpPendingSecret: string | null;
  totpLastStep: number;
  policy: UserPolicy;
  photoUpdatedAt: string | null;
}

/** The columns an administrator or the user may change (undefined: unchanged). */
export interface AccountPatch {
  username?: string;
  displayName?: string;
  publicDisplayName?: string;
  email?: string;
  language?: string;
  /** Interface language (0017); `language` is the preferred e-mail language. */
  uiLanguage?: string | null;
  extendedAvailability?: boolean;
  passwordExpiresAt?: string | null;
  securityQuestion?: string;
  securityAnswerHash?: string | null;
  policy?: UserPolicy;
  isAdmin?: boolean;
  disabled?: boolean;
  permissions?: import('../protocol/index.js').Permissions;
}

export interface StoredImage {
  mime: string;
  data: Buffer;
  width: number;
  height: number;
  updatedAt: string;
}

export interface AccountRepository {
  fields(userId: number): AccountFields | null;
  update(userId: number, patch: AccountPatch): void;
  delete(userId: number): boolean;
  resetFailures(userId: number): void;
  setTotpPending(userId: number, secret: string | null): void;
  /** Turns two-factor on with the confirmed secret; the step the confirming code used can never be used again. */
  enableTotp(userId: number, secret: string, usedStep: number): void;
  disableTotp(userId: number): void;
  /** Records a code's time step as used; false when that step (or a later one) was used already (replay). */
  useTotpStep(userId: number, step: number): boolean;
  photo(userId: number): StoredImage | null;
  setPhoto(userId: number, image: Omit<StoredImage, 'updatedAt'> | null, now: string): void;
  /** Team memberships of a user, replaced as a whole. */
  setMemberships(userId: number, memberships: readonly { teamId: number; role: TeamRole }[]): void;
  /** Live logins of a kind (e.g. every web console when the site stops allowing it). */
  liveLogins(kind: LoginKind, now: string): { tokenHash: string; userId: number }[];
}

export interface SiteAdminRepository {
  updateTeam(id: number, name: string, code: string): void;
  deleteTeam(id: number): boolean;
  teamMembers(teamId: number): { userId: number; username: string; displayName: string; role: TeamRole }[];
  setTeamMembers(teamId: number, members: readonly { userId: number; role: TeamRole }[]): void;
  issuesOfTeam(teamId: number): number;
  updateIssue(id: number, codeName: string, description: string, teamId: number): void;
  deleteIssue(id: number): boolean;
  image(name: string): StoredImage | null;
  setImage(name: string, image: Omit<StoredImage, 'updatedAt'> | null, now: string): void;
}
