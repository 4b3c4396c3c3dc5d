/** /login > My Account: profile, names, e-mail and language, security question, extended availability, photo, two-factor. */
import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import { EmailInput, ImageUpload, NamesInput, SecurityQuestionInput, TotpConfirm, TotpDisable } from '../../protocol/admin-models.js';
import { CodedError } from '../../protocol/index.js';
import type { AppContext } from '../../context.js';
import { totpUri } from '../../domain/totp.js';
import { adminActor, decodeUpload, UPLOAD_BODY_LIMIT } from './actor.js';

export function registerAccountRoutes(app: FastifyInstance, ctx: AppContext): void {
  const limitKey = (ip: string) => `admin:${ip}`;
  /** Steps that check the password count failures per address like logins do. */
  const guarded = <T>(ip: string, fn: () => T): T => {
    if (ctx.limits.login.blocked(limitKey(ip))) throw new CodedError('E_RATE_LIMITED');
    try {
      return fn();
    } catch (e) {
      if (e instanceof CodedError && ['E_PASSWORD_WRONG', 'E_AUTH_LOCKED', 'E_AUTH_TOTP_INVALID', 'E_AUTH_TOTP_REUSED'].includes(e.code)) ctx.limits.login.fail(limitKey(ip));
      throw e;
    }
  };

  app.get('/login/api/account', async (req) => ctx.accounts.profile(adminActor(ctx, req)));

  app.post('/login/api/account/names', async (req) => {
    const b = NamesInput.parse(req.body);
    return ctx.accounts.setNames(adminActor(ctx, req), b.displayName, b.publicDisplayName);
  });

  app.post('/login/api/account/email', async (req) => {
    const actor = adminActor(ctx, req);
    const b = EmailInput.parse(req.body);
    return guarded(req.ip, () => ctx.accounts.setEmail(actor, b.email, b.language, b.password));
  });

  app.post('/login/api/account/security-question', async (req) => {
    const actor = adminActor(ctx, req);
    const b = SecurityQuestionInput.parse(req.body);
    return guarded(req.ip, () => ctx.accounts.setSecurityQuestion(actor, b.question, b.answer, b.password));
  });

  app.post('/login/api/account/availability', async (req) => {
    const { on } = z.object({ on: z.boolean() }).parse(req.body);
    return ctx.accounts.setExtendedAvailability(adminActor(ctx, req), on);
  });

  app.post('/login/api/account/photo', { bodyLimit: UPLOAD_BODY_LIMIT }, async (req) => {
    const actor = adminActor(ctx, req);
    const b = ImageUpload.parse(req.body);
    const profile = ctx.accounts.setPhoto(actor, decodeUpload(b.data));
    ctx.log.info({ userId: actor.user.id }, 'photo changed');
    return profile;
  });

  app.post('/login/api/account/photo/remove', async (req) => ctx.accounts.setPhoto(adminActor(ctx, req), null));

  app.get('/login/api/account/photo', async (req, reply) => {
    const actor = adminActor(ctx, req);
    const photo = ctx.repos.accounts.photo(actor.user.id);
    if (!photo) throw new CodedError('E_NOT_FOUND');
    return reply.type(photo.mime).header('cache-control', 'private, max-age=0, must-revalidate').send(photo.data);
  });

  /** Enable Two-Factor Authentication: a new secret, its QR code (SVG, drawn here so the page needs no library) and the base32 text. */
  app.post('/login/api/account/2fa/begin', async (req) => {
    const actor = adminActor(ctx, req);
    const { secret } = ctx.accounts.beginTwoFactor(actor);
    const siteName = ctx.repos.settings.get('site.name') ?? 'Rep Console';
    const uri = totpUri(secret, actor.user.username, siteName);
    const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { secret, uri, qrSvg };
  });

  app.post('/login/api/account/2fa/confirm', async (req) => {
    const actor = adminActor(ctx, req);
    const b = TotpConfirm.parse(req.body);
    const profile = guarded(req.ip, () => ctx.accounts.confirmTwoFactor(actor, b.password, b.code));
    ctx.log.info({ userId: actor.user.id }, 'two-factor authentication enabled');
    return profile;
  });

  app.post('/login/api/account/2fa/cancel', async (req) => ctx.accounts.cancelTwoFactor(adminActor(ctx, req)));

  app.post('/login/api/account/2fa/disable', async (req) => {
    const actor = adminActor(ctx, req);
    const b = TotpDisable.parse(req.body);
    const profile = guarded(req.ip, () => ctx.accounts.disableTwoFactor(actor, b.password, b.code));
    ctx.log.info({ userId: actor.user.id }, 'two-factor authentication disabled');
    return profile;
  });
}
