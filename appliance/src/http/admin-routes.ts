/**
 * /login's JSON API: log in and out, the signed-in user, passwords, ending a rep's login; the other
 * areas live in http/admin/ (My Account, Users, Teams and Issues, Status, Security, Support Portal).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CodedError } from '../protocol/index.js';
import type { AppContext } from '../context.js';
import { toMe } from '../domain/auth.js';
import type { Actor } from '../domain/permissions.js';

import { ADMIN_COOKIE, adminActor } from './admin/actor.js';
import { registerAccountRoutes } from './admin/account-routes.js';
import { registerDownloadRoutes } from './admin/download-routes.js';
import { registerForgotRoutes } from './admin/forgot-routes.js';
import { registerSiteRoutes } from './admin/site-routes.js';
import { registerTeamsRoutes } from './admin/teams-routes.js';
import { registerUsersRoutes } from './admin/users-routes.js';
import { registerVaultRoutes } from './admin/vault-routes.js';
import { registerUiLanguageRoutes } from './admin/ui-language-routes.js';
import { guardLoginRoutes } from './admin/route-guard.js';

export { ADMIN_COOKIE };

const LoginBody = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
  totp: z.string().regex(/^\d{6}$/).optional(),
});

// Length and content are the password rule's business (domain/password-policy.ts): it names what is missing.
const NewPassword = z.string().max(1024);
const ChangePasswordBody = z.object({ currentPassword: z.string().min(1).max(1024), newPassword: NewPassword });
const SetPasswordBody = z.object({ newPassword: NewPassword });
const UserIdParams = z.object({ id: z.coerce.number().int().positive() });

export function registerAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  guardLoginRoutes(app, ctx);
  const actorOf = (req: FastifyRequest): Actor => adminActor(ctx, req);
  registerAccountRoutes(app, ctx);
  registerDownloadRoutes(app, ctx);
  registerForgotRoutes(app, ctx);
  registerUsersRoutes(app, ctx);
  registerTeamsRoutes(app, ctx);
  registerSiteRoutes(app, ctx);
  registerVaultRoutes(app, ctx);
  registerUiLanguageRoutes(app, ctx);

  app.post('/login/api/login', async (req, reply) => {
    if (ctx.limits.login.blocked(`admin:${req.ip}`)) throw new CodedError('E_RATE_LIMITED');
    const body = LoginBody.parse(req.body);
    try {
      const { token, actor } = ctx.auth.login(body.username, body.password, 'admin', body.totp);
      ctx.log.info({ userId: actor.user.id, ip: req.ip }, 'admin login');
      setCookie(reply, req, token);
      return { me: toMe(actor) };
    } catch (e) {
      // Being asked for the two-factor code is not a failure.
      if (!(e instanceof CodedError && e.code === 'E_AUTH_TOTP_REQUIRED')) ctx.limits.login.fail(`admin:${req.ip}`);
      if (e instanceof CodedError) ctx.log.warn({ code: e.code, username: body.username, ip: req.ip }, 'admin login refused');
      throw e;
    }
  });

  app.post('/login/api/logout', async (req, reply) => {
    const token = req.cookies[ADMIN_COOKIE];
    if (token) ctx.auth.logout(token);
    reply.clearCookie(ADMIN_COOKIE, { path: '/login' });
    return reply.code(204).send();
  });

  const sessionOf = (actor: Actor) => ({ me: toMe(actor), defaultPassword: ctx.repos.users.byUsername('admin')?.passwordIsDefault ?? false });

  app.get('/login/api/me', async (req) => sessionOf(actorOf(req)));

  /** My Account > Change password: answers like /me, so the page drops the default-password banner at once. */
  app.post('/login/api/account/password', async (req) => {
    const actor = actorOf(req);
    if (ctx.limits.login.blocked(`admin:${req.ip}`)) throw new CodedError('E_RATE_LIMITED');
    const body = ChangePasswordBody.parse(req.body);
    try {
      const user = ctx.accounts.changeOwnPassword(actor, body.currentPassword, body.newPassword);
      ctx.log.info({ userId: user.id, ip: req.ip }, 'password changed');
      return sessionOf(ctx.auth.actorFor(user));
    } catch (e) {
      if (e instanceof CodedError) {
        if (e.code === 'E_PASSWORD_WRONG' || e.code === 'E_AUTH_LOCKED') ctx.limits.login.fail(`admin:${req.ip}`);
        ctx.log.warn({ code: e.code, userId: actor.user.id, ip: req.ip }, 'password change refused');
      }
      throw e;
    }
  });

  app.post('/login/api/users/:id/password', async (req, reply) => {
    const actor = actorOf(req);
    const { id } = UserIdParams.parse(req.params);
    const { newPassword } = SetPasswordBody.parse(req.body);
    ctx.accounts.setPasswordFor(actor, id, newPassword);
    ctx.log.info({ userId: id, by: actor.user.id, ip: req.ip }, 'password set by an administrator');
    return reply.code(204).send();
  });

  /** Status > Logged-in representatives > End. */
  app.post('/login/api/reps/:id/logout', async (req, reply) => {
    const actor = actorOf(req);
    const { id } = UserIdParams.parse(req.params);
    ctx.repLogout.end(actor, id);
    ctx.log.info({ userId: id, by: actor.user.id, ip: req.ip }, 'console login ended by an administrator');
    return reply.code(204).send();
  });
}

function setCookie(reply: FastifyReply, req: FastifyRequest, token: string): void {
  reply.setCookie(ADMIN_COOKIE, token, { path: '/login', httpOnly: true, sameSite: 'strict', secure: req.protocol === 'https' });
}
