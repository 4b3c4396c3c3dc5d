/**
 * The error codes of screen sharing, spread into ERRORS (errors.ts): the endpoint's own refusals
 * (SCREEN_REFUSALS, shared with the virtual desktop) and the stream's. Imports nothing but the
 * frame format, so errors.ts stays free of import cycles.
 */
import { SCREEN_REFUSALS } from './screen-frames.js';

export const SCREEN_ERRORS = {
  ...SCREEN_REFUSALS,
  E_SCREEN_UNAVAILABLE: 'Screen sharing is not available on this endpoint.',
  E_SCREEN_STREAM_NOT_FOUND: 'That screen sharing stream has ended. Start Screen Sharing again.',
  E_SCREEN_PROMPT_REQUIRED: 'The customer has not allowed screen sharing. Ask for permission first.',
  E_SCREEN_CONTROL_FORBIDDEN: 'Your account may view the screen but not control it.',
} as const;
