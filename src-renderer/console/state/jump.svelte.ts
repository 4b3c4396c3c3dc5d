/**
 * The Jump Items view: server-side search (name, hostname, comments, tag, IPs), a filter (a Jump
 * Group, Personal, Frequently Used), 50 items per page, + details, live status, and Jump — with the
 * questions a refusal can ask (start anyway outside the schedule; the Jump Client password).
 */
import type { FrequentJumpItem, JumpConsentOutcome, JumpGroup, JumpItemDetail, JumpListItem, JumpWait } from '../../../appliance/src/protocol/index.js';
import { codeOf, messageOf, type ConsoleClient } from '../../lib/client.js';
import { t } from '../../lib/i18n/index.svelte.js';
import { refusalText } from '../../lib/i18n/refusals.js';

export const PAGE_SIZE = 50;
const SEARCH_DEBOUNCE_MS = 250;
/** A changed item that is not on screen may belong to this page now: reload, at most this often. */
const RELOAD_DEBOUNCE_MS = 800;

/** All Jump Items, one Jump Group, personal lists, or the rep's Frequently Used. */
export type JumpFilter = number | 'personal' | 'frequent' | null;

export interface JumpOutcome {
  itemId: number;
  tone: 'busy' | 'ok' | 'error';
  text: string;
}

/** A refusal the rep can answer: start anyway (outside the schedule), or the Jump Client password. */
export interface JumpQuestion {
  item: JumpListItem;
  kind: 'override' | 'password';
  /** The appliance's words (the schedule and when it opens next; a wrong password). */
  message: string;
  /** Already answered: the rep chose to start outside the schedule before the password was asked. */
  override: boolean;
  customAttributes: Record<string, string>;
}

/** A Jump waiting for the person at the endpoint to allow it (the Jump Policy prompts them). */
export interface JumpWaiting {
  item: JumpListItem;
  wait: JumpWait;
}

export type DetailState = { state: 'loading' } | { state: 'ready'; detail: JumpItemDetail } | { state: 'error'; message: string };

export interface JumpOptions {
  /** A Jump started: the console opens the session. */
  onStarted: (sessionId: string) => void;
  /** Whether this rep may override Jump Policy schedules (the console then offers "Start anyway?"). */
  mayOverride: () => boolean;
}

export class JumpState {
  search = $state('');
  groupId = $state<JumpFilter>(null);
  page = $state(0);
  items = $state<JumpListItem[]>([]);
  groups = $state<JumpGroup[]>([]);
  total = $state(0);
  /** The appliance stopped counting: there are more matches than `total`. */
  totalCapped = $state(false);
  loading = $state(false);
  loaded = $state(false);
  error = $state<string | null>(null);
  expanded = $state<number[]>([]);
  details = $state<Record<number, DetailState>>({});
  outcome = $state<JumpOutcome | null>(null);
  frequent = $state<FrequentJumpItem[]>([]);
  question = $state<JumpQuestion | null>(null);
  waiting = $state<JumpWaiting | null>(null);

  readonly pageCount = $derived(Math.max(1, Math.ceil(this.total / PAGE_SIZE) + (this.totalCapped ? 1 : 0)));

