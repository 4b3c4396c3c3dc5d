/**
 * `POST /oauth2/token`: the OAuth 2 client-credentials grant (RFC 6749 §4.4). The API account's
 * client id and secret come in HTTP Basic (or, as RFC 6749 §2.3.1 also allows, in the form body);
 * the answer is `{"access_token","token_type":"Bearer","expires_in":3600}`; refusals are the RFC's
 * JSON errors (`invalid_client`, `unsupported_grant_type`, `invalid_request`) plus our stable code.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CodedError, ERRORS, type ErrorCode } from '../../protocol/index.js';
import type { AppContext } from '../../context.js';
import type { ApiAccountService } from '../../domain/api-accounts.js';
import type { RateLimiter } from '../../domain/rate-limit.js';
import { apiParams } from './xml-support.js';

function basicCredentials(req: FastifyRequest): { id: string; secret: string } | null {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(String(req.headers.authorization ?? ''));
  if (!m) return null;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  // RFC 6749 §2.3.1: both parts are form-urlencoded before they are joined.
  try {
    return { id: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')), secret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')) };
  } catch {
    return null;
  }
}

function refuse(reply: FastifyReply, status: number, error: string, code: ErrorCode, description: string = ERRORS[code]) {
  if (status === 401) reply.header('www-authenticate', 'Basic realm="api", charset="UTF-8"');
  return reply.code(status).header('cache-control', 'no-store').header('pragma', 'no-cache').type('application/json').send({ error, error_description: description, code });
}

export function registerOauthToken(app: FastifyInstance, ctx: AppContext, accounts: ApiAccountService, failures: RateLimiter): void {
  app.post('/oauth2/token', async (req, reply) => {
    const limitKey = `oauth:${req.ip}`;
    if (failures.blocked(limitKey)) return refuse(reply, 429, 'slow_down', 'E_RATE_LIMITED');
    const p = apiParams(req);
    const basic = basicCredentials(req);
    const id = basic?.id ?? p['client_id'];
    const secret = basic?.secret ?? p['client_secret'];
    if (p['grant_type'] !== 'client_credentials') {
      return p['grant_type'] ? refuse(reply, 400, 'unsupported_grant_type', 'E_API_GRANT_UNSUPPORTED') : refuse(reply, 400, 'invalid_request', 'E_API_GRANT_UNSUPPORTED', 'Send grant_type=client_credentials.');
    }
    if (!id || !secret) return refuse(reply, 401, 'invalid_client', 'E_API_CLIENT_INVALID');
    try {
      const { accessToken, expiresIn } = accounts.issueToken(id, secret);
      ctx.log.info({ clientId: id, ip: req.ip }, 'API token issued');
      return reply.header('cache-control', 'no-store').header('pragma', 'no-cache').send({ access_token: accessToken, token_type: 'Bearer', expires_in: expiresIn });
    } catch (e) {
      if (e instanceof CodedError && e.code === 'E_API_CLIENT_INVALID') {
        failures.fail(limitKey);
        ctx.log.warn({ clientId: id.slice(0, 64), ip: req.ip }, 'API token refused');
        return refuse(reply, 401, 'invalid_client', 'E_API_CLIENT_INVALID');
      }
      throw e;
    }
  });
}
