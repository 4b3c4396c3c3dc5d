/**
 * The web console's cookie: after `auth.login` over the WebSocket, the page trades its token for an
 * HttpOnly cookie here, so a reload resumes the login without script-readable storage.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context.js';

export const CONSOLE_COOKIE = 'rc_console';

export function registerConsoleRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/console/api/session', async (req, reply) => {
    const { token } = z.object({ token: z.string().min(16).max(256) }).parse(req.body);
    ctx.auth.resume(token, ['web']);
    reply.setCookie(CONSOLE_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: req.protocol === 'https' });
    return reply.code(204).send();
  });

  app.delete('/console/api/session', async (req, reply) => {
    const token = req.cookies[CONSOLE_COOKIE];
    if (token) ctx.auth.logout(token);
    reply.clearCookie(CONSOLE_COOKIE, { path: '/' });
    return reply.code(204).send();
  });
}
