/**
 * The console's composition root: one client, the state modules around it, and the few rules that
 * tie them together (what to load after a login or a reconnect, what to forget after a logout).
 */
import type { Invitation } from '../../../appliance/src/protocol/index.js';
import { ConsoleClient, consoleSocketUrl, messageOf, type LinkStatus } from '../../lib/client.js';
import { t } from '../../lib/i18n/index.svelte.js';
import { lineText } from '../../lib/i18n/system-line.js';
import type { Platform } from '../../platform/index.js';
import { AuthState } from './auth.svelte.js';
import { Clock } from './clock.svelte.js';
import { SessionDesk } from './desk.svelte.js';
import { JumpState } from './jump.svelte.js';
import { MySessions } from './mine.svelte.js';
import { Prefs } from './prefs.svelte.js';
import { QueueState } from './queues.svelte.js';

export type View = 'home' | 'jump' | 'session';
export type DialogName = 'preferences' | 'languages' | 'session-key';

export class ConsoleModel {
  readonly client: ConsoleClient;
  readonly auth: AuthState;
  readonly clock = new Clock();
  readonly prefs = new Prefs();
  readonly queues: QueueState;
  readonly jump: JumpState;
  readonly mine: MySessions;
  readonly desk: SessionDesk;

  view = $state<View>('home');
  dialog = $state<DialogName | null>(null);
  link = $state<LinkStatus>({ state: 'connecting', attempt: 0, retryAt: null });
  /** A one-line outcome shown briefly at the bottom ("You ended the session with …"). */
  notice = $state<{ text: string; tone: 'ok' | 'error' } | null>(null);
  /** Per invitation: accepting or declining it, or why that was refused. */
  invitationState = $state<Record<number, { busy: boolean; error: string | null }>>({});

  private noticeTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(readonly platform: Platform) {
    let auth: AuthState | null = null;
    this.client = new ConsoleClient({ url: consoleSocketUrl(), handshake: (call) => auth?.handshake(call) ?? Promise.resolve() });
    this.auth = auth = new AuthState(this.client, platform);
    this.queues = new QueueState(this.client, this.clock, this.prefs);
    // A Jump that starts opens its session, like Accept does.
    this.jump = new JumpState(this.client, {
      onStarted: (sessionId) => {
        void this.mine.refresh();
        void this.openSession(sessionId);
      },
      mayOverride: () => this.auth.me?.permissions.overrideJumpPolicy ?? false,
    });
    this.mine = new MySessions(this.client);
    this.desk = new SessionDesk(this.client, () => this.auth.me?.id, () => this.mine.refreshSoon());

    this.auth.onEnter(() => {
      this.clock.start();
      void this.queues.load();
      void this.mine.refresh().then(() => this.openExternalSession());
      void this.desk.refreshAll();
      if (this.jump.loaded || this.view === 'jump') void this.jump.load();
    });
    this.auth.onLeave(() => {
      this.clock.stop();
      this.queues.reset();
      this.jump.reset();
      this.mine.reset();
      this.desk.reset();
      this.invitationState = {};
      this.notice = null;
      this.view = 'home';
      this.dialog = null;
    });

    this.queues.onArrival((a) => {
      if (document.hidden) platform.notify(t('console.popup.title'), a.message);
    });
    // Sessions that are (or were) the rep's own change the Sessions menu.
    this.client.on('queue.session', (s) => {
      if (s.ownerId === this.auth.me?.id || this.mine.list.some((m) => m.session.id === s.id)) this.mine.refreshSoon();
    });
    // A session that closes while the rep looks elsewhere is dropped, with the appliance's reason;
    // the one on screen stays readable (the desk marks it closed) until the rep closes it.
    this.client.on('session.closed', ({ sessionId, reason: english, line }) => {
      const reason = lineText(line, english);
      if (!this.desk.get(sessionId) || (this.view === 'session' && this.desk.currentId === sessionId)) return;
      this.desk.drop(sessionId);
      this.say(reason, 'ok');
    });
    this.client.on('queue.sessionRemoved', ({ id }) => {
      if (this.mine.list.some((m) => m.session.id === id)) this.mine.refreshSoon();
    });

    this.client.onStatus((s) => {
      const cameBack = s.state === 'online' && this.link.state !== 'online';
      this.link = s;
      if (cameBack) void this.auth.check();
    });
  }

  /** Connects; the first `online` runs the login check. */
  start(): void {
    this.client.connect();
    window.addEventListener('online', () => this.client.retryNow());
  }

  show(view: View): void {
    if (view === 'session' && !this.desk.current) view = 'home';
    this.view = view;
    this.desk.setOnScreen(view === 'session');
    if (view === 'jump') this.jump.ensureLoaded();
  }

  /** Accept from the details pane: the rep takes the session and its session view opens. */
  async accept(sessionId: string): Promise<void> {
    if (!(await this.queues.acceptSession(sessionId))) return;
    void this.mine.refresh();
    await this.openSession(sessionId);
  }

  /** Puts a session the rep is a member of on screen (Sessions menu, details pane, Accept). */
  async openSession(sessionId: string): Promise<void> {
    const existing = this.desk.get(sessionId);
    if (existing?.open) {
      this.desk.show(sessionId);
      this.show('session');
      return;
    }
    const error = await this.desk.open(sessionId);
    if (error) this.say(t('console.app.openFailed', { reason: error }), 'error');
    else this.show('session');
  }

  async acceptInvitation(inv: Invitation): Promise<void> {
    this.invitationState[inv.id] = { busy: true, error: null };
    try {
      const detail = await this.client.call('session.invitation.accept', { invitationId: inv.id });
      this.queues.dropInvitation(inv.id);
      delete this.invitationState[inv.id];
      this.desk.adopt(detail);
      this.show('session');
      void this.mine.refresh();
    } catch (e) {
      this.invitationState[inv.id] = { busy: false, error: messageOf(e) };
    }
  }

  async declineInvitation(inv: Invitation): Promise<void> {
    this.invitationState[inv.id] = { busy: true, error: null };
    try {
      await this.client.call('session.invitation.decline', { invitationId: inv.id });
      this.queues.dropInvitation(inv.id);
      delete this.invitationState[inv.id];
    } catch (e) {
      this.invitationState[inv.id] = { busy: false, error: messageOf(e) };
    }
  }

  /** After End, Hold, Leave or closing a finished session: forget it and go back to Home. */
  finishSession(sessionId: string, text: string | null): void {
    this.desk.drop(sessionId);
    if (!this.desk.current || this.view === 'session') this.show('home');
    if (text) this.say(text, 'ok');
    void this.mine.refresh();
  }

  say(text: string, tone: 'ok' | 'error'): void {
    this.notice = { text, tone };
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => (this.notice = null), 6000);
  }

  /** An external representative's console exists for one session: open it straight away. */
  private openExternalSession(): void {
    const ext = this.mine.list.find((m) => m.role === 'external');
    if (ext && !this.desk.current) void this.openSession(ext.session.id);
  }
}
