/** /login's JSON API: log in and out, the signed-in user, My Account's password, Status (and ending a rep's login), Users, Teams. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CodedError } from '../protocol/index.js';
import type { AppContext } from '../context.js';
import { toMe } from '../domain/auth.js';
import { authorize, type Actor } from '../domain/permissions.js';
import { VERSION } from '../version.js';

export const ADMIN_COOKIE = 'rc_admin';

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
  const actorOf = (req: FastifyRequest): Actor => {
    const token = req.cookies[ADMIN_COOKIE];
    if (!token) throw new CodedError('E_AUTH_REQUIRED');
    try {
      return ctx.auth.resume(token, ['admin']).actor;
    } catch {
      throw new CodedError('E_AUTH_REQUIRED');
    }
  };

  app.post('/login/api/login', async (req, reply) => {
    if (ctx.limits.login.blocked(`admin:${req.ip}`)) throw new CodedError('E_RATE_LIMITED');
    const body = LoginBody.parse(req.body);
    try {
      const { token, actor } = ctx.auth.login(body.username, body.password, 'admin');
      ctx.log.info({ userId: actor.user.id, ip: req.ip }, 'admin login');
      setCookie(reply, req, token);
      return { me: toMe(actor) };
    } catch (e) {
      ctx.limits.login.fail(`admin:${req.ip}`);
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

  app.get('/login/api/status', async (req) => {
    authorize(actorOf(req), { kind: 'admin.status.view' });
    const reps = ctx.presence.list().map((p) => {
      const u = ctx.repos.users.byId(p.userId);
      const open = ctx.repos.sessions.openInQueues([`personal:${p.userId}`]).filter((s) => s.ownerId === p.userId).length;
      return { userId: p.userId, username: u?.username ?? '', displayName: u?.displayName ?? '', console: p.console, loggedInAt: p.loggedInAt, sessionCount: open };
    });
    return {
      version: VERSION,
      timeZone: ctx.repos.settings.get('site.timeZone') ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
      hostname: req.headers.host ?? '',
      startedAt: ctx.startedAt,
      licence: {
        namedUsers: 50,
        usersUsed: ctx.repos.users.count(),
        jumpClientsAllowed: 1000,
        jumpClientsUsed: ctx.repos.jump.countActive(),
      },
      loggedInReps: reps,
    };
  });

  app.get('/login/api/users', async (req) => {
    authorize(actorOf(req), { kind: 'admin.users.list' });
    return {
      users: ctx.repos.users.list().map((u) => ({
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        publicDisplayName: u.publicDisplayName,
        isAdmin: u.isAdmin,
        disabled: u.disabled,
        failedLogins: u.failedLogins,
        lastLoginAt: u.lastLoginAt,
        teams: ctx.repos.users.memberships(u.id).map((m) => ({ id: m.teamId, name: m.teamName, role: m.role })),
      })),
    };
  });

  app.get('/login/api/teams', async (req) => {
    actorOf(req);
    return { teams: ctx.repos.teams.list().map((t) => ({ id: t.id, name: t.name, members: ctx.repos.teams.memberCount(t.id) })) };
  });
}

function setCookie(reply: FastifyReply, req: FastifyRequest, token: string): void {
  reply.setCookie(ADMIN_COOKIE, token, { path: '/login', httpOnly: true, sameSite: 'strict', secure: req.protocol === 'https' });
}
