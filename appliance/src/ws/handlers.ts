/**
 * One handler per protocol method. Params arrive already validated against the method's schema;
 * each handler authorizes through the domain and returns the result the schema promises.
 */
import { CodedError, type MethodName, type Params, type Result } from '../protocol/index.js';
import type { AppContext } from '../context.js';
import { toMe } from '../domain/auth.js';
import type { Actor } from '../domain/permissions.js';
import type { ConsoleConnection } from './connection.js';

export interface HandlerContext {
  app: AppContext;
  conn: ConsoleConnection;
  /** Binds a login to this connection (presence, fan-out). */
  bind(actor: Actor, login: NonNullable<ConsoleConnection['login']>): void;
  unbind(): void;
}

type Handler<M extends MethodName> = (h: HandlerContext, params: Params<M>, actor: Actor | null) => Result<M> | Promise<Result<M>>;
type HandlerTable = { [M in MethodName]: { public?: boolean; run: Handler<M> } };

const need = (actor: Actor | null): Actor => {
  if (!actor) throw new CodedError('E_AUTH_REQUIRED');
  return actor;
};

export const handlers: HandlerTable = {
  'auth.login': {
    public: true,
    run: (h, p) => {
      if (!h.app.limits.login.attempt(`console:${h.conn.address}`)) throw new CodedError('E_RATE_LIMITED');
      // The desktop kind is only for the shell that embeds us (launch secret) or a desktop client.
      const { token, actor, login } = h.app.auth.login(p.username, p.password, p.console === 'desktop' ? 'desktop' : 'web');
      h.bind(actor, login);
      h.app.log.info({ userId: actor.user.id, console: login.kind }, 'console login');
      return { token, me: toMe(actor) };
    },
  },
  'auth.resume': {
    public: true,
    run: (h, p) => {
      const { actor, login } = h.app.auth.resume(p.token, [p.console]);
      h.bind(actor, login);
      return { token: p.token, me: toMe(actor) };
    },
  },
  'auth.logout': {
    run: (h, _p, actor) => {
      need(actor);
      if (h.conn.login) h.app.auth.logoutByHash(h.conn.login.tokenHash);
      h.unbind();
      return {};
    },
  },
  'auth.me': { run: (_h, _p, actor) => toMe(need(actor)) },
  'queues.list': {
    run: (h, _p, actor) => ({ ...h.app.queues.list(need(actor)), serverTime: h.app.clock.now().toISOString() }),
  },
  'queues.setFavourite': {
    run: (h, p, actor) => {
      h.app.queues.setFavourite(need(actor), p.queueId, p.favourite);
      return {};
    },
  },
  'session.accept': { run: (h, p, actor) => ({ session: h.app.sessions.accept(need(actor), p.sessionId) }) },
  'jump.list': { run: (h, p, actor) => h.app.jump.list(need(actor), p) },
};
