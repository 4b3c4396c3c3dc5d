/**
 * The Session Generation API (`/api/start_session`, FORMATS.md): integrations start a customer
 * session by rep (`id`/`name`), by `short_key`, or by issue (`issue_menu=1` + `codeName`|`id`), with
 * customer fields and `session.custom.*`. The customer lands on the portal's chat page; their token
 * rides in an HttpOnly cookie, never in the URL.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CodedError } from '../protocol/index.js';
import type { AppContext } from '../context.js';
import type { CustomerRequest } from '../domain/intake.js';
import { keyQueue } from '../domain/keys.js';
import { portalSettings } from '../domain/site-settings.js';
import { clientAddress } from './client-address.js';

export const CUSTOMER_COOKIE = 'rc_customer';
const MAX_CUSTOM_VALUE = 1024;
const MAX_CUSTOM_TOTAL = 10 * 1024;

export type StartSessionParams = Record<string, string>;

export interface StartRequest {
  route: CustomerRequest['route'] | { shortKey: string };
  name: string;
  company: string;
  details: string;
  browser: boolean;
  customAttributes: Record<string, string>;
}

/** Reads the vendor's parameters (lenient: unknown ones are ignored; strict: every limit enforced). */
export function parseStartSession(q: StartSessionParams, lookup: { repByName(name: string): number | null; issueByCode(code: string): number | null }): StartRequest {
  const bad = (message: string) => new CodedError('E_BAD_PARAMS', message);
  const custom: Record<string, string> = {};
  let total = 0;
  for (const [k, v] of Object.entries(q)) {
    if (!k.startsWith('session.custom.')) continue;
    const code = k.slice('session.custom.'.length);
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(code)) throw bad(`The custom attribute name "${code.slice(0, 64)}" is not valid.`);
    if (v.length > MAX_CUSTOM_VALUE) throw bad(`session.custom.${code} is longer than ${MAX_CUSTOM_VALUE} characters.`);
    total += v.length;
    custom[code] = v;
  }
  if (total > MAX_CUSTOM_TOTAL) throw bad('The custom attributes together are longer than 10 KB.');
  if (q['customer.company_code']) custom['company_code'] = q['customer.company_code'].slice(0, 255);

  let route: StartRequest['route'];
  if (q.issue_menu === '1') {
    if (q.codeName && q.id) throw bad('Give the issue as codeName or id, not both.');
    const issueId = q.codeName ? lookup.issueByCode(q.codeName) : q.id && /^\d+$/.test(q.id) ? Number(q.id) : null;
    if (issueId === null) throw bad('That issue does not exist.');
    route = { issueId };
  } else if (q.short_key) route = { shortKey: q.short_key };
  else if (q.id) {
    if (!/^\d+$/.test(q.id)) throw bad('id must be a representative id.');
    route = { repId: Number(q.id) };
  } else if (q.name) {
    const repId = lookup.repByName(q.name);
    if (repId === null) throw new CodedError('E_REP_UNAVAILABLE');
    route = { repId };
  } else throw bad('Say how to reach a representative: id, name, short_key, or issue_menu=1 with codeName or id.');

  return {
    route,
    name: (q['customer.name'] ?? '').trim().slice(0, 100) || 'Customer',
    company: (q['customer.company'] ?? '').trim().slice(0, 100),
    details: (q['customer.details'] ?? '').trim().slice(0, 2000),
    browser: q.c2cjs === '1',
    customAttributes: custom,
  };
}

export async function registerStartSession(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // Form posts are parsed with the platform's URLSearchParams; only this route accepts them (see security.ts).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 32 * 1024 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  const handler = async (req: FastifyRequest, reply: FastifyReply) => {
    const q = { ...(req.query as StartSessionParams), ...((req.body ?? {}) as StartSessionParams) };
    for (const [k, v] of Object.entries(q)) if (typeof v !== 'string') q[k] = String(v);
    try {
      if (!ctx.limits.portal.attempt(`start:${req.ip}`)) throw new CodedError('E_RATE_LIMITED');
      const p = parseStartSession(q, {
        repByName: (name) => {
          const u = ctx.repos.users.list().find((x) => x.username.toLowerCase() === name.toLowerCase() || x.publicDisplayName.toLowerCase() === name.toLowerCase());
          return u ? u.id : null;
        },
        issueByCode: (code) => ctx.repos.issues.list().find((i) => i.codeName === code)?.id ?? null,
      });
      // Click-to-chat (c2cjs=1) only where the Support Portal settings offer it — refused before a key is spent.
      if (p.browser && !portalSettings(ctx.repos.settings).clickToChat) throw new CodedError('E_CLICK_TO_CHAT_DISABLED');
      let route: CustomerRequest['route'];
      let custom = p.customAttributes;
      if ('shortKey' in p.route) {
        if (ctx.limits.keys.blocked(`redeem:${req.ip}`)) throw new CodedError('E_RATE_LIMITED');
        let key;
        try {
          key = ctx.keys.redeem({ digits: p.route.shortKey });
        } catch (e) {
          ctx.limits.keys.fail(`redeem:${req.ip}`);
          throw e;
        }
        if (key.kind !== 'support') throw new CodedError('E_KEY_INVALID');
        route = { queueId: keyQueue(key) };
        custom = { ...key.custom, ...custom };
      } else route = p.route;
      const { session, customerToken } = ctx.intake.enqueue({ name: p.name, company: p.company, details: p.details, browser: p.browser, route, customAttributes: custom });
      ctx.repos.sessions.setCustomerAddress(session.id, { publicIp: clientAddress(req) });
      ctx.customers.awaitFirstConnection(session.id);
      ctx.log.info({ sessionId: session.id, queueId: session.queueId }, 'session started through the Session Generation API');
      reply.setCookie(CUSTOMER_COOKIE, customerToken, { path: '/', httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https' });
      return reply.redirect('/#chat', 303);
    } catch (e) {
      if (e instanceof CodedError) return reply.code(e.code === 'E_RATE_LIMITED' ? 429 : e.code === 'E_CLICK_TO_CHAT_DISABLED' ? 403 : 400).type('text/plain; charset=utf-8').send(`${e.code}: ${e.message}\n`);
      throw e;
    }
  };
  app.get('/api/start_session', handler);
  app.post('/api/start_session', handler);
}
