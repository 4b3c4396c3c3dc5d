/**
 * The one place that decides who may do what. Every adapter asks here before calling the domain;
 * the UI only hides what these functions deny.
 */
import { CodedError, type ErrorCode, type JumpGroupRole, type JumpMethod, type MemberRole, type Permissions, type QueueId, type TeamRole } from '../protocol/index.js';
import type { TeamMembership, UserRecord } from './ports.js';

export interface Actor {
  user: UserRecord;
  teams: TeamMembership[];
}

export type Action =
  | { kind: 'console.login' }
  /** Web console > Actions > Desktop Representative Console: hand the login to the desktop console. */
  | { kind: 'console.handoff' }
  /** A desktop console asks for its update token (first login). */
  | { kind: 'desktop.updateToken' }
  /** /login > Status > Upgrade (demo): the update feed serves a newer console. */
  | { kind: 'site.upgradeDemo' }
  | { kind: 'admin.login' }
  | { kind: 'admin.users.list' }
  | { kind: 'admin.status.view' }
  /** Changing one's own password (My Account). */
  | { kind: 'account.password.change' }
  /** Setting another user's password (Users). */
  | { kind: 'admin.users.setPassword' }
  /** Ending a rep's console login (Status > Logged-in representatives > End). */
  | { kind: 'admin.reps.logout' }
  /** Users: create, edit, delete accounts, reset failed logins; Teams and Issues. */
  | { kind: 'admin.users.manage' }
  /** Management > Security, Support Portal settings, the site's time zone, Restart. */
  | { kind: 'admin.site.manage' }
  /** My Account: names, e-mail, photo, two-factor, extended availability. */
  | { kind: 'account.edit' }
  /** The interface language of `userId`: a user sets only their own. */
  | { kind: 'account.uiLanguage'; userId: number }
  /** Jump Clients > Mass Deployment Wizard: create, list and revoke Jump Client installers. */
  | { kind: 'jumpClient.deploy' }
  | { kind: 'queue.view'; queueId: QueueId }
  | { kind: 'queue.favourite'; queueId: QueueId }
  | { kind: 'jump.list' }
  | { kind: 'session.accept'; queueId: QueueId }
  | { kind: 'sessionKey.generate' }
  | { kind: 'directory.list' }
  /** Being in the session: open it, chat, mark read. */
  | { kind: 'session.member'; role: MemberRole | null }
  | { kind: 'session.prompt'; role: MemberRole | null }
  | { kind: 'session.transfer'; role: MemberRole | null }
  | { kind: 'session.share'; role: MemberRole | null; targetInMyTeams: boolean }
  | { kind: 'session.inviteExternal'; role: MemberRole | null }
  | { kind: 'session.removeMember'; role: MemberRole | null }
  | { kind: 'session.end'; role: MemberRole | null }
  | { kind: 'session.leave'; role: MemberRole | null }
  | { kind: 'invitation.cancel'; isInviter: boolean }
  | { kind: 'invitation.answer'; queueId: QueueId }
  /** Reading and writing a team's chat. */
  | { kind: 'team.chat'; teamId: number }
  /** In-session tools on the session's endpoint: command shell, system information, file listing. */
  | { kind: 'session.shell'; role: MemberRole | null }
  | { kind: 'session.systemInfo'; role: MemberRole | null }
  | { kind: 'session.files'; role: MemberRole | null }
  /** File Transfer: sending files to the endpoint and changing its folders (fileUpload), fetching files from it (fileDownload). */
  | { kind: 'session.files.upload'; role: MemberRole | null }
  | { kind: 'session.files.download'; role: MemberRole | null }
  /** Elevate (full client, administrative rights) and Support Buttons on the session's endpoint: members, not external reps. */
  | { kind: 'session.elevate'; role: MemberRole | null }
  | { kind: 'session.supportButton'; role: MemberRole | null }
  /** A command-shell recording: the rep who opened the shell, or anyone who may view session reports. */
  | { kind: 'recording.view'; own: boolean }
  /** Screen sharing on the session's endpoint: viewing (screenView), or mouse and keyboard too (screenControl). */
  | { kind: 'session.screen'; role: MemberRole | null; control: boolean }
  /** Jump Items: see one, start a session with it, edit it (move, unpin); pin a Jump Client to a group or the personal list. */
  | { kind: 'jump.see'; item: JumpItemRef; reach: JumpReach }
  | { kind: 'jump.start'; item: JumpItemRef; reach: JumpReach }
  | { kind: 'jump.edit'; item: JumpItemRef; reach: JumpReach }
  | { kind: 'jump.pin'; target: { groupId: number } | { personal: true }; reach: JumpReach }
  | { kind: 'jump.unpin'; item: JumpItemRef; reach: JumpReach }
  | { kind: 'jump.overrideSchedule' }
  /** /login > Jump Policies: create, edit, delete Jump Policies (those allowed to may also override their schedules). */
  | { kind: 'jumpPolicy.edit' }
  /** Management > API Configuration: API accounts and their secrets. */
  | { kind: 'admin.apiAccounts.manage' }
  /** Reports: session reports, their details, recordings and CSV export. */
  | { kind: 'reports.view' }
  /** /login > Vault > Accounts: add, edit, delete accounts, check anyone's back in (administrators). */
  | { kind: 'vault.manage' }
  /** See Vault accounts, check them out and in (administrators, reps with injectCredentials). */
  | { kind: 'vault.use' }
  /** Inject Credentials into the session's endpoint (members with injectCredentials, not external reps). */
  | { kind: 'session.inject'; role: MemberRole | null };

