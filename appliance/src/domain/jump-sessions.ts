/**
 * Jump: a rep starts a session with a Jump Item. The checks run in the order a rep meets them —
 * access and Jump method, the item online, the Jump Policy's schedule (overridable by those allowed
 * to edit policies), the Jump Client password, whether someone must be there to allow it — then, when
 * the policy prompts the person at the endpoint, their answer (jump-consent.ts waits for it), then the
 * session is written like an accepted support session (the rep owns it, it runs in their personal
 * queue) with its Jump Item, last accessed and the access log, in one transaction. The endpoint
 * behind the item is bound to the session. A policy that forces sessions to end warns 15, 5 and 1
 * minutes before its window closes and ends the session when it does.
 */
import { CodedError, line, MAX_CUSTOM_TOTAL, type JumpMethod, type JumpPolicy, type JumpSessionEnd, type Params } from '../protocol/index.js';
import type { Clock } from './clock.js';
import type { CustomerPresence } from './customer-presence.js';
import type { Endpoint, EndpointHub, EndpointPresence } from './endpoints.js';
import type { EventBus } from './event-bus.js';
import type { GraceTimers } from './grace.js';
import { closingTime, formatInZone, isOpen, scheduleRefusal } from './jump-schedule.js';
import type { JumpService } from './jump.js';
import type { Narrator } from './narrator.js';
import { verifyPassword } from './passwords.js';
import { authorize, isAllowed, mayUseJumpMethod, type Actor } from './permissions.js';
import type { JumpItemRecord, Repositories } from './ports.js';
import type { RateLimiter } from './rate-limit.js';
import type { SessionService } from './sessions.js';
import { hashToken, newSessionId, newToken } from './tokens.js';
import { assertSessionRoom } from './limits.js';

/** Warnings before a forced end come this long before the window closes (the first one also at once, when a session starts closer than that). */
export const FORCE_END_WARNINGS_MS = [15 * 60_000, 5 * 60_000, 60_000] as const;
export const FORCE_END_WARNING_MS = FORCE_END_WARNINGS_MS[0];

/** Everything jump.start checked, ready to write the session (or to ask the end user first). */
export interface JumpPlan {
  item: JumpItemRecord;
  policy: JumpPolicy | null;
  overridden: boolean;
  endpoint: Endpoint | null;
  presence: EndpointPresence | 'unknown';
  /** The policy prompts the person at the endpoint before the session may start. */
  needsConsent: boolean;
}

/** How the person at the endpoint allowed it, for the session's log. */
export interface ConsentRecord {
  answer: 'allow';
  waitedMs: number;
}

export const JUMP_METHOD_NAME: Record<JumpMethod, string> = {
  pinned: 'Jump Client',
  local_push: 'Local Jump',
  push: 'Remote Jump',
  shelljump: 'Shell Jump',
  rdp: 'Local RDP',
  vnc: 'Local VNC',
};

type Repos = Pick<Repositories, 'jump' | 'jumpPolicies' | 'sessions' | 'members' | 'transaction'>;

export interface JumpSessionDeps {
  repos: Repos;
  jump: JumpService;
  sessions: Pick<SessionService, 'close'>;
  narrator: Narrator;
  endpoints: EndpointHub;
  /** Jump sessions count their endpoint as the "customer": connected while it is. */
  customerPresence: CustomerPresence;
  timers: GraceTimers;
  bus: EventBus;
  clock: Clock;
  /** Wrong Jump Client passwords per rep and item. */
  passwordLimit: RateLimiter;
}

export class JumpSessions {
  /** Sessions whose endpoint this service marked connected (so it unmarks exactly those). */
  private readonly attached = new Set<string>();

  constructor(private readonly d: JumpSessionDeps) {
    d.bus.subscribe((e) => {
      if (e.type === 'customer.ended') this.ended(e.sessionId);
      else if (e.type === 'jump.status') this.statusChanged(e.itemId, e.status === 'active');
    });
  }

