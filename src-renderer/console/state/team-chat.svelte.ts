/**
 * Team chat on Home: the reps of a team talking among themselves, outside any session. One channel
 * per team the rep has opened (its history, lines being sent, the draft); the panel shows one of
 * them. Lines arriving for a team whose chat is not on screen raise that team queue's orange bubble;
 * lines on screen are marked read (team.markRead) so the bubble clears, on this console and the
 * rep's others. Merging and de-duplication rules live in team-chat-log.ts.
 */
import type { TeamChatMessage } from '../../../appliance/src/protocol/index.js';
import { clientFailureOf, codeOf, messageOf, type ConsoleClient, type LinkState } from '../../lib/client.js';
import { t } from '../../lib/i18n/index.svelte.js';
import type { QueueState } from './queues.svelte.js';
import {
  addLine,
  applyNewestPage,
  applyOlderPage,
  checkDraft,
  describeError,
  emptyLog,
  firstUnreadId,
  newestId,
  oldestId,
  type TeamLog,
} from './team-chat-log.js';

export interface OutgoingLine {
  key: number;
  body: string;
  /** Why the appliance (or the link) refused it; null while it is being sent. */
  error: string | null;
}

let outgoingKey = 0;

/** One team's chat as this console holds it. */
export class TeamChannel {
  log = $state<TeamLog>(emptyLog());
  loading = $state(false);
  loadingOlder = $state(false);
  /** The history could not be loaded (shown in place of the log, with Try again). */
  error = $state<string | null>(null);
  olderError = $state<string | null>(null);
  /** Marking lines read was refused (a coded refusal; link failures are retried on reconnect). */
  readError = $state<string | null>(null);
  /** The rep's lines not yet acknowledged, or refused ("Not sent" with Retry). */
  outbox = $state<OutgoingLine[]>([]);
  draft = $state('');
  /** The read mark when the rep opened the chat, if lines were unread: "New messages" goes above the first after it. */
  unreadAfter = $state<number | null>(null);

  /** The read mark as this console knows it (the appliance's, or what it was told since). */
  readUpTo = 0;
  /** The newest id a team.markRead was sent for. */
  markedUpTo = 0;
  markSeq = 0;
  /** Set while the link was down: the newest line held from before (see applyNewestPage). */
  anchor: number | null = null;
  /** Guards a refetch when the appliance counts unread lines this console does not hold. */
  refetchedAt = -1;

  constructor(readonly teamId: number) {}
}

export class TeamChatState {
  /** The team whose chat the panel shows (it stays when the rep goes back to Personal or All queues). */
  teamId = $state<number | null>(null);
  /** The panel is expanded (not just its header strip). */
  open = $state(false);
  /** Home is on screen and the window is not hidden; set by the panel. */
  onScreen = $state(false);
  channels = $state<Record<number, TeamChannel>>({});

  readonly visible = $derived(this.open && this.teamId !== null && this.onScreen);
  readonly current = $derived(this.teamId === null ? null : (this.channels[this.teamId] ?? null));

  private readonly off: (() => void)[] = [];
  private wasOnline = true;

  constructor(
    private readonly client: ConsoleClient,
    private readonly queues: QueueState,
    private readonly myId: () => number | undefined,
  ) {
    this.off.push(client.on('team.chat', (m) => this.arrive(m)));
    this.off.push(client.onStatus((s) => this.onLink(s.state)));
  }

  dispose(): void {
    for (const fn of this.off.splice(0)) fn();
  }

  teamName(teamId: number): string {
    return this.queues.queues.find((q) => q.id === `team:${teamId}`)?.name ?? t('console.teamChat.yourTeam');
  }

  /** Opens the panel on a team's chat (selecting the team queue, or its bubble). */
  show(teamId: number): void {
    const c = this.channel(teamId);
    if (this.teamId !== teamId || !this.open) c.unreadAfter = this.markIfUnread(c, c.readUpTo);
    this.teamId = teamId;
    this.open = true;
    if ((!c.log.loaded || c.anchor !== null) && !c.loading) void this.load(teamId);
    else void this.syncRead(teamId);
  }

  /** Folds the panel down to its header strip; lines arriving then raise the bubble again. */
  collapse(): void {
    this.open = false;
  }

  setOnScreen(on: boolean): void {
    if (this.onScreen === on) return;
    this.onScreen = on;
    if (on && this.teamId !== null) void this.syncRead(this.teamId);
  }

  /** The newest page (again after a reconnect: merged, or replacing what was held when lines were missed). */
  async load(teamId: number): Promise<void> {
    const c = this.channel(teamId);
    const first = !c.log.loaded;
    c.loading = true;
    c.error = null;
    try {
      const page = await this.client.call('team.history', { teamId });
      c.log = applyNewestPage(c.log, page, c.anchor ?? newestId(c.log));
      c.anchor = null;
      c.readUpTo = Math.max(c.readUpTo, page.lastReadId);
      c.markedUpTo = Math.max(c.markedUpTo, page.lastReadId);
      if (first) c.unreadAfter = this.markIfUnread(c, page.lastReadId);
    } catch (e) {
      c.error = describeError(codeOf(e), messageOf(e), 'load', this.teamName(teamId));
    } finally {
      c.loading = false;
    }
    void this.syncRead(teamId);
  }

