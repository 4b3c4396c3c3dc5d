/**
 * What the domain needs from storage, as interfaces: the SQLite repositories in store/ implement
 * them today; a shared database can implement them when one appliance is no longer enough.
 */
import type {
  ChatAudience, ChatMessage, Invitation, InvitationKind, JumpGroup, JumpGroupRole, JumpItem, JumpPolicy, MemberRole, Permissions, Prompt, PromptKind, QueueId, SessionStatus,
  SessionSummary, SystemLine, TeamChatMessage, TeamRole,
} from '../protocol/index.js';

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
  /** External reps are users bound to the one session they were invited to. */
  externalSessionId: string | null;
  /** Interface language chosen by the user (migration 0017); null/absent: never chosen. */
  uiLanguage?: string | null;
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
  /** Replaces the password hash; a password someone chose is never the default one. */
  setPassword(id: number, passwordHash: string): void;
  memberships(userId: number): TeamMembership[];
  /** An external representative: no password, no teams, one session. */
  createExternal(displayName: string, sessionId: string, permissions: Permissions, now: string): UserRecord;
  /** Users of a team (for "all reps of a team" and online counts). */
  teamMembers(teamId: number): number[];
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
  policyId?: number | null;
  /** A Jump Client password, hashed (passwords.ts). */
  passwordHash?: string | null;
}

/** A Jump Item with what the rules and the details pane need besides the list columns (never its password hash). */
export interface JumpItemRecord extends JumpItem {
  ownerUserId: number | null;
  ownerName: string | null;
  policyId: number | null;
  policyName: string | null;
  passwordProtected: boolean;
  createdAt: string;
}

export interface JumpSearch {
  search: string;
  groupId: number | null;
  /** Only items in personal lists. */
  personalOnly?: boolean;
  /** Group ids the rep may see; null = all. */
  visibleGroupIds: number[] | null;
  /** Personal items of these owners are visible too; null = every owner's. */
  ownerIds: number[] | null;
  offset: number;
  limit: number;
}

/** A Jump Group role a user holds, directly or through one of their teams. */
export interface JumpGroupMembership {
  groupId: number;
  role: JumpGroupRole;
}

export interface JumpRepository {
  groups(): JumpGroup[];
  createGroup(name: string, code: string): JumpGroup;
  create(item: NewJumpItem, now: string): JumpItemRecord;
  byId(id: number): JumpItemRecord | null;
  /** One page of matches, name order; a search counts only so far past the page (capped: there are more than total). */
  search(q: JumpSearch): { items: JumpItemRecord[]; total: number; capped: boolean };
  countActive(): number;
  setStatus(itemId: number, status: JumpItem['status']): void;
  passwordHash(itemId: number): string | null;
  /** Moves an item to a Jump Group or a personal list; a password hash replaces the old one (undefined keeps it). */
  place(itemId: number, place: { groupId: number | null; ownerUserId: number | null }, passwordHash?: string | null): void;
  remove(itemId: number): boolean;
  setPolicy(itemId: number, policyId: number | null): void;
  /** Last Accessed, and a line in the access log Frequently Used counts. */
  recordAccess(itemId: number, userId: number, sessionId: string, now: string): void;
  /** The items a rep started most, most first. */
  frequent(userId: number, limit: number): { itemId: number; starts: number }[];
  memberships(userId: number, teamIds: readonly number[]): JumpGroupMembership[];
  addMember(groupId: number, who: { userId: number } | { teamId: number }, role: JumpGroupRole): void;
  /** Everyone in these teams with their team role (who a lead or manager looks after). */
  teamRoles(teamIds: readonly number[]): { teamId: number; userId: number; role: TeamRole }[];
  /** The session is a Jump to this item; endsAt: when its Jump Policy forces it to end. */
  linkSession(sessionId: string, itemId: number, endsAt: string | null): void;
  /** Open (not ended) sessions linked to Jump Items, optionally of one item. */
  openJumpSessions(itemId?: number): { sessionId: string; itemId: number; endsAt: string | null }[];
}