/** Every representative permission on: what administrators get. */
export const ALL_PERMISSIONS: Permissions = {
  administrator: true,
  viewReports: true,
  jumpClient: true,
  localJump: true,
  remoteJump: true,
  shellJump: true,
  localRdp: true,
  jumpStartAll: true,
  jumpManage: true,
  screenView: true,
  screenControl: true,
  annotations: true,
  fileUpload: true,
  fileDownload: true,
  commandShell: true,
  systemInfo: true,
  elevation: true,
  pinJumpClients: true,
  supportButtons: true,
  generateSessionKeys: true,
  shareNonTeam: true,
  inviteExternal: true,
  transfer: true,
  overrideJumpPolicy: true,
  injectCredentials: true,
};

/** A typical help-desk rep: every in-session tool, no administration, Jump Items of their own groups. */
export const REP_PERMISSIONS: Permissions = {
  ...ALL_PERMISSIONS,
  administrator: false,
  viewReports: false,
  jumpStartAll: false,
  jumpManage: false,
  overrideJumpPolicy: false,
};

/** The queues an actor sees: their personal queue, their teams' queues, and the general queue. */
export function visibleQueueIds(actor: Actor): QueueId[] {
  // External reps see only the one session they were invited to, never a queue.
  if (isExternal(actor)) return [];
  return [`personal:${actor.user.id}`, ...actor.teams.map((t) => `team:${t.teamId}` as QueueId), 'general'];
}

export const isExternal = (actor: Actor): boolean => actor.user.externalSessionId !== null;

/** Why an action was refused: the code the adapters send back. */
export function refusalFor(action: Action): ErrorCode {
  if ('role' in action && action.role === null) return 'E_SESSION_NOT_MEMBER';
  switch (action.kind) {
    case 'session.member':
    case 'session.prompt':
      return 'E_SESSION_NOT_MEMBER';
    case 'session.transfer':
    case 'session.share':
    case 'session.inviteExternal':
    case 'session.removeMember':
    case 'session.end':
    case 'invitation.cancel':
      return 'role' in action && action.role !== 'owner' ? 'E_SESSION_NOT_OWNER' : 'E_FORBIDDEN';
    case 'session.leave':
      return 'role' in action && action.role === 'owner' ? 'E_SESSION_OWNER_CANNOT_LEAVE' : 'E_SESSION_NOT_MEMBER';
    case 'team.chat':
      return 'E_NOT_TEAM_MEMBER';
    case 'session.files.upload':
      return 'E_FILE_UPLOAD_FORBIDDEN';
    case 'session.files.download':
      return 'E_FILE_DOWNLOAD_FORBIDDEN';
    case 'vault.use':
    case 'session.inject':
      return 'E_INJECT_FORBIDDEN';
    default:
      return 'E_FORBIDDEN';
  }
}

