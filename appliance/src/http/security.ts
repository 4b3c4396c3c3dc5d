/**
 * Headers on every response and the CSRF guard for state-changing requests: JSON bodies only (a
 * cross-site form cannot send them without a CORS preflight we never grant) and, when the browser
 * says where it came from, the same origin.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CodedError } from '../protocol/index.js';
import { HSTS } from './tls.js';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Svelte sets style attributes at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    if (req.protocol === 'https') reply.header('strict-transport-security', HSTS);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
    return payload;
  });
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Throws E_CSRF for a state-changing request that did not come from our own pages. */
/** Public endpoints that take form posts from other sites by design (they carry no login). */
// /oauth2/token, /api/command and /api/reporting carry client credentials or a bearer token, never a cookie.
const FORM_ENDPOINTS = new Set(['/api/start_session', '/api/client_script', '/oauth2/token', '/api/command', '/api/reporting']);

export function checkCsrf(req: FastifyRequest): void {
  if (!UNSAFE.has(req.method)) return;
  if (FORM_ENDPOINTS.has(req.url.split('?')[0]!)) return;
  // File Transfer byte streams (http/file-routes.ts): raw bytes, authorized by a one-time token in the URL or a header.
  if (/^\/(console\/api|agent)\/files\//.test(req.url)) {
    if (!isSameOrigin(req.headers.origin, req.headers.host)) throw new CodedError('E_CSRF');
    return;
  }
  const type = String(req.headers['content-type'] ?? '');
  if (!type.startsWith('application/json')) throw new CodedError('E_CSRF');
  if (!isSameOrigin(req.headers.origin, req.headers.host)) throw new CodedError('E_CSRF');
}

/** True when there is no Origin header (non-browser clients) or it names this host. */
export function isSameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
