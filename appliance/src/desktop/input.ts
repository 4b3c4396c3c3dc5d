/**
 * Mouse and keyboard on a scene: focus and raise windows, drag them by the title bar, title-bar
 * buttons, taskbar and dock, the start menu, desktop icons, typing into the focused app, the
 * sign-in screen's password box and Ctrl-Alt-Del. Who may send input (control mode, elevation) is
 * decided before this runs (VirtualDesktop).
 */
import type { CursorShape } from '../protocol/screen-frames.js';
import type { KeyPress } from './apps/app.js';
import { contains, type Rect } from './geometry.js';
import { desktopIcons, securityOptions, shellItems, signinLayout, startMenuEntries, startMenuRect, titleButtons, uacLayout, type TitleAction } from './layout.js';
import type { Scene, Win } from './scene.js';

/** Two presses this close in time and space make a double-click. */
const DOUBLE_CLICK_MS = 500;
const DOUBLE_CLICK_PX = 4;

type Pressed =
  | { kind: 'drag'; win: Win; dx: number; dy: number }
  | { kind: 'title-button'; win: Win; action: TitleAction; rect: Rect }
  | { kind: 'none' };

export class InputController {
  private pressed: Pressed = { kind: 'none' };
  private lastDown = { t: -Infinity, x: 0, y: 0, clicks: 0 };

