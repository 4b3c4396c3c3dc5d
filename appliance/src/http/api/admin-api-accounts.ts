/** /login > Management > API Configuration: list, create, edit, regenerate the secret, delete (administrators). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { ApiAccount, ApiAccountService } from '../../domain/api-accounts.js';
import { adminActor, IdParams } from '../admin/actor.js';

const AccountBody = z.object({
  name: z.string().max(100),
  comments: z.string().max(1000).default(''),
  enabled: z.boolean(),
  commandAccess: z.enum(['none', 'read_only', 'full']),
  reporting: z.boolean(),
});

const view = (a: ApiAccount) => a;

export function registerApiAccountRoutes(app: FastifyInstance, ctx: AppContext, accounts: ApiAccountService): void {
  app.get('/login/api/api-accounts', async (req) => ({ accounts: accounts.list(adminActor(ctx, req)).map(view) }));

  app.post('/login/api/api-accounts', async (req) => {
    const actor = adminActor(ctx, req);
    const { account, clientSecret } = accounts.create(actor, AccountBody.parse(req.body));
    ctx.log.info({ apiAccount: account.id, by: actor.user.id }, 'API account created');
    return { account: view(account), clientSecret };
  });

  app.post('/login/api/api-accounts/:id', async (req) => {
    const actor = adminActor(ctx, req);
    const { id } = IdParams.parse(req.params);
    const account = accounts.update(actor, id, AccountBody.parse(req.body));
    ctx.log.info({ apiAccount: id, by: actor.user.id }, 'API account changed');
    return { account: view(account) };
  });

  app.post('/login/api/api-accounts/:id/secret', async (req) => {
    const actor = adminActor(ctx, req);
    const { id } = IdParams.parse(req.params);
    const { account, clientSecret } = accounts.regenerateSecret(actor, id);
    ctx.log.info({ apiAccount: id, by: actor.user.id }, 'API account secret regenerated');
    return { account: view(account), clientSecret };
  });

  app.post('/login/api/api-accounts/:id/delete', async (req, reply) => {
    const actor = adminActor(ctx, req);
    const { id } = IdParams.parse(req.params);
    accounts.remove(actor, id);
    ctx.log.info({ apiAccount: id, by: actor.user.id }, 'API account deleted');
    return reply.code(204).send();
  });
}
