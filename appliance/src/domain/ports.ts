/**
 * What the domain needs from storage, as interfaces: the SQLite repositories in store/ implement
 * them today; a shared database can implement them when one appliance is no longer enough.
 */
import type { JumpGroup, JumpItem, Permissions, QueueId, SessionStatus, SessionSummary, TeamRole } from '../protocol/index.js';

export interface UserRecord {
  id: number;
  username: string;
  displayName: string;
  publicDisplayName: string;
  passwordHash: string;
  passwordIsDefault: boolean;
  isAdmin: boolean;
  disabled: boolean;
  failedLogins: number;
  lockedUntil: string | null;
  permissions: Permissions;
  totpSecret: string | null;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface TeamMembership {
  teamId: number;
  teamName: string;
  role: TeamRole;
  favourite: boolean;
}

export interface NewUser {
  username: string;
  displayName: string;
  publicDisplayName?: string;
  passwordHash: string;
  passwordIsDefault?: boolean;
  isAdmin?: boolean;
  permissions: Permissions;
}

export interface UserRepository {
  byId(id: number): UserRecord | null;
  byUsername(username: string): UserRecord | null;
  list(): UserRecord[];
  count(): number;
  create(user: NewUser, now: string): UserRecord;
  recordLoginSuccess(id: number, now: string): void;
  recordLoginFailure(id: number, lockedUntil: string | null): number;
  memberships(userId: number): TeamMembership[];
}

export interface TeamRecord {
  id: number;
  name: string;
  code: string;
}

export interface TeamRepository {
  list(): TeamRecord[];
  byId(id: number): TeamRecord | null;
  create(name: string, code: string): TeamRecord;
  addMember(teamId: number, userId: number, role: TeamRole): void;
  memberCount(teamId: number): number;
  setFavourite(teamId: number, userId: number, favourite: boolean): boolean;
}

export interface IssueRecord {
  id: number;
  codeName: string;
  description: string;
  teamId: number;
  teamName: string;
}

export interface IssueRepository {
  list(): IssueRecord[];
  byId(id: number): IssueRecord | null;
  create(codeName: string, description: string, teamId: number): IssueRecord;
}

export interface NewJumpItem {
  name: string;
  method: JumpItem['method'];
  groupId: number | null;
  ownerUserId?: number | null;
  hostname: string;
  comments: string;
  tag: string;
  publicIp: string;
  privateIp: string;
  os: JumpItem['os'];
  status: JumpItem['status'];
  lastAccessedAt?: string | null;
}

export interface JumpSearch {
  search: string;
  groupId: number | null;
  /** Group ids the rep may see; null = all. */
  visibleGroupIds: number[] | null;
  /** Personal items of these owners are visible too. */
  ownerIds: number[];
  offset: number;
  limit: number;
}

export interface JumpRepository {
  groups(): JumpGroup[];
  createGroup(name: string, code: string): JumpGroup;
  create(item: NewJumpItem, now: string): JumpItem;
  search(q: JumpSearch): { items: JumpItem[]; total: number };
  countActive(): number;
}

export interface NewSession {
  id: string;
  type: SessionSummary['type'];
  browser: boolean;
  customerName: string;
  company: string;
  computer: string;
  issue: string;
  details: string;
  customAttributes: Record<string, string>;
  queueId: QueueId;
  customerTokenHash: string | null;
}

export interface SessionRepository {
  create(s: NewSession, now: string): SessionSummary;
  byId(id: string): SessionSummary | null;
  byCustomerTokenHash(hash: string): SessionSummary | null;
  /** Sessions not ended in any of these queues. */
  openInQueues(queueIds: readonly QueueId[]): SessionSummary[];
  countOpen(status: SessionStatus): number;
  setStatus(id: string, status: SessionStatus, now: string): SessionSummary | null;
  /** Makes a waiting session active with this owner; false when it was not waiting (someone was faster). */
  claim(id: string, ownerId: number): boolean;
  addEvent(sessionId: string, actor: string, kind: string, data: Record<string, unknown>, now: string): void;
  events(sessionId: string): { at: string; actor: string; kind: string; data: Record<string, unknown> }[];
}

export type LoginKind = 'web' | 'desktop' | 'admin';

export interface LoginRecord {
  tokenHash: string;
  userId: number;
  kind: LoginKind;
  createdAt: string;
  expiresAt: string;
}

export interface LoginRepository {
  create(rec: LoginRecord): void;
  live(tokenHash: string, now: string): LoginRecord | null;
  revoke(tokenHash: string, now: string): void;
  /** Revokes the user's live logins of these kinds except one; returns the revoked token hashes. */
  revokeOthers(userId: number, kinds: readonly LoginKind[], keep: string | null, now: string): string[];
}

export interface SettingsRepository {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export interface Repositories {
  users: UserRepository;
  teams: TeamRepository;
  issues: IssueRepository;
  jump: JumpRepository;
  sessions: SessionRepository;
  logins: LoginRepository;
  settings: SettingsRepository;
  /** Runs fn atomically (one transaction in SQLite). */
  transaction<T>(fn: () => T): T;
}
