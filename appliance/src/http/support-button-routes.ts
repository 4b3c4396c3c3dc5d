/**
 * A Support Button clicked on a customer's computer (`rep-appliance customer --support-button`): the
 * button's token starts a new session in its queue and returns the customer token the client joins
 * with, like the portal's own join. Failed tokens count against the address, as wrong session keys do.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CodedError } from '../protocol/index.js';
import type { AppContext } from '../context.js';

export const SUPPORT_BUTTON_CLICK_PATH = '/api/support-button/click';

const ClickBody = z.object({ token: z.string().min(32).max(128), name: z.string().trim().max(100).optional() });

export function registerSupportButtonRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post(SUPPORT_BUTTON_CLICK_PATH, async (req) => {
    const service = ctx.supportButtons;
    if (!service) throw new CodedError('E_NOT_FOUND');
    const limitKey = `button:${req.ip}`;
    if (ctx.limits.keys.blocked(limitKey)) throw new CodedError('E_RATE_LIMITED');
    const b = ClickBody.parse(req.body);
    let started;
    try {
      started = service.click(b.token, { name: b.name });
    } catch (e) {
      if (e instanceof CodedError && e.code === 'E_SUPPORT_BUTTON_NOT_FOUND') ctx.limits.keys.fail(limitKey);
      throw e;
    }
    ctx.customers.awaitFirstConnection(started.session.id);
    ctx.log.info({ sessionId: started.session.id, queueId: started.session.queueId }, 'Support Button clicked');
    return { sessionId: started.session.id, customerToken: started.customerToken, queueName: started.queueName };
  });
}
