/** The Sessions menu: every session the rep is a member of, with unread chat counts. */
import type { MySession } from '../../../appliance/src/protocol/index.js';
import { codeOf, messageOf, type ConsoleClient } from '../../lib/client.js';

export class MySessions {
  list = $state<MySession[]>([]);
  error = $state<string | null>(null);

  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly client: ConsoleClient) {
    for (const e of ['session.state', 'session.closed', 'session.chat'] as const) client.on(e, () => this.refreshSoon());
  }

  async refresh(): Promise<void> {
    try {
      const r = await this.client.call('session.mine', {});
      this.list = r.sessions.filter((m) => m.session.status !== 'ended');
      this.error = null;
    } catch (e) {
      // An appliance without the method simply has no sessions to list.
      if (codeOf(e) === 'E_UNKNOWN_METHOD') this.list = [];
      else this.error = messageOf(e);
    }
  }

  /** Coalesces bursts of events into one refresh. */
  refreshSoon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.refresh();
    }, 300);
  }

  reset(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.list = [];
    this.error = null;
  }
}
