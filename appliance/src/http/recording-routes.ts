/**
 * Command-shell recordings over HTTP, for the console and for session reports:
 *   GET /console/recordings/<id>.cast   asciicast v2 (application/x-asciicast)
 *   GET /console/recordings/<id>.txt    the plain-text transcript
 * with the console's login (the web console's cookie, or `Authorization: Bearer <console token>`), and
 *   GET /login/api/recordings/<id>.cast|.txt
 * with /login's cookie. `?download=1` makes it an attachment. Who may fetch one: the rep who opened
 * the shell, administrators and users with View Reports (permissions.ts, `recording.view`).
 */
import { createReadStream, statSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CodedError } from '../protocol/index.js';
import type { AppContext } from '../context.js';
import type { LoginKind } from '../domain/ports.js';
import { authorize, type Actor } from '../domain/permissions.js';
import { ADMIN_COOKIE } from './admin-routes.js';
import { CONSOLE_COOKIE } from './console-routes.js';

const Params = z.object({ file: z.string().regex(/^\d{1,12}\.(cast|txt)$/) });

const TYPES = { cast: 'application/x-asciicast; charset=utf-8', txt: 'text/plain; charset=utf-8' } as const;

export function registerRecordingRoutes(app: FastifyInstance, ctx: AppContext): void {
  const actorOf = (token: string | undefined, kinds: readonly LoginKind[]): Actor => {
    if (!token) throw new CodedError('E_AUTH_REQUIRED');
    try {
      return ctx.auth.resume(token, kinds).actor;
    } catch {
      throw new CodedError('E_AUTH_REQUIRED');
    }
  };

  const send = (req: FastifyRequest, reply: FastifyReply, actor: Actor) => {
    const { file } = Params.parse(req.params);
    const [idText, format] = file.split('.') as [string, 'cast' | 'txt'];
    const rec = ctx.recordings?.byId(Number(idText)) ?? null;
    if (!rec) throw new CodedError('E_RECORDING_NOT_FOUND');
    try {
      authorize(actor, { kind: 'recording.view', own: rec.userId === actor.user.id });
    } catch {
      // Whether it exists is not for someone who may not see it.
      throw new CodedError('E_RECORDING_NOT_FOUND');
    }
    const path = ctx.recordings!.pathOf(rec, format);
    let size: number;
    try {
      size = path ? statSync(path).size : -1;
    } catch {
      size = -1;
    }
    if (!path || size < 0) throw new CodedError('E_RECORDING_NOT_FOUND');
    const name = `shell-${rec.hostname.replace(/[^A-Za-z0-9._-]/g, '_')}-${rec.id}.${format}`;
    const download = (req.query as Record<string, unknown>)['download'] === '1';
    reply
      .header('content-type', TYPES[format])
      .header('content-length', String(size))
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `${download ? 'attachment' : 'inline'}; filename="${name}"`);
    return reply.send(createReadStream(path, { end: Math.max(0, size - 1) }));
  };

  app.get('/console/recordings/:file', async (req, reply) => {
    const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    return send(req, reply, actorOf(bearer ?? req.cookies[CONSOLE_COOKIE], ['web', 'desktop']));
  });
  app.get('/login/api/recordings/:file', async (req, reply) => send(req, reply, actorOf(req.cookies[ADMIN_COOKIE], ['admin'])));
}
