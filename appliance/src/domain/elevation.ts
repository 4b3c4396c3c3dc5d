/**
 * The elevation state machine of one session, as pure functions (FEATURES.md §E, Elevate):
 *
 *   click_to_chat ──(customer allows the full client)──▶ full_client/user ──(Prompt Customer
 *   allowed, or Specific User accepted by the endpoint)──▶ full_client/elevated
 *
 * One step waits for the customer at a time; a refused or withdrawn prompt leaves the mode as it
 * was, so the rep may ask again. Each function either returns the next state or throws the stable
 * refusal code.
 */
import { CodedError, type ElevationMethod, type SessionElevation } from '../protocol/index.js';

/** The mode a session starts in: click-to-chat for a browser customer, the full client otherwise (a Jump Client, an attached agent). */
export function initialElevation(browser: boolean): SessionElevation {
  return { clientMode: browser ? 'click_to_chat' : 'full_client', privilege: 'user', elevated: false, method: null, elevatedAs: null, pending: null };
}

/** May the rep ask the customer to run the full client now? */
export function checkFullClient(s: SessionElevation): void {
  if (s.pending) throw new CodedError('E_ELEVATION_PENDING');
  if (s.clientMode === 'full_client') throw new CodedError('E_ELEVATION_ALREADY_FULL_CLIENT');
}

/** May the rep ask for administrative rights now? */
export function checkElevate(s: SessionElevation): void {
  if (s.pending) throw new CodedError('E_ELEVATION_PENDING');
  if (s.clientMode === 'click_to_chat') throw new CodedError('E_ELEVATION_FULL_CLIENT_REQUIRED');
  if (s.elevated) throw new CodedError('E_ELEVATION_ALREADY_ELEVATED');
}

/** The customer was prompted (full client, or Prompt Customer): the step waits on that prompt. */
export function awaiting(s: SessionElevation, step: 'full_client' | 'elevate', promptId: number): SessionElevation {
  if (step === 'full_client') checkFullClient(s);
  else checkElevate(s);
  return { ...s, pending: { step, promptId } };
}

/** The endpoint (or the consenting customer) granted administrative rights. */
export function elevate(s: SessionElevation, method: ElevationMethod, account: string | null): SessionElevation {
  checkElevate({ ...s, pending: null });
  return { ...s, privilege: 'elevated', elevated: true, method, elevatedAs: account, pending: null };
}

export type Outcome = 'full_client' | 'elevated' | 'refused' | 'withdrawn';

/**
 * The customer answered (or the prompt was withdrawn). Returns null when the prompt is not the one
 * this session's elevation waits on (a stray or old prompt changes nothing).
 */
export function answered(s: SessionElevation, promptId: number, state: 'allowed' | 'refused' | 'cancelled'): { next: SessionElevation; outcome: Outcome } | null {
  if (!s.pending || s.pending.promptId !== promptId) return null;
  const cleared = { ...s, pending: null };
  if (state === 'cancelled') return { next: cleared, outcome: 'withdrawn' };
  if (state === 'refused') return { next: cleared, outcome: 'refused' };
  if (s.pending.step === 'full_client') return { next: { ...cleared, clientMode: 'full_client' }, outcome: 'full_client' };
  return { next: elevate(cleared, 'prompt', null), outcome: 'elevated' };
}