  constructor(
    private readonly scene: Scene,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Pointer event at virtual-desktop coordinates. */
  pointer(action: 'move' | 'down' | 'up' | 'wheel', x: number, y: number, button: number, deltaY: number): void {
    const scene = this.scene;
    if (action === 'move') {
      const p = this.pressed;
      if (p.kind === 'drag') scene.move(p.win, x - p.dx, y - p.dy);
      scene.setCursor(x, y, this.cursorAt(x, y));
      return;
    }
    scene.setCursor(x, y, scene.cursor.shape);
    if (action === 'wheel') {
      const w = scene.state === 'desktop' ? scene.windowAt(x, y) : null;
      if (w && contains(scene.clientRect(w), x, y)) w.app.wheel?.(deltaY);
      return;
    }
    if (action === 'up') return this.release(x, y);
    if (button !== 0) return;
    const now = this.clock();
    const near = Math.abs(x - this.lastDown.x) <= DOUBLE_CLICK_PX && Math.abs(y - this.lastDown.y) <= DOUBLE_CLICK_PX;
    const clicks = near && now - this.lastDown.t < DOUBLE_CLICK_MS ? this.lastDown.clicks + 1 : 1;
    this.lastDown = { t: now, x, y, clicks };
    this.press(x, y, clicks);
  }

  private press(x: number, y: number, clicks: number): void {
    const scene = this.scene;
    if (scene.uac) {
      const l = uacLayout(scene);
      if (contains(l.yes, x, y)) scene.answerElevation(true);
      else if (contains(l.no, x, y)) scene.answerElevation(false);
      return;
    }
    if (scene.state === 'lock') {
      if (scene.desktopOs !== 'windows') scene.setState('signin');
      return;
    }
    if (scene.state === 'signin') {
      const l = signinLayout(scene);
      if (scene.signinError && contains(l.ok, x, y)) this.dismissSigninError();
      else if (!scene.signinError && contains(l.submit, x, y)) scene.submitPassword();
      return;
    }
    if (scene.state === 'security') {
      const hit = securityOptions(scene).find((o) => contains(o.rect, x, y));
      if (!hit) return;
      if (hit.action === 'lock' || hit.action === 'switch') scene.setState('lock');
      else if (hit.action === 'signout') scene.signOut();
      else if (hit.action === 'taskmgr') {
        scene.setState('desktop');
        scene.openApp('taskmgr');
      } else scene.setState('desktop');
      return;
    }
    // The desktop.
    if (scene.startMenu) {
      const onStart = shellItems(scene).some((i) => i.kind === 'start' && contains(i.rect, x, y));
      if (contains(startMenuRect(scene), x, y)) {
        const e = startMenuEntries(scene).find((en) => contains(en.rect, x, y));
        if (!e) return;
        scene.setStartMenu(false);
        if (e.kind === 'app') this.launch(e.app);
        else if (e.kind === 'lock') scene.setState('lock');
        else scene.signOut();
        return;
      }
      scene.setStartMenu(false);
      if (onStart) return;
    }
    const item = shellItems(scene).find((i) => contains(i.rect, x, y));
    if (item) {
      if (item.kind === 'start') scene.setStartMenu(!scene.startMenu);
      else if (item.kind === 'window') {
        const w = scene.byId(item.id);
        if (!w) return;
        if (w.minimized) scene.restore(w);
        else if (scene.focusedId === w.id) scene.minimize(w);
        else scene.focus(w);
      } else if (item.kind === 'launcher') this.launch(item.app);
      return;
    }
    const w = scene.windowAt(x, y);
    if (w) {
      scene.focus(w);
      const btn = titleButtons(scene, w).find((b) => contains(b.rect, x, y));
      if (btn) {
        this.pressed = { kind: 'title-button', win: w, action: btn.action, rect: btn.rect };
        return;
      }
      const client = scene.clientRect(w);
      if (y < client.y) {
        if (clicks === 2) scene.toggleMaximize(w);
        else if (!w.maximized) this.pressed = { kind: 'drag', win: w, dx: x - w.x, dy: y - w.y };
        return;
      }
      if (contains(client, x, y)) w.app.pointerDown?.(x - client.x, y - client.y, clicks, { w: client.w, h: client.h });
      return;
    }
    const icon = desktopIcons(scene).find((d) => contains(d.rect, x, y));
    if (icon && clicks >= 2) scene.openApp(icon.app, { app: icon.app, path: icon.path });
    else scene.focus(null);
  }

  private release(x: number, y: number): void {
    const p = this.pressed;
    this.pressed = { kind: 'none' };
    if (p.kind !== 'title-button' || !contains(p.rect, x, y)) return;
    if (p.action === 'close') this.scene.close(p.win);
    else if (p.action === 'minimize') this.scene.minimize(p.win);
    else this.scene.toggleMaximize(p.win);
  }

  /** Focuses the app's topmost window (restoring it), or opens the app. */
  private launch(app: Win['app']['kind']): void {
    const existing = [...this.scene.windows].reverse().find((w) => w.app.kind === app);
    if (existing) this.scene.restore(existing);
    else this.scene.openApp(app);
  }

  private dismissSigninError(): void {
    this.scene.signinError = false;
    this.scene.invalidateAll();
  }

  cursorAt(x: number, y: number): CursorShape {
    const scene = this.scene;
    if (scene.state !== 'desktop' || scene.uac) return 'arrow';
    if (this.pressed.kind === 'drag') return 'arrow';
    const w = scene.windowAt(x, y);
    if (!w) return 'arrow';
    const c = scene.clientRect(w);
    return contains(c, x, y) ? (w.app.cursorAt?.(x - c.x, y - c.y, { w: c.w, h: c.h }) ?? 'arrow') : 'arrow';
  }

  key(k: KeyPress): void {
    const scene = this.scene;
    if (k.ctrl && k.alt && (k.key === 'Delete' || k.key === 'Del')) return scene.ctrlAltDel();
    if (scene.uac) {
      if (k.key === 'Enter') scene.answerElevation(true);
      else if (k.key === 'Escape') scene.answerElevation(false);
      return;
    }
    switch (scene.state) {
      case 'lock':
        if (scene.desktopOs !== 'windows') scene.setState('signin');
        return;
      case 'signin':
        return this.signinKey(k);
      case 'security':
        if (k.key === 'Escape') scene.setState('desktop');
        return;
      default:
    }
    if (k.key === 'Meta' && scene.desktopOs === 'windows') return scene.setStartMenu(!scene.startMenu);
    if (k.key === 'Escape' && scene.startMenu) return scene.setStartMenu(false);
    const w = scene.focused();
    if (k.alt && k.key === 'F4') {
      if (w) scene.close(w);
      return;
    }
    w?.app.key?.(k);
  }

  private signinKey(k: KeyPress): void {
    const scene = this.scene;
    if (scene.signinError) {
      if (k.key === 'Enter' || k.key === 'Escape') this.dismissSigninError();
      return;
    }
    if (k.key === 'Enter') scene.submitPassword();
    else if (k.key === 'Escape') scene.setState('lock');
    else if (k.key === 'Backspace') this.setPassword(scene.password.slice(0, -1));
    else if ([...k.key].length === 1 && !k.ctrl && !k.meta) this.setPassword(scene.password + k.key);
  }

  private setPassword(p: string): void {
    this.scene.password = p;
    const box = signinLayout(this.scene).box;
    this.scene.invalidate(box);
  }

  /** Text typed as a whole (virtual keyboard, typing the clipboard). */
  text(t: string): void {
    const scene = this.scene;
    if (scene.uac) return;
    if (scene.state === 'signin') {
      if (!scene.signinError) this.setPassword(scene.password + t.replace(/[\r\n]/g, ''));
      if (/[\r\n]/.test(t)) this.signinKey({ key: 'Enter', ctrl: false, alt: false, shift: false, meta: false });
      return;
    }
    if (scene.state !== 'desktop') return;
    const app = scene.focused()?.app;
    if (app?.text) app.text(t);
    else for (const ch of t) app?.key?.({ key: ch === '\n' ? 'Enter' : ch, ctrl: false, alt: false, shift: false, meta: false });
  }
}
