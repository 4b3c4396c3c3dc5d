/** Full-screen states: lock and sign-in screens, the Ctrl-Alt-Del options, the elevation dialog, phones, the privacy screen. */
import type { MonitorInfo } from '../protocol/screen-frames.js';
import { font } from './font/font.js';
import { securityOptions, signinLayout, uacLayout } from './layout.js';
import type { Scene } from './scene.js';
import { clockText } from './shell.js';
import type { Surface } from './surface.js';
import { wallpaper } from './wallpaper.js';
import { ACCENT, MUTED, TEXT, button, icon, wrap } from './widgets.js';

/** The lock screen (clock, date, the Ctrl+Alt+Delete hint) or the sign-in screen (user tile, password). */
export function paintLogin(s: Surface, scene: Scene, m: MonitorInfo, showWallpaper: boolean): void {
  if (showWallpaper) {
    s.copyFrom(wallpaper(scene.os, m.width, m.height));
    s.darken(m.x, m.y, m.width, m.height, scene.state === 'signin' ? 110 : 190);
  } else s.fill(m.x, m.y, m.width, m.height, 0x0b2a4a);
  if (!m.primary) return;
  const clock = clockText(scene.now());
  if (scene.state === 'lock') {
    const by = m.y + m.height;
    s.text(m.x + 60, by - 300, clock.time24, 'display', 0xffffff);
    s.text(m.x + 68, by - 180, clock.longDate, 'large', 0xffffff);
    const hint = scene.desktopOs === 'windows' ? 'Press Ctrl+Alt+Delete to unlock.' : 'Click or press any key to unlock.';
    s.text(m.x + 68, by - 120, hint, 'heading', 0xe0e0e0);
    return;
  }
  const l = signinLayout(scene);
  s.circle(l.avatar.cx, l.avatar.cy, l.avatar.r, 0xd6d6d6);
  s.circle(l.avatar.cx, l.avatar.cy - 22, 30, 0x9a9a9a);
  s.clipped({ x: l.avatar.cx - l.avatar.r, y: l.avatar.cy, w: 2 * l.avatar.r, h: l.avatar.r }, () => s.circle(l.avatar.cx, l.avatar.cy + 62, 54, 0x9a9a9a));
  const name = scene.spec.displayName ?? scene.spec.userName;
  s.textCentered(m.x, m.width, l.nameY, name, 'large', 0xffffff);
  if (scene.signinError) {
    s.textCentered(m.x, m.width, l.messageY, scene.signinMessage || 'The password is incorrect. Try again.', 'heading', 0xffffff);
    s.roundRect(l.ok.x, l.ok.y, l.ok.w, l.ok.h, 2, 0x5a5a5a);
    s.textCentered(l.ok.x, l.ok.w, l.ok.y + 10, 'OK', 'ui', 0xffffff);
  } else {
    s.fill(l.box.x, l.box.y, l.box.w, l.box.h, 0xffffff);
    s.stroke(l.box.x, l.box.y, l.box.w, l.box.h, 0x999999);
    if (scene.password) s.text(l.box.x + 10, l.box.y + 8, '•'.repeat(Math.min(scene.password.length, 28)), 'uiBold', TEXT);
    else s.text(l.box.x + 10, l.box.y + 10, scene.desktopOs === 'macos' ? 'Enter Password' : 'Password', 'ui', 0x6b6b6b);
    s.fill(l.submit.x, l.submit.y, l.submit.w, l.submit.h, 0x3a3a3a);
    const ax = l.submit.x + 10;
    const ay = l.submit.y + 17;
    s.line(ax, ay, ax + 16, ay, 0xffffff, 1.6);
    s.line(ax + 16, ay, ax + 10, ay - 6, 0xffffff, 1.6);
    s.line(ax + 16, ay, ax + 10, ay + 6, 0xffffff, 1.6);
  }
  const by = m.y + m.height - 56;
  s.text(m.x + 40, by, name, 'ui', 0xffffff);
  for (let i = 0; i < 3; i++) s.circle(m.x + m.width - 140 + i * 44, by + 8, 9, 0xffffff, 200);
}

/** What Ctrl-Alt-Del shows on a signed-in Windows desktop. */
export function paintSecurity(s: Surface, scene: Scene, m: MonitorInfo): void {
  s.fill(m.x, m.y, m.width, m.height, 0x13315c);
  if (!m.primary) return;
  for (const o of securityOptions(scene)) {
    if (o.action === 'cancel') {
      s.fill(o.rect.x, o.rect.y, o.rect.w, o.rect.h, 0x4a6a92);
      s.textCentered(o.rect.x, o.rect.w, o.rect.y + 10, o.label, 'ui', 0xffffff);
    } else s.text(o.rect.x, o.rect.y + 7, o.label, 'heading', 0xffffff);
  }
}

/** Dims every monitor; on the primary, the elevation dialog (secure desktop). */
export function paintElevation(s: Surface, scene: Scene, m: MonitorInfo): void {
  s.darken(m.x, m.y, m.width, m.height, 96);
  if (!m.primary || !scene.uac) return;
  const { dialog: d, yes, no } = uacLayout(scene);
  s.shadow(d.x, d.y, d.w, d.h, 8, 80);
  s.fill(d.x, d.y, d.w, d.h, 0xffffff);
  s.stroke(d.x, d.y, d.w, d.h, 0x2b579a);
  s.fill(d.x, d.y, d.w, 40, 0x2b579a);
  const heading = scene.desktopOs === 'windows' ? 'User Account Control' : scene.desktopOs === 'macos' ? 'Authentication required' : 'Authentication Required';
  s.text(d.x + 16, d.y + 13, heading, 'ui', 0xffffff);
  const question = 'Do you want to allow this app to make changes to your device?';
  wrap(question, 'heading', d.w - 40).forEach((line, i) => s.text(d.x + 20, d.y + 56 + i * 26, line, 'heading', TEXT));
  icon(s, 'shield', d.x + 20, d.y + 126, 32);
  s.text(d.x + 64, d.y + 128, scene.uac.appName, 'uiBold', TEXT, d.w - 84);
  s.text(d.x + 64, d.y + 148, 'Verified publisher: Example Systems', 'ui', MUTED, d.w - 84);
  s.text(d.x + 20, d.y + 190, 'Show more details', 'ui', ACCENT);
  button(s, yes.x, yes.y, yes.w, yes.h, 'Yes', true);
  button(s, no.x, no.y, no.w, no.h, 'No');
}

