/** /login > Vault > Accounts (FEATURES.md §F): list, add, edit, delete, check out (the one answer with a password), check in. */
import type { FastifyInstance } from 'fastify';
import { VaultAccountInput, VaultCheckOutInput } from '../../protocol/vault-models.js';
import type { AppContext } from '../../context.js';
import { CodedError } from '../../protocol/index.js';
import { adminActor, IdParams } from './actor.js';
import { authorize } from '../../domain/permissions.js';
import { z } from 'zod';

const ListQuery = z.object({ search: z.string().max(128).default('') });

export function registerVaultRoutes(app: FastifyInstance, ctx: AppContext): void {
  const vault = () => ctx.vault ?? (() => { throw new CodedError('E_INTERNAL', 'The Vault is not wired on this appliance.'); })();
  app.get('/login/api/vault/accounts', async (req) => {
    // Authorized before the query is read: a refused caller never learns what the route expects.
    const actor = adminActor(ctx, req);
    authorize(actor, { kind: 'vault.use' });
    return { accounts: vault().list(actor, ListQuery.parse(req.query).search) };
  });
  app.post('/login/api/vault/accounts', async (req) => vault().create(adminActor(ctx, req), VaultAccountInput.parse(req.body)));
  app.post('/login/api/vault/accounts/:id', async (req) => vault().update(adminActor(ctx, req), IdParams.parse(req.params).id, VaultAccountInput.parse(req.body)));
  app.post('/login/api/vault/accounts/:id/delete', async (req, reply) => {
    vault().delete(adminActor(ctx, req), IdParams.parse(req.params).id);
    return reply.code(204).send();
  });
  app.post('/login/api/vault/accounts/:id/check-out', async (req, reply) => {
    const out = vault().checkOut(adminActor(ctx, req), IdParams.parse(req.params).id, VaultCheckOutInput.parse(req.body ?? {}).minutes);
    // The password is shown once: never cached anywhere on the way.
    reply.header('cache-control', 'no-store');
    return out;
  });
  app.post('/login/api/vault/accounts/:id/check-in', async (req) => vault().checkIn(adminActor(ctx, req), IdParams.parse(req.params).id));
}
