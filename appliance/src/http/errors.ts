/** Coded errors as HTTP: one status per code, body `{ error: { code, message } }`. */
import type { FastifyReply } from 'fastify';
import { ERRORS, type ErrorCode } from '../protocol/index.js';

const STATUS: Partial<Record<ErrorCode, number>> = {
  E_AUTH_REQUIRED: 401,
  E_UPDATE_TOKEN_INVALID: 401,
  E_HANDOFF_INVALID: 401,
  E_HANDOFF_USED: 410,
  E_HANDOFF_EXPIRED: 410,
  E_UPGRADE_DEMO_ONLY: 403,
  E_AUTH_INVALID: 401,
  E_AUTH_TOKEN_INVALID: 401,
  E_AUTH_TOTP_REQUIRED: 401,
  E_AUTH_TOTP_INVALID: 401,
  E_AUTH_TOTP_REUSED: 401,
  E_AUTH_LOCKED: 403,
  E_AUTH_DISABLED: 403,
  E_FORBIDDEN: 403,
  E_CSRF: 403,
  E_WEB_CONSOLE_DISABLED: 403,
  E_NOT_A_REP: 403,
  E_INJECT_FORBIDDEN: 403,
  E_NOT_FOUND: 404,
  E_SESSION_NOT_FOUND: 404,
  E_RECORDING_NOT_FOUND: 404,
  E_TOO_LARGE: 413,
  E_RATE_LIMITED: 429,
  E_INTERNAL: 500,
  E_RENDERER_MISSING: 503,
  E_TOTP_ENROL_REQUIRED: 403,
  E_PASSWORD_EXPIRED: 403,
  E_IMAGE_TOO_LARGE: 413,
  E_USER_NOT_FOUND: 404,
  E_TEAM_NOT_FOUND: 404,
  E_ISSUE_NOT_FOUND: 404,
  E_USER_EXISTS: 409,
  E_TEAM_EXISTS: 409,
  E_ISSUE_EXISTS: 409,
};

export function statusFor(code: ErrorCode): number {
  return STATUS[code] ?? 400;
}

export function sendError(reply: FastifyReply, code: ErrorCode, message: string = ERRORS[code]) {
  return reply.code(statusFor(code)).type('application/json').send({ error: { code, message } });
}