export interface JumpPolicyRepository {
  create(policy: Omit<JumpPolicy, 'id'>, now?: string): JumpPolicy;
  byId(id: number): JumpPolicy | null;
  byCode(code: string): JumpPolicy | null;
  list(): JumpPolicy[];
  /** Replaces a policy's settings and schedule (its code stays); null when it does not exist. */
  update(id: number, policy: Omit<JumpPolicy, 'id' | 'code'>, now: string): JumpPolicy | null;
  /** Deletes a policy; its Jump Items keep no policy. */
  remove(id: number): boolean;
  /** How many Jump Items use each policy (by id). */
  itemCounts(): Map<number, number>;
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
  /** A waiting session's place in its queue's line (1 = next), counted by the index; null when it is not waiting. */
  waitingPosition(id: string): number | null;
  countOpen(status: SessionStatus): number;
  setStatus(id: string, status: SessionStatus, now: string): SessionSummary | null;
  /** Moves a session to a queue (waiting time restarts there). */
  moveTo(id: string, queueId: QueueId, status: SessionStatus, ownerId: number | null, now: string): void;
  setOwner(id: string, ownerId: number | null): void;
  /** Makes a waiting session active with this owner; false when it was not waiting (someone was faster). */
  claim(id: string, ownerId: number): boolean;
  /** Appends to the session's log; returns the event id (chat message ids are event ids). */
  addEvent(sessionId: string, actor: string, kind: string, data: Record<string, unknown>, now: string): number;
  chat(sessionId: string, from: ChatMessage['from'], body: string, audience: ChatAudience, now: string, line?: SystemLine): ChatMessage;
  /** The chat history, oldest first; customerView drops rep-only lines. */
  messages(sessionId: string, customerView: boolean): ChatMessage[];
  unreadCount(sessionId: string, afterEventId: number, readerId: number): number;
  lastEventId(sessionId: string): number;
  /** Open sessions of simulated (demo) customers. */
  openSimulated(): SessionSummary[];
  /** Sessions owned by this rep that are not ended. */
  ownedBy(userId: number): SessionSummary[];
  events(sessionId: string): { at: string; actor: string; kind: string; data: Record<string, unknown> }[];
  /** Where the customer connected from (reports); an empty value leaves what is recorded. */
  setCustomerAddress(id: string, address: { publicIp?: string; privateIp?: string }): void;
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

export interface MemberRecord {
  sessionId: string;
  userId: number;
  name: string;
  role: MemberRole;
  joinedAt: string;
  lastReadEvent: number;
  invitedBy: number | null;
}

export interface MemberRepository {
  active(sessionId: string): MemberRecord[];
  activeFor(userId: number): MemberRecord[];
  role(sessionId: string, userId: number): MemberRole | null;
  add(sessionId: string, userId: number, role: MemberRole, invitedBy: number | null, now: string): void;
  setRole(sessionId: string, userId: number, role: MemberRole): void;
  leave(sessionId: string, userId: number, now: string): boolean;
  leaveAll(sessionId: string, now: string): number[];
  markRead(sessionId: string, userId: number, eventId: number): void;
}

export interface KeyRecord {
  id: number;
  kind: 'support' | 'external';
  /** The rep who generated it; null for a command-API key into a general or team queue. */
  issuerId: number | null;
  /** Where the customer lands; null: the issuer's personal queue (migration 0015). */
  queueId: QueueId | null;
  sessionId: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  custom: Record<string, string>;
  external: { name?: string; policy?: string; description?: string; comments?: string };
}

export interface KeyRepository {
  create(rec: Omit<KeyRecord, 'id' | 'usedAt'> & { digitsHash: string; tokenHash: string }): KeyRecord;
  byDigitsHash(hash: string): KeyRecord | null;
  byTokenHash(hash: string): KeyRecord | null;
  /** Marks a key used; false when it already was (single use, race-safe). */
  markUsed(id: number, now: string): boolean;
}

export interface InvitationRecord extends Invitation {
  inviterId: number;
  stay: boolean;
}

export interface InvitationRepository {
  create(rec: { sessionId: string; kind: InvitationKind; queueId: QueueId; targetName: string; inviterId: number; stay: boolean }, now: string): InvitationRecord;
  byId(id: number): InvitationRecord | null;
  open(sessionId: string): InvitationRecord[];
  openInQueues(queueIds: readonly QueueId[]): InvitationRecord[];
  /** Ends one invitation; false when it had already ended. */
  end(id: number, reason: string, now: string): boolean;
}

export interface PromptRepository {
  create(sessionId: string, kind: PromptKind, askedBy: string, now: string): Prompt;
  byId(id: number): Prompt | null;
  answer(id: number, state: 'allowed' | 'refused' | 'cancelled', now: string): Prompt | null;
  list(sessionId: string): Prompt[];
}

export interface TeamChatRepository {
  /** Stores a line; the message carries the sender's current display name. */
  add(teamId: number, userId: number, body: string, now: string): TeamChatMessage;
  /** Up to `limit` lines older than `beforeId` (newest first when null), returned oldest first. */
  page(teamId: number, beforeId: number | null, limit: number): TeamChatMessage[];
  /** The newest line's id in a team's chat (0 when it is empty). */
  lastId(teamId: number): number;
  lastReadId(userId: number, teamId: number): number;
  /** Moves the user's read mark forward (never back). */
  markRead(userId: number, teamId: number, upToId: number): void;
  /** Per team: lines written by others after the user's read mark (teams with none are left out). */
  unreadCounts(userId: number, teamIds: readonly number[]): Map<number, number>;
}

export interface Repositories {
  users: UserRepository;
  /** /login account administration (0011 fields, photos, two-factor, memberships). */
  accounts: import('./account-ports.js').AccountRepository;
  /** Editing teams and issues, the site's uploaded images. */
  siteAdmin: import('./account-ports.js').SiteAdminRepository;
  teams: TeamRepository;
  issues: IssueRepository;
  jump: JumpRepository;
  jumpPolicies: JumpPolicyRepository;
  sessions: SessionRepository;
  logins: LoginRepository;
  settings: SettingsRepository;
  members: MemberRepository;
  keys: KeyRepository;
  invitations: InvitationRepository;
  prompts: PromptRepository;
  teamChat: TeamChatRepository;
  /** Runs fn atomically (one transaction in SQLite). */
  transaction<T>(fn: () => T): T;
}
