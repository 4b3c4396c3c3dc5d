/**
 * Support Buttons: deployed from a session on the session's computer (description, profile, queue,
 * expiration), listed per computer, removed; a click (the `customer` agent, or a demo customer on an
 * emulated machine) starts a new session in the button's queue until it expires or is removed.
 * The button is stored before the endpoint is told, and the rep is answered only once the endpoint
 * holds it; an endpoint that cannot take it leaves the button removed.
 */
import { CodedError, line, SUPPORT_BUTTON_PROFILES, type QueueId, type SystemLine, type SupportButton, type SupportButtonExpiry, type SessionSummary } from '../protocol/index.js';
import { iso, type Clock } from './clock.js';
import type { NewSupportButton, SupportButtonRecord, SupportButtonRepository } from './elevation-ports.js';
import type { Endpoint, EndpointHub } from './endpoints.js';
import type { EventBus } from './event-bus.js';
import type { SessionIntake } from './intake.js';
import type { Narrator } from './narrator.js';
import { authorize, visibleQueueIds, type Actor } from './permissions.js';
import type { Repositories } from './ports.js';
import { queueName } from './queues.js';
import { MAX_BUTTONS_PER_ENDPOINT, checkClick, expiresAt, isExpired } from './support-buttons.js';
import { hashToken, newToken } from './tokens.js';

export interface SupportButtonDeps {
  repos: Pick<Repositories, 'sessions' | 'members' | 'users' | 'teams' | 'transaction'>;
  buttons: SupportButtonRepository;
  endpoints: EndpointHub;
  intake: Pick<SessionIntake, 'enqueue'>;
  narrator: Narrator;
  bus: EventBus;
  clock: Clock;
  isSimulated: (sessionId: string) => boolean;
  /** Marks a new session's customer as simulated (always present) — a demo customer clicked. */
  simulate: (sessionId: string) => void;
}

interface Where {
  key: string;
  hostname: string;
  emulated: boolean;
  endpoint: Endpoint | null;
}

export class SupportButtonService {
  /** Sessions a demo click bound to an emulated Jump Client: unbound when they end. */
  private readonly bound = new Set<string>();

  constructor(private readonly d: SupportButtonDeps) {
    d.bus.subscribe((e) => {
      if (e.type === 'customer.ended' && this.bound.delete(e.sessionId)) d.endpoints.unbindSession(e.sessionId);
    });
  }

  /** What the Add Support Button dialog offers. */
  options(actor: Actor, sessionId: string): { profiles: { code: 'default'; name: string }[]; queues: { id: QueueId; name: string }[]; defaultDescription: string } {
    const s = this.member(actor, sessionId);
    const queues = visibleQueueIds(actor)
      .filter((q) => q !== 'general')
      .map((id) => ({ id, name: id.startsWith('personal:') ? 'Personal Support Button' : `${queueName(this.d.repos, id)} (team queue)` }));
    return { profiles: SUPPORT_BUTTON_PROFILES.map((p) => ({ ...p })), queues, defaultDescription: s.computer || s.customerName };
  }

  list(actor: Actor, sessionId: string): SupportButton[] {
    const s = this.member(actor, sessionId);
    const where = this.where(s, false);
    return where ? this.d.buttons.onEndpoint(where.key).map((b) => this.toModel(b)) : [];
  }

