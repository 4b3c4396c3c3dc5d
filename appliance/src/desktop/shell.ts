/** Paints the desktop shell: window frames and title bars, taskbar / menu bar / docks, the start menu, desktop icons. */
import { font } from './font/font.js';
import { desktopIcons, LAUNCHERS, shellItems, startMenuEntries, startMenuRect, titleButtons } from './layout.js';
import { LINUX_DOCK_W, MAC_DOCK_H, MENUBAR_H, SHADOW, TASKBAR_H, TOPBAR_H, type Scene, type Win } from './scene.js';
import type { Surface } from './surface.js';
import { ACCENT, icon } from './widgets.js';

const pad2 = (n: number) => String(n).padStart(2, '0');
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function clockText(d: Date): { time12: string; time24: string; shortDate: string; longDate: string; menuBar: string } {
  const h = d.getHours();
  const time12 = `${h % 12 || 12}:${pad2(d.getMinutes())} ${h < 12 ? 'AM' : 'PM'}`;
  return {
    time12,
    time24: `${h}:${pad2(d.getMinutes())}`,
    shortDate: `${d.getMonth() + 1}/${d.getDate()}/${d.getFullYear()}`,
    longDate: `${DAYS[d.getDay()]}, ${MONTHS[d.getMonth()]} ${d.getDate()}`,
    menuBar: `${DAYS[d.getDay()]!.slice(0, 3)} ${MONTHS[d.getMonth()]!.slice(0, 3)} ${d.getDate()}  ${time12}`,
  };
}

/** One window: shadow, frame, title bar with its buttons, then the app in the client area. */
export function paintWindow(s: Surface, scene: Scene, w: Win): void {
  const focused = scene.focusedId === w.id;
  const th = scene.titleHeight();
  const title = w.app.title();
  if (!w.maximized) s.shadow(w.x, w.y, w.w, w.h, SHADOW - 2, focused ? 60 : 35);
  if (scene.desktopOs === 'windows') {
    s.fill(w.x, w.y, w.w, w.h, focused ? 0x3c78b4 : 0xaaaaaa);
    s.fill(w.x + 1, w.y + 1, w.w - 2, th - 1, 0xffffff);
    icon(s, w.app.icon, w.x + 9, w.y + 8, 16);
    s.text(w.x + 34, w.y + 9, title, 'ui', focused ? 0x000000 : 0x999999, w.w - 34 - 150);
    for (const b of titleButtons(scene, w)) {
      const cx = b.rect.x + b.rect.w / 2;
      const cy = b.rect.y + b.rect.h / 2;
      const c = focused ? 0x111111 : 0x999999;
      if (b.action === 'close') {
        s.line(cx - 5, cy - 5, cx + 5, cy + 5, c, 1.1);
        s.line(cx - 5, cy + 5, cx + 5, cy - 5, c, 1.1);
      } else if (b.action === 'maximize') s.stroke(Math.round(cx - 5), Math.round(cy - 5), 10, 10, c);
      else s.fill(Math.round(cx - 5), Math.round(cy), 10, 1, c);
    }
  } else if (scene.desktopOs === 'macos') {
    s.roundRect(w.x, w.y, w.w, w.h, 10, focused ? 0xb8b8b8 : 0xcfcfcf);
    s.roundRect(w.x + 1, w.y + 1, w.w - 2, w.h - 2, 9, focused ? 0xe8e6e8 : 0xf4f4f4);
    const colors = [0xff5f57, 0xfebc2e, 0x28c840];
    titleButtons(scene, w).forEach((b, i) => s.circle(b.rect.x + 6.5, b.rect.y + 6.5, 6, focused ? colors[i]! : 0xd0d0d0));
    s.textCentered(w.x + 80, w.w - 160, w.y + 7, title, 'uiBold', focused ? 0x3a3a3a : 0xa0a0a0);
    s.fill(w.x + 1, w.y + th - 1, w.w - 2, 1, 0xd0d0d0);
  } else {
    s.roundRect(w.x, w.y, w.w, w.h, 8, focused ? 0xb0b0b0 : 0xc8c8c8);
    s.roundRect(w.x + 1, w.y + 1, w.w - 2, th + 8, 7, focused ? 0xebebeb : 0xfafafa);
    s.textCentered(w.x + 100, w.w - 200, w.y + 12, title, 'uiBold', focused ? 0x2e2e2e : 0x929292);
    for (const b of titleButtons(scene, w)) {
      const cx = b.rect.x + 12;
      const cy = b.rect.y + 12;
      s.circle(cx, cy, 11, focused ? 0xdadada : 0xeeeeee);
      const c = 0x2e2e2e;
      if (b.action === 'close') {
        s.line(cx - 4, cy - 4, cx + 4, cy + 4, c, 1.4);
        s.line(cx - 4, cy + 4, cx + 4, cy - 4, c, 1.4);
      } else if (b.action === 'maximize') s.stroke(cx - 4, cy - 4, 9, 9, c);
      else s.fill(cx - 4, cy + 3, 9, 2, c);
    }
    s.fill(w.x + 1, w.y + th - 1, w.w - 2, 1, 0xd0d0d0);
  }
  const c = scene.clientRect(w);
  s.clipped(c, () => w.app.paint(s, c, focused));
}

