/** The support portal's API: what the portal shows, and customers (or external reps) coming in. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CodedError } from '../protocol/index.js';
import type { AppContext } from '../context.js';
import type { CustomerRequest } from '../domain/intake.js';
import { keyQueue } from '../domain/keys.js';
import { clientAddress } from './client-address.js';
import { portalSettings } from '../domain/site-settings.js';
import { CONSOLE_COOKIE } from './console-routes.js';
import { CUSTOMER_COOKIE } from './start-session.js';

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
    /** The portal's Connect button: any available rep, through the general queue. */
    connect: z.literal(true).optional(),
  })
  .refine((b) => [b.issueId, b.repId, b.sessionKey, b.accessKey, b.connect].filter((x) => x !== undefined).length === 1, {
    message: 'Choose exactly one way to reach a representative: an issue, a representative, or a session key.',
  });

export function registerPortalRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/portal', async () => {
    const shown = portalSettings(ctx.repos.settings);
    const reps = ctx.presence
      .list()
      .map((p) => ctx.repos.users.byId(p.userId))
      .filter((u) => u !== null && !u.disabled && u.externalSessionId === null)
      .map((u) => ({ id: u!.id, publicDisplayName: u!.publicDisplayName }));
    return {
      siteName: ctx.repos.settings.get('site.name') ?? 'Support',
      reps,
      issues: ctx.repos.issues.list().map((i) => ({ id: i.id, codeName: i.codeName, description: i.description, teamName: i.teamName })),
      // Support Portal settings (/login): which start methods show; the chat banner the customer's chat window shows.
      startMethods: { repList: shown.showRepList, sessionKey: shown.showSessionKey, issueSubmission: shown.showIssues, connect: shown.showConnect && reps.length > 0 },
      clickToChat: shown.clickToChat,
      chatBanner: '/api/portal/banner.bmp',
    };
  });

  app.post('/api/portal/sessions', async (req, reply) => {
    if (!ctx.limits.portal.attempt(`portal:${req.ip}`)) throw new CodedError('E_RATE_LIMITED');
    const b = JoinBody.parse(req.body);
    // A start method the administrator hid is refused here too, not only left off the page.
    const shown = portalSettings(ctx.repos.settings);
    if ((b.repId !== undefined && !shown.showRepList) || (b.issueId !== undefined && !shown.showIssues) || (b.connect && !shown.showConnect) || (b.sessionKey !== undefined && !shown.showSessionKey)) {
      throw new CodedError('E_FORBIDDEN', 'That way of starting a session is not offered on this portal.');
    }
    let route: CustomerRequest['route'];
    let customAttributes: Record<string, string> = {};
    if (b.sessionKey !== undefined || b.accessKey !== undefined) {
      // Guessing keys is bounded per address: failures count, and a blocked address is not even looked up.
      const limitKey = `redeem:${req.ip}`;
      if (ctx.limits.keys.blocked(limitKey)) throw new CodedError('E_RATE_LIMITED');
      let key;
      try {
        key = ctx.keys.redeem(b.sessionKey !== undefined ? { digits: b.sessionKey } : { token: b.accessKey! });
      } catch (e) {
        ctx.limits.keys.fail(limitKey);
        throw e;
      }
      if (key.kind === 'external') {
        const { token, sessionId } = ctx.external.join(key);
        reply.setCookie(CONSOLE_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: isTls(req) });
        ctx.log.info({ sessionId }, 'external representative joined');
        return { external: true, consoleUrl: '/console', sessionId };
      }
      route = { queueId: keyQueue(key) };
      customAttributes = key.custom;
    } else if (b.issueId !== undefined) route = { issueId: b.issueId };
    else if (b.repId !== undefined) route = { repId: b.repId };
    else route = { queueId: 'general' };
    // Click-to-chat off (Support Portal settings): the session runs in the full customer client from the start.
    const { session, customerToken } = ctx.intake.enqueue({ name: b.name, company: b.company, details: b.details, route, browser: shown.clickToChat, customAttributes });
    ctx.repos.sessions.setCustomerAddress(session.id, { publicIp: clientAddress(req) });
    // The customer has until the grace period to open their page; otherwise the session ends.
    ctx.customers.awaitFirstConnection(session.id);
    ctx.log.info({ sessionId: session.id, queueId: session.queueId }, 'customer joined a queue');
    reply.setCookie(CUSTOMER_COOKIE, customerToken, { path: '/', httpOnly: true, sameSite: 'lax', secure: isTls(req) });
    return { sessionId: session.id, customerToken, queueName: ctx.intake.statusOf(session.id).queueName };
  });

  app.post('/api/portal/status', async (req) => {
    const { customerToken } = z.object({ customerToken: z.string().min(16).max(128).optional() }).parse(req.body);
    const token = customerToken ?? req.cookies[CUSTOMER_COOKIE];
    if (!token) throw new CodedError('E_SESSION_NOT_FOUND');
    return ctx.intake.status(token);
  });
}

const isTls = (req: FastifyRequest) => req.protocol === 'https';
