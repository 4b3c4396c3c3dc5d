/**
 * The Jump Items view: server-side search (hostname, comments, tag, IPs), a group filter, 50 items
 * per page, expanded rows, and starting a Jump.
 */
import type { JumpGroup, JumpItem } from '../../../appliance/src/protocol/index.js';
import { messageOf, type ConsoleClient } from '../../lib/client.js';

export const PAGE_SIZE = 50;
const SEARCH_DEBOUNCE_MS = 250;

export interface JumpOutcome {
  itemId: number;
  tone: 'busy' | 'ok' | 'error';
  text: string;
}

export class JumpState {
  search = $state('');
  groupId = $state<number | null>(null);
  page = $state(0);
  items = $state<JumpItem[]>([]);
  groups = $state<JumpGroup[]>([]);
  total = $state(0);
  loading = $state(false);
  loaded = $state(false);
  error = $state<string | null>(null);
  expanded = $state<number[]>([]);
  outcome = $state<JumpOutcome | null>(null);

  readonly pageCount = $derived(Math.max(1, Math.ceil(this.total / PAGE_SIZE)));

  /** Only the latest answer counts: typing fast must not let an old search overwrite a newer one. */
  private seq = 0;
  private debounce: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly client: ConsoleClient) {}

  async load(): Promise<void> {
    const mine = ++this.seq;
    this.loading = true;
    try {
      const r = await this.client.call('jump.list', { search: this.search.trim(), groupId: this.groupId, page: this.page, pageSize: PAGE_SIZE });
      if (mine !== this.seq) return;
      this.items = r.items;
      this.total = r.total;
      this.groups = r.groups;
      this.error = null;
      this.loaded = true;
      // The list shrank under us (a search, items removed): go back to the last page that exists.
      if (r.items.length === 0 && r.total > 0 && this.page > 0) {
        this.page = Math.max(0, Math.ceil(r.total / PAGE_SIZE) - 1);
        void this.load();
      }
    } catch (e) {
      if (mine === this.seq) this.error = messageOf(e);
    } finally {
      if (mine === this.seq) this.loading = false;
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

  setGroup(groupId: number | null): void {
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

  toggle(id: number): void {
    this.expanded = this.expanded.includes(id) ? this.expanded.filter((x) => x !== id) : [...this.expanded, id];
  }

  /**
   * Jump: asks the appliance to start a session with the item. `jump.start` may not exist on every
   * appliance build yet; its refusal (E_UNKNOWN_METHOD, a policy window, an offline client) is shown
   * on the row as the appliance worded it.
   */
  async jump(item: JumpItem): Promise<boolean> {
    this.outcome = { itemId: item.id, tone: 'busy', text: `Starting a session with ${item.name}…` };
    try {
      await this.client.request('jump.start', { itemId: item.id });
      this.outcome = { itemId: item.id, tone: 'ok', text: `Session started with ${item.name}.` };
      return true;
    } catch (e) {
      this.outcome = { itemId: item.id, tone: 'error', text: `Could not jump to ${item.name}: ${messageOf(e)}` };
      return false;
    }
  }

  dismissOutcome(): void {
    this.outcome = null;
  }

  reset(): void {
    if (this.debounce) clearTimeout(this.debounce);
    this.seq++;
    this.search = '';
    this.groupId = null;
    this.page = 0;
    this.items = [];
    this.groups = [];
    this.total = 0;
    this.loading = false;
    this.loaded = false;
    this.error = null;
    this.expanded = [];
    this.outcome = null;
  }
}
