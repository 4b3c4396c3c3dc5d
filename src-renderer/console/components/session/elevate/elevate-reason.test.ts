import { describe, expect, it } from 'vitest';
import type { SessionEndpoint } from '../../../../../appliance/src/protocol/index.js';
import { elevateBlocked, type ElevateView } from './elevate-reason.js';

const endpoint = (elevated: boolean, elevatedAs: string | null = null): SessionEndpoint => ({
  kind: 'jump_client', attached: true, emulated: true, hostname: 'ws', os: 'windows', publicIp: '', privateIp: '', jumpItemId: 1,
  elevation: { clientMode: 'full_client', privilege: elevated ? 'elevated' : 'user', elevated, method: elevated ? 'specific_user' : null, elevatedAs, pending: null },
});
const view = (o: Partial<ElevateView> = {}): ElevateView => ({ open: true, myRole: 'owner', session: { status: 'active' }, customer: { connected: true }, endpoint: endpoint(false), ...o });

describe('why Elevate is blocked', () => {
  it('says nothing when the rep may elevate now', () => expect(elevateBlocked(view(), true)).toBeNull());
  it('names each reason', () => {
    expect(elevateBlocked(view({ open: false }), true)).toBe('This session is over.');
    expect(elevateBlocked(view(), false)).toBe('Your account is not allowed to elevate sessions.');
    expect(elevateBlocked(view({ myRole: 'external' }), true)).toMatch(/External representatives/);
    expect(elevateBlocked(view({ session: { status: 'waiting' } }), true)).toMatch(/accept it first/);
    expect(elevateBlocked(view({ customer: { connected: false } }), true)).toBe('The customer is not connected.');
    expect(elevateBlocked(view({ endpoint: endpoint(true, 'WS\\localadmin') }), true)).toBe('The customer client already runs with administrative rights as WS\\localadmin.');
  });
});
