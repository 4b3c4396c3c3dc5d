/**
 * The rep's queues and the sessions in them, kept live from `queue.session` / `queue.sessionRemoved`
 * events after one `queues.list`. Also decides what counts as a *new* session (the lit count and the
 * lower-left New Session popup).
 */
import type { Invitation, Queue, QueueId, SessionSummary } from '../../../appliance/src/protocol/index.js';
import { codeOf, messageOf, type ConsoleClient } from '../../lib/client.js';
import { t } from '../../lib/i18n/index.svelte.js';
import type { Clock } from './clock.svelte.js';

export type QueueFilter = QueueId | 'all';

export interface Arrival {
  session: SessionSummary;
  /** "Your Personal Queue has a new session." */
  message: string;
}

export interface AcceptState {
  sessionId: string;
  busy: boolean;
  error: string | null;
  accepted: boolean;
}

const KIND_ORDER = { personal: 0, team: 1, general: 2 } as const;

export class QueueState {
  queues = $state<Queue[]>([]);
  sessions = $state<SessionSummary[]>([]);
  /** Share / transfer / help invitations waiting in the rep's queues. */
  invitations = $state<Invitation[]>([]);
  loaded = $state(false);
  loadError = $state<string | null>(null);
  filter = $state<QueueFilter>('all');
  selectedId = $state<string | null>(null);
  /** Queues whose count lights up: a session arrived that the rep has not looked at yet. */
  lit = $state<QueueId[]>([]);
  popup = $state<Arrival | null>(null);
  favouriteError = $state<string | null>(null);
  accept = $state<AcceptState | null>(null);

