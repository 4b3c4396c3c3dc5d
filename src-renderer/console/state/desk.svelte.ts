/**
 * The sessions the rep has open (several can run at once) and the one on screen. Session events are
 * routed here by session id; chat that arrives while a session is on screen is marked read at once,
 * so the Sessions menu's unread counts only ever show what the rep has not seen.
 */
import type { SessionDetail } from '../../../appliance/src/protocol/index.js';
import { messageOf, type ConsoleClient } from '../../lib/client.js';
import { OpenSession } from './open-session.svelte.js';
import { lineText } from '../../lib/i18n/system-line.js';

export class SessionDesk {
  sessions = $state<OpenSession[]>([]);
  currentId = $state<string | null>(null);
  /** True while the session view is what the rep looks at (not Home or Jump Items). */
  onScreen = $state(false);
  busyId = $state<string | null>(null);
  error = $state<string | null>(null);

  readonly current = $derived(this.sessions.find((s) => s.id === this.currentId) ?? null);

  private readTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly client: ConsoleClient,
    private readonly myId: () => number | undefined,
    /** Told after chat was marked read, so the Sessions menu can drop its unread count. */
    private readonly onRead: () => void = () => {},
  ) {
    client.on('session.chat', (m) => {
      const s = this.get(m.sessionId);
      if (!s) return;
      const visible = this.isVisible(s.id);
      s.addMessage(m, visible);
      if (visible) this.markReadSoon(s.id);
    });
    client.on('session.state', (st) => this.get(st.session.id)?.applyState(st, this.myId()));
    client.on('session.prompt', (p) => this.get(p.sessionId)?.applyPrompt(p));
    client.on('session.closed', ({ sessionId, reason, line }) => this.get(sessionId)?.closed(lineText(line, reason)));
  }

  get(id: string): OpenSession | undefined {
    return this.sessions.find((s) => s.id === id);
  }

  /** Opens (or re-reads) a session the rep is a member of and puts it on screen. Null on success. */
  async open(id: string): Promise<string | null> {
    this.busyId = id;
    this.error = null;
    try {
      this.adopt(await this.client.call('session.open', { sessionId: id }));
      return null;
    } catch (e) {
      this.error = messageOf(e);
      return this.error;
    } finally {
      if (this.busyId === id) this.busyId = null;
    }
  }

  /** Takes a detail the appliance already sent (e.g. the answer to accepting an invitation). */
  adopt(d: SessionDetail): OpenSession {
    let s = this.get(d.session.id);
    if (s) s.apply(d);
    else {
      s = new OpenSession(this.client, d, this.myId());
      this.sessions.push(s);
    }
    this.show(s.id);
    return s;
  }

  show(id: string): void {
    this.currentId = id;
    const s = this.get(id);
    if (s) s.unseen = 0;
    if (this.onScreen) this.markReadSoon(id);
  }

  /** The rep switched to or away from the session view. */
  setOnScreen(on: boolean): void {
    this.onScreen = on;
    if (on && this.currentId) this.show(this.currentId);
  }

  /** Forgets a session (ended, held, left, or closed by the rep after reading why). */
  drop(id: string): void {
    this.sessions = this.sessions.filter((s) => s.id !== id);
    if (this.currentId === id) this.currentId = this.sessions[0]?.id ?? null;
  }

  /** After a reconnect: re-reads every open session; those the rep lost are marked closed. */
  async refreshAll(): Promise<void> {
    await Promise.all(
      this.sessions.map(async (s) => {
        try {
          s.apply(await this.client.call('session.open', { sessionId: s.id }));
        } catch (e) {
          s.closed(messageOf(e));
        }
      }),
    );
  }

  reset(): void {
    if (this.readTimer) clearTimeout(this.readTimer);
    this.readTimer = null;
    this.sessions = [];
    this.currentId = null;
    this.onScreen = false;
    this.error = null;
  }

  private isVisible(id: string): boolean {
    return this.onScreen && this.currentId === id && !document.hidden;
  }

  /** Coalesces a burst of lines into one `session.markRead`. */
  private markReadSoon(id: string): void {
    if (this.readTimer) clearTimeout(this.readTimer);
    this.readTimer = setTimeout(() => {
      this.readTimer = null;
      const s = this.get(id);
      if (s?.open) void this.client.call('session.markRead', { sessionId: id }).then(this.onRead, () => {});
    }, 400);
  }
}
