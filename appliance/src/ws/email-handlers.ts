/** Composing the e-mails a rep sends from the console (protocol/email-messages.ts), spread into handlers.ts. */
import type { Params, Result } from '../protocol/index.js';
import type { emailMethods } from '../protocol/email-messages.js';
import type { Actor } from '../domain/permissions.js';
import { renderEmail } from '../i18n/emails.js';
import { mailtoLink } from '../protocol/mailto.js';
import type { HandlerContext } from './handlers.js';

type Name = keyof typeof emailMethods;
type EmailHandlers = { [M in Name]: { run: (h: HandlerContext, p: Params<M>, actor: Actor) => Result<M> } };

export const emailHandlers: EmailHandlers = {
  'email.compose': {
    run: (h, p, actor) => {
      // The rep sends it, so it is written in the rep's preferred e-mail language.
      const preference = h.app.repos.accounts.fields(actor.user.id)?.language ?? 'en-US';
      const mail = renderEmail(p.kind, preference, { rep: actor.user.publicDisplayName, url: p.url, key: p.key });
      return { ...mail, mailto: mailtoLink([], mail) };
    },
  },
};
