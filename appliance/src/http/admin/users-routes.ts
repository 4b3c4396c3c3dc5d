/** /login > Users: accounts with every field and permission, Reset (failed logins), two-factor reset, delete. */
import type { FastifyInstance } from 'fastify';
import { UserInput } from '../../protocol/admin-models.js';
import { CodedError } from '../../protocol/index.js';
import type { AppContext } from '../../context.js';
import { authorize } from '../../domain/permissions.js';
import { adminActor, IdParams } from './actor.js';

export function registerUsersRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/login/api/users', async (req) => ({ users: ctx.userAdmin.list(adminActor(ctx, req)) }));

  app.get('/login/api/users/:id', async (req) => {
    // Authorized before the id is read: a refused caller never learns what the route expects.
    const actor = adminActor(ctx, req);
    authorize(actor, { kind: 'admin.users.list' });
    return ctx.userAdmin.detail(actor, IdParams.parse(req.params).id);
  });

  app.post('/login/api/users', async (req) => {
    const actor = adminActor(ctx, req);
    const user = ctx.userAdmin.create(actor, UserInput.parse(req.body));
    ctx.log.info({ userId: user.id, by: actor.user.id }, 'user created');
    return user;
  });

  app.post('/login/api/users/:id', async (req) => {
    const actor = adminActor(ctx, req);
    const { id } = IdParams.parse(req.params);
    const user = ctx.userAdmin.update(actor, id, UserInput.parse(req.body));
    ctx.log.info({ userId: id, by: actor.user.id }, 'user changed');
    return user;
  });

  app.post('/login/api/users/:id/delete', async (req, reply) => {
    const actor = adminActor(ctx, req);
    const { id } = IdParams.parse(req.params);
    ctx.userAdmin.delete(actor, id);
    ctx.log.info({ userId: id, by: actor.user.id }, 'user deleted');
    return reply.code(204).send();
  });

  app.post('/login/api/users/:id/reset', async (req) => ctx.userAdmin.resetFailures(adminActor(ctx, req), IdParams.parse(req.params).id));

  app.post('/login/api/users/:id/reset-2fa', async (req) => {
    const actor = adminActor(ctx, req);
    const { id } = IdParams.parse(req.params);
    const user = ctx.userAdmin.resetTwoFactor(actor, id);
    ctx.log.info({ userId: id, by: actor.user.id }, 'two-factor reset by an administrator');
    return user;
  });

  app.get('/login/api/users/:id/photo', async (req, reply) => {
    authorize(adminActor(ctx, req), { kind: 'admin.users.list' });
    const photo = ctx.repos.accounts.photo(IdParams.parse(req.params).id);
    if (!photo) throw new CodedError('E_NOT_FOUND');
    return reply.type(photo.mime).header('cache-control', 'private, max-age=0, must-revalidate').send(photo.data);
  });
}
