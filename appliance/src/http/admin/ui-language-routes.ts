/** /login > My Account > Language: the interface language, the same choice as the console's Languages dialog. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { toMe } from '../../domain/auth.js';
import { setUiLanguage } from '../../domain/ui-language.js';
import { UiLanguageInput } from '../../protocol/ui-language-messages.js';
import { adminActor } from './actor.js';

export function registerUiLanguageRoutes(app: FastifyInstance, ctx: AppContext): void {
  /** Answers the caller's `Me`, carrying the language now stored. */
  app.post('/login/api/account/ui-language', async (req) => {
    const actor = adminActor(ctx, req);
    const b = UiLanguageInput.parse(req.body);
    const user = setUiLanguage(ctx, actor, b.language, b.userId);
    ctx.log.info({ userId: user.id, language: b.language }, 'interface language changed');
    return { me: toMe({ ...actor, user }) };
  });
}
