/**
 * Wires Elevate and Support Buttons into an appliance (called once from bootstrap.ts): their
 * repositories on the site database, the two services on the context, the session view's endpoint
 * description, and — on a demo site — the demo customers who click their Support Buttons.
 */
import type { AppContext } from './context.js';
import { ElevationService } from './domain/elevation-service.js';
import { Narrator } from './domain/narrator.js';
import { RateLimiter } from './domain/rate-limit.js';
import { SupportButtonService } from './domain/support-button-service.js';
import { DemoButtonClicks } from './demo/support-button-clicks.js';
import { simulatedCustomerMachines } from './demo/emulated-elevation.js';
import type { Db } from './store/db.js';
import { SqliteElevationRepository } from './store/elevation.js';
import { SqliteSupportButtonRepository } from './store/support-buttons.js';

export function wireElevation(ctx: AppContext, db: Db, opts: { demo: boolean }): { stop: () => void } {
  const narrator = new Narrator(ctx.repos, ctx.view, ctx.bus);
  const isSimulated = (sessionId: string) => ctx.customers.isSimulated(sessionId);
  ctx.elevation = new ElevationService({
    repos: ctx.repos,
    elevations: new SqliteElevationRepository(db),
    endpoints: ctx.endpoints,
    narrator,
    view: ctx.view,
    bus: ctx.bus,
    clock: ctx.clock,
    isSimulated,
    simulated: opts.demo ? simulatedCustomerMachines((id) => ctx.repos.sessions.byId(id)?.computer ?? '') : null,
    // Five wrong administrator passwords a minute per rep and session.
    wrongPasswords: new RateLimiter(ctx.clock, 5, 60_000),
  });
  const buttons = new SqliteSupportButtonRepository(db);
  ctx.supportButtons = new SupportButtonService({
    repos: ctx.repos,
    buttons,
    endpoints: ctx.endpoints,
    intake: ctx.intake,
    narrator,
    bus: ctx.bus,
    clock: ctx.clock,
    isSimulated,
    simulate: (sessionId) => ctx.customers.simulate(sessionId),
  });
  const elevation = ctx.elevation;
  ctx.view.describeEndpointsWith((sessionId) => elevation.describe(sessionId));
  const clicks = opts.demo ? new DemoButtonClicks(ctx.repos, buttons, ctx.supportButtons, ctx.clock, ctx.log) : null;
  clicks?.start();
  return { stop: () => clicks?.stop() };
}
