/**
 * Where the shell's clickable things are (virtual-desktop coordinates): taskbar and dock items,
 * title-bar buttons, the start menu, desktop icons, the sign-in and security screens, the
 * elevation dialog. The painter draws them here and the input handler hit-tests the same rects.
 */
import type { MonitorInfo } from '../protocol/screen-frames.js';
import type { AppKind } from './apps/app.js';
import type { Rect } from './geometry.js';
import { LINUX_DOCK_W, MAC_DOCK_H, MENUBAR_H, TASKBAR_H, TOPBAR_H, type Scene, type Win } from './scene.js';
import type { IconKind } from './widgets.js';

export type ShellItem =
  | { kind: 'start'; rect: Rect }
  | { kind: 'search'; rect: Rect }
  | { kind: 'window'; id: number; rect: Rect }
  | { kind: 'launcher'; app: AppKind; rect: Rect }
  | { kind: 'clock'; rect: Rect };

/** The apps the start menu and the docks offer, with their name on each OS. */
export const LAUNCHERS: { app: AppKind; icon: IconKind; label: Record<'windows' | 'macos' | 'linux', string> }[] = [
  { app: 'explorer', icon: 'explorer', label: { windows: 'File Explorer', macos: 'Finder', linux: 'Files' } },
  { app: 'notepad', icon: 'notepad', label: { windows: 'Notepad', macos: 'TextEdit', linux: 'Text Editor' } },
  { app: 'settings', icon: 'settings', label: { windows: 'Settings', macos: 'System Settings', linux: 'Settings' } },
  { app: 'terminal', icon: 'terminal', label: { windows: 'Command Prompt', macos: 'Terminal', linux: 'Terminal' } },
  { app: 'taskmgr', icon: 'taskmgr', label: { windows: 'Task Manager', macos: 'Activity Monitor', linux: 'System Monitor' } },
];

export const TASK_BUTTON_W = 190;

/** Taskbar (Windows), dock (macOS, Linux) and clock, on the primary monitor. */
export function shellItems(scene: Scene): ShellItem[] {
  const m = scene.primary();
  const items: ShellItem[] = [];
  if (scene.desktopOs === 'windows') {
    const y = m.y + m.height - TASKBAR_H;
    items.push({ kind: 'start', rect: { x: m.x, y, w: 48, h: TASKBAR_H } });
    items.push({ kind: 'search', rect: { x: m.x + 48, y, w: 300, h: TASKBAR_H } });
    let x = m.x + 356;
    const maxX = m.x + m.width - 160;
    // In the order the windows opened (z-order changes with every click).
    for (const w of [...scene.windows].sort((a, b) => a.id - b.id)) {
      const bw = Math.min(TASK_BUTTON_W, Math.max(48, Math.floor((maxX - (m.x + 356)) / Math.max(1, scene.windows.length))));
      if (x + bw > maxX) break;
      items.push({ kind: 'window', id: w.id, rect: { x, y, w: bw, h: TASKBAR_H } });
      x += bw + 2;
    }
    items.push({ kind: 'clock', rect: { x: m.x + m.width - 100, y, w: 92, h: TASKBAR_H } });
  } else if (scene.desktopOs === 'macos') {
    const size = 48;
    const gap = 10;
    const total = LAUNCHERS.length * (size + gap) + gap;
    let x = m.x + Math.round((m.width - total) / 2) + gap;
    for (const l of LAUNCHERS) {
      items.push({ kind: 'launcher', app: l.app, rect: { x, y: m.y + m.height - MAC_DOCK_H + 8, w: size, h: size } });
      x += size + gap;
    }
    items.push({ kind: 'clock', rect: { x: m.x + m.width - 150, y: m.y, w: 150, h: MENUBAR_H } });
  } else {
    LAUNCHERS.forEach((l, i) => items.push({ kind: 'launcher', app: l.app, rect: { x: m.x + 8, y: m.y + TOPBAR_H + 10 + i * 56, w: 48, h: 48 } }));
    items.push({ kind: 'clock', rect: { x: m.x + Math.round(m.width / 2) - 80, y: m.y, w: 160, h: TOPBAR_H } });
  }
  return items;
}

export type TitleAction = 'close' | 'maximize' | 'minimize';

/** Title-bar buttons: right-aligned boxes on Windows, traffic lights on macOS, round buttons on GNOME. */
export function titleButtons(scene: Scene, w: Win): { action: TitleAction; rect: Rect }[] {
  if (scene.desktopOs === 'windows') {
    const h = scene.titleHeight();
    return (['close', 'maximize', 'minimize'] as const).map((action, i) => ({ action, rect: { x: w.x + w.w - 46 * (i + 1) - 1, y: w.y, w: 46, h } }));
  }
  if (scene.desktopOs === 'macos') {
    return (['close', 'minimize', 'maximize'] as const).map((action, i) => ({ action, rect: { x: w.x + 8 + i * 20, y: w.y + 8, w: 13, h: 13 } }));
  }
  return (['close', 'maximize', 'minimize'] as const).map((action, i) => ({ action, rect: { x: w.x + w.w - 32 - i * 32, y: w.y + 7, w: 24, h: 24 } }));
}

