/**
 * /login > Status (site facts, licences, logged-in reps, ECM clients, time zone, Restart),
 * Management > Security, and Support Portal settings with the chat banner.
 */
import type { FastifyInstance } from 'fastify';
import { ImageUpload, PortalSettings, SecuritySettings, TimeZoneInput } from '../../protocol/admin-models.js';
import type { AppContext } from '../../context.js';
import { defaultBanner } from '../../domain/default-banner.js';
import { checkBanner } from '../../domain/image-check.js';
import { licenceCounts } from '../../domain/licence-counts.js';
import { authorize } from '../../domain/permissions.js';
import { siteTimeZone } from '../../domain/site-settings.js';
import { CodedError } from '../../protocol/index.js';
import { VERSION } from '../../version.js';
import { adminActor, decodeUpload, UPLOAD_BODY_LIMIT } from './actor.js';

export const BANNER = 'portal.chatBanner';

export function registerSiteRoutes(app: FastifyInstance, ctx: AppContext): void {
  const fallbackBanner = defaultBanner();

  app.get('/login/api/status', async (req) => {
    const actor = adminActor(ctx, req);
    authorize(actor, { kind: 'admin.status.view' });
    const reps = ctx.presence.list().map((p) => {
      const u = ctx.repos.users.byId(p.userId);
      const open = ctx.repos.sessions.ownedBy(p.userId).length;
      return { userId: p.userId, username: u?.username ?? '', displayName: u?.displayName ?? '', console: p.console, loggedInAt: p.loggedInAt, sessionCount: open };
    });
    return {
      version: VERSION,
      timeZone: siteTimeZone(ctx.repos.settings),
      hostname: req.headers.host ?? '',
      startedAt: ctx.startedAt,
      licence: licenceCounts({ users: ctx.repos.users, jump: ctx.repos.jump, presence: ctx.presence }),
      loggedInReps: reps,
      // Connected Endpoint Credential Managers, longest-connected first (the one requests go to).
      ecmClients: ctx.ecm?.registry.clients() ?? [],
      canRestart: ctx.restart !== undefined,
    };
  });

  app.post('/login/api/site/timezone', async (req) => {
    const { timeZone } = TimeZoneInput.parse(req.body);
    return { timeZone: ctx.siteSettings.setTimeZone(adminActor(ctx, req), timeZone) };
  });

  /** Restart: answered first, then the appliance closes its connections gracefully and opens again on the same port. */
  app.post('/login/api/site/restart', async (req, reply) => {
    const actor = adminActor(ctx, req);
    authorize(actor, { kind: 'admin.site.manage' });
    if (!ctx.restart) throw new CodedError('E_FORBIDDEN', 'This site cannot be restarted from here: it runs inside the desktop console. Restart the desktop console instead.');
    ctx.log.warn({ by: actor.user.id }, 'restart requested');
    const restart = ctx.restart;
    reply.raw.once('finish', () => setTimeout(restart, 50));
    return reply.code(202).send({ restarting: true });
  });

  app.get('/login/api/security', async (req) => ctx.siteSettings.security(adminActor(ctx, req)));
  app.post('/login/api/security', async (req) => {
    const actor = adminActor(ctx, req);
    const saved = ctx.siteSettings.setSecurity(actor, SecuritySettings.parse(req.body));
    ctx.log.info({ by: actor.user.id, settings: saved }, 'security settings changed');
    return saved;
  });

  app.get('/login/api/portal-settings', async (req) => ({
    settings: ctx.siteSettings.portal(adminActor(ctx, req)),
    banner: bannerInfo(),
  }));
  app.post('/login/api/portal-settings', async (req) => ({
    settings: ctx.siteSettings.setPortal(adminActor(ctx, req), PortalSettings.parse(req.body)),
    banner: bannerInfo(),
  }));

  app.post('/login/api/portal-settings/banner', { bodyLimit: UPLOAD_BODY_LIMIT }, async (req) => {
    const actor = adminActor(ctx, req);
    authorize(actor, { kind: 'admin.site.manage' });
    const data = decodeUpload(ImageUpload.parse(req.body).data);
    const info = checkBanner(data);
    ctx.repos.transaction(() => ctx.repos.siteAdmin.setImage(BANNER, { mime: info.mime, data, width: info.width, height: info.height }, ctx.clock.now().toISOString()));
    ctx.log.info({ by: actor.user.id, height: info.height }, 'chat banner changed');
    return { banner: bannerInfo() };
  });

  app.post('/login/api/portal-settings/banner/revert', async (req) => {
    const actor = adminActor(ctx, req);
    authorize(actor, { kind: 'admin.site.manage' });
    ctx.repos.transaction(() => ctx.repos.siteAdmin.setImage(BANNER, null, ctx.clock.now().toISOString()));
    return { banner: bannerInfo() };
  });

  /** The chat banner the portal and the customer's chat window show (public). */
  app.get('/api/portal/banner.bmp', async (_req, reply) => {
    const custom = ctx.repos.siteAdmin.image(BANNER);
    return reply.type('image/bmp').header('cache-control', 'no-cache').send(custom?.data ?? fallbackBanner);
  });

  function bannerInfo() {
    const custom = ctx.repos.siteAdmin.image(BANNER);
    return { custom: custom !== null, width: custom?.width ?? 480, height: custom?.height ?? 40, updatedAt: custom?.updatedAt ?? null };
  }
}
