/** Error codes of the integration APIs (/oauth2/token, /api/command, /api/reporting) and the Reports tab (spread into ERRORS in errors.ts). */
export const API_ERRORS = {
  E_API_CLIENT_INVALID: 'The client ID or client secret is not valid, or the API account is disabled.',
  E_API_GRANT_UNSUPPORTED: 'Only grant_type=client_credentials is supported.',
  E_API_TOKEN_MISSING: 'Send an access token from /oauth2/token in the header Authorization: Bearer TOKEN.',
  E_API_TOKEN_INVALID: 'The access token is not valid. Request a new one from /oauth2/token.',
  E_API_TOKEN_EXPIRED: 'The access token has expired. Request a new one from /oauth2/token.',
  E_API_NO_COMMAND_ACCESS: 'This API account has no access to the command API.',
  E_API_READ_ONLY: 'This API account has read-only access to the command API, so it cannot change anything.',
  E_API_NO_REPORTING: 'This API account is not allowed to use the reporting API.',
  E_API_UNKNOWN_ACTION: 'The command API has no such action.',
  E_API_UNKNOWN_REPORT: 'The reporting API has no such report.',
  E_API_BAD_QUEUE: 'The queue_id is not valid: use general, rep:ID, rep_username:NAME, team:ID or issue:CODE.',
  E_API_ACCOUNT_NOT_FOUND: 'That API account does not exist.',
  E_REPORT_FILTER_CONFLICT: 'A session ID (LSID) or sequence number finds one session: it cannot be combined with a date range or other filters.',
  E_REPORT_BAD_DATE: 'The date range is not valid: give dates as YYYY-MM-DD, with the end on or after the start.',
  E_REPORT_BAD_LSID: 'A session ID (LSID) is 32 characters 0-9 and a-f; a sequence number is a whole number.',
} as const;
