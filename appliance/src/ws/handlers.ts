/**
 * One handler per protocol method. Params arrive already validated against the method's schema;
 * each handler calls one domain function (which authorizes through permissions) and returns the
 * result the schema promises.
 */
import { CodedError, type MethodName, type Params, type Result } from '../protocol/index.js';
import type { AppContext } from '../context.js';
import { toMe } from '../domain/auth.js';
import type { Actor } from '../domain/permissions.js';
import type { ConsoleConnection } from './connection.js';
import { sessionTools } from './session-tools.js';
import { fileHandlers } from './file-handlers.js';
import { desktopHandlers } from './desktop-handlers.js';
import { screenHandlers } from './screen-handlers.js';
import { jumpConsentHandlers } from './jump-handlers.js';
import { elevationHandlers } from './elevation-handlers.js';
import { injectHandlers } from './inject-handlers.js';
import { uiLanguageHandlers } from './ui-language-handlers.js';
import { emailHandlers } from './email-handlers.js';

export interface HandlerContext {
  app: AppContext;
  conn: ConsoleConnection;
  /** Binds a login to this connection (presence, fan-out). */
  bind(actor: Actor, login: NonNullable<ConsoleConnection['login']>): void;
  /** Forgets the login; `loggedOut` releases the rep's sessions at once instead of after a grace period. */
  unbind(loggedOut: boolean): void;
}

type Handler<M extends MethodName> = (h: HandlerContext, params: Params<M>, actor: Actor) => Result<M> | Promise<Result<M>>;
type PublicHandler<M extends MethodName> = (h: HandlerContext, params: Params<M>) => Result<M> | Promise<Result<M>>;
type HandlerTable = { [M in MethodName]: { public: true; run: PublicHandler<M> } | { public?: false; run: Handler<M> } };

const ok = {} as Record<string, never>;

