/**
 * Who is logged in, and the login / logout / kicked flow. The socket is authenticated either by the
 * appliance's HttpOnly cookie (web, on the handshake) or by `auth.resume` with a token the platform
 * kept (desktop keychain, or this page's own earlier login after a reconnect).
 */
import type { Me } from '../../../appliance/src/protocol/index.js';
import { clientFailureOf, codeOf, messageOf, type ConsoleClient, type DirectCall } from '../../lib/client.js';
import { setLanguage, t } from '../../lib/i18n/index.svelte.js';
import type { Platform } from '../../platform/index.js';

export type Phase = 'starting' | 'login' | 'ready';
export interface Notice {
  tone: 'info' | 'warn';
  text: string;
}

export class AuthState {
  phase = $state<Phase>('starting');
  me = $state<Me | null>(null);
  /** Shown on the login screen: why the rep is there (kicked, logged out, login expired). */
  notice = $state<Notice | null>(null);
  /** Shown in the console when the login could not be kept for the next reload. */
  keepWarning = $state<string | null>(null);
  /** Set when the first check could not reach the site at all. */
  problem = $state<string | null>(null);

  private token: string | null = null;
  private firstHandshake = true;
  private readonly enterHooks: ((me: Me) => void)[] = [];
  private readonly leaveHooks: (() => void)[] = [];

  constructor(
    private readonly client: ConsoleClient,
    private readonly platform: Platform,
  ) {
    // An administrator changed this account: permissions and names apply at once (the server already enforces them).
    client.on('auth.me', (me) => {
      if (this.phase !== 'ready') return;
      this.me = me;
      followUiLanguage(me); // chosen in another view (My Account, Languages): this console switches at once
    });
    client.on('auth.kicked', (d) => {
      this.token = null;
      void this.platform.dropStaleLogin().catch(() => {});
      this.leave({ tone: 'warn', text: d.message });
    });
  }

  /** Runs on every new socket before other calls: resumes a login we hold a token for. */
  readonly handshake = async (call: DirectCall): Promise<void> => {
    let token = this.token;
    if (!token && this.firstHandshake) token = await this.platform.loadLoginToken();
    this.firstHandshake = false;
    if (!token) return;
    try {
      const r = await call('auth.resume', { token, console: this.platform.kind });
      this.token = r.token;
    } catch (e) {
      if (clientFailureOf(e)) return; // the socket went away again: try with the same token next time
      this.token = null;
      if (this.phase !== 'ready') this.notice = { tone: 'info', text: messageOf(e) };
      await this.platform.dropStaleLogin().catch(() => {});
    }
  };

  /** Called when the rep enters the console (login, reload, reconnect). */
  onEnter(fn: (me: Me) => void): void {
    this.enterHooks.push(fn);
  }

  /** Called when the rep leaves it (log out, kicked, login expired). */
  onLeave(fn: () => void): void {
    this.leaveHooks.push(fn);
  }

  /** Asks the appliance who this socket speaks for: the main view, or the login screen. */
  async check(): Promise<void> {
    try {
      const me = await this.client.call('auth.me', {});
      this.problem = null;
      this.enter(me);
    } catch (e) {
      if (clientFailureOf(e)) {
        // Not an answer: the link is down again. It reconnects and checks again.
        if (this.phase === 'starting') this.problem = messageOf(e);
        return;
      }
      this.problem = null;
      const wasIn = this.phase === 'ready';
      if (codeOf(e) === 'E_AUTH_REQUIRED') this.leave(wasIn ? { tone: 'warn', text: t('console.auth.expired') } : this.notice);
      else this.leave({ tone: 'warn', text: messageOf(e) });
    }
  }

  /** auth.login; on success the platform keeps the login (cookie / keychain). Throws the refusal. */
  async login(input: { username: string; password: string; totp?: string }): Promise<void> {
    const r = await this.client.call('auth.login', { ...input, console: this.platform.kind });
    this.token = r.token;
    this.keepWarning = null;
    try {
      await this.platform.rememberLogin(r.token);
    } catch (e) {
      this.keepWarning = `${messageOf(e)} You stay logged in until you close or reload this page.`;
    }
    this.notice = null;
    this.enter(r.me);
  }

  /** Log Out: the appliance forgets the login, the platform forgets the cookie / keychain entry. */
  async logout(): Promise<void> {
    try {
      await this.client.call('auth.logout', {});
    } catch {
      /* the cookie/keychain cleanup below still logs this console out */
    }
    this.token = null;
    try {
      await this.platform.forgetLogin();
    } catch {
      /* nothing more to do: the appliance already revoked the login */
    }
    this.leave({ tone: 'info', text: t('console.auth.loggedOut') });
  }

  private enter(me: Me): void {
    this.me = me;
    followUiLanguage(me);
    this.phase = 'ready';
    for (const fn of this.enterHooks) fn(me);
  }

  private leave(notice: Notice | null): void {
    const wasIn = this.phase === 'ready';
    this.notice = notice;
    this.me = null;
    this.phase = 'login';
    if (wasIn) for (const fn of this.leaveHooks) fn();
  }
}

/** The user's chosen interface language, once they have chosen one (before that, the browser's stays). */
function followUiLanguage(me: Me): void {
  if (me.uiLanguage) void setLanguage(me.uiLanguage);
}
