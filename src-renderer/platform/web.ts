/** The console in a browser tab: the login survives reloads as an HttpOnly cookie set by the appliance. */
import type { Platform } from './platform.js';
import { t } from '../lib/i18n/index.svelte.js';
import { refusalText } from '../lib/i18n/refusals.js';

const SESSION_URL = '/console/api/session';

async function send(method: 'POST' | 'DELETE', body: unknown): Promise<void> {
  let res: Response;
  try {
    res = await fetch(SESSION_URL, {
      method,
      credentials: 'same-origin',
      // The appliance's CSRF guard only accepts JSON bodies on state-changing requests.
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new Error(t('common.login.keepUnreachable'));
  }
  if (res.ok) return;
  let message = t('common.login.keepRefused', { status: res.status });
  try {
    const json = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
    if (typeof json.error?.message === 'string') message = refusalText(typeof json.error.code === 'string' ? json.error.code : null, json.error.message);
  } catch {
    /* not JSON: keep the generic message */
  }
  throw new Error(message);
}

export function createWebPlatform(): Platform {
  return {
    kind: 'web',
    offersDesktopHandoff: true,
    // The cookie rides on the WebSocket handshake by itself; script never sees the token.
    loadLoginToken: async () => null,
    rememberLogin: (token) => send('POST', { token }),
    forgetLogin: () => send('DELETE', {}),
    dropStaleLogin: async () => {},
    notify: () => {},
  };
}
