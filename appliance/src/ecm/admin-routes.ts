/**
 * /login > Management > ECM accounts (administrators): list, create (the client secret is in the
 * answer once), delete; and the connected ECMs as /login > Status > ECM Clients shows them.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { authorize } from '../domain/permissions.js';
import { adminActor, IdParams } from '../http/admin/actor.js';

const CreateBody = z.object({ name: z.string().max(100) });

export function registerEcmAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/login/api/ecm-clients', async (req) => {
    authorize(adminActor(ctx, req), { kind: 'admin.status.view' });
    return { clients: ctx.ecm?.registry.clients() ?? [] };
  });

  app.get('/login/api/ecm-accounts', async (req) => ({ accounts: ctx.ecm?.accounts.list(adminActor(ctx, req)) ?? [] }));

  app.post('/login/api/ecm-accounts', async (req) => {
    const actor = adminActor(ctx, req);
    if (!ctx.ecm) throw new Error('ECM accounts are not wired');
    const { account, clientSecret } = ctx.ecm.accounts.create(actor, CreateBody.parse(req.body).name);
    ctx.log.info({ ecmAccount: account.id, by: actor.user.id }, 'ECM account created');
    return { account, clientSecret };
  });

  app.post('/login/api/ecm-accounts/:id/delete', async (req, reply) => {
    const actor = adminActor(ctx, req);
    const { id } = IdParams.parse(req.params);
    ctx.ecm?.accounts.remove(actor, id);
    ctx.ecm?.registry.disconnectAccount(id);
    ctx.log.info({ ecmAccount: id, by: actor.user.id }, 'ECM account deleted');
    return reply.code(204).send();
  });
}
