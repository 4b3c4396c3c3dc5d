/** Console events about the rep's own account (spread into `events` of messages.ts). */
import { Me } from './models.js';

export const accountEvents = {
  /** An administrator changed the rep's account (permissions, teams, names): who they are now. */
  'auth.me': Me,
} as const;
