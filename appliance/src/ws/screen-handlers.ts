/** The console's screen sharing requests (protocol/screen-stream.ts), spread into handlers.ts. */
import type { Params, Result } from '../protocol/index.js';
import type { screenMethods } from '../protocol/screen-stream.js';
import type { Actor } from '../domain/permissions.js';
import type { HandlerContext } from './handlers.js';
import { screenStreams } from './screen-stream.js';

type ScreenMethod = keyof typeof screenMethods;
type ScreenHandlers = { [M in ScreenMethod]: { run: (h: HandlerContext, p: Params<M>, actor: Actor) => Result<M> } };

const ok = {} as Record<string, never>;

export const screenHandlers: ScreenHandlers = {
  'session.screen.start': { run: (h, p, actor) => screenStreams(h.app).start(actor, h.conn, p) },
  'session.screen.stop': { run: (h, p, actor) => (screenStreams(h.app).stop(actor, p), ok) },
  'session.screen.view': { run: (h, p, actor) => (screenStreams(h.app).view(actor, p), ok) },
  'session.screen.ack': { run: (h, p, actor) => (screenStreams(h.app).ack(actor, p), ok) },
  'session.screen.control': { run: (h, p, actor) => screenStreams(h.app).control(actor, p) },
  'session.screen.input': { run: (h, p, actor) => (screenStreams(h.app).input(actor, p), ok) },
  'session.screen.specialAction': { run: (h, p, actor) => (screenStreams(h.app).specialAction(actor, p), ok) },
  'session.screen.clipboard': { run: (h, p, actor) => (screenStreams(h.app).clipboard(actor, p), ok) },
  'session.screen.restrict': { run: (h, p, actor) => screenStreams(h.app).restrict(actor, p) },
  'session.screen.screenshot': { run: (h, p, actor) => screenStreams(h.app).screenshot(actor, p) },
};
