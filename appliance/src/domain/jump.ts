/**
 * Jump Items as reps see them: the list (search, group or personal filter, 50 per page), the +
 * details, Frequently Used, the Jump Groups, and what each rep may do with each item. Starting a
 * session (jump-sessions.ts) and pinning (jump-pins.ts) hang off this service so adapters reach
 * every Jump feature through `ctx.jump`.
 */
import {
  CodedError, type FrequentJumpItem, type JumpConsentOutcome, type JumpGroup, type JumpGroupEntry, type JumpItemDetail, type JumpListItem, type JumpSessionEnd, type JumpWait, type Params,
} from '../protocol/index.js';
import type { Clock } from './clock.js';
import { authorize, isAllowed, jumpScope, ledUserIds, type Actor, type JumpReach } from './permissions.js';
import type { JumpItemRecord, Repositories } from './ports.js';
import { describeSchedule, formatInZone, isOpen, nextOpening } from './jump-schedule.js';
import type { JumpPins } from './jump-pins.js';
import type { JumpSessions } from './jump-sessions.js';
import type { JumpConsent } from './jump-consent.js';
import type { EndpointHub } from './endpoints.js';

export interface JumpListQuery {
  search: string;
  groupId: number | 'personal' | null;
  page: number;
  pageSize: number;
}

/** Frequently Used shows at most this many items. */
export const FREQUENT_LIMIT = 8;

type Repos = Pick<Repositories, 'jump' | 'jumpPolicies'>;

export class JumpService {
  private sessions: JumpSessions | null = null;
  private pins: JumpPins | null = null;
  private consent: JumpConsent | null = null;

  constructor(
    private readonly repos: Repos,
    private readonly clock: Clock,
    private readonly endpoints: Pick<EndpointHub, 'forJumpItem'> | null = null,
  ) {}

  /** Wires the parts that start sessions and pin Jump Clients (they need this service to judge access). */
  attach(sessions: JumpSessions, pins: JumpPins, consent: JumpConsent | null = null): void {
    this.sessions = sessions;
    this.pins = pins;
    this.consent = consent;
  }

  /** The Jump Group roles and personal lists a rep's rights rest on. */
  reach(actor: Actor): JumpReach {
    const groups = new Map(this.repos.jump.memberships(actor.user.id, actor.teams.map((t) => t.teamId)).map((m) => [m.groupId, m.role]));
    const leading = actor.teams.filter((t) => t.role !== 'member').map((t) => t.teamId);
    return { groups, ledUserIds: ledUserIds(actor, this.repos.jump.teamRoles(leading)) };
  }

  list(actor: Actor, q: JumpListQuery): { items: JumpListItem[]; total: number; totalCapped: boolean; page: number; pageSize: number; groups: JumpGroup[] } {
    authorize(actor, { kind: 'jump.list' });
    const reach = this.reach(actor);
    const { items, total, capped } = this.repos.jump.search({
      search: q.search,
      groupId: q.groupId === 'personal' ? null : q.groupId,
      personalOnly: q.groupId === 'personal',
      ...jumpScope(actor, reach),
      offset: q.page * q.pageSize,
      limit: q.pageSize,
    });
    return { items: items.map((i) => this.view(actor, reach, i)), total, totalCapped: capped, page: q.page, pageSize: q.pageSize, groups: this.visibleGroups(actor, reach) };
  }

  /** The + details: the item, its Jump Policy and whether its schedule is open now, who is at the endpoint. */
  details(actor: Actor, itemId: number): JumpItemDetail {
    const { item, reach } = this.visible(actor, itemId);
    const policy = item.policyId !== null ? this.repos.jumpPolicies.byId(item.policyId) : null;
    const now = this.clock.now();
    let policyDetail: JumpItemDetail['policy'] = null;
    if (policy) {
      const open = !policy.scheduleEnabled || isOpen(policy, now);
      const next = open ? null : nextOpening(policy, now);
      policyDetail = {
        ...policy,
        summary: policy.scheduleEnabled ? describeSchedule(policy) : 'No schedule: sessions may start at any time',
        openNow: open,
        nextStart: next?.toISOString() ?? null,
        nextStartText: next ? formatInZone(next, policy.timeZone) : null,
      };
    }
    return { ...this.view(actor, reach, item), createdAt: item.createdAt, policy: policyDetail, presence: this.endpoints?.forJumpItem(item.id)?.presence() ?? null };
  }