const MOBILE_APPS = ['Phone', 'Messages', 'Mail', 'Browser', 'Camera', 'Photos', 'Settings', 'Clock', 'Maps', 'Weather', 'Notes', 'Calendar', 'Music', 'Files', 'Support', 'Store'];
const MOBILE_TINTS = [0x34c759, 0x30d158, 0x0a84ff, 0x64d2ff, 0x8e8e93, 0xff9f0a, 0x8e8e93, 0x1c1c1e, 0x32ade6, 0x0a84ff, 0xffd60a, 0xff453a, 0xff375f, 0x0a84ff, 0x5e5ce6, 0x007aff];

/** A phone's home screen: status bar, app grid, dock (and Android's navigation bar). */
export function paintMobile(s: Surface, scene: Scene, m: MonitorInfo, showWallpaper: boolean): void {
  if (showWallpaper) s.copyFrom(wallpaper(scene.os, m.width, m.height));
  else s.fill(m.x, m.y, m.width, m.height, 0x1c2230);
  const ios = scene.os === 'ios';
  const clock = clockText(scene.now());
  s.text(m.x + 40, m.y + 14, clock.time24, 'heading', 0xffffff);
  const rx = m.x + m.width - 110;
  for (let i = 0; i < 4; i++) s.fill(rx + i * 7, m.y + 30 - i * 4, 5, 5 + i * 4, 0xffffff);
  s.roundRect(rx + 46, m.y + 16, 44, 20, 5, 0xffffff);
  s.roundRect(rx + 48, m.y + 18, 30, 16, 3, 0x34c759);
  const cols = 4;
  const tile = Math.round(m.width * 0.16);
  const gapX = Math.round((m.width - cols * tile) / (cols + 1));
  const top = m.y + 90;
  const rowH = tile + 56;
  const rows = Math.min(4, Math.floor((m.height - 420) / rowH));
  for (let i = 0; i < Math.min(MOBILE_APPS.length, rows * cols); i++) {
    const x = m.x + gapX + (i % cols) * (tile + gapX);
    const y = top + Math.floor(i / cols) * rowH;
    mobileTile(s, x, y, tile, MOBILE_APPS[i]!, MOBILE_TINTS[i]!, ios);
    s.textCentered(x - 20, tile + 40, y + tile + 10, MOBILE_APPS[i]!, 'ui', 0xffffff);
  }
  const dockY = m.y + m.height - (ios ? 200 : 290);
  if (ios) s.roundRect(m.x + 24, dockY - 20, m.width - 48, tile + 40, 40, 0xffffff, 70);
  for (let i = 0; i < 4; i++) {
    const x = m.x + gapX + i * (tile + gapX);
    mobileTile(s, x, dockY, tile, MOBILE_APPS[i]!, MOBILE_TINTS[i]!, ios);
  }
  if (ios) s.roundRect(m.x + Math.round(m.width / 2) - 70, m.y + m.height - 22, 140, 8, 4, 0xffffff);
  else {
    s.roundRect(m.x + 40, dockY + tile + 30, m.width - 80, 56, 28, 0xffffff, 230);
    s.text(m.x + 80, dockY + tile + 48, 'Search', 'heading', MUTED);
    const ny = m.y + m.height - 40;
    const cx = m.x + Math.round(m.width / 2);
    s.circle(cx, ny, 10, 0xffffff);
    s.circle(cx, ny, 8, 0x000000, 120);
    s.stroke(cx + 140, ny - 9, 18, 18, 0xffffff);
    s.line(cx - 150, ny, cx - 136, ny - 9, 0xffffff);
    s.line(cx - 150, ny, cx - 136, ny + 9, 0xffffff);
    s.line(cx - 136, ny - 9, cx - 136, ny + 9, 0xffffff);
  }
}

function mobileTile(s: Surface, x: number, y: number, size: number, name: string, tint: number, ios: boolean): void {
  if (ios) s.roundRect(x, y, size, size, Math.round(size * 0.23), tint);
  else s.circle(x + size / 2, y + size / 2, size / 2, tint);
  const f = font('large');
  const letter = name[0]!;
  s.text(x + Math.round((size - f.measure(letter)) / 2), y + Math.round((size - f.lineHeight) / 2), letter, 'large', 0xffffff);
}

/** What the customer sees while the rep has the privacy screen on. */
export function paintPrivacy(s: Surface, m: MonitorInfo): void {
  s.fill(m.x, m.y, m.width, m.height, 0x000000);
  if (!m.primary) return;
  const cy = m.y + Math.round(m.height / 2);
  s.textCentered(m.x, m.width, cy - 40, 'Your representative has turned on the privacy screen.', 'heading', 0xffffff);
  s.textCentered(m.x, m.width, cy - 8, 'Your mouse and keyboard are disabled while they work on your computer.', 'ui', 0xc8c8c8);
  s.textCentered(m.x, m.width, cy + 14, 'Press Ctrl+Alt+Del at any time to take back control.', 'ui', 0xc8c8c8);
}
