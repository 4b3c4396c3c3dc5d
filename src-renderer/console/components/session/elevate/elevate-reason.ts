/** Why the Elevate button cannot be used right now (said, not just greyed out), or null. */
import type { MemberRole, SessionEndpoint, SessionStatus } from '../../../../../appliance/src/protocol/index.js';

export interface ElevateView {
  open: boolean;
  myRole: MemberRole;
  session: { status: SessionStatus };
  customer: { connected: boolean };
  endpoint: SessionEndpoint | null;
}

export function elevateBlocked(s: ElevateView, allowed: boolean): string | null {
  if (!s.open) return 'This session is over.';
  if (!allowed) return 'Your account is not allowed to elevate sessions.';
  if (s.myRole === 'external') return 'External representatives cannot elevate the session.';
  if (s.session.status !== 'active') return 'The session is not active: accept it first.';
  if (s.endpoint?.elevation.elevated) return `The customer client already runs with administrative rights${s.endpoint.elevation.elevatedAs ? ` as ${s.endpoint.elevation.elevatedAs}` : ''}.`;
  if (!s.customer.connected) return 'The customer is not connected.';
  return null;
}
