/**
 * The desktop console's update feed over HTTP (FEATURES.md §H, FORMATS.md §Update feed):
 *
 *   GET  /download/update/version                    the console version the feed serves, and whether the site is the demo (public)
 *   GET  /download/update/<win|mac|linux>/<file>      electron-updater's generic feed: latest.yml
 *        (also latest-mac.yml / latest-linux.yml) and the package it names; needs
 *        `Authorization: Bearer <update token>`, else 401 E_UPDATE_TOKEN_INVALID (the console shows 1.1gws)
 *   POST /download/update/token {loginToken}          a desktop console login's update token (its first login)
 *   POST /login/api/status/upgrade-demo               Status > Upgrade (demo): the feed serves the next version
 *
 * The installers themselves are listed and downloaded through My Account (http/admin/download-routes.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createReadStream } from 'node:fs';
import { z } from 'zod';
import { CodedError } from '../protocol/index.js';
import type { AppContext } from '../context.js';
import { findDistDir } from '../domain/console-installers.js';
import { builtPackage, demoPackage, packageSha512, UPDATE_PLATFORMS, type UpdatePlatform } from '../domain/console-update-packages.js';
import type { Actor } from '../domain/permissions.js';
import { latestYml } from '../domain/update-feed.js';
import { ADMIN_COOKIE } from './admin-routes.js';
import { sendError } from './errors.js';

/** The names electron-updater asks for (its channel file per OS) and the one FORMATS.md names. */
const FEED_FILES = new Set(['latest.yml', 'latest-mac.yml', 'latest-linux.yml']);
const FeedParams = z.object({ platform: z.string().max(16), file: z.string().max(200) });

function bearer(req: FastifyRequest): string | null {
  const m = /^Bearer ([\x21-\x7e]{1,256})$/.exec(String(req.headers.authorization ?? ''));
  return m?.[1] ?? null;
}

export function registerDesktopRoutes(app: FastifyInstance, ctx: AppContext): void {
  const distDir = findDistDir();

  const adminOf = (req: FastifyRequest): Actor => {
    const token = req.cookies[ADMIN_COOKIE];
    if (!token) throw new CodedError('E_AUTH_REQUIRED');
    try {
      return ctx.auth.resume(token, ['admin']).actor;
    } catch {
      throw new CodedError('E_AUTH_REQUIRED');
    }
  };

  app.get('/download/update/version', async () => ({ version: ctx.desktop.servedVersion(), demo: ctx.repos.settings.get('site.demo') === 'true' }));

  app.get('/download/update/:platform/:file', async (req, reply) => {
    const { platform, file } = FeedParams.parse(req.params);
    if (!UPDATE_PLATFORMS.includes(platform as UpdatePlatform)) throw new CodedError('E_UPDATE_PLATFORM');
    if (!ctx.desktop.checkUpdateToken(bearer(req))) {
      reply.header('www-authenticate', 'Bearer realm="update"');
      return sendError(reply, 'E_UPDATE_TOKEN_INVALID');
    }
    reply.header('cache-control', 'no-store');
    const version = ctx.desktop.servedVersion();
    const pkg = builtPackage(distDir, platform as UpdatePlatform, version) ?? demoPackage(platform as UpdatePlatform, version);
    if (FEED_FILES.has(file)) {
      const yml = latestYml({ version, files: [{ url: pkg.file, sha512: await packageSha512(pkg), size: pkg.size }], releaseDate: new Date(ctx.startedAt) });
      return reply.type('text/yaml; charset=utf-8').send(yml);
    }
    if (file !== pkg.file) throw new CodedError('E_NOT_FOUND');
    reply.type('application/octet-stream').header('content-length', String(pkg.size));
    return reply.send('bytes' in pkg.source ? pkg.source.bytes : createReadStream(pkg.source.path));
  });

  app.post('/download/update/token', async (req) => {
    const { loginToken } = z.object({ loginToken: z.string().min(16).max(256) }).parse(req.body);
    return { token: ctx.desktop.issueUpdateToken(loginToken, (t) => ctx.auth.resume(t, ['desktop'])) };
  });

  app.post('/login/api/status/upgrade-demo', async (req) => {
    const actor = adminOf(req);
    const version = ctx.desktop.upgradeDemo(actor);
    ctx.log.info({ version, by: actor.user.username }, 'demo site upgraded: the update feed serves a newer console');
    return { version };
  });
}
