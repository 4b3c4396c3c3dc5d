/** The console's Elevate and Support Button requests (protocol/elevation-messages.ts), spread into handlers.ts. */
import { CodedError, type Params, type Result, type elevationMethods } from '../protocol/index.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../domain/permissions.js';
import type { HandlerContext } from './handlers.js';

type ElevationMethodName = keyof typeof elevationMethods;
type ElevationHandlers = { [M in ElevationMethodName]: { run: (h: HandlerContext, p: Params<M>, actor: Actor) => Result<M> | Promise<Result<M>> } };

const elevation = (app: AppContext) => app.elevation ?? unavailable();
const buttons = (app: AppContext) => app.supportButtons ?? unavailable();
function unavailable(): never {
  throw new CodedError('E_INTERNAL', 'Elevation and Support Buttons are not wired on this appliance.');
}

export const elevationHandlers: ElevationHandlers = {
  'session.elevate.fullClient': { run: (h, p, actor) => ({ endpoint: elevation(h.app).requestFullClient(actor, p.sessionId) }) },
  'session.elevate': {
    run: async (h, p, actor) => ({
      endpoint: await elevation(h.app).elevate(actor, p.sessionId, p.method === 'prompt' ? { method: 'prompt' } : { method: 'specific_user', username: p.username, password: p.password }),
    }),
  },
  'session.endpoint': {
    run: (h, p, actor) => {
      // Being in the session is enough to see what it is with.
      h.app.sessions.open(actor, p.sessionId);
      const d = elevation(h.app).describe(p.sessionId);
      if (!d) throw new CodedError('E_SESSION_NOT_FOUND');
      return d;
    },
  },
  'session.supportButton.options': { run: (h, p, actor) => buttons(h.app).options(actor, p.sessionId) },
  'session.supportButton.list': { run: (h, p, actor) => ({ buttons: buttons(h.app).list(actor, p.sessionId) }) },
  'session.supportButton.deploy': {
    run: async (h, p, actor) => ({
      button: await buttons(h.app).deploy(actor, p.sessionId, { description: p.description, profile: p.profile, queueId: p.queueId, expiry: p.expiry, site: h.conn.baseUrl }),
    }),
  },
  'session.supportButton.remove': {
    run: async (h, p, actor) => {
      await buttons(h.app).remove(actor, p.sessionId, p.buttonId);
      return {};
    },
  },
};
