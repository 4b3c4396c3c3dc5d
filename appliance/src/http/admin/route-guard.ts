/**
 * Authorization before validation for /login's state-changing routes: a signed-in caller who may not
 * use a route gets E_FORBIDDEN before its body is even read, never an E_BAD_PARAMS that describes the
 * route's schema; a caller without a /login session gets E_AUTH_REQUIRED, also before the body.
 * It runs as a preParsing hook (cookies are read by then, the body not yet), so a malformed, oversized
 * or wrongly typed body cannot turn the refusal into E_BAD_JSON / E_TOO_LARGE either.
 * The rule is domain/permissions.ts's authorizeLoginRoute.
 */
import type { FastifyInstance } from 'fastify';
import { CodedError } from '../../protocol/index.js';
import type { AppContext } from '../../context.js';
import { authorizeLoginRoute } from '../../domain/permissions.js';
import { ADMIN_COOKIE } from './actor.js';

const OPEN = new Set(['/login/api/login', '/login/api/logout', '/login/api/forgot/question', '/login/api/forgot/reset']);

export function guardLoginRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.addHook('preParsing', async (req) => {
    if (req.method === 'GET' || req.method === 'HEAD') return;
    const route = req.routeOptions.url ?? '';
    if (!route.startsWith('/login/api/') || OPEN.has(route)) return;
    const token = req.cookies[ADMIN_COOKIE];
    if (!token) throw new CodedError('E_AUTH_REQUIRED');
    let actor;
    try {
      actor = ctx.auth.resume(token, ['admin']).actor;
    } catch {
      throw new CodedError('E_AUTH_REQUIRED');
    }
    authorizeLoginRoute(actor, req.url.split('?')[0]!);
  });
}
