/**
 * Paints one monitor of a scene, or the part of it inside the surface's clip: the caller sets the
 * clip to a dirty rectangle and everything outside it is skipped cheaply. The surface is the
 * monitor's size; its origin is the monitor's place in the virtual desktop.
 */
import type { MonitorInfo } from '../protocol/screen-frames.js';
import { intersect } from './geometry.js';
import type { Scene } from './scene.js';
import { paintElevation, paintLogin, paintMobile, paintPrivacy, paintSecurity } from './screens.js';
import { paintDesktopIcons, paintShell, paintWindow } from './shell.js';
import type { Surface } from './surface.js';
import { SOLID_WALLPAPER, wallpaper } from './wallpaper.js';

export interface PaintOptions {
  /** The real wallpaper (All Colors, Video Optimized) or a plain colour (the reduced modes). */
  wallpaper: boolean;
  /** The customer's own screen shows the privacy screen when it is on; the rep's never does. */
  side: 'rep' | 'customer';
}

export function paintMonitor(scene: Scene, m: MonitorInfo, s: Surface, opts: PaintOptions): void {
  s.setOrigin(m.x, m.y);
  const c = s.clip;
  const clip = { x: c.x + m.x, y: c.y + m.y, w: c.w, h: c.h };
  if (clip.w <= 0 || clip.h <= 0) return;
  if (opts.side === 'customer' && scene.privacy) return paintPrivacy(s, m);
  if (scene.mobile) return paintMobile(s, scene, m, opts.wallpaper);
  if (scene.state === 'lock' || scene.state === 'signin') return paintLogin(s, scene, m, opts.wallpaper);
  if (scene.state === 'security') return paintSecurity(s, scene, m);
  if (opts.wallpaper) s.copyFrom(wallpaper(scene.os, m.width, m.height));
  else s.fill(m.x, m.y, m.width, m.height, SOLID_WALLPAPER[scene.os]);
  if (m.primary) paintDesktopIcons(s, scene);
  for (const w of scene.windows) {
    if (!w.minimized && intersect(scene.frameRect(w), clip)) paintWindow(s, scene, w);
  }
  if (m.primary) paintShell(s, scene);
  if (scene.uac) paintElevation(s, scene, m);
}