export function paintDesktopIcons(s: Surface, scene: Scene): void {
  for (const d of desktopIcons(scene)) {
    icon(s, d.icon, d.rect.x + 22, d.rect.y + 6, 40);
    const tw = font('ui').measure(d.label);
    const tx = d.rect.x + Math.round((d.rect.w - tw) / 2);
    s.text(tx + 1, d.rect.y + 55, d.label, 'ui', 0x000000);
    s.text(tx, d.rect.y + 54, d.label, 'ui', 0xffffff);
  }
}

/** Taskbar (Windows), menu bar + dock (macOS), top bar + dock (Linux) on the primary monitor. */
export function paintShell(s: Surface, scene: Scene): void {
  const m = scene.primary();
  const clock = clockText(scene.now());
  const items = shellItems(scene);
  if (scene.desktopOs === 'windows') {
    const y = m.y + m.height - TASKBAR_H;
    s.blend(m.x, y, m.width, TASKBAR_H, 0x101418, 228);
    for (const it of items) {
      const r = it.rect;
      if (it.kind === 'start') {
        const open = scene.startMenu;
        if (open) s.blend(r.x, r.y, r.w, r.h, 0xffffff, 40);
        const cx = r.x + 16;
        const cy = r.y + 12;
        for (const [dx, dy] of [[0, 0], [9, 0], [0, 9], [9, 9]] as const) s.fill(cx + dx, cy + dy, 8, 8, open ? 0x76b9ed : 0xffffff);
      } else if (it.kind === 'search') {
        s.fill(r.x + 2, r.y + 4, r.w - 4, r.h - 8, 0xf2f2f2);
        s.circle(r.x + 19, r.y + 18, 5.5, 0x444444);
        s.circle(r.x + 19, r.y + 18, 4, 0xf2f2f2);
        s.line(r.x + 23, r.y + 22, r.x + 27, r.y + 26, 0x444444, 1.6);
        s.text(r.x + 38, r.y + 13, 'Type here to search', 'ui', 0x606060);
      } else if (it.kind === 'window') {
        const w = scene.byId(it.id);
        if (!w) continue;
        const focused = scene.focusedId === w.id;
        if (focused) s.blend(r.x, r.y, r.w, r.h, 0xffffff, 36);
        s.fill(r.x + (focused ? 0 : 4), r.y + r.h - 2, r.w - (focused ? 0 : 8), 2, 0x76b9ed);
        icon(s, w.app.icon, r.x + 10, r.y + 8, 24, ACCENT);
        if (r.w > 80) s.text(r.x + 42, r.y + 13, w.app.title(), 'ui', 0xffffff, r.w - 50);
      } else if (it.kind === 'clock') {
        s.textCentered(r.x, r.w, r.y + 5, clock.time12, 'ui', 0xffffff);
        s.textCentered(r.x, r.w, r.y + 21, clock.shortDate, 'ui', 0xffffff);
      }
    }
    // Tray: network bars and a speaker, left of the clock; the show-desktop sliver right of it.
    const tx = m.x + m.width - 150;
    for (let i = 0; i < 4; i++) s.fill(tx + i * 4, y + 26 - i * 3, 3, 3 + i * 3, 0xffffff);
    s.fill(tx + 24, y + 16, 4, 8, 0xffffff);
    s.line(tx + 28, y + 16, tx + 33, y + 11, 0xffffff, 1.2);
    s.line(tx + 28, y + 24, tx + 33, y + 29, 0xffffff, 1.2);
    s.fill(tx + 33, y + 11, 1, 18, 0xffffff);
    s.fill(m.x + m.width - 6, y + 4, 1, TASKBAR_H - 8, 0x6b6b6b);
    if (scene.startMenu) paintStartMenu(s, scene);
  } else if (scene.desktopOs === 'macos') {
    s.blend(m.x, m.y, m.width, MENUBAR_H, 0xf2f2f2, 215);
    s.circle(m.x + 22, m.y + 12, 6, 0x222222);
    const app = scene.focused()?.app;
    const appName = app ? LAUNCHERS.find((l) => l.app === app.kind)?.label.macos ?? app.title() : 'Finder';
    let mx = m.x + 44;
    mx += s.text(mx, m.y + 5, appName, 'uiBold', 0x111111) + 18;
    for (const label of ['File', 'Edit', 'View', 'Window', 'Help']) mx += s.text(mx, m.y + 5, label, 'ui', 0x111111) + 18;
    const clk = items.find((i) => i.kind === 'clock')!.rect;
    s.text(clk.x + clk.w - 12 - font('ui').measure(clock.menuBar), m.y + 5, clock.menuBar, 'ui', 0x111111);
    const dockItems = items.filter((i) => i.kind === 'launcher');
    const first = dockItems[0]!.rect;
    const last = dockItems[dockItems.length - 1]!.rect;
    s.roundRect(first.x - 10, m.y + m.height - MAC_DOCK_H, last.x + last.w - first.x + 20, MAC_DOCK_H - 4, 18, 0xffffff, 95);
    paintLaunchers(s, scene, 'below');
  } else {
    s.fill(m.x, m.y, m.width, TOPBAR_H, 0x0b0b0b);
    s.text(m.x + 14, m.y + 7, 'Activities', 'uiBold', 0xffffff);
    const clk = items.find((i) => i.kind === 'clock')!.rect;
    const label = `${clock.longDate.split(', ')[1]}  ${clock.time24}`;
    s.textCentered(clk.x, clk.w, m.y + 7, label, 'uiBold', 0xffffff);
    const rx = m.x + m.width - 70;
    for (let i = 0; i < 4; i++) s.fill(rx + i * 4, m.y + 18 - i * 3, 3, 3 + i * 3, 0xffffff);
    s.circle(rx + 34, m.y + 14, 6, 0xffffff);
    s.circle(rx + 34, m.y + 14, 4, 0x0b0b0b);
    s.fill(rx + 33, m.y + 7, 3, 7, 0xffffff);
    s.blend(m.x, m.y + TOPBAR_H, LINUX_DOCK_W, m.height - TOPBAR_H, 0x1a1a1a, 200);
    paintLaunchers(s, scene, 'left');
  }
}

