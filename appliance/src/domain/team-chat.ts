/**
 * Team chat: the reps of one team talking among themselves, outside any session. A line is committed
 * before the sender hears back or anyone is told; each rep's read mark per team drives the orange
 * bubble on the team queue.
 */
import { CodedError, MAX_CHAT_CHARS, MAX_TEAM_HISTORY_PAGE, type TeamChatMessage } from '../protocol/index.js';
import { iso, type Clock } from './clock.js';
import type { EventBus } from './event-bus.js';
import { authorize, type Actor } from './permissions.js';
import type { Repositories } from './ports.js';

type Repos = Pick<Repositories, 'teamChat' | 'users' | 'transaction'>;

export interface TeamChatPage {
  /** Oldest first. */
  messages: TeamChatMessage[];
  /** Older lines exist before the first one. */
  hasMore: boolean;
  lastReadId: number;
}

export class TeamChatService {
  constructor(
    private readonly repos: Repos,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {}

  /** Sends a line to the team: stored (and read by its sender) first, then delivered to the members. */
  send(actor: Actor, teamId: number, body: string): TeamChatMessage {
    authorize(actor, { kind: 'team.chat', teamId });
    const text = body.trim();
    if (!text) throw new CodedError('E_BAD_PARAMS', 'body: the message is empty.');
    if (text.length > MAX_CHAT_CHARS) throw new CodedError('E_BAD_PARAMS', `body: a message has at most ${MAX_CHAT_CHARS} characters.`);
    const userId = actor.user.id;
    const message = this.repos.transaction(() => {
      const m = this.repos.teamChat.add(teamId, userId, text, iso(this.clock));
      this.repos.teamChat.markRead(userId, teamId, m.id);
      return m;
    });
    // Every member is named; the gateway reaches those with a console connected.
    this.bus.publish({ type: 'team.chat', message, recipients: this.repos.users.teamMembers(teamId) });
    return message;
  }

  /** One page of the team's chat: the newest lines, or those before `before`. */
  history(actor: Actor, teamId: number, opts: { before?: number | undefined; limit?: number | undefined } = {}): TeamChatPage {
    authorize(actor, { kind: 'team.chat', teamId });
    const limit = Math.min(MAX_TEAM_HISTORY_PAGE, Math.max(1, opts.limit ?? MAX_TEAM_HISTORY_PAGE));
    // One extra line says whether there is an older page, without a second query.
    const rows = this.repos.teamChat.page(teamId, opts.before ?? null, limit + 1);
    const hasMore = rows.length > limit;
    return { messages: hasMore ? rows.slice(1) : rows, hasMore, lastReadId: this.repos.teamChat.lastReadId(actor.user.id, teamId) };
  }

  /** Moves the rep's read mark up to upToId (never past the newest line); returns what is still unread. */
  markRead(actor: Actor, teamId: number, upToId: number): number {
    authorize(actor, { kind: 'team.chat', teamId });
    const userId = actor.user.id;
    return this.repos.transaction(() => {
      this.repos.teamChat.markRead(userId, teamId, Math.min(upToId, this.repos.teamChat.lastId(teamId)));
      return this.repos.teamChat.unreadCounts(userId, [teamId]).get(teamId) ?? 0;
    });
  }

  /** Unread team chat per team of the rep (teams with none are left out). */
  unreadCounts(actor: Actor): Map<number, number> {
    return this.repos.teamChat.unreadCounts(actor.user.id, actor.teams.map((t) => t.teamId));
  }
}