export function isAllowed(actor: Actor, action: Action): boolean {
  const { user } = actor;
  const p = user.permissions;
  if (user.disabled) return false;
  const external = isExternal(actor);
  switch (action.kind) {
    case 'console.login':
      return true;
    case 'console.handoff':
    case 'desktop.updateToken':
      return !external;
    case 'site.upgradeDemo':
      return user.isAdmin && !external;
    case 'admin.login':
    case 'admin.status.view':
    case 'jump.list':
    case 'directory.list':
      return !external;
    case 'sessionKey.generate':
      return !external && p.generateSessionKeys;
    case 'session.member':
      return action.role !== null;
    case 'session.prompt':
      return action.role === 'owner' || action.role === 'participant';
    case 'session.transfer':
      return action.role === 'owner' && p.transfer;
    case 'session.share':
      return action.role === 'owner' && (action.targetInMyTeams || p.shareNonTeam);
    case 'session.inviteExternal':
      return action.role === 'owner' && p.inviteExternal;
    case 'session.removeMember':
    case 'session.end':
      return action.role === 'owner';
    case 'session.leave':
      return action.role === 'participant' || action.role === 'external';
    case 'invitation.cancel':
      return action.isInviter;
    case 'invitation.answer':
      return visibleQueueIds(actor).includes(action.queueId);
    case 'admin.users.list':
    case 'admin.users.setPassword':
    case 'admin.reps.logout':
    case 'admin.users.manage':
    case 'admin.site.manage':
      return user.isAdmin && !external;
    case 'jumpClient.deploy':
      // Administrators, and users allowed to deploy, remove and modify Jump Items.
      return !external && (user.isAdmin || p.jumpManage);
    case 'account.password.change':
    case 'account.edit':
      return !external;
    case 'account.uiLanguage':
      return action.userId === user.id;
    case 'queue.view':
    case 'session.accept':
      return visibleQueueIds(actor).includes(action.queueId);
    case 'queue.favourite':
      return action.queueId.startsWith('team:') && visibleQueueIds(actor).includes(action.queueId);
    case 'team.chat':
      return mayUseTeamChat(actor, action.teamId);
    case 'session.shell':
      return action.role !== null && p.commandShell;
    case 'session.systemInfo':
      return action.role !== null && p.systemInfo;
    case 'session.files':
      return action.role !== null && (p.fileDownload || p.fileUpload);
    case 'session.files.upload':
      return action.role !== null && p.fileUpload;
    case 'session.files.download':
      return action.role !== null && p.fileDownload;
    case 'session.elevate':
      return (action.role === 'owner' || action.role === 'participant') && p.elevation;
    case 'session.supportButton':
      return (action.role === 'owner' || action.role === 'participant') && p.supportButtons;
    case 'recording.view':
      return !external && (action.own || user.isAdmin || p.viewReports);
    case 'session.screen':
      return action.role !== null && (action.control ? p.screenControl : p.screenView || p.screenControl);
    case 'jump.see':
      return !external && maySeeJumpItem(actor, action.reach, action.item);
    case 'jump.start':
      return !external && maySeeJumpItem(actor, action.reach, action.item) && mayUseJumpMethod(p, action.item.method);
    case 'jump.edit':
      return !external && mayEditJumpItem(actor, action.reach, action.item);
    case 'jump.pin':
      return !external && p.pinJumpClients && ('personal' in action.target || mayEditJumpGroup(actor, action.reach, action.target.groupId));
    case 'jump.unpin':
      return !external && p.pinJumpClients && action.item.method === 'pinned' && mayEditJumpItem(actor, action.reach, action.item);
    case 'jump.overrideSchedule':
      return !external && p.overrideJumpPolicy;
    case 'jumpPolicy.edit':
      return !external && (user.isAdmin || p.overrideJumpPolicy);
    case 'admin.apiAccounts.manage':
      return user.isAdmin && !external;
    case 'reports.view':
      return !external && (user.isAdmin || p.viewReports);
    case 'vault.manage':
      return user.isAdmin && !external;
    case 'vault.use':
      return !external && (user.isAdmin || p.injectCredentials === true);
    case 'session.inject':
      return !external && (action.role === 'owner' || action.role === 'participant') && p.injectCredentials === true;
  }
}

/** What an API account may do: read with the command API, change state through it, read reports. */
export type ApiAction = 'command.read' | 'command.write' | 'reporting';

/** The integration APIs' rule: an enabled account, and the access its administrator gave it. */
export function apiAllows(account: { enabled: boolean; commandAccess: 'none' | 'read_only' | 'full'; reporting: boolean }, action: ApiAction): boolean {
  if (!account.enabled) return false;
  switch (action) {
    case 'command.read':
      return account.commandAccess !== 'none';
    case 'command.write':
      return account.commandAccess === 'full';
    case 'reporting':
      return account.reporting;
  }
}

// ── Jump Items ──────────────────────────────────────────────────────────────────────────────────
// Group items: members of the Jump Group (themselves or through a team) see them and start sessions;
// the "edit" role, or "deploy, remove, modify Jump Items" (jumpManage) in their groups, also edits.
// "Start sessions from all Jump Items" (jumpStartAll) reaches every group and every personal list.
// Personal items: the owner's own list; team leads see their members' lists, managers their
// members' and leads'. Each Jump method needs its own permission to start.

