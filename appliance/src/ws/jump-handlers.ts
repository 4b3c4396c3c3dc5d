/** The console's Jump requests that wait for the end user, and a Jump session's scheduled end (protocol/jump-consent.ts), spread into handlers.ts. */
import type { Params, Result } from '../protocol/index.js';
import type { jumpConsentMethods } from '../protocol/jump-consent.js';
import type { Actor } from '../domain/permissions.js';
import type { HandlerContext } from './handlers.js';

type JumpConsentMethod = keyof typeof jumpConsentMethods;
type JumpConsentHandlers = { [M in JumpConsentMethod]: { run: (h: HandlerContext, p: Params<M>, actor: Actor) => Result<M> } };

export const jumpConsentHandlers: JumpConsentHandlers = {
  // The outcome of a waiting Jump goes back to the console that asked (its other consoles did not ask).
  'jump.request': { run: (h, p, actor) => h.app.jump.request(actor, p, (o) => h.conn.sendEvent('jump.consent', o)) },
  'jump.cancel': {
    run: (h, p, actor) => {
      h.app.jump.cancelRequest(actor, p.requestId);
      return {};
    },
  },
  'jump.sessionEnd': { run: (h, p, actor) => h.app.jump.sessionEnd(actor, p.sessionId) },
};