  async deploy(actor: Actor, sessionId: string, p: { description: string; profile: 'default'; queueId: QueueId; expiry: SupportButtonExpiry; site: string }): Promise<SupportButton> {
    const s = this.member(actor, sessionId);
    if (s.status === 'ended') throw new CodedError('E_SESSION_ENDED');
    if (p.queueId === 'general' || !visibleQueueIds(actor).includes(p.queueId)) throw new CodedError('E_SUPPORT_BUTTON_QUEUE');
    const where = this.where(s, true)!;
    if (this.d.buttons.onEndpoint(where.key).length >= MAX_BUTTONS_PER_ENDPOINT) throw new CodedError('E_SUPPORT_BUTTON_LIMIT');
    const now = this.d.clock.now();
    const at = now.toISOString();
    const token = newToken();
    const expires = expiresAt(p.expiry, now)?.toISOString() ?? null;
    const record: NewSupportButton = {
      tokenHash: hashToken(token),
      description: p.description,
      profile: p.profile,
      queueId: p.queueId,
      endpointKey: where.key,
      hostname: where.hostname,
      emulated: where.emulated,
      deployedFrom: sessionId,
      deployedById: actor.user.id,
      deployedByName: actor.user.displayName,
      deployedAt: at,
      expiresAt: expires,
    };
    const button = this.d.repos.transaction(() => {
      const b = this.d.buttons.create(record);
      this.d.repos.sessions.addEvent(sessionId, `rep:${actor.user.id}`, 'supportButton.deployed', { buttonId: b.id, description: b.description, queueId: b.queueId, expiresAt: expires, hostname: where.hostname }, at);
      return b;
    });
    if (where.endpoint?.installSupportButton) {
      try {
        await where.endpoint.installSupportButton({ buttonId: button.id, token, site: p.site, description: button.description, queueName: queueName(this.d.repos, button.queueId), expiresAt: expires });
      } catch (e) {
        this.d.repos.transaction(() => {
          this.d.buttons.remove(button.id, 'system: the computer did not take it', iso(this.d.clock));
          this.d.repos.sessions.addEvent(sessionId, 'system', 'supportButton.failed', { buttonId: button.id, code: e instanceof CodedError ? e.code : 'E_INTERNAL' }, iso(this.d.clock));
        });
        throw e;
      }
    }
    const said = { name: actor.user.publicDisplayName, description: button.description, host: where.hostname, queue: queueName(this.d.repos, button.queueId), expiry: p.expiry };
    this.say(sessionId, line('button.deployed', said));
    return this.toModel(button);
  }

  async remove(actor: Actor, sessionId: string, buttonId: number): Promise<void> {
    const s = this.member(actor, sessionId);
    const where = this.where(s, false);
    const b = this.d.buttons.byId(buttonId);
    if (!where || !b || b.endpointKey !== where.key || b.removedAt !== null) throw new CodedError('E_SUPPORT_BUTTON_NOT_FOUND');
    const now = iso(this.d.clock);
    this.d.repos.transaction(() => {
      this.d.buttons.remove(buttonId, `rep:${actor.user.id}`, now);
      this.d.repos.sessions.addEvent(sessionId, `rep:${actor.user.id}`, 'supportButton.removed', { buttonId, description: b.description }, now);
    });
    // Removed on the site already: a click from a computer that missed this message is refused anyway.
    await where.endpoint?.removeSupportButton?.(buttonId).catch(() => undefined);
    if (s.status !== 'ended') this.say(sessionId, line('button.removed', { name: actor.user.publicDisplayName, description: b.description, host: b.hostname }));
  }

  /** A customer clicked a Support Button (its token): a new session waits in the button's queue. */
  click(token: string, who: { name?: string | undefined }): { session: SessionSummary; customerToken: string; queueName: string } {
    const b = this.d.buttons.byTokenHash(hashToken(token));
    checkClick(b, this.d.clock.now());
    return this.start(b!, who.name?.trim() || this.customerName(b!), false);
  }

  /** The demo's customer at an emulated machine clicks its Support Button (no token travels in-process). */
  clickEmulated(buttonId: number): SessionSummary {
    const b = this.d.buttons.byId(buttonId);
    checkClick(b, this.d.clock.now());
    if (!b!.emulated) throw new CodedError('E_SUPPORT_BUTTON_NOT_FOUND');
    return this.start(b!, this.customerName(b!), true).session;
  }

