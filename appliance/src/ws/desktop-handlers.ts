/**
 * The hand-off methods of protocol/desktop-messages.ts, spread into handlers.ts: the web console
 * asks for the `.brcs` file, the desktop console redeems its token (rate-limited like auth.login).
 */
import { brcsFileName, CodedError, DEFAULT_SITE_SHORT_NAME, generateBrcs, type Params, type Result } from '../protocol/index.js';
import type { desktopMethods } from '../protocol/desktop-messages.js';
import { toMe } from '../domain/auth.js';
import type { Actor } from '../domain/permissions.js';
import type { HandlerContext } from './handlers.js';

type DesktopMethod = keyof typeof desktopMethods;
type Table = {
  [M in DesktopMethod]:
    | { public: true; run: (h: HandlerContext, p: Params<M>) => Result<M> }
    | { public?: false; run: (h: HandlerContext, p: Params<M>, actor: Actor) => Result<M> };
};

export const desktopHandlers: Table = {
  'desktop.handoff': {
    run: (h, _p, actor) => {
      if (!h.conn.login) throw new CodedError('E_AUTH_REQUIRED');
      const { token, expiresAt } = h.app.desktop.createHandoff(actor, h.conn.login);
      const siteName = h.app.repos.settings.get('site.shortName') ?? DEFAULT_SITE_SHORT_NAME;
      const { text } = generateBrcs([{ action: 'login', params: { mechanism: 'one_time_token', token, site: h.conn.baseUrl } }], { siteName });
      h.app.log.info({ userId: actor.user.id }, 'desktop hand-off file issued');
      return { fileName: brcsFileName('desktop-console', siteName), text, expiresAt };
    },
  },
  'auth.handoff': {
    public: true,
    run: (h, p) => {
      const limitKey = `console:${h.conn.address}`;
      if (h.app.limits.login.blocked(limitKey)) throw new CodedError('E_RATE_LIMITED');
      let result;
      try {
        result = h.app.desktop.redeemHandoff(p.token);
      } catch (e) {
        h.app.limits.login.fail(limitKey);
        throw e;
      }
      const { token, actor, login } = result;
      h.bind(actor, login);
      h.app.log.info({ userId: actor.user.id }, 'desktop console signed in with a hand-off token');
      return { token, me: toMe(actor) };
    },
  },
};