  /**
   * Every check before a Jump, in the order a rep meets them; throws the first refusal. `consented`:
   * the end user already allowed it (checked again after the wait: the item may have gone offline).
   */
  prepare(actor: Actor, p: Params<'jump.start'>, consented = false): JumpPlan {
    const { repos, clock } = this.d;
    const customTotal = Object.entries(p.customAttributes).reduce((n, [k, v]) => n + k.length + v.length, 0);
    if (customTotal > MAX_CUSTOM_TOTAL) throw new CodedError('E_BAD_PARAMS', `The custom session attributes come to ${customTotal} characters; at most ${MAX_CUSTOM_TOTAL} are allowed together.`);
    const { item, reach } = this.d.jump.visible(actor, p.itemId);
    if (!isAllowed(actor, { kind: 'jump.start', item, reach })) {
      const why = mayUseJumpMethod(actor.user.permissions, item.method) ? 'start sessions with that Jump Item' : `use ${JUMP_METHOD_NAME[item.method]}`;
      throw new CodedError('E_FORBIDDEN', `Your account is not allowed to ${why}.`);
    }
    assertSessionRoom(repos.members.activeFor(actor.user.id).length);

    const endpoint = this.d.endpoints.forJumpItem(item.id);
    if (item.status !== 'active' || (item.method === 'pinned' && !endpoint)) {
      throw new CodedError(
        'E_JUMP_ITEM_OFFLINE',
        item.status === 'unusable'
          ? `${item.name} is unusable, so a session cannot start with it. Ask an administrator to check its Jump Client.`
          : `${item.name} is offline: ${item.method === 'pinned' ? 'its Jump Client is not connected to the appliance' : 'it cannot be reached right now'}.`,
      );
    }

    const now = clock.now();
    const policy = item.policyId !== null ? repos.jumpPolicies.byId(item.policyId) : null;
    let overridden = false;
    if (policy?.scheduleEnabled && !isOpen(policy, now)) {
      if (!p.override) throw new CodedError('E_JUMP_SCHEDULE', scheduleRefusal(policy, now));
      if (!isAllowed(actor, { kind: 'jump.overrideSchedule' })) throw new CodedError('E_FORBIDDEN', 'Your account is not allowed to override Jump Policy schedules.');
      overridden = true;
    }

    const hash = repos.jump.passwordHash(item.id);
    if (hash) {
      if (!p.password) throw new CodedError('E_JUMP_PASSWORD_REQUIRED');
      const key = `${actor.user.id}:${item.id}`;
      if (this.d.passwordLimit.blocked(key)) throw new CodedError('E_RATE_LIMITED', `Too many wrong passwords for ${item.name}. Wait a minute before trying again.`);
      if (!verifyPassword(p.password, hash)) {
        this.d.passwordLimit.fail(key);
        throw new CodedError('E_JUMP_PASSWORD_WRONG');
      }
    }

    const presence = endpoint?.presence() ?? 'unknown';
    if (presence === 'absent' && policy?.notPresentPrompt === 'prompt') {
      throw new CodedError('E_JUMP_NOBODY_PRESENT', `The Jump Policy "${policy.name}" requires the person at ${item.name} to allow the session, and nobody is there to allow it.`);
    }
    // Someone is (or may be) there and the Customer Present Session Policy prompts: they are asked first.
    // Only methods with a client at the endpoint can show a prompt (Local RDP, VNC and Shell Jump have none).
    const promptable = item.method === 'pinned' || item.method === 'local_push' || item.method === 'push';
    const needsConsent = !consented && promptable && presence !== 'absent' && policy?.presentPrompt === 'prompt';
    return { item, policy, overridden, endpoint, presence, needsConsent };
  }

