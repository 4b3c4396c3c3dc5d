/** The HTTP side of the appliance: fastify with security headers, the CSRF guard, coded errors and every route. */
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ServerOptions as HttpsOptions } from 'node:https';
import { ZodError } from 'zod';
import { CodedError } from '../protocol/index.js';
import type { AppContext } from '../context.js';
import { registerAdminRoutes } from './admin-routes.js';
import { registerInstallerRoutes } from './installer-routes.js';
import { registerJumpPolicyRoutes } from './jump-policy-routes.js';
import { registerClientScript } from './client-script-routes.js';
import { registerConsoleRoutes } from './console-routes.js';
import { registerFileRoutes } from './file-routes.js';
import { registerDesktopRoutes } from './desktop-routes.js';
import { sendError } from './errors.js';
import { registerPages } from './pages.js';
import { registerIntegrationApis } from './api/index.js';
import { registerPortalRoutes } from './portal-routes.js';
import { registerRecordingRoutes } from './recording-routes.js';
import { checkCsrf, securityHeaders } from './security.js';
import { registerStartSession } from './start-session.js';
import { registerSupportButtonRoutes } from './support-button-routes.js';
import { registerEcmAdminRoutes } from '../ecm/admin-routes.js';

export const MAX_HTTP_BODY_BYTES = 64 * 1024;

export async function buildHttpServer(ctx: AppContext, opts: { rendererDir: string | null; https?: HttpsOptions }): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: MAX_HTTP_BODY_BYTES,
    trustProxy: false,
    ...(opts.https ? { https: opts.https } : {}),
  }) as unknown as FastifyInstance;
  await app.register(fastifyCookie);
  securityHeaders(app);
  app.addHook('preHandler', async (req) => checkCsrf(req));

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof CodedError) return sendError(reply, err.code, err.message);
    if (err instanceof ZodError) return sendError(reply, 'E_BAD_PARAMS', err.issues.map((i) => i.message).join('; '));
    const e = err as { code?: string; statusCode?: number; message?: string };
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, 'E_TOO_LARGE');
    if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendError(reply, 'E_CSRF');
    if (e.statusCode === 400) return sendError(reply, 'E_BAD_JSON');
    ctx.log.error({ err, url: req.url }, 'request failed');
    return sendError(reply, 'E_INTERNAL');
  });
  app.setNotFoundHandler((req, reply) => {
    ctx.log.info({ method: req.method, url: req.url.split('?')[0] }, 'not found');
    return sendError(reply, 'E_NOT_FOUND');
  });

  app.get('/healthz', async () => ({ ok: true }));
  registerAdminRoutes(app, ctx);
  await registerInstallerRoutes(app, ctx);
  await registerJumpPolicyRoutes(app, ctx);
  registerConsoleRoutes(app, ctx);
  await registerFileRoutes(app, ctx);
  registerRecordingRoutes(app, ctx);
  registerDesktopRoutes(app, ctx);
  registerPortalRoutes(app, ctx);
  registerSupportButtonRoutes(app, ctx);
  registerEcmAdminRoutes(app, ctx);
  await registerStartSession(app, ctx);
  await registerClientScript(app, ctx);
  await registerIntegrationApis(app, ctx);
  await registerPages(app, opts.rendererDir);
  return app;
}
