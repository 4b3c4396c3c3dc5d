/**
 * The demo's customers click their Support Buttons now and then: every tick, each live button on an
 * emulated machine whose last session is over is clicked with some chance, which starts a session in
 * its queue like a real click. REP_DEMO_BUTTON_CLICK_MS sets the tick and makes every eligible button
 * click on it (tests and trainers who want to show it at once).
 */
import type { Clock } from '../domain/clock.js';
import type { Repositories } from '../domain/ports.js';
import type { SupportButtonRepository } from '../domain/elevation-ports.js';
import type { SupportButtonService } from '../domain/support-button-service.js';
import type { Logger } from '../log.js';

export interface ButtonClickOptions {
  intervalMs: number;
  /** Chance that an eligible button is clicked on a tick. */
  chance: number;
}

export function buttonClickOptions(env: NodeJS.ProcessEnv = process.env): ButtonClickOptions {
  const fixed = Number(env.REP_DEMO_BUTTON_CLICK_MS);
  return Number.isFinite(fixed) && fixed > 0 ? { intervalMs: fixed, chance: 1 } : { intervalMs: 45_000, chance: 0.25 };
}

export class DemoButtonClicks {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly repos: Pick<Repositories, 'sessions'>,
    private readonly buttons: Pick<SupportButtonRepository, 'emulatedLive'>,
    private readonly service: Pick<SupportButtonService, 'clickEmulated'>,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly opts: ButtonClickOptions = buttonClickOptions(),
    private readonly random: () => number = Math.random,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.tick(), this.opts.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  tick(): void {
    try {
      for (const b of this.buttons.emulatedLive(this.clock.now().toISOString())) {
        const last = b.lastSessionId ? this.repos.sessions.byId(b.lastSessionId) : null;
        if (last && last.status !== 'ended') continue;
        if (this.random() >= this.opts.chance) continue;
        const s = this.service.clickEmulated(b.id);
        this.log.info({ buttonId: b.id, sessionId: s.id }, 'demo customer clicked a Support Button');
      }
    } catch (err) {
      this.log.error({ err }, 'demo Support Button clicks failed');
    }
  }
}
