/**
 * The error codes of the resource limits (domain/limits.ts), spread into ERRORS (errors.ts). The
 * messages sent carry the limit and the environment variable that sets it.
 */
export const LIMIT_ERRORS = {
  E_LIMIT_SESSIONS: 'You are already in as many sessions as one representative may have at once. End or leave one first.',
  E_LIMIT_TRANSFERS: 'This session already has as many file transfers under way as are allowed at once. Wait for one to finish.',
  E_IDLE_TIMEOUT: 'The connection was closed because it answered nothing for too long.',
} as const;
