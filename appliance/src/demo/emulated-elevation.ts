/**
 * Elevate and Support Buttons on the demo's emulated machines. Every emulated endpoint (the demo
 * fleet's Jump Clients and the simulated customers' computers) has one local administrator account,
 * documented in the README: `localadmin` / `Elevate-Demo-1` (also typed as `.\localadmin` or
 * `HOST\localadmin`). **Prompt Customer** is answered by whoever is logged in (they allow); a server
 * nobody sits at, or a PC at its login screen, has nobody to consent. Support Buttons are kept in
 * memory, as a real agent keeps them in files.
 */
import { CodedError, type ApplianceParams, type ApplianceResult, type EndpointOs, type InstalledSupportButton } from '../protocol/index.js';
import type { EndpointElevationRequest } from '../domain/endpoints.js';
import type { SimulatedMachines } from '../domain/elevation-service.js';

export const EMULATED_LOCAL_ADMIN = { username: 'localadmin', password: 'Elevate-Demo-1' } as const;

export interface ElevatableMachine {
  hostname: string;
  os: EndpointOs;
  user: string | null;
  present: boolean;
}

const short = (m: Pick<ElevatableMachine, 'hostname' | 'os'>) => {
  const first = m.hostname.split('.')[0] ?? m.hostname;
  return m.os === 'windows' ? first.toUpperCase() : first;
};

/** The machine's answer to an elevation request: the account the client now runs elevated with, or a coded refusal. */
export function emulatedElevate(m: ElevatableMachine, req: EndpointElevationRequest): { elevated: true; account: string } {
  if (m.os === 'ios' || m.os === 'android') throw new CodedError('E_ELEVATION_UNSUPPORTED', 'A mobile device has no administrator mode to elevate to.');
  if (req.method === 'prompt') {
    if (!m.present || m.user === null) throw new CodedError('E_ELEVATION_NOBODY_PRESENT');
    return { elevated: true, account: m.os === 'windows' ? `${short(m)}\\${m.user}` : m.user };
  }
  const typed = req.username.trim();
  const bare = typed.includes('\\') ? typed.slice(typed.lastIndexOf('\\') + 1) : typed;
  const realm = typed.includes('\\') ? typed.slice(0, typed.lastIndexOf('\\')).toLowerCase() : null;
  const realmOk = realm === null || realm === '.' || realm === short(m).toLowerCase();
  if (!realmOk || bare.toLowerCase() !== EMULATED_LOCAL_ADMIN.username || req.password !== EMULATED_LOCAL_ADMIN.password) {
    throw new CodedError('E_ELEVATION_CREDENTIALS_INVALID');
  }
  return { elevated: true, account: m.os === 'windows' ? `${short(m)}\\${EMULATED_LOCAL_ADMIN.username}` : EMULATED_LOCAL_ADMIN.username };
}

/** The agent-protocol handlers an emulated agent adds for Elevate and Support Buttons. */
export function emulatedEndpointHandlers(m: ElevatableMachine, buttons = new Map<number, InstalledSupportButton>()) {
  return {
    'endpoint.elevate': (p: ApplianceParams<'endpoint.elevate'>): ApplianceResult<'endpoint.elevate'> => emulatedElevate(m, p),
    'supportButton.install': (p: ApplianceParams<'supportButton.install'>): ApplianceResult<'supportButton.install'> => {
      buttons.set(p.buttonId, p);
      return {};
    },
    'supportButton.remove': (p: ApplianceParams<'supportButton.remove'>): ApplianceResult<'supportButton.remove'> => {
      buttons.delete(p.buttonId);
      return {};
    },
  };
}

/** The simulated demo customers' computers (no agent attached): the same local administrator. */
export function simulatedCustomerMachines(computerOf: (sessionId: string) => string): SimulatedMachines {
  return { elevate: (sessionId, req) => emulatedElevate({ hostname: computerOf(sessionId) || 'DESKTOP', os: 'windows', user: 'customer', present: true }, req) };
}
