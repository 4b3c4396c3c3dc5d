/** My Account > Download Representative Console: which installers the build produced, and the files themselves (logged-in users only). */
import type { FastifyInstance } from 'fastify';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CodedError } from '../../protocol/index.js';
import type { AppContext } from '../../context.js';
import { findDistDir, listConsoleInstallers } from '../../domain/console-installers.js';
import { VERSION } from '../../version.js';
import { adminActor } from './actor.js';

export function registerDownloadRoutes(app: FastifyInstance, ctx: AppContext): void {
  const dist = findDistDir();

  app.get('/login/api/account/downloads', async (req) => {
    adminActor(ctx, req);
    return {
      version: VERSION,
      installers: listConsoleInstallers(dist).map((i) => ({ ...i, url: `/login/download/rep-console/${encodeURIComponent(i.fileName)}` })),
    };
  });

  app.get('/login/download/rep-console/:file', async (req, reply) => {
    adminActor(ctx, req);
    const { file } = z.object({ file: z.string().max(200) }).parse(req.params);
    const found = listConsoleInstallers(dist).find((i) => i.fileName === file);
    if (!found || !dist) throw new CodedError('E_NOT_FOUND');
    return reply
      .type('application/octet-stream')
      .header('content-disposition', `attachment; filename="${found.fileName}"`)
      .header('content-length', String(found.bytes))
      .send(createReadStream(join(dist, found.fileName)));
  });
}
