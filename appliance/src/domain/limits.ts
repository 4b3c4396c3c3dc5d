/**
 * Resource limits, one place: each read once from an environment variable, with a documented default
 * (README "Security" → "Resource limits"). Every limit is enforced server-side and refused with a
 * stable code whose message names the limit, so a rep (or a script) knows what was hit and why.
 *
 *   REP_MAX_MESSAGE_BYTES          262144  console / customer / Jump Client WebSocket frame size (E_TOO_LARGE;
 *                                          frames above 4× this close the socket with 1009)
 *   REP_MAX_TRANSFERS_PER_SESSION  4       unfinished file transfers one session may hold (E_LIMIT_TRANSFERS)
 *   REP_MAX_SESSIONS_PER_REP       10      sessions one rep may be in at once: accept, Jump, take over (E_LIMIT_SESSIONS)
 *   REP_CONSOLE_IDLE_SECONDS       50      a console socket that answers no ping for this long is closed (4008 E_IDLE_TIMEOUT)
 *   REP_AGENT_IDLE_SECONDS         60      the same for Jump Client and customer client sockets; their item goes Offline
 */
import { CodedError, MAX_FRAME_BYTES } from '../protocol/index.js';

export interface Limits {
  maxMessageBytes: number;
  maxTransfersPerSession: number;
  maxSessionsPerRep: number;
  consoleIdleSeconds: number;
  agentIdleSeconds: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxMessageBytes: MAX_FRAME_BYTES,
  maxTransfersPerSession: 4,
  maxSessionsPerRep: 10,
  consoleIdleSeconds: 50,
  agentIdleSeconds: 60,
};

/** Environment variable → limit; blank, non-numeric or < 1 values keep the default. */
export const LIMIT_ENV: Record<keyof Limits, string> = {
  maxMessageBytes: 'REP_MAX_MESSAGE_BYTES',
  maxTransfersPerSession: 'REP_MAX_TRANSFERS_PER_SESSION',
  maxSessionsPerRep: 'REP_MAX_SESSIONS_PER_REP',
  consoleIdleSeconds: 'REP_CONSOLE_IDLE_SECONDS',
  agentIdleSeconds: 'REP_AGENT_IDLE_SECONDS',
};

export function readLimits(env: NodeJS.ProcessEnv = process.env): Limits {
  const out = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(LIMIT_ENV) as (keyof Limits)[]) {
    const n = Number(env[LIMIT_ENV[key]]);
    if (Number.isFinite(n) && n >= 1) out[key] = Math.floor(n);
  }
  return out;
}

/** The limits of this process (read at start). */
export const LIMITS: Limits = readLimits();

/** Frames this much larger than the limit are not even buffered: ws closes the socket (1009). */
export const hardMessageBytes = (l: Limits = LIMITS): number => 4 * l.maxMessageBytes;

export const tooLargeMessage = (l: Limits = LIMITS): string =>
  `Messages are limited to ${l.maxMessageBytes} bytes (${LIMIT_ENV.maxMessageBytes}).`;

/** Throws E_LIMIT_SESSIONS when the rep already is in as many sessions as allowed. */
export function assertSessionRoom(activeSessions: number, l: Limits = LIMITS): void {
  if (activeSessions >= l.maxSessionsPerRep)
    throw new CodedError(
      'E_LIMIT_SESSIONS',
      `You are already in ${activeSessions} sessions; at most ${l.maxSessionsPerRep} at once are allowed (${LIMIT_ENV.maxSessionsPerRep}). End or leave one first.`,
      { limit: l.maxSessionsPerRep },
    );
}

/** Throws E_LIMIT_TRANSFERS when the session already has as many unfinished transfers as allowed. */
export function assertTransferRoom(unfinished: number, l: Limits = LIMITS): void {
  if (unfinished >= l.maxTransfersPerSession)
    throw new CodedError(
      'E_LIMIT_TRANSFERS',
      `This session already has ${unfinished} file transfers under way; at most ${l.maxTransfersPerSession} at once are allowed (${LIMIT_ENV.maxTransfersPerSession}). Wait for one to finish or cancel one.`,
      { limit: l.maxTransfersPerSession },
    );
}

/** The reason sent in the close frame (code 4008) to a socket that answered nothing for the idle limit. */
export const idleCloseReason = (key: 'consoleIdleSeconds' | 'agentIdleSeconds', l: Limits = LIMITS): string =>
  `E_IDLE_TIMEOUT: no answer for ${l[key]} s (${LIMIT_ENV[key]})`;