  /** Frequently Used: the items this rep started most that they may still see. */
  frequent(actor: Actor): { items: FrequentJumpItem[] } {
    authorize(actor, { kind: 'jump.list' });
    const reach = this.reach(actor);
    const items: FrequentJumpItem[] = [];
    for (const { itemId, starts } of this.repos.jump.frequent(actor.user.id, FREQUENT_LIMIT * 3)) {
      const item = this.repos.jump.byId(itemId);
      if (item && isAllowed(actor, { kind: 'jump.see', item, reach })) items.push({ ...this.view(actor, reach, item), starts });
      if (items.length === FREQUENT_LIMIT) break;
    }
    return { items };
  }

  /** Jump Groups the rep sees, with their role and where they may pin a Jump Client. */
  groups(actor: Actor): { groups: JumpGroupEntry[]; canPinPersonal: boolean } {
    authorize(actor, { kind: 'jump.list' });
    const reach = this.reach(actor);
    return {
      groups: this.visibleGroups(actor, reach).map((g) => ({
        ...g,
        role: reach.groups.get(g.id) ?? null,
        canPin: isAllowed(actor, { kind: 'jump.pin', target: { groupId: g.id }, reach }),
      })),
      canPinPersonal: isAllowed(actor, { kind: 'jump.pin', target: { personal: true }, reach }),
    };
  }

  /** What one console shows of a changed item: null when the rep may not see it (or it is gone). */
  viewFor(actor: Actor, item: JumpItemRecord | null): JumpListItem | null {
    if (!item) return null;
    const reach = this.reach(actor);
    return isAllowed(actor, { kind: 'jump.see', item, reach }) ? this.view(actor, reach, item) : null;
  }

  /** A visible item and the reach it was judged with; E_JUMP_ITEM_NOT_FOUND / E_FORBIDDEN otherwise. */
  visible(actor: Actor, itemId: number): { item: JumpItemRecord; reach: JumpReach } {
    authorize(actor, { kind: 'jump.list' });
    const item = this.repos.jump.byId(itemId);
    if (!item) throw new CodedError('E_JUMP_ITEM_NOT_FOUND');
    const reach = this.reach(actor);
    if (!isAllowed(actor, { kind: 'jump.see', item, reach })) throw new CodedError('E_FORBIDDEN', 'You do not have access to that Jump Item.');
    return { item, reach };
  }

  view(actor: Actor, reach: JumpReach, item: JumpItemRecord): JumpListItem {
    return {
      id: item.id,
      name: item.name,
      method: item.method,
      groupId: item.groupId,
      groupName: item.groupName,
      hostname: item.hostname,
      comments: item.comments,
      tag: item.tag,
      publicIp: item.publicIp,
      privateIp: item.privateIp,
      os: item.os,
      status: item.status,
      lastAccessed: item.lastAccessed,
      ownerUserId: item.ownerUserId,
      ownerName: item.ownerName,
      policyName: item.policyName,
      passwordProtected: item.passwordProtected,
      canStart: isAllowed(actor, { kind: 'jump.start', item, reach }),
      canEdit: isAllowed(actor, { kind: 'jump.edit', item, reach }),
    };
  }

  /** Jump, in one call: answers once the session started (after the end user allowed it, when the policy prompts). */
  start(actor: Actor, p: Params<'jump.start'>): Promise<{ sessionId: string }> {
    if (this.consent) return this.consent.start(actor, p);
    return Promise.resolve().then(() => this.need(this.sessions).startNow(actor, p));
  }

  /** Jump from the console: started, or waiting for the end user (the outcome goes to `notify`). */
  request(actor: Actor, p: Params<'jump.start'>, notify: (o: JumpConsentOutcome) => void): { sessionId: string | null; waiting: JumpWait | null } {
    return this.need(this.consent).request(actor, p, notify);
  }

  cancelRequest(actor: Actor, requestId: string): void {
    this.need(this.consent).cancel(actor, requestId);
  }

  /** When a Jump session's Jump Policy ends it (the session header shows it). */
  sessionEnd(actor: Actor, sessionId: string): { end: JumpSessionEnd | null } {
    return { end: this.need(this.sessions).scheduledEnd(actor, sessionId) };
  }

  pin(actor: Actor, p: Params<'session.pin'>): Promise<{ item: JumpListItem }> {
    return this.need(this.pins).pin(actor, p);
  }

  unpin(actor: Actor, itemId: number): void {
    this.need(this.pins).unpin(actor, itemId);
  }

  private visibleGroups(actor: Actor, reach: JumpReach): JumpGroup[] {
    const all = this.repos.jump.groups();
    return actor.user.permissions.jumpStartAll ? all : all.filter((g) => reach.groups.has(g.id));
  }

  private need<T>(part: T | null): T {
    if (!part) throw new CodedError('E_INTERNAL', 'Jump sessions are not available on this appliance.');
    return part;
  }
}
