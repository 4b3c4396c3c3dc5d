/**
 * The error codes of the desktop console's hand-off and updates (FEATURES.md §H), spread into ERRORS
 * (errors.ts). Imports nothing, so errors.ts stays free of import cycles.
 */
export const DESKTOP_ERRORS = {
  /** Sent (auth.kicked) to the web console whose rep opened the hand-off file in the desktop console. */
  E_AUTH_HANDED_OFF: 'You signed in to the desktop Representative Console, so this web console was logged out. Your sessions continue there.',
  E_HANDOFF_INVALID: 'That desktop console sign-in file is not valid for this site. Download a new one from the web console (Actions > Desktop Representative Console).',
  E_HANDOFF_USED: 'That desktop console sign-in file has already been used. Download a new one from the web console (Actions > Desktop Representative Console).',
  E_HANDOFF_EXPIRED: 'That desktop console sign-in file has expired. Download a new one from the web console (Actions > Desktop Representative Console).',
  E_HANDOFF_WEB_ONLY: 'Only a web console can hand its login to the desktop console.',
  /** The update feed refuses a request without a live update token (the console shows the 1.1gws message). */
  E_UPDATE_TOKEN_INVALID: 'This console has no valid update token for this site. Download the console again from My Account. (1.1gws)',
  E_UPDATE_PLATFORM: 'There is no update feed for that platform (win, mac or linux).',
  E_UPGRADE_DEMO_ONLY: 'Only the demo site can be upgraded from here.',
} as const;
