/**
 * The error codes of Elevate (click-to-chat → full client, user mode → elevated) and of Support
 * Buttons, spread into ERRORS (errors.ts). Stable: UIs and agents switch on them.
 */
export const ELEVATION_ERRORS = {
  E_ELEVATION_PENDING: 'An elevation request is already waiting for an answer.',
  E_ELEVATION_FULL_CLIENT_REQUIRED: 'The customer is chatting from their browser. Elevate to the full customer client first.',
  E_ELEVATION_ALREADY_FULL_CLIENT: 'The customer already runs the full customer client.',
  E_ELEVATION_ALREADY_ELEVATED: 'The customer client already runs with administrative rights.',
  E_ELEVATION_REFUSED: 'The customer refused to give the support software administrative rights.',
  E_ELEVATION_CREDENTIALS_INVALID: 'The remote computer did not accept that administrator username and password.',
  E_ELEVATION_NOBODY_PRESENT: 'Nobody is at the remote computer to give administrator consent. Use Specific User instead.',
  E_ELEVATION_NOT_CONFIGURED: 'This computer’s agent is not set up to accept administrator credentials (set REP_ELEVATION_USER and REP_ELEVATION_PASSWORD in its environment).',
  E_ELEVATION_UNSUPPORTED: 'The remote computer cannot be elevated (mobile devices, or no customer client attached that can check credentials).',

  E_SUPPORT_BUTTON_NOT_FOUND: 'That Support Button does not exist or was removed from the computer.',
  E_SUPPORT_BUTTON_EXPIRED: 'This Support Button has expired. Ask your support team for a new one.',
  E_SUPPORT_BUTTON_NO_ENDPOINT: 'No customer client is running on the customer’s computer to install the Support Button on. Elevate to the full client first.',
  E_SUPPORT_BUTTON_QUEUE: 'You can only link a Support Button to your personal queue or a queue of one of your teams.',
  E_SUPPORT_BUTTON_LIMIT: 'This computer already has the most Support Buttons it may hold. Remove one first.',
} as const;
