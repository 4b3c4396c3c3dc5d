/**
 * /login > Jump Policies over HTTP: list (with the site's time zones to choose from), create
 * (POST …/jump-policies), edit (POST …/jump-policies/:id), delete (POST …/jump-policies/:id/delete). Parses, authorizes through the domain (JumpPolicyAdmin → permissions), serializes.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CodedError, JumpPolicyInput, type ErrorCode } from '../protocol/index.js';
import type { AppContext } from '../context.js';
import { JumpPolicyAdmin } from '../domain/jump-policy-admin.js';
import { isAllowed, type Actor } from '../domain/permissions.js';
import { ADMIN_COOKIE } from './admin-routes.js';

const STATUS: Partial<Record<ErrorCode, number>> = { E_JUMP_POLICY_NOT_FOUND: 404, E_JUMP_POLICY_EXISTS: 409 };
const IdParams = z.object({ id: z.coerce.number().int().positive() });

/** Every IANA zone this Node knows, UTC first (the schedule's time zone chooser). */
function timeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...zones.filter((z) => z !== 'UTC')];
}

export async function registerJumpPolicyRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const policies = new JumpPolicyAdmin(ctx.repos, ctx.clock);

  const actorOf = (req: FastifyRequest): Actor => {
    const token = req.cookies[ADMIN_COOKIE];
    if (!token) throw new CodedError('E_AUTH_REQUIRED');
    try {
      return ctx.auth.resume(token, ['admin']).actor;
    } catch {
      throw new CodedError('E_AUTH_REQUIRED');
    }
  };

  /** Active installers that will give new Jump Clients this policy (only those who may see installers count them). */
  const activeInstallers = (actor: Actor): Map<string, number> => {
    const out = new Map<string, number>();
    if (!isAllowed(actor, { kind: 'jumpClient.deploy' })) return out;
    for (const rec of ctx.installerKeys.list(actor)) {
      if (rec.jumpPolicyCode && ctx.installerKeys.statusOf(rec) === 'active') out.set(rec.jumpPolicyCode, (out.get(rec.jumpPolicyCode) ?? 0) + 1);
    }
    return out;
  };

  await app.register(async (scope) => {
    scope.setErrorHandler((err, _req, reply) => {
      const status = err instanceof CodedError ? STATUS[err.code] : undefined;
      if (err instanceof CodedError && status) return reply.code(status).type('application/json').send({ error: { code: err.code, message: err.message } });
      throw err;
    });

    scope.get('/login/api/jump-policies', async (req) => {
      const actor = actorOf(req);
      const rows = policies.list(actor);
      const installers = activeInstallers(actor);
      const siteZone = ctx.repos.settings.get('site.timeZone') ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
      return { policies: rows.map((r) => ({ ...r, installers: installers.get(r.code) ?? 0 })), timeZones: timeZones(), siteTimeZone: siteZone };
    });

    scope.post('/login/api/jump-policies', async (req) => {
      const actor = actorOf(req);
      const policy = policies.create(actor, JumpPolicyInput.parse(req.body));
      ctx.log.info({ policyId: policy.id, code: policy.code, by: actor.user.id }, 'Jump Policy created');
      return { policy };
    });

    scope.post('/login/api/jump-policies/:id', async (req) => {
      const actor = actorOf(req);
      const { id } = IdParams.parse(req.params);
      const policy = policies.update(actor, id, JumpPolicyInput.parse(req.body));
      ctx.log.info({ policyId: id, by: actor.user.id }, 'Jump Policy saved');
      return { policy };
    });

    scope.post('/login/api/jump-policies/:id/delete', async (req, reply) => {
      const actor = actorOf(req);
      const { id } = IdParams.parse(req.params);
      policies.remove(actor, id);
      ctx.log.info({ policyId: id, by: actor.user.id }, 'Jump Policy deleted');
      return reply.code(204).send();
    });
  });
}