export const handlers: HandlerTable = {
  'auth.login': {
    public: true,
    run: (h, p) => {
      const limitKey = `console:${h.conn.address}`;
      if (h.app.limits.login.blocked(limitKey)) throw new CodedError('E_RATE_LIMITED');
      let result;
      try {
        result = h.app.auth.login(p.username, p.password, p.console === 'desktop' ? 'desktop' : 'web', p.totp);
      } catch (e) {
        h.app.limits.login.fail(limitKey);
        throw e;
      }
      const { token, actor, login } = result;
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
    run: (h) => {
      if (h.conn.login) h.app.auth.logoutByHash(h.conn.login.tokenHash);
      h.unbind(true);
      return ok;
    },
  },
  'auth.me': { run: (_h, _p, actor) => toMe(actor) },
  'queues.list': {
    run: (h, _p, actor) => {
      const list = h.app.queues.list(actor);
      for (const s of list.sessions) h.conn.seenSessions.add(s.id);
      return { ...list, serverTime: h.app.clock.now().toISOString() };
    },
  },
  'queues.setFavourite': {
    run: (h, p, actor) => {
      h.app.queues.setFavourite(actor, p.queueId, p.favourite);
      return ok;
    },
  },
  'team.chat': { run: (h, p, actor) => ({ message: h.app.teamChat.send(actor, p.teamId, p.body) }) },
  'team.history': { run: (h, p, actor) => h.app.teamChat.history(actor, p.teamId, { before: p.before, limit: p.limit }) },
  'team.markRead': { run: (h, p, actor) => ({ unread: h.app.teamChat.markRead(actor, p.teamId, p.upToId) }) },
  'session.accept': { run: (h, p, actor) => ({ session: h.app.sessions.accept(actor, p.sessionId) }) },
  'sessionKey.generate': {
    run: (h, p, actor) => {
      if (!h.app.limits.keys.attempt(`generate:${actor.user.id}`)) throw new CodedError('E_RATE_LIMITED');
      return h.app.keys.generate(actor, { minutes: p.expiresInMinutes, custom: p.customAttributes, baseUrl: h.conn.baseUrl });
    },
  },
  'directory.list': { run: (h, _p, actor) => h.app.queues.directory(actor) },
  'session.mine': { run: (h, _p, actor) => ({ sessions: h.app.sessions.mine(actor) }) },
  'session.open': { run: (h, p, actor) => h.app.sessions.open(actor, p.sessionId) },
  'session.chat': { run: async (h, p, actor) => ({ message: await h.app.sessions.chat(actor, p.sessionId, p.body, p.audience) }) },
  'session.markRead': {
    run: (h, p, actor) => {
      h.app.sessions.markRead(actor, p.sessionId);
      return ok;
    },
  },
  'session.transfer': { run: (h, p, actor) => ({ invitation: h.app.invitations.transfer(actor, p.sessionId, p.target, p.stay) }) },
  'session.share': { run: (h, p, actor) => ({ invitation: h.app.invitations.share(actor, p.sessionId, p.target) }) },
  'session.invitation.cancel': {
    run: (h, p, actor) => {
      h.app.invitations.cancel(actor, p.invitationId);
      return ok;
    },
  },
  'session.invitation.decline': {
    run: (h, p, actor) => {
      h.app.invitations.decline(actor, p.invitationId);
      return ok;
    },
  },
  'session.invitation.accept': { run: (h, p, actor) => h.app.invitations.accept(actor, p.invitationId) },
  'session.inviteExternal': {
    run: (h, p, actor) =>
      h.app.external.invite(actor, p.sessionId, { policy: p.policy, description: p.description, name: p.name, comments: p.comments, minutes: p.expiresInMinutes, baseUrl: h.conn.baseUrl }),
  },
  'session.removeMember': {
    run: (h, p, actor) => {
      h.app.sessions.remove(actor, p.sessionId, p.userId);
      return ok;
    },
  },
  'session.end': {
    run: (h, p, actor) => {
      h.app.sessions.end(actor, p.sessionId);
      return ok;
    },
  },
  'session.hold': {
    run: (h, p, actor) => {
      h.app.sessions.hold(actor, p.sessionId);
      return ok;
    },
  },
  'session.leave': {
    run: (h, p, actor) => {
      h.app.sessions.leave(actor, p.sessionId);
      return ok;
    },
  },
  'session.prompt': { run: (h, p, actor) => ({ prompt: h.app.sessions.prompt(actor, p.sessionId, p.kind) }) },
  'jump.list': { run: (h, p, actor) => h.app.jump.list(actor, p) },
  'jump.start': { run: (h, p, actor) => h.app.jump.start(actor, p) },
  'jump.details': { run: (h, p, actor) => h.app.jump.details(actor, p.itemId) },
  'jump.frequent': { run: (h, _p, actor) => h.app.jump.frequent(actor) },
  'jump.groups': { run: (h, _p, actor) => h.app.jump.groups(actor) },
  'session.pin': { run: (h, p, actor) => h.app.jump.pin(actor, p) },
  'jump.unpin': {
    run: (h, p, actor) => {
      h.app.jump.unpin(actor, p.itemId);
      return ok;
    },
  },
  'session.shell.open': { run: (h, p, actor) => sessionTools(h.app).openShell(actor, h.conn, p) },
  'session.shell.input': {
    run: (h, p, actor) => {
      sessionTools(h.app).input(actor, p);
      return ok;
    },
  },
  'session.shell.resize': {
    run: (h, p, actor) => {
      sessionTools(h.app).resize(actor, p);
      return ok;
    },
  },
  'session.shell.close': {
    run: (h, p, actor) => {
      sessionTools(h.app).close(actor, p);
      return ok;
    },
  },
  'session.shell.ack': {
    run: (h, p, actor) => {
      sessionTools(h.app).ack(actor, p);
      return ok;
    },
  },
  'session.shell.recordings': { run: (h, p, actor) => ({ recordings: sessionTools(h.app).recordings(actor, p.sessionId) }) },
  'session.systemInfo': { run: (h, p, actor) => sessionTools(h.app).systemInfo(actor, p.sessionId) },
  'session.files.list': { run: (h, p, actor) => sessionTools(h.app).listFiles(actor, p.sessionId, p.path) },
  ...screenHandlers,
  ...jumpConsentHandlers,
  ...elevationHandlers,
  ...injectHandlers,
  ...uiLanguageHandlers,
  ...emailHandlers,
  ...desktopHandlers,
  ...fileHandlers,
};
