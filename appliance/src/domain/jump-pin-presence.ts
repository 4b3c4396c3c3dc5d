/**
 * A Jump Client pinned from a customer session is Active while that customer's client stays
 * connected and Offline when it drops (or the session ends), live in every console's Jump Items view.
 * While connected, the customer's machine (when a `rep-appliance customer` agent attached it) answers
 * for the new Jump Item, so a Jump to it reaches the same machine. A real Jump Client agent that later
 * registers for the item takes over its status.
 */
import type { Endpoint, EndpointHub } from './endpoints.js';
import type { EventBus } from './event-bus.js';
import type { Repositories } from './ports.js';

interface Watch {
  itemId: number;
  unregister: (() => void) | null;
}

/** The session's endpoint, answering for the pinned item too (methods still act on the one endpoint). */
function answeringFor(endpoint: Endpoint, itemId: number): Endpoint {
  return new Proxy(endpoint, {
    get(target, key) {
      if (key === 'jumpItemId') return itemId;
      const v = Reflect.get(target, key, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

export class PinnedFromSession {
  private readonly watched = new Map<string, Watch>();

  constructor(
    private readonly repos: Pick<Repositories, 'jump' | 'sessions'>,
    private readonly endpoints: EndpointHub,
    private readonly isConnected: (sessionId: string) => boolean,
    private readonly bus: EventBus,
  ) {
    bus.subscribe((e) => {
      if (e.type === 'session.state') this.follow(e.state.session.id, e.state.customer.connected && e.state.session.status !== 'ended');
      else if (e.type === 'customer.ended') this.follow(e.sessionId, false, true);
      else if (e.type === 'jump.item' && e.item === null) {
        for (const [sid, w] of this.watched) if (w.itemId === e.itemId) this.forget(sid);
      }
    });
  }

  /** A Jump Client was just pinned from this session: its status follows the customer from now on. */
  watch(sessionId: string, itemId: number): void {
    const session = this.repos.sessions.byId(sessionId);
    if (!session || session.type === 'jump') return; // a Jump's item already has its Jump Client
    this.forget(sessionId);
    this.watched.set(sessionId, { itemId, unregister: null });
    this.follow(sessionId, this.isConnected(sessionId) && session.status !== 'ended');
  }

  /** Sessions whose customer stands in for a pinned Jump Client (tests, diagnostics). */
  get size(): number {
    return this.watched.size;
  }

  private follow(sessionId: string, connected: boolean, over = false): void {
    const w = this.watched.get(sessionId);
    if (!w) return;
    const item = this.repos.jump.byId(w.itemId);
    if (!item) return this.forget(sessionId);
    const other = this.endpoints.forJumpItem(w.itemId);
    if (other && !w.unregister) {
      // A real Jump Client answers for the item now: its connection decides the status.
      this.watched.delete(sessionId);
      return;
    }
    if (connected && !w.unregister) {
      const endpoint = this.endpoints.forSession(sessionId);
      if (endpoint) w.unregister = this.endpoints.register(answeringFor(endpoint, w.itemId));
    } else if (!connected && w.unregister) {
      w.unregister();
      w.unregister = null;
    }
    const status = connected ? 'active' : 'offline';
    if (item.status !== status) {
      this.repos.jump.setStatus(w.itemId, status);
      this.bus.publish({ type: 'jump.status', itemId: w.itemId, status });
    }
    if (over) this.watched.delete(sessionId);
  }

  private forget(sessionId: string): void {
    const w = this.watched.get(sessionId);
    w?.unregister?.();
    this.watched.delete(sessionId);
  }
}