  private start(b: SupportButtonRecord, name: string, simulated: boolean): { session: SessionSummary; customerToken: string; queueName: string } {
    const { session, customerToken } = this.d.intake.enqueue({
      name,
      computer: b.hostname,
      details: `Support Button: ${b.description}`,
      browser: false,
      route: { queueId: b.queueId },
      simulated,
    });
    const now = iso(this.d.clock);
    this.d.repos.transaction(() => {
      this.d.buttons.clicked(b.id, session.id);
      this.d.repos.sessions.addEvent(session.id, simulated ? 'customer:demo' : 'customer', 'supportButton.clicked', { buttonId: b.id, description: b.description, hostname: b.hostname }, now);
    });
    if (simulated) {
      this.d.simulate(session.id);
      // An emulated Jump Client's machine: the new session reaches it, so the rep's tools work.
      const endpoint = b.endpointKey.startsWith('jump:') ? this.d.endpoints.forJumpItem(Number(b.endpointKey.slice(5))) : null;
      if (endpoint) {
        this.d.endpoints.bindSession(session.id, endpoint);
        this.bound.add(session.id);
      }
    }
    return { session, customerToken, queueName: queueName(this.d.repos, b.queueId) };
  }

  /** Who clicks: the customer of the session it was deployed from, else the computer's name. */
  private customerName(b: SupportButtonRecord): string {
    const from = b.deployedFrom ? this.d.repos.sessions.byId(b.deployedFrom) : null;
    return from && from.type !== 'jump' ? from.customerName : b.hostname;
  }

  private member(actor: Actor, sessionId: string): SessionSummary {
    authorize(actor, { kind: 'session.supportButton', role: this.d.repos.members.role(sessionId, actor.user.id) });
    const s = this.d.repos.sessions.byId(sessionId);
    if (!s) throw new CodedError('E_SESSION_NOT_FOUND');
    return s;
  }

  /** Which computer the session is with, as buttons are filed; `needed`: throw when there is none to install on. */
  private where(s: SessionSummary, needed: boolean): Where | null {
    const endpoint = this.d.endpoints.forSession(s.id);
    // A Jump Client's machine files its buttons under its Jump Item, whatever kind of session reached it.
    if (endpoint?.jumpItemId != null) return { key: `jump:${endpoint.jumpItemId}`, hostname: endpoint.hostname, emulated: endpoint.kind === 'emulated', endpoint };
    if (s.type === 'jump' && s.jumpItemId) {
      if (needed && !endpoint) throw new CodedError('E_ENDPOINT_OFFLINE');
      return { key: `jump:${s.jumpItemId}`, hostname: endpoint?.hostname ?? s.computer, emulated: endpoint?.kind === 'emulated', endpoint };
    }
    if (endpoint) return { key: `host:${endpoint.hostname.toLowerCase()}`, hostname: endpoint.hostname, emulated: endpoint.kind === 'emulated', endpoint };
    const name = s.computer || s.customerName;
    if (this.d.isSimulated(s.id)) return { key: `host:${name.toLowerCase()}`, hostname: name, emulated: true, endpoint: null };
    if (needed) throw new CodedError('E_SUPPORT_BUTTON_NO_ENDPOINT');
    return null;
  }

  private say(sessionId: string, said: SystemLine): void {
    const now = iso(this.d.clock);
    this.d.repos.transaction(() => this.d.narrator.say(sessionId, said, now, 'reps'))();
  }

  private toModel(b: SupportButtonRecord): SupportButton {
    return {
      id: b.id,
      description: b.description,
      profile: b.profile,
      queueId: b.queueId,
      queueName: b.queueId.startsWith('personal:') ? `Personal Support Button (${queueName(this.d.repos, b.queueId)})` : queueName(this.d.repos, b.queueId),
      expiresAt: b.expiresAt,
      expired: isExpired(b, this.d.clock.now()),
      hostname: b.hostname,
      deployedBy: b.deployedByName,
      deployedAt: b.deployedAt,
      clicks: b.clicks,
    };
  }
}