  /** Writes the Jump session for a plan whose checks passed (and whose end user allowed it, when asked). */
  begin(actor: Actor, plan: JumpPlan, p: Params<'jump.start'>, consent: ConsentRecord | null): { sessionId: string } {
    const { repos, clock } = this.d;
    const { item, policy, overridden, endpoint, presence } = plan;
    const now = clock.now();

    // Started inside a window that forces sessions to end: it ends when the window closes. An
    // override is the rep's own decision to work outside the schedule, so it is not cut short.
    const endsAt = policy?.scheduleEnabled && policy.forceEnd && !overridden ? closingTime(policy, now) : null;
    const at = now.toISOString();
    const me = actor.user;
    const sessionId = newSessionId();
    const says = repos.transaction(() => {
      repos.sessions.create(
        {
          id: sessionId,
          type: 'jump',
          browser: false,
          customerName: item.name,
          company: '',
          computer: item.hostname,
          issue: JUMP_METHOD_NAME[item.method],
          details: item.comments,
          customAttributes: p.customAttributes,
          queueId: `personal:${me.id}`,
          // No customer client joins a Jump by token; a hash nobody holds keeps it out of the demo's simulated customers.
          customerTokenHash: hashToken(newToken()),
        },
        at,
      );
      repos.sessions.claim(sessionId, me.id);
      repos.members.add(sessionId, me.id, 'owner', null, at);
      repos.jump.linkSession(sessionId, item.id, endsAt?.toISOString() ?? null);
      repos.jump.recordAccess(item.id, me.id, sessionId, at);
      repos.sessions.addEvent(sessionId, `rep:${me.id}`, 'session.start', { jumpItemId: item.id, method: item.method, hostname: item.hostname }, at);
      repos.sessions.addEvent(
        sessionId,
        `rep:${me.id}`,
        'jump.start',
        { itemId: item.id, name: item.name, method: item.method, policy: policy?.name ?? null, override: overridden, presence, prompted: consent !== null },
        at,
      );
      const lines = [this.d.narrator.say(sessionId, line('jump.started', { name: me.displayName, item: item.name }), at)];
      if (consent) {
        repos.sessions.addEvent(sessionId, 'customer', 'jump.consent', { answer: consent.answer, waitedMs: consent.waitedMs, policy: policy?.name ?? null }, at);
        lines.push(this.d.narrator.say(sessionId, line('jump.allowed', { item: item.name }), at, 'reps'));
      }
      if (overridden) {
        repos.sessions.addEvent(sessionId, `rep:${me.id}`, 'jump.override', { policy: policy!.name }, at);
        lines.push(this.d.narrator.say(sessionId, line('jump.scheduleOverridden', { name: me.displayName, policy: policy!.name }), at, 'reps'));
      }
      if (endsAt) lines.push(this.d.narrator.say(sessionId, line('jump.endsAt', { policy: policy!.name, endsAt: formatInZone(endsAt, policy!.timeZone), endsAtIso: endsAt.toISOString(), timeZone: policy!.timeZone }), at, 'reps'));
      return lines;
    });

    if (endpoint) this.attach(sessionId, endpoint);
    for (const say of says) say();
    this.d.narrator.state(sessionId);
    this.d.bus.publish({ type: 'jump.item', itemId: item.id, item: repos.jump.byId(item.id) });
    if (endsAt) this.arm(sessionId, endsAt.getTime());
    return { sessionId };
  }

  /** Checks and starts a Jump that needs nobody's consent (the domain tests' and the no-prompt path). */
  startNow(actor: Actor, p: Params<'jump.start'>): { sessionId: string } {
    const plan = this.prepare(actor, p);
    if (plan.needsConsent) throw new CodedError('E_INTERNAL', 'This Jump needs the end user to allow it: start it through JumpConsent.');
    return this.begin(actor, plan, p, null);
  }

  /** When a Jump session's policy ends it (for the session header), or null. */
  scheduledEnd(actor: Actor, sessionId: string): JumpSessionEnd | null {
    authorize(actor, { kind: 'session.member', role: this.d.repos.members.role(sessionId, actor.user.id) });
    const s = this.d.repos.sessions.byId(sessionId);
    const itemId = s?.jumpItemId;
    if (!s || s.status === 'ended' || itemId == null) return null;
    const open = this.d.repos.jump.openJumpSessions(itemId).find((o) => o.sessionId === sessionId);
    if (!open?.endsAt) return null;
    const item = this.d.repos.jump.byId(itemId);
    const policy = item?.policyId ? this.d.repos.jumpPolicies.byId(item.policyId) : null;
    const zone = policy?.timeZone ?? 'UTC';
    return { endsAt: open.endsAt, endsAtText: formatInZone(new Date(open.endsAt), zone), policyName: policy?.name ?? 'Jump Policy', timeZone: zone };
  }

  /** After a restart: forced ends of open Jump sessions are armed again (or happen now, if their window closed meanwhile). */
  resume(): void {
    for (const s of this.d.repos.jump.openJumpSessions()) if (s.endsAt) this.arm(s.sessionId, Date.parse(s.endsAt));
  }

