/**
 * Elevate, for a session: click-to-chat → full client (the customer is prompted to download and run
 * it), and user mode → elevated by **Prompt Customer** (a customer client asks its customer; in a
 * Jump session the person at the endpoint is asked) or **Specific User** (the endpoint checks an
 * administrator's username and password). The state machine is in elevation.ts; this service
 * authorizes, talks to the endpoint, writes every step to the session log with the new state in one
 * transaction, then tells the consoles (session.state carries the session's `endpoint`).
 */
import { CodedError, line, type Prompt, type SystemLine, type SessionElevation, type SessionEndpoint, type SessionSummary } from '../protocol/index.js';
import { iso, type Clock } from './clock.js';
import { answered, awaiting, checkElevate, checkFullClient, elevate, initialElevation } from './elevation.js';
import type { ElevationRepository } from './elevation-ports.js';
import type { Endpoint, EndpointElevationRequest, EndpointHub } from './endpoints.js';
import type { EventBus } from './event-bus.js';
import type { Narrator } from './narrator.js';
import { authorize, type Actor } from './permissions.js';
import type { Repositories } from './ports.js';
import type { RateLimiter } from './rate-limit.js';
import type { SessionView } from './session-view.js';

export type ElevationRequest = { method: 'prompt' } | { method: 'specific_user'; username: string; password: string };

/** Checks credentials where no agent is attached but the machine is the demo's own (a simulated customer). */
export interface SimulatedMachines {
  elevate(sessionId: string, request: EndpointElevationRequest): { account: string };
}

export interface ElevationDeps {
  repos: Pick<Repositories, 'sessions' | 'members' | 'prompts' | 'jump' | 'transaction'>;
  elevations: ElevationRepository;
  endpoints: EndpointHub;
  narrator: Narrator;
  view: Pick<SessionView, 'recipients'>;
  bus: EventBus;
  clock: Clock;
  /** A demo customer simulated inside the appliance. */
  isSimulated: (sessionId: string) => boolean;
  simulated: SimulatedMachines | null;
  /** Wrong Specific User passwords per rep and session. */
  wrongPasswords: RateLimiter;
}

export class ElevationService {
  /** Endpoints this service marked elevated, per session: the mark goes when the session ends. */
  private readonly marked = new Map<string, Endpoint>();

  constructor(private readonly d: ElevationDeps) {
    d.bus.subscribe((e) => {
      if (e.type === 'session.prompt' && (e.prompt.kind === 'full_client' || e.prompt.kind === 'elevation') && e.prompt.state !== 'pending') this.onAnswer(e.prompt);
      else if (e.type === 'customer.ended') this.unmark(e.sessionId);
    });
  }

  /** The session's mode (its starting mode until something changed it). */
  stateOf(sessionId: string): SessionElevation {
    const stored = this.d.elevations.get(sessionId);
    if (stored) return stored;
    // A browser session whose customer attached a client on their machine (`rep-appliance customer`) runs the full client.
    const browser = this.d.repos.sessions.byId(sessionId)?.browser ?? false;
    return initialElevation(browser && !this.d.endpoints.forSession(sessionId));
  }

  /** Whether the session's customer client runs elevated (screen sharing's privacy screen, service-mode Jump Clients). */
  isElevated(sessionId: string): boolean {
    return this.stateOf(sessionId).elevated;
  }

  /** What consoles show about the session's endpoint. */
  describe(sessionId: string): SessionEndpoint | null {
    const s = this.d.repos.sessions.byId(sessionId);
    if (!s) return null;
    const item = s.jumpItemId ? this.d.repos.jump.byId(s.jumpItemId) : null;
    const endpoint = this.d.endpoints.forSession(sessionId);
    return {
      kind: s.type === 'jump' ? 'jump_client' : 'customer_client',
      attached: endpoint !== null,
      emulated: endpoint?.kind === 'emulated' || this.d.isSimulated(sessionId),
      hostname: endpoint?.hostname ?? item?.hostname ?? s.computer,
      os: item?.os ?? null,
      publicIp: item?.publicIp ?? '',
      privateIp: item?.privateIp ?? '',
      jumpItemId: item?.id ?? null,
      elevation: this.stateOf(sessionId),
    };
  }