  /** Only the latest answer counts: typing fast must not let an old search overwrite a newer one. */
  private seq = 0;
  private debounce: ReturnType<typeof setTimeout> | null = null;
  private reloadTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly client: ConsoleClient,
    private readonly opts: JumpOptions = { onStarted: () => {}, mayOverride: () => false },
  ) {
    client.on('jump.status', ({ itemId, status }) => this.patch(itemId, { status }));
    client.on('jump.item', ({ itemId, item }) => this.changed(itemId, item));
    client.on('jump.consent', (o) => this.consented(o));
  }

  async load(): Promise<void> {
    const mine = ++this.seq;
    this.loading = true;
    try {
      if (this.groupId === 'frequent') {
        const [list, frequent] = await Promise.all([
          this.client.call('jump.list', { search: '', groupId: null, page: 0, pageSize: 1 }),
          this.client.call('jump.frequent', {}),
        ]);
        if (mine !== this.seq) return;
        this.groups = list.groups;
        this.frequent = frequent.items;
        this.items = filterLocally(frequent.items, this.search);
        this.total = this.items.length;
        this.totalCapped = false;
      } else {
        const r = await this.client.call('jump.list', { search: this.search.trim(), groupId: this.groupId, page: this.page, pageSize: PAGE_SIZE });
        if (mine !== this.seq) return;
        this.items = r.items;
        this.total = r.total;
        this.totalCapped = r.totalCapped;
        this.groups = r.groups;
        // The list shrank under us (a search, items removed): go back to the last page that exists.
        if (r.items.length === 0 && r.total > 0 && this.page > 0) {
          this.page = Math.max(0, Math.ceil(r.total / PAGE_SIZE) - 1);
          void this.load();
          return;
        }
      }
      this.error = null;
      this.loaded = true;
    } catch (e) {
      if (mine === this.seq) this.error = messageOf(e);
    } finally {
      if (mine === this.seq) this.loading = false;
    }
    if (mine === this.seq && this.groupId !== 'frequent') void this.loadFrequent();
  }

  /** The Frequently Used strip. */
  async loadFrequent(): Promise<void> {
    try {
      this.frequent = (await this.client.call('jump.frequent', {})).items;
    } catch {
      /* the strip is a convenience: the list itself shows any connection problem */
    }
  }

  /** Loads once, the first time the view is opened. */
  ensureLoaded(): void {
    if (!this.loaded && !this.loading) void this.load();
  }

  setSearch(text: string): void {
    this.search = text;
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = null;
      this.page = 0;
      void this.load();
    }, SEARCH_DEBOUNCE_MS);
  }

  setGroup(groupId: JumpFilter): void {
    this.groupId = groupId;
    this.page = 0;
    void this.load();
  }

  goTo(page: number): void {
    const next = Math.min(Math.max(0, page), this.pageCount - 1);
    if (next === this.page) return;
    this.page = next;
    void this.load();
  }

  /** + / −: the details are fetched when the row opens (and again each time, so they are current). */
  toggle(id: number): void {
    if (this.expanded.includes(id)) {
      this.expanded = this.expanded.filter((x) => x !== id);
      return;
    }
    this.expanded = [...this.expanded, id];
    void this.loadDetails(id);
  }

  async loadDetails(id: number): Promise<void> {
    if (!this.details[id] || this.details[id].state !== 'ready') this.details[id] = { state: 'loading' };
    try {
      this.details[id] = { state: 'ready', detail: await this.client.call('jump.details', { itemId: id }) };
    } catch (e) {
      this.details[id] = { state: 'error', message: messageOf(e) };
    }
  }

  /**
   * Jump: asks the appliance to start a session with the item. A schedule refusal asks "Start
   * anyway?" of reps who may override it; a password refusal asks for the password; any other
   * refusal is shown on the row as the appliance worded it. Returns the session id once started.
   */
  async jump(item: JumpListItem, answer: { override?: boolean; password?: string } = {}, customAttributes: Record<string, string> = {}): Promise<string | null> {
    this.outcome = { itemId: item.id, tone: 'busy', text: t('console.jumpState.starting', { name: item.name }) };
    const override = answer.override ?? false;
    try {
      const { sessionId, waiting } = await this.client.call('jump.request', {
        itemId: item.id, override, customAttributes, ...(answer.password !== undefined ? { password: answer.password } : {}),
      });
      this.question = null;
      if (waiting) {
        // The Jump Policy asks the person at the computer first: the answer arrives as jump.consent.
        this.waiting = { item, wait: waiting };
        this.outcome = { itemId: item.id, tone: 'busy', text: t('console.jumpState.waiting', { name: item.name }) };
        return null;
      }
      if (!sessionId) return null;
      // The session view that opens is the answer; nothing is left on the row for when the rep comes back.
      this.outcome = null;
      this.opts.onStarted(sessionId);
      void this.loadFrequent();
      return sessionId;
    } catch (e) {
      const code = codeOf(e);
      const message = messageOf(e);
      if (code === 'E_JUMP_SCHEDULE' && this.opts.mayOverride()) {
        this.question = { item, kind: 'override', message, override: false, customAttributes };
        this.outcome = null;
      } else if (code === 'E_JUMP_PASSWORD_REQUIRED' || code === 'E_JUMP_PASSWORD_WRONG') {
        this.question = { item, kind: 'password', message: code === 'E_JUMP_PASSWORD_WRONG' ? message : '', override, customAttributes };
        this.outcome = null;
      } else {
        this.question = null;
        this.outcome = { itemId: item.id, tone: 'error', text: t('console.jumpState.failed', { name: item.name, reason: message }) };
      }
      return null;
    }
  }

  /** The rep answered the question: start anyway, or try the password. */
  answer(reply: { password?: string }): Promise<string | null> {
    const q = this.question;
    if (!q) return Promise.resolve(null);
    const override = q.kind === 'override' ? true : q.override;
    return this.jump(q.item, { override, ...(reply.password !== undefined ? { password: reply.password } : {}) }, q.customAttributes);
  }

  /** Stop waiting for the end user (the appliance answers with a "cancelled" jump.consent). */
  async cancelWait(): Promise<void> {
    const w = this.waiting;
    if (!w) return;
    try {
      await this.client.call('jump.cancel', { requestId: w.wait.requestId });
    } catch {
      // Already answered: its jump.consent tells how it ended.
    }
  }

  /** The end user answered (or nobody did, or the rep cancelled). */
  private consented(o: JumpConsentOutcome): void {
    const w = this.waiting;
    if (!w || w.wait.requestId !== o.requestId) return;
    this.waiting = null;
    if (o.outcome === 'started' && o.sessionId) {
      this.outcome = null;
      this.opts.onStarted(o.sessionId);
      void this.loadFrequent();
      return;
    }
    this.outcome =
      o.outcome === 'cancelled'
        ? { itemId: o.itemId, tone: 'error', text: t('console.jumpState.cancelled', { name: w.item.name }) }
        : { itemId: o.itemId, tone: 'error', text: t('console.jumpState.failed', { name: w.item.name, reason: refusalText(o.code, o.message) }) };
  }

  /** The rep declined: the refusal stays on the row so they can read it again. */
  cancelQuestion(): void {
    const q = this.question;
    this.question = null;
    if (!q) return;
    this.outcome =
      q.kind === 'override'
        ? { itemId: q.item.id, tone: 'error', text: t('console.jumpState.failed', { name: q.item.name, reason: q.message }) }
        : { itemId: q.item.id, tone: 'error', text: t('console.jumpState.noPassword', { name: q.item.name }) };
  }

  dismissOutcome(): void {
    this.outcome = null;
  }

  reset(): void {
    if (this.debounce) clearTimeout(this.debounce);
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.seq++;
    this.search = '';
    this.groupId = null;
    this.page = 0;
    this.items = [];
    this.groups = [];
    this.total = 0;
    this.totalCapped = false;
    this.loading = false;
    this.loaded = false;
    this.error = null;
    this.expanded = [];
    this.details = {};
    this.outcome = null;
    this.frequent = [];
    this.question = null;
    this.waiting = null;
  }

  /** A live status change (a Jump Client connected or dropped). */
  private patch(itemId: number, change: Partial<JumpListItem>): void {
    const apply = <T extends JumpListItem>(list: T[]) => list.map((i) => (i.id === itemId ? { ...i, ...change } : i));
    if (this.items.some((i) => i.id === itemId)) this.items = apply(this.items);
    if (this.frequent.some((i) => i.id === itemId)) this.frequent = apply(this.frequent);
    const d = this.details[itemId];
    if (d?.state === 'ready') this.details[itemId] = { state: 'ready', detail: { ...d.detail, ...change } };
  }

  /** An item changed (pinned, moved, started) or is gone for this rep (item null). */
  private changed(itemId: number, item: JumpListItem | null): void {
    if (!this.loaded) return;
    if (item === null) {
      if (this.items.some((i) => i.id === itemId)) {
        this.items = this.items.filter((i) => i.id !== itemId);
        this.total = Math.max(0, this.total - 1);
      }
      this.frequent = this.frequent.filter((i) => i.id !== itemId);
      this.expanded = this.expanded.filter((x) => x !== itemId);
      delete this.details[itemId];
      return;
    }
    this.patch(itemId, item);
    if (this.expanded.includes(itemId)) void this.loadDetails(itemId);
    if (!this.items.some((i) => i.id === itemId)) this.reloadSoon();
  }

  private reloadSoon(): void {
    if (this.reloadTimer) return;
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = null;
      void this.load();
    }, RELOAD_DEBOUNCE_MS);
  }
}

/** Frequently Used is short: the search box narrows it here, over the same fields the appliance searches. */
function filterLocally<T extends JumpListItem>(items: T[], search: string): T[] {
  const q = search.trim().toLowerCase();
  if (!q) return items;
  return items.filter((i) => [i.name, i.hostname, i.comments, i.tag, i.publicIp, i.privateIp].some((f) => f.toLowerCase().includes(q)));
}