  private arm(sessionId: string, endsAt: number): void {
    const left = endsAt - this.d.clock.now().getTime();
    for (const w of FORCE_END_WARNINGS_MS) if (left > w) this.d.timers.start(`jump-warn:${w}:${sessionId}`, left - w, () => this.warn(sessionId, endsAt));
    // Started (or resumed) closer to the end than the first warning: the rep is told at once.
    if (left > 0 && left <= FORCE_END_WARNING_MS && !FORCE_END_WARNINGS_MS.includes(left as never)) this.d.timers.start(`jump-warn:now:${sessionId}`, 0, () => this.warn(sessionId, endsAt));
    this.d.timers.start(`jump-end:${sessionId}`, Math.max(0, left), () => this.forceEnd(sessionId));
  }

  private cancelTimers(sessionId: string): void {
    for (const w of [...FORCE_END_WARNINGS_MS, 'now']) this.d.timers.cancel(`jump-warn:${w}:${sessionId}`);
    this.d.timers.cancel(`jump-end:${sessionId}`);
  }

  private warn(sessionId: string, endsAt: number): void {
    const s = this.d.repos.sessions.byId(sessionId);
    if (!s || s.status === 'ended') return;
    const minutes = Math.max(1, Math.round((endsAt - this.d.clock.now().getTime()) / 60_000));
    const at = this.d.clock.now().toISOString();
    const say = this.d.repos.transaction(() => {
      this.d.repos.sessions.addEvent(sessionId, 'system', 'jump.warning', { endsAt: new Date(endsAt).toISOString(), minutesLeft: minutes }, at);
      return this.d.narrator.say(sessionId, line('jump.warning', { minutes }), at, 'reps');
    });
    say();
  }

  private forceEnd(sessionId: string): void {
    const s = this.d.repos.sessions.byId(sessionId);
    if (!s || s.status === 'ended') return;
    this.cancelTimers(sessionId);
    this.d.repos.sessions.addEvent(sessionId, 'system', 'jump.forcedEnd', { reason: 'schedule closed' }, this.d.clock.now().toISOString());
    this.d.sessions.close(sessionId, 'system', line('jump.scheduleClosed'));
  }

  private attach(sessionId: string, endpoint: Parameters<EndpointHub['bindSession']>[1]): void {
    this.d.endpoints.bindSession(sessionId, endpoint);
    if (!this.attached.has(sessionId)) {
      this.attached.add(sessionId);
      this.d.customerPresence.connected(sessionId);
    }
  }

  private detach(sessionId: string): boolean {
    if (!this.attached.delete(sessionId)) return false;
    this.d.customerPresence.disconnected(sessionId);
    return true;
  }

  /** The session ended: its timers stop and its endpoint is let go. */
  private ended(sessionId: string): void {
    this.cancelTimers(sessionId);
    if (this.attached.has(sessionId)) {
      this.d.endpoints.unbindSession(sessionId);
      this.detach(sessionId);
    }
  }

  /** A Jump Client connected or dropped: its open Jump sessions follow (bound again after a restart too). */
  private statusChanged(itemId: number, active: boolean): void {
    const open = this.d.repos.jump.openJumpSessions(itemId);
    if (!open.length) return;
    const endpoint = active ? this.d.endpoints.forJumpItem(itemId) : null;
    const item = this.d.repos.jump.byId(itemId);
    const name = item?.name ?? 'the remote computer';
    for (const { sessionId } of open) {
      // A customer session its Jump Client was pinned from is not a Jump: its customer is its presence.
      if (this.d.repos.sessions.byId(sessionId)?.type !== 'jump') continue;
      const at = this.d.clock.now().toISOString();
      if (endpoint) {
        if (this.d.endpoints.forSession(sessionId) === endpoint) continue;
        const was = this.attached.has(sessionId);
        this.attach(sessionId, endpoint);
        // A reconnection that replaced the agent's socket: bound again, nothing to tell.
        if (was) continue;
        this.d.narrator.say(sessionId, line('jump.clientOnline', { host: name }), at, 'reps')();
      } else if (!active && this.detach(sessionId)) {
        this.d.narrator.say(sessionId, line('jump.clientOffline', { host: name }), at, 'reps')();
      } else continue;
      this.d.narrator.state(sessionId);
    }
  }
}
