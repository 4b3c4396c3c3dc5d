/**
 * Transfer and Share: an invitation waits in a rep's personal queue or a team queue until it is
 * accepted, declined, or vanishes (owner cancels, leaves or hands over ownership, session ends).
 * Only the owner invites; one open invitation per invitee per session.
 */
import { CodedError, line, type Invitation, type SystemLine, type InvitationKind, type QueueId, type SessionDetail } from '../protocol/index.js';
import { iso, type Clock } from './clock.js';
import type { EventBus } from './event-bus.js';
import type { Narrator } from './narrator.js';
import { authorize, type Actor } from './permissions.js';
import type { Repositories } from './ports.js';
import { toInvitation, type SessionView } from './session-view.js';
import { assertSessionRoom } from './limits.js';

type Repos = Pick<Repositories, 'sessions' | 'members' | 'invitations' | 'users' | 'teams' | 'settings' | 'transaction'>;
type Target = { kind: 'team'; id: number } | { kind: 'rep'; id: number } | { kind: 'help' };

export class InvitationService {
  constructor(
    private readonly repos: Repos,
    private readonly view: SessionView,
    private readonly narrator: Narrator,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {}

  transfer(actor: Actor, sessionId: string, target: { kind: 'team' | 'rep'; id: number }, stay: boolean): Invitation {
    authorize(actor, { kind: 'session.transfer', role: this.repos.members.role(sessionId, actor.user.id) });
    return this.invite(actor, sessionId, 'transfer', target, stay);
  }

  share(actor: Actor, sessionId: string, target: Target): Invitation {
    const role = this.repos.members.role(sessionId, actor.user.id);
    const inMyTeams =
      target.kind === 'help' ||
      (target.kind === 'team' && actor.teams.some((t) => t.teamId === target.id)) ||
      (target.kind === 'rep' && this.repos.users.memberships(target.id).some((m) => actor.teams.some((t) => t.teamId === m.teamId)));
    authorize(actor, { kind: 'session.share', role, targetInMyTeams: inMyTeams });
    return this.invite(actor, sessionId, target.kind === 'help' ? 'help' : 'share', target, true);
  }

  cancel(actor: Actor, invitationId: number): void {
    const inv = this.repos.invitations.byId(invitationId);
    if (!inv) throw new CodedError('E_INVITATION_NOT_FOUND');
    authorize(actor, { kind: 'invitation.cancel', isInviter: inv.inviterId === actor.user.id });
    this.finish(inv.id, inv.sessionId, inv.queueId, 'cancelled', line('invite.withdrawn', { name: actor.user.publicDisplayName, target: inv.targetName }));
  }

  decline(actor: Actor, invitationId: number): void {
    const inv = this.repos.invitations.byId(invitationId);
    if (!inv) throw new CodedError('E_INVITATION_NOT_FOUND');
    authorize(actor, { kind: 'invitation.answer', queueId: inv.queueId });
    this.finish(inv.id, inv.sessionId, inv.queueId, 'declined', line('invite.declined', { name: actor.user.publicDisplayName }));
  }

  /** Joining: a share makes the rep a participant; a transfer makes them the owner. */
  accept(actor: Actor, invitationId: number): SessionDetail {
    const inv = this.repos.invitations.byId(invitationId);
    if (!inv) throw new CodedError('E_INVITATION_NOT_FOUND');
    authorize(actor, { kind: 'invitation.answer', queueId: inv.queueId });
    const me = actor.user;
    if (!this.repos.members.role(inv.sessionId, me.id)) assertSessionRoom(this.repos.members.activeFor(me.id).length);
    const now = iso(this.clock);
    const left: number[] = [];
    const ended: { id: number; queueId: QueueId }[] = [];
    const say = this.repos.transaction(() => {
      if (!this.repos.invitations.end(inv.id, 'accepted', now)) throw new CodedError('E_INVITATION_NOT_FOUND');
      const session = this.repos.sessions.byId(inv.sessionId);
      if (!session || session.status === 'ended') throw new CodedError('E_SESSION_ENDED');
      if (inv.kind !== 'transfer') {
        if (!this.repos.members.role(inv.sessionId, me.id)) this.repos.members.add(inv.sessionId, me.id, 'participant', inv.inviterId, now);
        this.repos.sessions.addEvent(inv.sessionId, `rep:${me.id}`, 'member.joined', { invitation: inv.id, kind: inv.kind }, now);
        return this.narrator.say(inv.sessionId, line('member.joined', { name: me.publicDisplayName }), now);
      }
      const previous = session.ownerId;
      // Ownership changes hands: the previous owner's invitations vanish with it.
      for (const other of this.repos.invitations.open(inv.sessionId).filter((i) => i.inviterId === previous)) {
        this.repos.invitations.end(other.id, 'ownership transferred', now);
        ended.push(other);
      }
      if (previous !== null) {
        if (inv.stay) this.repos.members.setRole(inv.sessionId, previous, 'participant');
        else if (this.repos.members.leave(inv.sessionId, previous, now)) left.push(previous);
      }
      this.repos.members.add(inv.sessionId, me.id, 'owner', inv.inviterId, now);
      this.repos.sessions.moveTo(inv.sessionId, `personal:${me.id}`, 'active', me.id, now);
      this.repos.sessions.addEvent(inv.sessionId, `rep:${me.id}`, 'session.transfer', { from: previous, to: me.id }, now);
      return this.narrator.say(inv.sessionId, line('member.owner', { name: me.publicDisplayName }), now);
    });
    this.bus.publish({ type: 'invitation.removed', id: inv.id, queueId: inv.queueId });
    for (const e of ended) this.bus.publish({ type: 'invitation.removed', id: e.id, queueId: e.queueId });
    say();
    if (left.length) this.bus.publish({ type: 'session.closed', sessionId: inv.sessionId, line: line('closed.transferred'), recipients: left });
    this.narrator.state(inv.sessionId, left);
    return this.view.detail(inv.sessionId, me.id)!;
  }

  private invite(actor: Actor, sessionId: string, kind: InvitationKind, target: Target, stay: boolean): Invitation {
    const session = this.repos.sessions.byId(sessionId);
    if (!session || session.status === 'ended') throw new CodedError(session ? 'E_SESSION_ENDED' : 'E_SESSION_NOT_FOUND');
    const { queueId, name } = this.resolve(actor, target);
    if (queueId === `personal:${actor.user.id}`) throw new CodedError('E_INVITE_SELF');
    // A participant can still be handed ownership; sharing with someone already in makes no sense.
    if (kind !== 'transfer' && target.kind === 'rep' && this.repos.members.role(sessionId, target.id)) throw new CodedError('E_INVITE_SELF', `${name} is already in this session.`);
    if (this.repos.invitations.open(sessionId).some((i) => i.queueId === queueId)) throw new CodedError('E_INVITATION_EXISTS');
    const now = iso(this.clock);
    const [inv, say] = this.repos.transaction(() => {
      const inv = this.repos.invitations.create({ sessionId, kind, queueId, targetName: name, inviterId: actor.user.id, stay }, now);
      this.repos.sessions.addEvent(sessionId, `rep:${actor.user.id}`, `invitation.${kind}`, { to: name, queueId }, now);
      return [inv, this.narrator.say(sessionId, line(`invite.${kind}`, { name: actor.user.publicDisplayName, target: name }), now, 'reps')] as const;
    });
    say();
    this.bus.publish({ type: 'invitation.created', invitation: toInvitation(inv) });
    this.narrator.state(sessionId);
    return toInvitation(inv);
  }

  private resolve(actor: Actor, target: Target): { queueId: QueueId; name: string } {
    if (target.kind === 'rep') {
      const u = this.repos.users.byId(target.id);
      if (!u || u.externalSessionId !== null || u.disabled) throw new CodedError('E_TARGET_NOT_FOUND');
      return { queueId: `personal:${u.id}`, name: u.displayName };
    }
    const teamId = target.kind === 'team' ? target.id : Number(this.repos.settings.get('help.teamId') ?? actor.teams[0]?.teamId ?? NaN);
    const team = Number.isFinite(teamId) ? this.repos.teams.byId(teamId) : null;
    if (!team) throw new CodedError('E_TARGET_NOT_FOUND');
    return { queueId: `team:${team.id}`, name: team.name };
  }

  private finish(id: number, sessionId: string, queueId: QueueId, reason: string, said: SystemLine): void {
    const now = iso(this.clock);
    const say = this.repos.transaction(() => {
      if (!this.repos.invitations.end(id, reason, now)) throw new CodedError('E_INVITATION_NOT_FOUND');
      this.repos.sessions.addEvent(sessionId, 'system', `invitation.${reason}`, { invitation: id }, now);
      return this.narrator.say(sessionId, said, now, 'reps');
    });
    this.bus.publish({ type: 'invitation.removed', id, queueId });
    say();
    this.narrator.state(sessionId);
  }
}
