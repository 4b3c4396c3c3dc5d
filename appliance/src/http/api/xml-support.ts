/** What /api/command and /api/reporting share: parameters, the bearer token, XML answers and coded XML errors. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CodedError, ERRORS, type ErrorCode } from '../../protocol/index.js';
import { el, xmlDocument, type XmlNode } from './xml.js';

export const COMMAND_NS = 'http://www.beyondtrust.com/namespaces/API/command';
export const REPORTING_NS = 'http://www.beyondtrust.com/namespaces/API/reporting';

const STATUS: Partial<Record<ErrorCode, number>> = {
  E_API_TOKEN_MISSING: 401,
  E_API_TOKEN_INVALID: 401,
  E_API_TOKEN_EXPIRED: 401,
  E_API_NO_COMMAND_ACCESS: 403,
  E_API_READ_ONLY: 403,
  E_API_NO_REPORTING: 403,
  E_SESSION_NOT_FOUND: 404,
  E_RATE_LIMITED: 429,
  E_TOO_LARGE: 413,
  E_INTERNAL: 500,
};

/** GET query and form-POST body together (the body wins); repeated names keep their first value. */
export function apiParams(req: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (src: unknown) => {
    if (!src || typeof src !== 'object') return;
    for (const [k, v] of Object.entries(src as Record<string, unknown>)) out[k] = Array.isArray(v) ? String(v[0] ?? '') : String(v ?? '');
  };
  add(req.query);
  add(req.body);
  return out;
}

/** The bearer token of `Authorization: Bearer …`, or null. */
export function bearerOf(req: FastifyRequest): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(String(req.headers.authorization ?? ''));
  return m?.[1] ?? null;
}

export function sendXml(reply: FastifyReply, root: XmlNode, namespace: string, status = 200) {
  return reply.code(status).type('application/xml; charset=utf-8').header('cache-control', 'no-store').send(xmlDocument(root, namespace));
}

export function sendXmlError(reply: FastifyReply, namespace: string, code: ErrorCode, message: string = ERRORS[code]) {
  if (code === 'E_API_TOKEN_MISSING' || code === 'E_API_TOKEN_INVALID' || code === 'E_API_TOKEN_EXPIRED') {
    reply.header('www-authenticate', `Bearer error="invalid_token", error_description="${ERRORS[code].replace(/"/g, "'")}"`);
  }
  return sendXml(reply, el('error', message, { code }), namespace, STATUS[code] ?? 400);
}

/** Runs a handler; a coded refusal becomes the API's XML error document. */
export async function answerXml(reply: FastifyReply, namespace: string, fn: () => XmlNode | Promise<XmlNode>) {
  try {
    return sendXml(reply, await fn(), namespace);
  } catch (e) {
    if (e instanceof CodedError) return sendXmlError(reply, namespace, e.code, e.message);
    throw e;
  }
}

/** UNIX seconds of an ISO instant. */
export const unix = (isoTime: string): number => Math.floor(Date.parse(isoTime) / 1000);

/** `<name timestamp="…">ISO</name>`, or an empty element when there is no time. */
export const timeEl = (name: string, isoTime: string | null): XmlNode => (isoTime ? el(name, isoTime, { timestamp: unix(isoTime) }) : el(name));

export const bad = (message: string) => new CodedError('E_BAD_PARAMS', message);
