/**
 * The one place that decides who may do what. Every adapter asks here before calling the domain;
 * the UI only hides what these functions deny.
 */
import { CodedError, type Permissions, type QueueId } from '../protocol/index.js';
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
  | { kind: 'queue.view'; queueId: QueueId }
  | { kind: 'queue.favourite'; queueId: QueueId }
  | { kind: 'jump.list' }
  | { kind: 'session.accept'; queueId: QueueId };

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
  return [`personal:${actor.user.id}`, ...actor.teams.map((t) => `team:${t.teamId}` as QueueId), 'general'];
}

export function isAllowed(actor: Actor, action: Action): boolean {
  const { user } = actor;
  if (user.disabled) return false;
  switch (action.kind) {
    case 'console.login':
    case 'admin.login':
    case 'admin.status.view':
    case 'jump.list':
      return true;
    case 'admin.users.list':
      return user.isAdmin;
    case 'queue.view':
    case 'session.accept':
      return visibleQueueIds(actor).includes(action.queueId);
    case 'queue.favourite':
      return action.queueId.startsWith('team:') && visibleQueueIds(actor).includes(action.queueId);
  }
}

/** Throws E_FORBIDDEN unless the action is allowed. */
export function authorize(actor: Actor, action: Action): void {
  if (!isAllowed(actor, action)) throw new CodedError('E_FORBIDDEN');
}
