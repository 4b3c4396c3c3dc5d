/**
 * The integration APIs and the Reports / API Configuration pages' JSON: /oauth2/token,
 * /api/command, /api/reporting, their schemas, and /login/api/{reports,api-accounts}. Form bodies
 * are parsed in this scope only (the vendor's clients POST application/x-www-form-urlencoded).
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { RateLimiter } from '../../domain/rate-limit.js';
import { registerApiAccountRoutes } from './admin-api-accounts.js';
import { registerReportRoutes } from './admin-reports.js';
import { registerCommandApi } from './command-api.js';
import { registerOauthToken } from './oauth-token.js';
import { registerReportingApi } from './reporting-api.js';
import { registerSchemas } from './schemas.js';

const FORM = 'application/x-www-form-urlencoded';

/** Paths that take form posts from API clients: they carry a bearer token or client credentials, never a cookie (security.ts lets them through the CSRF guard). */
export const API_FORM_PATHS = ['/oauth2/token', '/api/command', '/api/reporting'] as const;

export async function registerIntegrationApis(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const i = ctx.integration;
  if (!i) return;
  registerSchemas(app);
  registerApiAccountRoutes(app, ctx, i.apiAccounts);
  registerReportRoutes(app, ctx, i.reports, i.recordingFiles);
  await app.register(async (scope) => {
    if (scope.hasContentTypeParser(FORM)) scope.removeContentTypeParser(FORM);
    scope.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit: 32 * 1024 }, (_req, body, done) => {
      const out: Record<string, string> = {};
      for (const [k, v] of new URLSearchParams(body as string)) if (!(k in out)) out[k] = v;
      done(null, out);
    });
    // Failed client credentials per address per minute.
    registerOauthToken(scope, ctx, i.apiAccounts, new RateLimiter(ctx.clock, 20, 60_000));
    registerCommandApi(scope, ctx, i.apiAccounts, i.commandApi);
    registerReportingApi(scope, ctx, i.apiAccounts, i.reports);
  });
}
