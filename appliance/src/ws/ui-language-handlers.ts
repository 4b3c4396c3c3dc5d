/** The console's Languages dialog (protocol/ui-language-messages.ts), spread into handlers.ts. */
import type { Params, Result } from '../protocol/index.js';
import type { uiLanguageMethods } from '../protocol/ui-language-messages.js';
import { toMe } from '../domain/auth.js';
import type { Actor } from '../domain/permissions.js';
import { setUiLanguage } from '../domain/ui-language.js';
import type { HandlerContext } from './handlers.js';

type Name = keyof typeof uiLanguageMethods;
type UiLanguageHandlers = { [M in Name]: { run: (h: HandlerContext, p: Params<M>, actor: Actor) => Result<M> } };

export const uiLanguageHandlers: UiLanguageHandlers = {
  'account.setUiLanguage': {
    run: (h, p, actor) => {
      const user = setUiLanguage(h.app, actor, p.language, p.userId);
      return toMe({ ...actor, user });
    },
  },
};
