/**
 * The web → desktop hand-off over the console protocol (FEATURES.md §H, FORMATS.md §BRCS):
 *
 *  - `desktop.handoff` (a web console, logged in): a `.brcs-<companySiteName>` file whose `login`
 *    carries a one-time, short-lived token bound to the rep (never a password) and the site's address;
 *  - `auth.handoff` (public, from the desktop console that opened the file): redeems the token. The
 *    connection is logged in as a desktop console, the rep's other console logins end (the web
 *    console hears `auth.kicked` with E_AUTH_HANDED_OFF) and their sessions stay theirs, customers
 *    connected. A reused token gets E_HANDOFF_USED, an expired one E_HANDOFF_EXPIRED.
 */
import { z } from 'zod';
import { Me } from './models.js';

/** How long a hand-off file can be opened after it was downloaded. */
export const HANDOFF_TTL_SECONDS = 120;

export const desktopMethods = {
  'desktop.handoff': {
    params: z.object({}).strict(),
    result: z.object({
      /** `<stem>.brcs-<companySiteName>` */
      fileName: z.string(),
      /** The file's text (BRCS1.0, one `login` line). */
      text: z.string(),
      expiresAt: z.string(),
    }),
  },
  'auth.handoff': {
    params: z.object({ token: z.string().min(16).max(256), console: z.literal('desktop') }),
    result: z.object({ token: z.string(), me: Me }),
  },
} as const;
