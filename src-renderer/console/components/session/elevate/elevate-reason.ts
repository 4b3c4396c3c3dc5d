/** Why the Elevate button cannot be used right now (said, not just greyed out), or null. */
import type { MemberRole, SessionEndpoint, SessionStatus } from '../../../../../appliance/src/protocol/index.js';
import { t } from '../../../../lib/i18n/index.svelte.js';

export interface ElevateView {
  open: boolean;
  myRole: MemberRole;
  session: { status: SessionStatus };
  customer: { connected: boolean };
  endpoint: SessionEndpoint | null;
}

export function elevateBlocked(s: ElevateView, allowed: boolean): string | null {
  if (!s.open) return t('console.session.view.over');
  if (!allowed) return t('console.session.tools.elevateDenied');
  if (s.myRole === 'external') return t('console.session.tools.elevateExternal');
  if (s.session.status !== 'active') return t('console.session.tools.notActive');
  if (s.endpoint?.elevation.elevated) {
    const as = s.endpoint.elevation.elevatedAs;
    return as ? t('console.session.elevate.alreadyAs', { account: as }) : t('console.session.elevate.already');
  }
  if (!s.customer.connected) return t('console.session.tools.notConnected');
  return null;
}
