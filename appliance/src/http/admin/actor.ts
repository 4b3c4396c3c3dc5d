/** Who a /login API request speaks for: the HttpOnly admin cookie, resumed on every request (so changes to the account act at once). */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CodedError } from '../../protocol/index.js';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../domain/permissions.js';

export const ADMIN_COOKIE = 'rc_admin';

export const IdParams = z.object({ id: z.coerce.number().int().positive() });

export function adminActor(ctx: AppContext, req: FastifyRequest): Actor {
  const token = req.cookies[ADMIN_COOKIE];
  if (!token) throw new CodedError('E_AUTH_REQUIRED');
  try {
    return ctx.auth.resume(token, ['admin']).actor;
  } catch {
    throw new CodedError('E_AUTH_REQUIRED');
  }
}

/** An uploaded file sent as base64 inside JSON; malformed base64 is refused rather than half-decoded. */
export function decodeUpload(data: string): Buffer {
  const clean = data.replace(/^data:[^,]*,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) throw new CodedError('E_IMAGE_INVALID', 'The upload was damaged on the way (it is not valid base64).');
  return Buffer.from(clean, 'base64');
}

/** Uploads carry up to 1 MB of image as base64 plus JSON: a route-level body limit above the site's 64 KiB. */
export const UPLOAD_BODY_LIMIT = 2 * 1024 * 1024;