export function startMenuRect(scene: Scene): Rect {
  const m = scene.primary();
  return { x: m.x, y: m.y + m.height - TASKBAR_H - 470, w: 400, h: 470 };
}

export type StartEntry = { kind: 'app'; app: AppKind; icon: IconKind; label: string; rect: Rect } | { kind: 'lock' | 'signout'; label: string; rect: Rect };

export function startMenuEntries(scene: Scene): StartEntry[] {
  const r = startMenuRect(scene);
  const out: StartEntry[] = LAUNCHERS.map((l, i) => ({ kind: 'app', app: l.app, icon: l.icon, label: l.label.windows, rect: { x: r.x + 56, y: r.y + 52 + i * 44, w: r.w - 72, h: 40 } }));
  out.push({ kind: 'lock', label: 'Lock', rect: { x: r.x + 56, y: r.y + r.h - 96, w: 150, h: 36 } });
  out.push({ kind: 'signout', label: 'Sign out', rect: { x: r.x + 56 + 160, y: r.y + r.h - 96, w: 150, h: 36 } });
  return out;
}

export interface DesktopIcon {
  label: string;
  icon: IconKind;
  app: AppKind;
  path: string;
  rect: Rect;
}

export function desktopIcons(scene: Scene): DesktopIcon[] {
  const area = scene.workArea(scene.primary());
  const list: Omit<DesktopIcon, 'rect'>[] =
    scene.desktopOs === 'windows'
      ? [
          { label: 'This PC', icon: 'computer', app: 'explorer', path: scene.homePath() },
          { label: 'Recycle Bin', icon: 'recycle', app: 'explorer', path: scene.homePath('Recycle Bin') },
          { label: 'Documents', icon: 'folder', app: 'explorer', path: scene.homePath('Documents') },
        ]
      : [{ label: scene.desktopOs === 'macos' ? 'Macintosh HD' : 'Home', icon: scene.desktopOs === 'macos' ? 'computer' : 'folder', app: 'explorer', path: scene.homePath() }];
  const right = scene.desktopOs === 'macos';
  return list.map((d, i) => ({ ...d, rect: { x: right ? area.x + area.w - 96 : area.x + 8, y: area.y + 10 + i * 92, w: 84, h: 84 } }));
}

/** The login screen's parts, centred on the primary monitor. */
export function signinLayout(scene: Scene): { avatar: { cx: number; cy: number; r: number }; nameY: number; box: Rect; submit: Rect; ok: Rect; messageY: number } {
  const m = scene.primary();
  const cx = m.x + Math.round(m.width / 2);
  const cy = m.y + Math.round(m.height / 2);
  return {
    avatar: { cx, cy: cy - 150, r: 90 },
    nameY: cy - 40,
    box: { x: cx - 150, y: cy + 20, w: 264, h: 34 },
    submit: { x: cx + 114, y: cy + 20, w: 36, h: 34 },
    messageY: cy + 14,
    ok: { x: cx - 60, y: cy + 56, w: 120, h: 34 },
  };
}

export type SecurityAction = 'lock' | 'switch' | 'signout' | 'password' | 'taskmgr' | 'cancel';

/** The Ctrl-Alt-Del screen's options (Windows). */
export function securityOptions(scene: Scene): { action: SecurityAction; label: string; rect: Rect }[] {
  const m = scene.primary();
  const cx = m.x + Math.round(m.width / 2);
  const cy = m.y + Math.round(m.height / 2);
  const labels: [SecurityAction, string][] = [['lock', 'Lock'], ['switch', 'Switch user'], ['signout', 'Sign out'], ['password', 'Change a password'], ['taskmgr', 'Task Manager']];
  const out = labels.map(([action, label], i) => ({ action, label, rect: { x: cx - 120, y: cy - 130 + i * 44, w: 240, h: 36 } }));
  out.push({ action: 'cancel', label: 'Cancel', rect: { x: m.x + m.width - 220, y: m.y + m.height - 110, w: 130, h: 36 } });
  return out;
}

/** The elevation dialog on the primary monitor. */
export function uacLayout(scene: Scene): { dialog: Rect; yes: Rect; no: Rect } {
  const m = scene.primary();
  const w = 460;
  const h = 320;
  const x = m.x + Math.round((m.width - w) / 2);
  const y = m.y + Math.round((m.height - h) / 2);
  return { dialog: { x, y, w, h }, yes: { x: x + 24, y: y + h - 56, w: 200, h: 34 }, no: { x: x + w - 224, y: y + h - 56, w: 200, h: 34 } };
}

/** Monitor rectangle helper. */
export function monitorRect(m: MonitorInfo): Rect {
  return { x: m.x, y: m.y, w: m.width, h: m.height };
}
