import { describe, expect, it } from 'vitest';
import { InMemoryEndpointHub, type Endpoint } from './endpoints.js';
import { InProcessEventBus, type DomainEvent } from './event-bus.js';
import { PinnedFromSession } from './jump-pin-presence.js';
import type { Repositories } from './ports.js';

/** Just enough of the store: one customer session and the Jump Item pinned from it. */
function fakeRepos() {
  const items = new Map<number, { id: number; status: string }>([[7, { id: 7, status: 'offline' }]]);
  const sessions = new Map([['s1', { id: 's1', type: 'support', status: 'active' }]]);
  const repos = {
    jump: { byId: (id: number) => items.get(id) ?? null, setStatus: (id: number, status: string) => void (items.get(id)!.status = status) },
    sessions: { byId: (id: string) => sessions.get(id) ?? null },
  } as unknown as Pick<Repositories, 'jump' | 'sessions'>;
  return { repos, items };
}

const state = (connected: boolean, status = 'active') =>
  ({ type: 'session.state', state: { session: { id: 's1', status }, members: [], invitations: [], customer: { name: 'C', connected } }, recipients: [] }) as unknown as DomainEvent;

describe('a Jump Client pinned from a customer session', () => {
  it('is Active while the customer is connected, Offline when they drop; their machine answers for the item meanwhile', async () => {
    const { repos, items } = fakeRepos();
    const hub = new InMemoryEndpointHub();
    const bus = new InProcessEventBus();
    const statuses: string[] = [];
    bus.subscribe((e) => e.type === 'jump.status' && statuses.push(e.status));
    let connected = true;
    const pinned = new PinnedFromSession(repos, hub, () => connected, bus);
    const machine: Endpoint = { jumpItemId: null, hostname: 'cust-pc', kind: 'agent', presence: () => 'present', openShell: () => Promise.reject(new Error('x')) };
    hub.bindSession('s1', machine);

    pinned.watch('s1', 7);
    expect(items.get(7)!.status).toBe('active');
    const forItem = hub.forJumpItem(7)!;
    expect(forItem.jumpItemId).toBe(7);
    expect(forItem.hostname).toBe('cust-pc');
    expect(forItem.presence()).toBe('present');

    connected = false;
    bus.publish(state(false));
    expect(items.get(7)!.status).toBe('offline');
    expect(hub.forJumpItem(7)).toBeNull();

    bus.publish(state(true));
    expect(items.get(7)!.status).toBe('active');
    bus.publish({ type: 'customer.ended', sessionId: 's1', line: { key: 'customer.left', args: {} } });
    expect(items.get(7)!.status).toBe('offline');
    expect(pinned.size).toBe(0);
    expect(statuses).toEqual(['active', 'offline', 'active', 'offline']);
  });

  it('unpinned: forgotten at once', () => {
    const { repos } = fakeRepos();
    const bus = new InProcessEventBus();
    const pinned = new PinnedFromSession(repos, new InMemoryEndpointHub(), () => true, bus);
    pinned.watch('s1', 7);
    bus.publish({ type: 'jump.item', itemId: 7, item: null });
    expect(pinned.size).toBe(0);
  });
});