  /** "Load earlier messages": the page before the oldest line held. */
  async loadOlder(teamId: number): Promise<void> {
    const c = this.channel(teamId);
    const before = oldestId(c.log);
    if (c.loadingOlder || before === null || !c.log.hasMore) return;
    c.loadingOlder = true;
    c.olderError = null;
    try {
      const page = await this.client.call('team.history', { teamId, before });
      c.log = applyOlderPage(c.log, page);
    } catch (e) {
      c.olderError = describeError(codeOf(e), messageOf(e), 'load', this.teamName(teamId));
    } finally {
      c.loadingOlder = false;
    }
  }

  /** Sends the channel's draft; the line shows as sending at once and the composer is free again. */
  sendDraft(teamId: number): boolean {
    const c = this.channel(teamId);
    const check = checkDraft(c.draft);
    if (!check.ok) return false;
    c.draft = '';
    // Answering means the rep has caught up: the "New messages" line goes.
    c.unreadAfter = null;
    const key = ++outgoingKey;
    c.outbox.push({ key, body: check.body, error: null });
    void this.deliver(c, key);
    return true;
  }

  retry(teamId: number, key: number): void {
    const c = this.channel(teamId);
    const line = c.outbox.find((o) => o.key === key);
    if (!line) return;
    line.error = null;
    void this.deliver(c, key);
  }

  discard(teamId: number, key: number): void {
    const c = this.channel(teamId);
    c.outbox = c.outbox.filter((o) => o.key !== key);
  }

  /**
   * Marks what the panel shows as read, when it is on screen. When the appliance still counts unread
   * lines this console does not hold (missed while offline), it fetches them first, once.
   */
  async syncRead(teamId: number): Promise<void> {
    const c = this.channels[teamId];
    if (!c || !c.log.loaded || c.loading || !this.visible || this.teamId !== teamId) return;
    const newest = newestId(c.log);
    if (newest <= c.markedUpTo) {
      if (this.queues.unreadChatOf(teamId) === 0 || c.refetchedAt === newest) return;
      c.refetchedAt = newest;
      c.anchor ??= newest;
      await this.load(teamId);
      return;
    }
    const before = c.markedUpTo;
    c.markedUpTo = newest;
    c.readUpTo = Math.max(c.readUpTo, newest);
    this.queues.setUnreadChat(teamId, 0);
    const seq = ++c.markSeq;
    try {
      const { unread } = await this.client.call('team.markRead', { teamId, upToId: newest });
      if (seq === c.markSeq) {
        c.readError = null;
        this.queues.setUnreadChat(teamId, unread);
      }
    } catch (e) {
      if (seq !== c.markSeq) return;
      c.markedUpTo = before;
      // A lost link is retried after the reconnect; a refusal is shown.
      if (!clientFailureOf(e)) c.readError = describeError(codeOf(e), messageOf(e), 'read', this.teamName(teamId));
    }
  }

  private markIfUnread(c: TeamChannel, readUpTo: number): number | null {
    return firstUnreadId(c.log.lines, readUpTo, this.myId()) === null ? null : readUpTo;
  }

  private channel(teamId: number): TeamChannel {
    let c = this.channels[teamId];
    if (!c) {
      c = new TeamChannel(teamId);
      this.channels[teamId] = c;
    }
    return c;
  }

  private async deliver(c: TeamChannel, key: number): Promise<void> {
    const line = c.outbox.find((o) => o.key === key);
    if (!line) return;
    try {
      const { message } = await this.client.call('team.chat', { teamId: c.teamId, body: line.body });
      c.outbox = c.outbox.filter((o) => o.key !== key);
      this.arrive(message, true);
    } catch (e) {
      const still = c.outbox.find((o) => o.key === key);
      if (still) still.error = describeError(codeOf(e), messageOf(e), 'send', this.teamName(c.teamId));
    }
  }

  /** A line from the `team.chat` event, or the answer to the rep's own send; each id is shown once. */
  private arrive(m: TeamChatMessage, acknowledged = false): void {
    const c = this.channel(m.teamId);
    const { log, added } = addLine(c.log, m);
    if (!added) return;
    c.log = log;
    if (m.from.id === this.myId()) {
      // The rep's own line (the event can beat the answer): it replaces the oldest matching "Sending…".
      if (!acknowledged) {
        const i = c.outbox.findIndex((o) => o.error === null && o.body === m.body);
        if (i >= 0) c.outbox.splice(i, 1);
      }
      // Writing marks everything up to one's own line as read, on the appliance too.
      c.readUpTo = Math.max(c.readUpTo, m.id);
      c.markedUpTo = Math.max(c.markedUpTo, m.id);
      this.queues.setUnreadChat(m.teamId, 0);
      return;
    }
    if (this.visible && this.teamId === m.teamId && c.log.loaded) void this.syncRead(m.teamId);
    else this.queues.setUnreadChat(m.teamId, this.queues.unreadChatOf(m.teamId) + 1);
  }

  /** While the link is down, events are missed: held lines get an anchor and are checked on return. */
  private onLink(state: LinkState): void {
    if (state !== 'online') {
      if (!this.wasOnline) return;
      this.wasOnline = false;
      for (const c of Object.values(this.channels)) {
        if (c.log.loaded) c.anchor ??= newestId(c.log);
        else c.log = emptyLog();
      }
      return;
    }
    if (this.wasOnline) return;
    this.wasOnline = true;
    if (this.open && this.teamId !== null) void this.load(this.teamId);
  }
}