  /** Click-to-chat → full client: the customer is prompted to download and run it. */
  requestFullClient(actor: Actor, sessionId: string): SessionEndpoint {
    const s = this.open(actor, sessionId);
    const state = this.stateOf(sessionId);
    checkFullClient(state);
    this.askCustomer(actor, s, state, 'full_client');
    return this.describe(sessionId)!;
  }

  /** User mode → elevated. Prompt Customer resolves once the customer was asked (their answer arrives later) or the endpoint consented. */
  async elevate(actor: Actor, sessionId: string, req: ElevationRequest): Promise<SessionEndpoint> {
    const s = this.open(actor, sessionId);
    const state = this.stateOf(sessionId);
    checkElevate(state);
    const endpoint = this.d.endpoints.forSession(sessionId);
    if (req.method === 'prompt' && s.type !== 'jump') {
      // A customer client: its customer answers in their chat page (or the `customer` agent's terminal).
      this.askCustomer(actor, s, state, 'elevate');
      return this.describe(sessionId)!;
    }
    const limitKey = `${actor.user.id}:${sessionId}`;
    if (req.method === 'specific_user' && this.d.wrongPasswords.blocked(limitKey)) throw new CodedError('E_RATE_LIMITED');
    const asked: EndpointElevationRequest = req.method === 'prompt' ? { method: 'prompt', requestedBy: actor.user.publicDisplayName } : req;
    this.log(actor, sessionId, 'elevation.requested', { method: req.method, ...(req.method === 'specific_user' ? { username: req.username } : {}) }, null);
    let account: string;
    try {
      account = await this.askEndpoint(sessionId, endpoint, asked);
    } catch (e) {
      const code = e instanceof CodedError ? e.code : 'E_INTERNAL';
      if (code === 'E_ELEVATION_CREDENTIALS_INVALID') this.d.wrongPasswords.fail(limitKey);
      this.log(actor, sessionId, 'elevation.refused', { method: req.method, code }, line('elevation.refused', { reason: e instanceof Error ? e.message : code, reasonCode: code }));
      throw e;
    }
    const now = iso(this.d.clock);
    const say = this.d.repos.transaction(() => {
      const next = elevate(this.stateOf(sessionId), req.method, req.method === 'specific_user' ? account : null);
      this.d.elevations.put(sessionId, next, now);
      this.d.repos.sessions.addEvent(sessionId, `rep:${actor.user.id}`, 'elevation.granted', { method: req.method, account }, now);
      return this.d.narrator.say(sessionId, req.method === 'specific_user' ? line('elevation.elevatedAs', { account }) : line('elevation.elevatedWithConsent'), now);
    });
    this.mark(sessionId, endpoint);
    say();
    this.d.narrator.state(sessionId);
    return this.describe(sessionId)!;
  }

  /** The member may elevate, and the session is running. */
  private open(actor: Actor, sessionId: string): SessionSummary {
    authorize(actor, { kind: 'session.elevate', role: this.d.repos.members.role(sessionId, actor.user.id) });
    const s = this.d.repos.sessions.byId(sessionId);
    if (!s) throw new CodedError('E_SESSION_NOT_FOUND');
    if (s.status === 'ended') throw new CodedError('E_SESSION_ENDED');
    if (s.status !== 'active') throw new CodedError('E_SESSION_NOT_ACTIVE');
    return s;
  }

