/** /login > Forgot your password?: a non-administrator answers their security question and sets a new password (no login; rate-limited per address). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CodedError } from '../../protocol/index.js';
import type { AppContext } from '../../context.js';

const Username = z.object({ username: z.string().trim().min(1).max(64) });
const Reset = Username.extend({ answer: z.string().trim().min(1).max(200), newPassword: z.string().max(1024) });

export function registerForgotRoutes(app: FastifyInstance, ctx: AppContext): void {
  const key = (ip: string) => `admin:${ip}`;
  const guard = <T>(ip: string, fn: () => T): T => {
    if (ctx.limits.login.blocked(key(ip))) throw new CodedError('E_RATE_LIMITED');
    try {
      return fn();
    } catch (e) {
      if (e instanceof CodedError && e.code !== 'E_PASSWORD_WEAK') ctx.limits.login.fail(key(ip));
      throw e;
    }
  };

  app.post('/login/api/forgot/question', async (req) => {
    const { username } = Username.parse(req.body);
    return { question: guard(req.ip, () => ctx.accounts.securityQuestionOf(username)) };
  });

  app.post('/login/api/forgot/reset', async (req, reply) => {
    const b = Reset.parse(req.body);
    guard(req.ip, () => ctx.accounts.resetForgottenPassword(b.username, b.answer, b.newPassword));
    ctx.log.info({ username: b.username, ip: req.ip }, 'password reset with the security question');
    return reply.code(204).send();
  });
}
