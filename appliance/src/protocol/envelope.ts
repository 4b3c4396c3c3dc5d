/**
 * One envelope for everything that crosses the console ↔ appliance WebSocket:
 *   request  { t: 'req', id, method, params }   console → appliance
 *   response { t: 'res', id, result }            appliance → console
 *   error    { t: 'err', id, code, message }     appliance → console (id null when no request is known)
 *   event    { t: 'evt', event, data }           appliance → console
 */
import { z } from 'zod';
import type { ErrorCode } from './errors.js';

/** Frames larger than this are refused with E_TOO_LARGE (the socket stays open). */
export const MAX_FRAME_BYTES = 256 * 1024;

export const RequestEnvelope = z.object({
  t: z.literal('req'),
  id: z.number().int().nonnegative(),
  method: z.string().min(1).max(64),
  params: z.unknown().optional(),
});
export type RequestEnvelope = z.infer<typeof RequestEnvelope>;

export const ResponseEnvelope = z.object({
  t: z.literal('res'),
  id: z.number().int().nonnegative(),
  result: z.unknown(),
});

export const ErrorEnvelope = z.object({
  t: z.literal('err'),
  id: z.number().int().nonnegative().nullable(),
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export const EventEnvelope = z.object({
  t: z.literal('evt'),
  event: z.string(),
  data: z.unknown(),
});

export const ServerEnvelope = z.discriminatedUnion('t', [ResponseEnvelope, ErrorEnvelope, EventEnvelope]);
export type ServerEnvelope = z.infer<typeof ServerEnvelope>;

export interface ErrorFrame {
  t: 'err';
  id: number | null;
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}
