/**
 * Who is logged in to /login. The appliance keeps the login in an HttpOnly cookie, so the page only
 * asks (`/login/api/me`) and reacts: any answer that says the login is gone brings the form back.
 */
import { adminApi, type AdminSession, type Credentials } from './api.js';
import { codeOf, messageOf } from '../shared-http/http.js';
import { t } from '../lib/i18n/index.svelte.js';

const LOGGED_OUT_CODES = new Set(['E_AUTH_REQUIRED', 'E_AUTH_TOKEN_INVALID', 'E_AUTH_KICKED']);

class Auth {
  /** 'checking' until the first /me answer arrives. */
  phase = $state<'checking' | 'anonymous' | 'signed-in' | 'unreachable'>('checking');
  session = $state<AdminSession | null>(null);
  /** Why the login form is showing again (expired login, logged out), if there is a reason to say. */
  notice = $state<string | null>(null);
  /** Why the first check failed when the site could not be reached. */
  problem = $state<string | null>(null);

  /** Asks the appliance who we are. */
  async check(): Promise<void> {
    try {
      this.session = await adminApi.session();
      this.phase = 'signed-in';
    } catch (e) {
      this.session = null;
      if (LOGGED_OUT_CODES.has(codeOf(e) ?? '')) this.phase = 'anonymous';
      else {
        this.problem = messageOf(e);
        this.phase = 'unreachable';
      }
    }
  }

  /** Logs in; throws the appliance's refusal for the form to show. */
  async login(c: Credentials): Promise<void> {
    await adminApi.login(c);
    this.notice = null;
    await this.check();
  }

  /** A fresher answer about who we are (after a password change, say), without asking again. */
  update(session: AdminSession): void {
    this.session = session;
  }

  async logout(): Promise<void> {
    try {
      await adminApi.logout();
    } finally {
      this.session = null;
      this.notice = t('admin.login.loggedOut');
      this.phase = 'anonymous';
    }
  }

  /**
   * For tabs: if `e` means the login is gone, show the form again and return true; otherwise the
   * caller shows the error itself.
   */
  lost(e: unknown): boolean {
    if (!LOGGED_OUT_CODES.has(codeOf(e) ?? '')) return false;
    this.session = null;
    this.notice = codeOf(e) === 'E_AUTH_REQUIRED' ? t('admin.login.ended') : messageOf(e);
    this.phase = 'anonymous';
    return true;
  }
}

export const auth = new Auth();