  /** Personal first, then teams (favourites first), then the general queue. */
  readonly ordered = $derived(
    [...this.queues].sort(
      (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || Number(b.favourite) - Number(a.favourite) || 0,
    ),
  );

  readonly waitingByQueue = $derived.by(() => {
    const counts = new Map<string, number>();
    for (const s of this.sessions) if (s.status === 'waiting') counts.set(s.queueId, (counts.get(s.queueId) ?? 0) + 1);
    return counts;
  });

  readonly totalWaiting = $derived(this.sessions.filter((s) => s.status === 'waiting').length);

  /** The table's rows: the chosen queue (or all), longest-waiting first. */
  readonly visible = $derived(
    this.sessions
      .filter((s) => this.filter === 'all' || s.queueId === this.filter)
      .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt)),
  );

  readonly selected = $derived(this.sessions.find((s) => s.id === this.selectedId) ?? null);

  readonly filterName = $derived.by(() => {
    if (this.filter === 'all') return t('console.queues.all');
    const q = this.queues.find((x) => x.id === this.filter);
    return q ? this.displayName(q) : t('console.queues.queue');
  });

  private readonly arrivalHooks: ((a: Arrival) => void)[] = [];

  constructor(
    private readonly client: ConsoleClient,
    private readonly clock: Clock,
    private readonly prefs: { readonly newSessionPopup: boolean },
  ) {
    client.on('queue.session', (s) => this.upsert(s));
    client.on('queue.sessionRemoved', ({ id }) => this.remove(id));
    client.on('queue.invitation', (inv) => {
      if (!this.invitations.some((i) => i.id === inv.id)) this.invitations.push(inv);
    });
    client.on('queue.invitationRemoved', ({ id }) => this.dropInvitation(id));
  }

  dropInvitation(id: number): void {
    this.invitations = this.invitations.filter((i) => i.id !== id);
  }

  /** Called for every new session in one of the rep's queues. */
  onArrival(fn: (a: Arrival) => void): void {
    this.arrivalHooks.push(fn);
  }

  /** (Re)loads everything; events that raced the answer are re-applied by the next events. */
  async load(): Promise<void> {
    const sentAt = Date.now();
    try {
      const r = await this.client.call('queues.list', {});
      this.clock.sync(r.serverTime, sentAt, Date.now());
      this.queues = r.queues;
      this.sessions = r.sessions.filter((s) => s.status !== 'ended');
      this.invitations = r.invitations;
      this.loaded = true;
      this.loadError = null;
      if (this.filter !== 'all' && !r.queues.some((q) => q.id === this.filter)) this.filter = 'all';
    } catch (e) {
      this.loadError = messageOf(e);
    }
  }

  reset(): void {
    this.queues = [];
    this.sessions = [];
    this.invitations = [];
    this.loaded = false;
    this.loadError = null;
    this.filter = 'all';
    this.selectedId = null;
    this.lit = [];
    this.popup = null;
    this.accept = null;
    this.favouriteError = null;
  }

  /** Shows a queue (or all of them) and turns its lit count off. */
  show(filter: QueueFilter): void {
    this.filter = filter;
    this.lit = filter === 'all' ? [] : this.lit.filter((q) => q !== filter);
    if (this.selected && filter !== 'all' && this.selected.queueId !== filter) this.selectedId = null;
  }

  select(id: string | null): void {
    this.selectedId = id;
    if (this.accept && this.accept.sessionId !== id) this.accept = null;
  }

  /** The popup's View: that queue, that session. */
  view(a: Arrival): void {
    this.show(a.session.queueId);
    this.select(a.session.id);
    this.popup = null;
  }

  dismissPopup(): void {
    this.popup = null;
  }

  async toggleFavourite(q: Queue): Promise<void> {
    const favourite = !q.favourite;
    this.setFavourite(q.id, favourite);
    this.favouriteError = null;
    try {
      await this.client.call('queues.setFavourite', { queueId: q.id, favourite });
    } catch (e) {
      this.setFavourite(q.id, !favourite);
      this.favouriteError = t('console.queues.favouriteFailed', { queue: this.displayName(q), reason: messageOf(e) });
    }
  }

  /** Accept: the rep takes the session. Refusals (taken by someone else, …) show in the details pane. */
  async acceptSession(id: string): Promise<SessionSummary | null> {
    this.accept = { sessionId: id, busy: true, error: null, accepted: false };
    try {
      const { session } = await this.client.call('session.accept', { sessionId: id });
      this.upsert(session);
      if (this.accept?.sessionId === id) this.accept = { sessionId: id, busy: false, error: null, accepted: true };
      return session;
    } catch (e) {
      const text = codeOf(e) === 'E_UNKNOWN_METHOD' ? t('console.queues.noHandover', { reason: messageOf(e) }) : messageOf(e);
      if (this.accept?.sessionId === id) this.accept = { sessionId: id, busy: false, error: text, accepted: false };
      return null;
    }
  }

  /** A queue's name in the rep's language: the site names Personal and General in English; team names are the team's. */
  displayName(q: Pick<Queue, 'kind' | 'name'>): string {
    if (q.kind === 'personal') return t('console.queues.personal');
    if (q.kind === 'general') return t('console.queues.general');
    return q.name;
  }

  queueName(id: QueueId): string {
    const q = this.queues.find((x) => x.id === id);
    return q ? this.displayName(q) : t('console.queues.queueLower');
  }

  /** "your Personal queue", "the Remote Support queue", "the General Queue". */
  describeQueue(id: QueueId): string {
    const q = this.queues.find((x) => x.id === id);
    return t('console.queues.describe', { kind: q?.kind ?? 'gone', name: q?.name ?? '' });
  }

  /** "In your Personal queue", "In the Remote Support queue", … (the details pane's line). */
  inQueue(id: QueueId): string {
    const q = this.queues.find((x) => x.id === id);
    return t('console.queues.inQueue', { kind: q?.kind ?? 'gone', name: q?.name ?? '' });
  }

  /** Unread team chat for a team (the orange bubble on its queue); 0 for teams the rep does not see. */
  unreadChatOf(teamId: number): number {
    return this.queues.find((q) => q.id === `team:${teamId}`)?.unreadChat ?? 0;
  }

  /** Sets the bubble's count, live: team chat arrived, or the rep read it. */
  setUnreadChat(teamId: number, unread: number): void {
    const q = this.queues.find((x) => x.id === `team:${teamId}`);
    if (q && q.unreadChat !== unread) q.unreadChat = Math.max(0, unread);
  }

  private setFavourite(id: QueueId, favourite: boolean): void {
    const q = this.queues.find((x) => x.id === id);
    if (q) q.favourite = favourite;
  }

  private upsert(s: SessionSummary): void {
    if (s.status === 'ended') return this.remove(s.id);
    const i = this.sessions.findIndex((x) => x.id === s.id);
    const prev = i >= 0 ? this.sessions[i] : undefined;
    if (i >= 0) this.sessions[i] = s;
    else this.sessions.push(s);
    if (this.popup?.session.id === s.id && s.status !== 'waiting') this.popup = null;
    const isNew = s.status === 'waiting' && (!prev || prev.queueId !== s.queueId || prev.status !== 'waiting');
    if (isNew && this.loaded) this.arrive(s);
  }

  private remove(id: string): void {
    this.sessions = this.sessions.filter((s) => s.id !== id);
    if (this.popup?.session.id === id) this.popup = null;
  }

  private arrive(s: SessionSummary): void {
    if (!this.lit.includes(s.queueId)) this.lit = [...this.lit, s.queueId];
    const q = this.queues.find((x) => x.id === s.queueId);
    const message =
      t('console.queues.arrived', { kind: q?.kind ?? 'general', name: q?.name ?? '' });
    const arrival = { session: s, message };
    if (this.prefs.newSessionPopup) this.popup = arrival;
    for (const fn of this.arrivalHooks) fn(arrival);
  }
}
