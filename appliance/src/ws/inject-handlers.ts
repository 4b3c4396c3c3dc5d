/** The console's Inject Credentials requests (protocol/inject-messages.ts), spread into handlers.ts. */
import { CodedError, type Params, type Result, type injectMethods } from '../protocol/index.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../domain/permissions.js';
import type { HandlerContext } from './handlers.js';

type InjectMethodName = keyof typeof injectMethods;
type InjectHandlers = { [M in InjectMethodName]: { run: (h: HandlerContext, p: Params<M>, actor: Actor) => Result<M> | Promise<Result<M>> } };

function injection(app: AppContext) {
  if (!app.credentialInjection) throw new CodedError('E_INTERNAL', 'Inject Credentials is not wired on this appliance.');
  return app.credentialInjection;
}

export const injectHandlers: InjectHandlers = {
  'session.inject.list': { run: (h, p, actor) => injection(h.app).list(actor, p.sessionId, p.search) },
  'session.inject.run': { run: (h, p, actor) => injection(h.app).inject(actor, p.sessionId, p.credentialId) },
};