/** What a rep's Jump Item rights rest on besides their permissions (read from the store per request). */
export interface JumpReach {
  /** Jump Group id → the best role they hold in it, directly or through one of their teams. */
  groups: ReadonlyMap<number, JumpGroupRole>;
  /** Users whose personal Jump Items they look after as team lead or manager. */
  ledUserIds: ReadonlySet<number>;
}

/** What the rules look at in a Jump Item. */
export interface JumpItemRef {
  groupId: number | null;
  ownerUserId: number | null;
  method: JumpMethod;
}

const METHOD_PERMISSION: Record<JumpMethod, keyof Permissions> = {
  pinned: 'jumpClient',
  local_push: 'localJump',
  push: 'remoteJump',
  shelljump: 'shellJump',
  rdp: 'localRdp',
  // VNC is the other local desktop protocol; Local RDP covers both.
  vnc: 'localRdp',
};

export const mayUseJumpMethod = (p: Permissions, method: JumpMethod): boolean => p[METHOD_PERMISSION[method]] === true;

export function maySeeJumpItem(actor: Actor, reach: JumpReach, item: Pick<JumpItemRef, 'groupId' | 'ownerUserId'>): boolean {
  if (actor.user.permissions.jumpStartAll) return true;
  if (item.groupId !== null) return reach.groups.has(item.groupId);
  return item.ownerUserId !== null && (item.ownerUserId === actor.user.id || reach.ledUserIds.has(item.ownerUserId));
}

/** Editing a group's items (and pinning to it). */
export function mayEditJumpGroup(actor: Actor, reach: JumpReach, groupId: number): boolean {
  const p = actor.user.permissions;
  return reach.groups.get(groupId) === 'edit' || (p.jumpManage && (p.jumpStartAll || reach.groups.has(groupId)));
}

export function mayEditJumpItem(actor: Actor, reach: JumpReach, item: Pick<JumpItemRef, 'groupId' | 'ownerUserId'>): boolean {
  if (item.groupId !== null) return mayEditJumpGroup(actor, reach, item.groupId);
  if (item.ownerUserId === null) return false;
  if (item.ownerUserId === actor.user.id) return true;
  const p = actor.user.permissions;
  return p.jumpManage && (p.jumpStartAll || reach.ledUserIds.has(item.ownerUserId));
}

/** Whose personal lists a rep looks after: a lead their teams' members, a manager members and leads. */
export function ledUserIds(actor: Actor, teamRoles: readonly { teamId: number; userId: number; role: TeamRole }[]): Set<number> {
  const rank: Record<TeamRole, number> = { member: 0, lead: 1, manager: 2 };
  const mine = new Map(actor.teams.map((t) => [t.teamId, rank[t.role]]));
  const out = new Set<number>();
  for (const m of teamRoles) {
    const myRank = mine.get(m.teamId);
    if (myRank !== undefined && myRank > 0 && rank[m.role] < myRank && m.userId !== actor.user.id) out.add(m.userId);
  }
  return out;
}

/** Which Jump Items a search may return for this rep: group ids and personal-list owners (null: all). */
export function jumpScope(actor: Actor, reach: JumpReach): { visibleGroupIds: number[] | null; ownerIds: number[] | null } {
  if (isExternal(actor) || actor.user.disabled) return { visibleGroupIds: [], ownerIds: [] };
  if (actor.user.permissions.jumpStartAll) return { visibleGroupIds: null, ownerIds: null };
  return { visibleGroupIds: [...reach.groups.keys()], ownerIds: [actor.user.id, ...reach.ledUserIds] };
}

/** Team chat is for the team's own members (any role); external reps belong to no team. */
export function mayUseTeamChat(actor: Actor, teamId: number): boolean {
  return !actor.user.disabled && !isExternal(actor) && actor.teams.some((t) => t.teamId === teamId);
}

/**
 * Which /login routes that change something a signed-in user may reach at all, decided before their
 * body is read (so a refused caller learns nothing about the route's schema): E_FORBIDDEN, or the
 * route's own permission's code. The domain services still authorize every action in detail; this
 * only turns away whole routes early.
 */
export function authorizeLoginRoute(actor: Actor, path: string): void {
  if (actor.user.isAdmin) return;
  if (path === '/login/api/logout' || path.startsWith('/login/api/account/')) return;
  // Vault check-out / check-in: reps with Inject Credentials may; others get the Vault's own refusal.
  if (/^\/login\/api\/vault\/accounts\/[^/]+\/check-(?:out|in)$/.test(path)) return authorize(actor, { kind: 'vault.use' });
  throw new CodedError('E_FORBIDDEN');
}

/** Throws the action's refusal code unless it is allowed. */
export function authorize(actor: Actor, action: Action): void {
  if (!isAllowed(actor, action)) throw new CodedError(refusalFor(action));
}