  /** The customer's prompt and the waiting state, one transaction; then the prompt goes out. */
  private askCustomer(actor: Actor, s: SessionSummary, state: SessionElevation, step: 'full_client' | 'elevate'): void {
    const kind = step === 'full_client' ? 'full_client' : 'elevation';
    const now = iso(this.d.clock);
    const name = actor.user.publicDisplayName;
    const [prompt, say] = this.d.repos.transaction(() => {
      const p = this.d.repos.prompts.create(s.id, kind, name, now);
      this.d.elevations.put(s.id, awaiting(state, step, p.id), now);
      this.d.repos.sessions.addEvent(s.id, `rep:${actor.user.id}`, 'prompt.asked', { kind, promptId: p.id }, now);
      this.d.repos.sessions.addEvent(s.id, `rep:${actor.user.id}`, step === 'full_client' ? 'elevation.fullClient.requested' : 'elevation.requested', { method: 'prompt', promptId: p.id }, now);
      return [p, this.d.narrator.say(s.id, line('prompt.asked', { name, kind }), now)] as const;
    });
    say();
    this.d.bus.publish({ type: 'session.prompt', prompt, recipients: this.d.view.recipients(s.id) });
    this.d.narrator.state(s.id);
  }

  private async askEndpoint(sessionId: string, endpoint: Endpoint | null, req: EndpointElevationRequest): Promise<string> {
    if (endpoint?.elevate) return (await endpoint.elevate(req)).account;
    if (this.d.simulated && this.d.isSimulated(sessionId)) return this.d.simulated.elevate(sessionId, req).account;
    if (!endpoint) throw new CodedError(req.method === 'specific_user' ? 'E_ELEVATION_UNSUPPORTED' : 'E_ENDPOINT_OFFLINE');
    throw new CodedError('E_ELEVATION_UNSUPPORTED');
  }

  /** A customer's answer to a full-client or elevation prompt this service is waiting on. */
  private onAnswer(p: Prompt): void {
    const state = this.d.elevations.get(p.sessionId);
    if (!state || p.state === 'pending') return;
    const r = answered(state, p.id, p.state);
    if (!r) return;
    const now = iso(this.d.clock);
    const s = this.d.repos.sessions.byId(p.sessionId);
    const say = this.d.repos.transaction(() => {
      this.d.elevations.put(p.sessionId, r.next, now);
      const kind = r.outcome === 'full_client' ? 'elevation.fullClient.running' : r.outcome === 'elevated' ? 'elevation.granted' : 'elevation.refused';
      this.d.repos.sessions.addEvent(p.sessionId, 'customer', kind, { method: 'prompt', promptId: p.id, step: state.pending!.step, outcome: r.outcome }, now);
      // The prompt's own answer line already says refused; the mode change deserves its own line.
      return r.outcome === 'full_client' || r.outcome === 'elevated' ? (s && s.status !== 'ended' ? this.d.narrator.say(p.sessionId, line(r.outcome === 'full_client' ? 'elevation.fullClient' : 'elevation.elevated'), now) : null) : null;
    });
    if (r.outcome === 'elevated') this.mark(p.sessionId, this.d.endpoints.forSession(p.sessionId));
    say?.();
    this.d.narrator.state(p.sessionId);
  }

  /** Writes one step of the log (with a chat line for the reps, when given). */
  private log(actor: Actor, sessionId: string, kind: string, data: Record<string, unknown>, said: SystemLine | null): void {
    const now = iso(this.d.clock);
    const say = this.d.repos.transaction(() => {
      this.d.repos.sessions.addEvent(sessionId, `rep:${actor.user.id}`, kind, data, now);
      return said ? this.d.narrator.say(sessionId, said, now, 'reps') : null;
    });
    say?.();
  }

  private mark(sessionId: string, endpoint: Endpoint | null): void {
    if (!endpoint) return;
    endpoint.elevated = true;
    this.marked.set(sessionId, endpoint);
  }

  /** The session ended: the customer client goes back to user mode unless another open session keeps it elevated. */
  private unmark(sessionId: string): void {
    const endpoint = this.marked.get(sessionId);
    if (!endpoint) return;
    this.marked.delete(sessionId);
    if (![...this.marked.values()].includes(endpoint)) endpoint.elevated = false;
  }
}
