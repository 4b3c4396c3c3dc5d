/**
 * The one place that decides who may do what. Every adapter asks here before calling the domain;
 * the UI only hides what these functions deny.
 */
import { CodedError, type ErrorCode, type MemberRole, type Permissions, type QueueId } from '../protocol/index.js';
import type { TeamMembership, UserRecord } from './ports.js';

export interface Actor {
  user: UserRecord;
  teams: TeamMembership[];
}

export type Action =
  | { kind: 'console.login' }
  | { kind: 'admin.login' }
  | { kind: 'admin.users.list' }
  | { kind: 'admin.status.view' }
  /** Changing one's own password (My Account). */
  | { kind: 'account.password.change' }
  /** Setting another user's password (Users). */
  | { kind: 'admin.users.setPassword' }
  /** Ending a rep's console login (Status > Logged-in representatives > End). */
  | { kind: 'admin.reps.logout' }
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
  | { kind: 'team.chat'; teamId: number };

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
      return user.isAdmin && !external;
    case 'account.password.change':
      return !external;
    case 'queue.view':
    case 'session.accept':
      return visibleQueueIds(actor).includes(action.queueId);
    case 'queue.favourite':
      return action.queueId.startsWith('team:') && visibleQueueIds(actor).includes(action.queueId);
    case 'team.chat':
      return mayUseTeamChat(actor, action.teamId);
  }
}

/** Team chat is for the team's own members (any role); external reps belong to no team. */
export function mayUseTeamChat(actor: Actor, teamId: number): boolean {
  return !actor.user.disabled && !isExternal(actor) && actor.teams.some((t) => t.teamId === teamId);
}

/** Throws the action's refusal code unless it is allowed. */
export function authorize(actor: Actor, action: Action): void {
  if (!isAllowed(actor, action)) throw new CodedError(refusalFor(action));
}
