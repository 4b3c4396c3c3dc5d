/** Picks the platform once, at start-up: the desktop preload's capability object, or the browser. */
import { followLanguage } from '../lib/i18n/index.svelte.js';
import { createDesktopPlatform } from './desktop.js';
import type { Platform } from './platform.js';
import { createWebPlatform } from './web.js';

export type { Platform } from './platform.js';

let current: Platform | null = null;
let stopFollowing: (() => void) | null = null;

export function detectPlatform(w: Window = window): Platform {
  current = w.repConsole ? createDesktopPlatform(w.repConsole) : createWebPlatform();
  // The desktop app's own words (menu, native dialogs) follow every language the page is set to.
  stopFollowing?.();
  stopFollowing = current.setLanguage ? followLanguage(current.setLanguage.bind(current)) : null;
  return current;
}

/** The platform chosen at start-up (for deep components: the desktop's native save dialog), or null before. */
export function currentPlatform(): Platform | null {
  return current;
}