function paintLaunchers(s: Surface, scene: Scene, dot: 'below' | 'left'): void {
  const tints = [0x2f80ed, 0xf2c94c, 0x8a8a8a, 0x222222, 0x27ae60];
  shellItems(scene).forEach((it) => {
    if (it.kind !== 'launcher') return;
    const r = it.rect;
    const l = LAUNCHERS.find((x) => x.app === it.app)!;
    const tint = tints[LAUNCHERS.indexOf(l)]!;
    s.roundRect(r.x, r.y, r.w, r.h, 11, tint);
    s.roundRect(r.x + 8, r.y + 8, r.w - 16, r.h - 16, 6, 0xffffff, 235);
    icon(s, l.icon, r.x + 12, r.y + 12, 24);
    if (scene.windows.some((w) => w.app.kind === it.app)) {
      if (dot === 'below') s.circle(r.x + r.w / 2, r.y + r.h + 5, 2, 0x222222);
      else s.circle(r.x - 3, r.y + r.h / 2, 2.5, 0xffffff);
    }
  });
}

function paintStartMenu(s: Surface, scene: Scene): void {
  const r = startMenuRect(scene);
  s.fill(r.x, r.y, r.w, r.h, 0x1f1f1f);
  s.fill(r.x, r.y, 48, r.h, 0x1a1a1a);
  icon(s, 'user', r.x + 12, r.y + r.h - 136, 24, 0xd0d0d0);
  s.text(r.x + 56, r.y + 18, 'Pinned', 'uiBold', 0xffffff);
  for (const e of startMenuEntries(scene)) {
    if (e.kind === 'app') {
      icon(s, e.icon, e.rect.x + 6, e.rect.y + 8, 24);
      s.text(e.rect.x + 44, e.rect.y + 13, e.label, 'ui', 0xffffff);
    } else {
      s.roundRect(e.rect.x, e.rect.y, e.rect.w, e.rect.h, 4, 0x333333);
      s.textCentered(e.rect.x, e.rect.w, e.rect.y + 11, e.label, 'ui', 0xffffff);
    }
  }
  s.text(r.x + 56, r.y + r.h - 40, scene.spec.displayName ?? scene.spec.userName, 'ui', 0xd0d0d0);
}
