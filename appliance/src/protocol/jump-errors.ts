/** Error codes of Jump prompting and Jump Policy editing (spread into ERRORS in errors.ts). */
export const JUMP_ERRORS = {
  E_JUMP_CONSENT_DENIED: 'The end user at the remote computer denied the session.',
  E_JUMP_CANCELLED: 'The Jump was cancelled before the end user answered.',
  E_JUMP_REQUEST_NOT_FOUND: 'That Jump is no longer waiting for an answer.',
  E_JUMP_POLICY_NOT_FOUND: 'That Jump Policy does not exist.',
  E_JUMP_POLICY_EXISTS: 'A Jump Policy with that code name already exists.',
  E_JUMP_POLICY_INVALID: 'The Jump Policy cannot be saved as it is.',
} as const;
