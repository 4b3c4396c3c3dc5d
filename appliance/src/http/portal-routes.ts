/** The support portal's API: what the portal shows, and customers joining a queue. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CodedError } from '../protocol/index.js';
import type { AppContext } from '../context.js';
import type { CustomerRequest } from '../domain/intake.js';

const text = (max: number) => z.string().trim().max(max);

const JoinBody = z
  .object({
    name: text(100).min(1),
    company: text(100).optional(),
    details: text(2000).optional(),
    issueId: z.number().int().positive().optional(),
    repId: z.number().int().positive().optional(),
    sessionKey: z.string().max(40).optional(),
    accessKey: z.string().max(128).optional(),
  })
  .refine((b) => [b.issueId, b.repId, b.sessionKey, b.accessKey].filter((x) => x !== undefined).length === 1, {
    message: 'Choose exactly one way to reach a representative: an issue, a representative, or a session key.',
  });

export function registerPortalRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/portal', async () => {
    const reps = ctx.presence
      .list()
      .map((p) => ctx.repos.users.byId(p.userId))
      .filter((u) => u !== null && !u.disabled)
      .map((u) => ({ id: u!.id, publicDisplayName: u!.publicDisplayName }));
    return {
      siteName: ctx.repos.settings.get('site.name') ?? 'Support',
      reps,
      issues: ctx.repos.issues.list().map((i) => ({ id: i.id, codeName: i.codeName, description: i.description, teamName: i.teamName })),
      startMethods: { repList: true, sessionKey: true, issueSubmission: true },
    };
  });

  app.post('/api/portal/sessions', async (req) => {
    if (!ctx.limits.portal.attempt(`portal:${req.ip}`)) throw new CodedError('E_RATE_LIMITED');
    const b = JoinBody.parse(req.body);
    const route: CustomerRequest['route'] =
      b.issueId !== undefined ? { issueId: b.issueId }
      : b.repId !== undefined ? { repId: b.repId }
      : b.sessionKey !== undefined ? { sessionKey: b.sessionKey.replace(/\s+/g, '') }
      : { accessKey: b.accessKey ?? '' };
    const { session, customerToken } = ctx.intake.enqueue({ name: b.name, company: b.company, details: b.details, route, browser: true });
    ctx.log.info({ sessionId: session.id, queueId: session.queueId }, 'customer joined a queue');
    return { sessionId: session.id, customerToken, queueName: ctx.intake.status(customerToken).queueName };
  });

  app.get<{ Params: { token: string } }>('/api/portal/sessions/:token', async (req) => {
    const token = z.string().min(16).max(128).parse(req.params.token);
    return ctx.intake.status(token);
  });
}
