/**
 * Pin as Jump Client / Unpin. Pinning from a session makes (or moves) the pinned Jump Item for the
 * session's endpoint, in a Jump Group or the rep's personal list, with an optional password (kept
 * as a scrypt hash). The item is Offline until a Jump Client agent connects for it. Unpinning
 * removes the item; its agent's identity goes with it.
 */
import { CodedError, line, type EndpointOs, type JumpListItem, type Params } from '../protocol/index.js';
import type { Clock } from './clock.js';
import type { EndpointHub } from './endpoints.js';
import type { EventBus } from './event-bus.js';
import type { JumpService } from './jump.js';
import type { Narrator } from './narrator.js';
import { hashPassword } from './passwords.js';
import { authorize, isAllowed, type Actor } from './permissions.js';
import type { Repositories } from './ports.js';

type Repos = Pick<Repositories, 'jump' | 'sessions' | 'members' | 'transaction'>;

/** How long pinning waits for the endpoint's system information (its OS and address). */
const SYSTEM_INFO_WAIT_MS = 2000;

export class JumpPins {
  constructor(
    private readonly repos: Repos,
    private readonly jump: JumpService,
    private readonly narrator: Narrator,
    private readonly endpoints: Pick<EndpointHub, 'forSession'>,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    /** A new Jump Client was pinned from this (customer) session: its status follows the customer (jump-pin-presence.ts). */
    private readonly onPinned: (sessionId: string, itemId: number) => void = () => {},
  ) {}

  async pin(actor: Actor, p: Params<'session.pin'>): Promise<{ item: JumpListItem }> {
    const role = this.repos.members.role(p.sessionId, actor.user.id);
    authorize(actor, { kind: 'session.member', role });
    if (role === 'external') throw new CodedError('E_FORBIDDEN', 'External representatives cannot pin Jump Clients.');
    const session = this.repos.sessions.byId(p.sessionId);
    if (!session) throw new CodedError('E_SESSION_NOT_FOUND');
    if (session.status === 'ended') throw new CodedError('E_SESSION_ENDED');

    const reach = this.jump.reach(actor);
    const group = 'groupId' in p.target ? this.repos.jump.groups().find((g) => g.id === (p.target as { groupId: number }).groupId) : null;
    if ('groupId' in p.target && !group) throw new CodedError('E_JUMP_GROUP_NOT_FOUND', 'That Jump Group does not exist.');
    if (!isAllowed(actor, { kind: 'jump.pin', target: p.target, reach })) {
      throw new CodedError('E_FORBIDDEN', group ? `You may not pin Jump Clients to ${group.name}.` : 'Your account is not allowed to pin Jump Clients.');
    }
    const place = group ? { groupId: group.id, ownerUserId: null } : { groupId: null, ownerUserId: actor.user.id };
    const passwordHash = p.password ? hashPassword(p.password) : null;
    const existing = session.jumpItemId ? this.repos.jump.byId(session.jumpItemId) : null;
    if (existing && existing.method === 'pinned' && !isAllowed(actor, { kind: 'jump.edit', item: existing, reach })) {
      throw new CodedError('E_FORBIDDEN', `You may not move ${existing.name}.`);
    }
    const facts = existing?.method === 'pinned' ? null : await this.endpointFacts(p.sessionId);

    const at = this.clock.now().toISOString();
    const { itemId, created, say } = this.repos.transaction(() => {
      let itemId: number;
      let created = false;
      if (existing?.method === 'pinned') {
        this.repos.jump.place(existing.id, place, passwordHash);
        itemId = existing.id;
      } else {
        const hostname = facts?.hostname || session.computer || session.customerName;
        const item = this.repos.jump.create(
          {
            name: session.computer || facts?.hostname || session.customerName,
            method: 'pinned',
            ...place,
            hostname,
            comments: [session.customerName, session.company].filter(Boolean).join(', '),
            tag: '',
            publicIp: '',
            privateIp: facts?.privateIp ?? '',
            os: facts?.os ?? 'windows',
            // Offline until the Jump Client's agent connects for this item.
            status: 'offline',
            passwordHash,
          },
          at,
        );
        itemId = item.id;
        created = true;
        if (!session.jumpItemId) this.repos.jump.linkSession(p.sessionId, itemId, null);
      }
      this.repos.sessions.addEvent(p.sessionId, `rep:${actor.user.id}`, 'jump.pin', { itemId, groupId: place.groupId, personal: place.groupId === null, password: passwordHash !== null }, at);
      const password = passwordHash ? 'yes' : 'no';
      const said = group ? line('jump.pinned', { name: actor.user.displayName, group: group.name, password }) : line('jump.pinnedPersonal', { name: actor.user.displayName, password });
      return { itemId, created, say: this.narrator.say(p.sessionId, said, at, 'reps') };
    });
    say();
    this.narrator.state(p.sessionId);
    if (created) this.onPinned(p.sessionId, itemId);
    const record = this.repos.jump.byId(itemId);
    this.bus.publish({ type: 'jump.item', itemId, item: record });
    return { item: this.jump.view(actor, this.jump.reach(actor), record!) };
  }

  unpin(actor: Actor, itemId: number): void {
    const { item, reach } = this.jump.visible(actor, itemId);
    if (item.method !== 'pinned') throw new CodedError('E_BAD_PARAMS', 'Only Jump Clients can be unpinned.');
    if (!isAllowed(actor, { kind: 'jump.unpin', item, reach })) throw new CodedError('E_FORBIDDEN', `You may not unpin ${item.name}.`);
    const at = this.clock.now().toISOString();
    const sessions = this.repos.jump.openJumpSessions(itemId).map((s) => s.sessionId);
    const says = this.repos.transaction(() => {
      const lines = sessions.map((sid) => {
        this.repos.sessions.addEvent(sid, `rep:${actor.user.id}`, 'jump.unpin', { itemId }, at);
        return this.narrator.say(sid, line('jump.unpinned', { name: actor.user.displayName, item: item.name }), at, 'reps');
      });
      this.repos.jump.remove(itemId);
      return lines;
    });
    for (const say of says) say();
    for (const sid of sessions) this.narrator.state(sid);
    this.bus.publish({ type: 'jump.item', itemId, item: null });
  }

  /** Hostname, OS and address of the session's endpoint, when one is attached and answers in time. */
  private async endpointFacts(sessionId: string): Promise<{ hostname: string; os: EndpointOs; privateIp: string } | null> {
    const endpoint = this.endpoints.forSession(sessionId);
    if (!endpoint) return null;
    const base = { hostname: endpoint.hostname, os: 'windows' as EndpointOs, privateIp: '' };
    if (!endpoint.systemInfo) return base;
    let timer: NodeJS.Timeout | undefined;
    try {
      const info = await Promise.race([
        endpoint.systemInfo(),
        new Promise<null>((res) => {
          timer = setTimeout(() => res(null), SYSTEM_INFO_WAIT_MS);
        }),
      ]);
      if (!info) return base;
      return { hostname: info.hostname || base.hostname, os: info.os.platform, privateIp: info.network[0]?.ip4 ?? '' };
    } catch {
      return base;
    } finally {
      clearTimeout(timer);
    }
  }
}
