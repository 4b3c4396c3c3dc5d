/** The queues a rep sees and the sessions waiting or running in them. */
import { CodedError, GENERAL_QUEUE_NAME, type Directory, type Invitation, type Queue, type QueueId, type SessionSummary } from '../protocol/index.js';
import { authorize, visibleQueueIds, type Actor } from './permissions.js';
import type { Presence } from './presence.js';
import { toInvitation } from './session-view.js';
import type { Repositories } from './ports.js';

export class QueueService {
  constructor(
    private readonly repos: Pick<Repositories, 'sessions' | 'teams' | 'invitations' | 'users' | 'teamChat'>,
    private readonly presence: Presence,
  ) {}

  list(actor: Actor): { queues: Queue[]; sessions: SessionSummary[]; invitations: Invitation[] } {
    if (actor.user.externalSessionId !== null) return { queues: [], sessions: [], invitations: [] };
    const unread = this.repos.teamChat.unreadCounts(actor.user.id, actor.teams.map((t) => t.teamId));
    const queues: Queue[] = [
      { id: `personal:${actor.user.id}`, kind: 'personal', name: 'Personal', favourite: false, unreadChat: 0 },
      ...actor.teams.map((t): Queue => ({ id: `team:${t.teamId}`, kind: 'team', name: t.teamName, favourite: t.favourite, unreadChat: unread.get(t.teamId) ?? 0 })),
      { id: 'general', kind: 'general', name: GENERAL_QUEUE_NAME, favourite: false, unreadChat: 0 },
    ];
    const visible = visibleQueueIds(actor);
    // Your own invitations do not wait in your queues.
    const invitations = this.repos.invitations.openInQueues(visible).filter((i) => i.inviterId !== actor.user.id).map(toInvitation);
    return { queues, sessions: this.repos.sessions.openInQueues(visible), invitations };
  }

  /** The Transfer / Share tree. */
  directory(actor: Actor): Directory {
    authorize(actor, { kind: 'directory.list' });
    const users = this.repos.users.list().filter((u) => !u.disabled);
    return {
      teams: this.repos.teams.list().map((t) => ({ id: t.id, name: t.name, onlineReps: this.repos.users.teamMembers(t.id).filter((id) => this.presence.isOnline(id)).length })),
      reps: users.map((u) => ({ id: u.id, name: u.displayName, online: this.presence.isOnline(u.id), teams: this.repos.users.memberships(u.id).map((m) => m.teamName) })),
    };
  }

  setFavourite(actor: Actor, queueId: QueueId, favourite: boolean): void {
    authorize(actor, { kind: 'queue.favourite', queueId });
    const teamId = Number(queueId.slice('team:'.length));
    if (!this.repos.teams.setFavourite(teamId, actor.user.id, favourite)) throw new CodedError('E_NOT_FOUND');
  }
}

/** The queue's display name for a customer ("General", "Ana Lopez"). */
export function queueName(repos: Pick<Repositories, 'teams' | 'users'>, queueId: QueueId): string {
  if (queueId === 'general') return GENERAL_QUEUE_NAME;
  const [kind, id] = queueId.split(':');
  if (kind === 'team') return repos.teams.byId(Number(id))?.name ?? 'Team';
  return repos.users.byId(Number(id))?.publicDisplayName ?? 'Representative';
}
