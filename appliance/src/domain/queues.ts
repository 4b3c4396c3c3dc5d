/** The queues a rep sees and the sessions waiting or running in them. */
import { CodedError, type Queue, type QueueId, type SessionSummary } from '../protocol/index.js';
import { authorize, visibleQueueIds, type Actor } from './permissions.js';
import type { Repositories } from './ports.js';

export class QueueService {
  constructor(private readonly repos: Pick<Repositories, 'sessions' | 'teams'>) {}

  list(actor: Actor): { queues: Queue[]; sessions: SessionSummary[] } {
    const queues: Queue[] = [
      { id: `personal:${actor.user.id}`, kind: 'personal', name: 'Personal', favourite: false, unreadChat: 0 },
      ...actor.teams.map((t): Queue => ({ id: `team:${t.teamId}`, kind: 'team', name: t.teamName, favourite: t.favourite, unreadChat: 0 })),
      { id: 'general', kind: 'general', name: 'General Queue', favourite: false, unreadChat: 0 },
    ];
    return { queues, sessions: this.repos.sessions.openInQueues(visibleQueueIds(actor)) };
  }

  setFavourite(actor: Actor, queueId: QueueId, favourite: boolean): void {
    authorize(actor, { kind: 'queue.favourite', queueId });
    const teamId = Number(queueId.slice('team:'.length));
    if (!this.repos.teams.setFavourite(teamId, actor.user.id, favourite)) throw new CodedError('E_NOT_FOUND');
  }
}

/** The queue's display name for a customer ("General", "Ana Lopez"). */
export function queueName(repos: Pick<Repositories, 'teams' | 'users'>, queueId: QueueId): string {
  if (queueId === 'general') return 'General Queue';
  const [kind, id] = queueId.split(':');
  if (kind === 'team') return repos.teams.byId(Number(id))?.name ?? 'Team';
  return repos.users.byId(Number(id))?.publicDisplayName ?? 'Representative';
}
