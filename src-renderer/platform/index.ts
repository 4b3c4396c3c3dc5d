/** Picks the platform once, at start-up: the desktop preload's capability object, or the browser. */
import { createDesktopPlatform } from './desktop.js';
import type { Platform } from './platform.js';
import { createWebPlatform } from './web.js';

export type { Platform } from './platform.js';

export function detectPlatform(w: Window = window): Platform {
  return w.repConsole ? createDesktopPlatform(w.repConsole) : createWebPlatform();
}
