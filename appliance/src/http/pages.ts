/** The three built Svelte pages and their assets (out/renderer, produced by `npm run build`). */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sendError } from './errors.js';

const PAGES: Record<string, string> = {
  '/': 'portal',
  '/console': 'console',
  '/console/': 'console',
  '/login': 'admin',
  '/login/': 'admin',
};

export async function registerPages(app: FastifyInstance, rendererDir: string | null): Promise<void> {
  if (rendererDir && existsSync(join(rendererDir, 'assets'))) {
    await app.register(fastifyStatic, {
      root: join(rendererDir, 'assets'),
      prefix: '/assets/',
      immutable: true,
      maxAge: '365d',
      index: false,
    });
  }
  // Read once: the pages are small and do not change while the appliance runs.
  const cache = new Map<string, string>();
  for (const [path, page] of Object.entries(PAGES)) {
    app.get(path, async (_req, reply) => {
      const file = rendererDir ? join(rendererDir, page, 'index.html') : null;
      if (!file || !existsSync(file)) return sendError(reply, 'E_RENDERER_MISSING');
      let html = cache.get(file);
      if (html === undefined) cache.set(file, (html = readFileSync(file, 'utf8')));
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
    });
  }
}
