/**
 * The state of an emulated desktop: monitors, windows (z-order, focus, minimised/maximised), the
 * login / lock / security screens, the start menu, an elevation dialog, the pointer and the
 * clipboard. Every change reports the region it touched (virtual-desktop coordinates) to the
 * listeners, which is how the framebuffers know what to repaint.
 */
import type { CursorShape, MonitorInfo } from '../protocol/screen-frames.js';
import type { App, AppHost, AppKind } from './apps/app.js';
import { Explorer } from './apps/explorer.js';
import { Notepad } from './apps/notepad.js';
import { Settings, SystemProperties } from './apps/settings.js';
import { TaskManager } from './apps/task-manager.js';
import { Terminal } from './apps/terminal.js';
import { contains, intersect, type Rect } from './geometry.js';
import { defaultListing, isMobile, layoutMonitors, type DesktopSpec, type OsFlavor, type WindowSpec } from './spec.js';

/** What the whole screen shows: the desktop, or one of the full-screen login-related screens. */
export type ScreenState = 'desktop' | 'lock' | 'signin' | 'security';

export interface Win {
  readonly id: number;
  readonly app: App;
  x: number;
  y: number;
  w: number;
  h: number;
  minimized: boolean;
  maximized: boolean;
  /** Where a maximised window goes back to. */
  restore: Rect | null;
}

/** Title bar height per OS; windows have a 1-pixel border around the client area. */
export const TITLE_H: Record<'windows' | 'macos' | 'linux', number> = { windows: 31, macos: 28, linux: 38 };
/** Room the drop shadow takes around a window (repainted with it). */
export const SHADOW = 8;
/** Shell bars: the Windows taskbar (bottom), the macOS menu bar and the GNOME top bar (top), docks. */
export const TASKBAR_H = 40;
export const MENUBAR_H = 24;
export const TOPBAR_H = 28;
export const LINUX_DOCK_W = 64;
export const MAC_DOCK_H = 70;

const DEFAULT_SIZE: Record<AppKind, [number, number]> = {
  notepad: [760, 520],
  explorer: [920, 560],
  settings: [900, 640],
  terminal: [740, 430],
  taskmgr: [720, 500],
  properties: [440, 380],
};

export interface UacRequest {
  appName: string;
  onAllow: () => void;
}

export class Scene {
  readonly os: OsFlavor;
  readonly desktopOs: 'windows' | 'macos' | 'linux';
  readonly mobile: boolean;
  readonly monitors: MonitorInfo[];
  /** Bottom to top. */
  readonly windows: Win[] = [];
  focusedId: number | null = null;
  state: ScreenState;
  /** What has been typed into the sign-in password box. */
  password = '';
  signinError = false;
  /** What the sign-in screen's error says (injected credentials get their own wording); '' = the default. */
  signinMessage = '';
  startMenu = false;
  uac: UacRequest | null = null;
  readonly cursor: { x: number; y: number; shape: CursorShape };
  clipboard = '';
  elevated: boolean;
  /** The customer sees a black privacy screen (the rep still sees the desktop). */
  privacy = false;
  customerInputDisabled = false;
  private nextId = 1;
  private readonly listeners = new Set<(r: Rect) => void>();
  private readonly clipboardListeners = new Set<(text: string) => void>();
  private clockMinute = -1;

  constructor(readonly spec: DesktopSpec) {
    this.os = spec.os;
    this.mobile = isMobile(spec.os);
    this.desktopOs = spec.os === 'macos' || spec.os === 'linux' ? spec.os : 'windows';
    this.monitors = layoutMonitors(spec);
    this.elevated = spec.elevated ?? false;
    this.state = spec.locked && !this.mobile ? 'lock' : 'desktop';
    const p = this.primary();
    this.cursor = { x: p.x + Math.round(p.width / 2), y: p.y + Math.round(p.height / 2), shape: 'arrow' };
    if (!this.mobile) for (const w of spec.windows ?? []) this.openApp(w.app, w);
    this.clockMinute = this.minuteNow();
  }

  now(): Date {
    return this.spec.now?.() ?? new Date();
  }

  private minuteNow(): number {
    return Math.floor(this.now().getTime() / 60_000);
  }

  primary(): MonitorInfo {
    return this.monitors.find((m) => m.primary) ?? this.monitors[0]!;
  }

  monitorAt(x: number, y: number): MonitorInfo | null {
    return this.monitors.find((m) => contains({ x: m.x, y: m.y, w: m.width, h: m.height }, x, y)) ?? null;
  }

  /** Listens to repaint regions (virtual-desktop coordinates); returns the unsubscribe function. */
  onInvalidate(listener: (r: Rect) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onClipboard(listener: (text: string) => void): () => void {
    this.clipboardListeners.add(listener);
    return () => this.clipboardListeners.delete(listener);
  }

  invalidate(r: Rect): void {
    if (r.w <= 0 || r.h <= 0) return;
    for (const l of this.listeners) l(r);
  }

  invalidateAll(): void {
    for (const m of this.monitors) this.invalidate({ x: m.x, y: m.y, w: m.width, h: m.height });
  }

  setClipboard(text: string, fromEndpoint: boolean): void {
    this.clipboard = text;
    if (fromEndpoint) for (const l of this.clipboardListeners) l(text);
  }

  // ── windows ──────────────────────────────────────────────────────────────────────────────

  /** The work area of a monitor: the screen less the taskbar, menu bar and dock. */
  workArea(m: MonitorInfo): Rect {
    const r = { x: m.x, y: m.y, w: m.width, h: m.height };
    if (!m.primary) return r;
    if (this.desktopOs === 'windows') r.h -= TASKBAR_H;
    else if (this.desktopOs === 'macos') {
      r.y += MENUBAR_H;
      r.h -= MENUBAR_H + MAC_DOCK_H;
    } else {
      r.y += TOPBAR_H;
      r.h -= TOPBAR_H;
      r.x += LINUX_DOCK_W;
      r.w -= LINUX_DOCK_W;
    }
    return r;
  }

  titleHeight(): number {
    return TITLE_H[this.desktopOs];
  }

  clientRect(w: Win): Rect {
    const t = this.titleHeight();
    return { x: w.x + 1, y: w.y + t, w: w.w - 2, h: w.h - t - 1 };
  }

  /** The window with its shadow: what changes on screen when it moves, appears or goes. */
  frameRect(w: Win): Rect {
    return { x: w.x - SHADOW, y: w.y - SHADOW, w: w.w + 2 * SHADOW, h: w.h + 2 * SHADOW };
  }

  focused(): Win | null {
    return this.windows.find((w) => w.id === this.focusedId) ?? null;
  }

  byId(id: number): Win | null {
    return this.windows.find((w) => w.id === id) ?? null;
  }

  /** The topmost visible window under a point. */
  windowAt(x: number, y: number): Win | null {
    for (let i = this.windows.length - 1; i >= 0; i--) {
      const w = this.windows[i]!;
      if (!w.minimized && contains(w, x, y)) return w;
    }
    return null;
  }

  openApp(kind: AppKind, opts: WindowSpec = { app: kind }): Win {
    const id = this.nextId++;
    this.setStartMenu(false);
    const host = this.hostFor(id);
    const app: App =
      kind === 'notepad' ? new Notepad(host, opts.fileName, opts.text ?? '')
      : kind === 'explorer' ? new Explorer(host, opts.path ?? this.homePath('Documents'))
      : kind === 'settings' ? new Settings(host)
      : kind === 'terminal' ? new Terminal(host)
      : kind === 'taskmgr' ? new TaskManager(host)
      : new SystemProperties(host);
    const area = this.workArea(this.primary());
    const [dw, dh] = DEFAULT_SIZE[kind];
    const k = this.windows.length % 8;
    const w: Win = {
      id,
      app,
      w: Math.min(opts.w ?? dw, area.w),
      h: Math.min(opts.h ?? dh, area.h),
      x: opts.x ?? area.x + 90 + 34 * k,
      y: opts.y ?? area.y + 50 + 30 * k,
      minimized: false,
      maximized: false,
      restore: null,
    };
    if (kind === 'properties') {
      w.x = area.x + Math.round((area.w - w.w) / 2);
      w.y = area.y + Math.round((area.h - w.h) / 2);
    }
    this.windows.push(w);
    this.layoutApp(w);
    if (opts.maximized) this.toggleMaximize(w);
    if (opts.minimized) {
      w.minimized = true;
    } else this.focus(w);
    this.invalidate(this.frameRect(w));
    this.invalidateShell();
    return w;
  }

  homePath(sub?: string): string {
    const u = this.spec.userName;
    const home = this.desktopOs === 'windows' ? `C:/Users/${u}` : this.desktopOs === 'macos' ? `/Users/${u}` : `/home/${u}`;
    return sub ? `${home}/${sub}` : home;
  }

  private hostFor(id: number): AppHost {
    const scene = this;
    return {
      invalidate(r?: Rect) {
        const w = scene.byId(id);
        if (!w || w.minimized) return;
        const c = scene.clientRect(w);
        const part = r ? intersect(c, { x: c.x + r.x, y: c.y + r.y, w: r.w, h: r.h }) : c;
        if (part) scene.invalidate(part);
        // The title follows the app (Explorer's folder name, Notepad's file name).
        scene.invalidate({ x: w.x, y: w.y, w: w.w, h: scene.titleHeight() });
      },
      clipboardGet: () => this.clipboard,
      clipboardSet: (text) => this.setClipboard(text, true),
      requestElevation: (appName, onAllow) => this.requestElevation(appName, onAllow),
      openApp: (kind) => void this.openApp(kind),
      close: () => {
        const w = this.byId(id);
        if (w) this.close(w);
      },
      listDirectory: (path) => (this.spec.listDirectory ?? defaultListing)(path),
      hostname: this.spec.hostname,
      userName: this.spec.userName,
      os: this.desktopOs,
    };
  }

  private layoutApp(w: Win): void {
    const c = this.clientRect(w);
    w.app.resize?.(c.w, c.h);
  }

  /** Gives a window the focus and raises it (null: nothing focused). */
  focus(w: Win | null): void {
    const before = this.focused();
    if (w && this.windows[this.windows.length - 1] !== w) {
      this.windows.splice(this.windows.indexOf(w), 1);
      this.windows.push(w);
      this.invalidate(this.frameRect(w));
    }
    if (before === w) return;
    this.focusedId = w?.id ?? null;
    if (before && !before.minimized) this.invalidate(this.frameRect(before));
    if (w) this.invalidate(this.frameRect(w));
    this.invalidateShell();
  }

  move(w: Win, x: number, y: number): void {
    if (w.x === x && w.y === y) return;
    const old = this.frameRect(w);
    w.x = x;
    w.y = y;
    this.invalidate(old);
    this.invalidate(this.frameRect(w));
  }

  close(w: Win): void {
    const i = this.windows.indexOf(w);
    if (i < 0) return;
    this.windows.splice(i, 1);
    this.invalidate(this.frameRect(w));
    if (this.focusedId === w.id) this.focusTopmost();
    this.invalidateShell();
  }

  minimize(w: Win): void {
    if (w.minimized) return;
    w.minimized = true;
    this.invalidate(this.frameRect(w));
    if (this.focusedId === w.id) this.focusTopmost();
    this.invalidateShell();
  }

  restore(w: Win): void {
    if (w.minimized) {
      w.minimized = false;
      this.invalidate(this.frameRect(w));
    }
    this.focus(w);
  }

  toggleMaximize(w: Win): void {
    this.invalidate(this.frameRect(w));
    if (w.maximized && w.restore) {
      Object.assign(w, w.restore);
      w.maximized = false;
      w.restore = null;
    } else {
      w.restore = { x: w.x, y: w.y, w: w.w, h: w.h };
      const area = this.workArea(this.monitorAt(w.x + w.w / 2, w.y + 10) ?? this.primary());
      Object.assign(w, area);
      w.maximized = true;
    }
    this.layoutApp(w);
    this.invalidate(this.frameRect(w));
  }

  private focusTopmost(): void {
    const next = [...this.windows].reverse().find((w) => !w.minimized) ?? null;
    this.focusedId = null;
    this.focus(next);
  }

  /** Taskbar, menu bar and docks show the windows and the focus: repaint them with any change. */
  invalidateShell(): void {
    const m = this.primary();
    if (this.desktopOs === 'windows') this.invalidate({ x: m.x, y: m.y + m.height - TASKBAR_H, w: m.width, h: TASKBAR_H });
    else if (this.desktopOs === 'macos') {
      this.invalidate({ x: m.x, y: m.y, w: m.width, h: MENUBAR_H });
      this.invalidate({ x: m.x, y: m.y + m.height - MAC_DOCK_H, w: m.width, h: MAC_DOCK_H });
    } else {
      this.invalidate({ x: m.x, y: m.y, w: m.width, h: TOPBAR_H });
      this.invalidate({ x: m.x, y: m.y, w: LINUX_DOCK_W, h: m.height });
    }
  }

  // ── screens ──────────────────────────────────────────────────────────────────────────────

  setState(state: ScreenState): void {
    if (this.state === state) return;
    this.state = state;
    this.startMenu = false;
    this.password = '';
    this.signinError = false;
    this.signinMessage = '';
    this.invalidateAll();
  }

  /** The sign-in screen's Enter: true (and the desktop) when the password matches. */
  submitPassword(): boolean {
    if (this.password === (this.spec.password ?? '')) {
      this.setState('desktop');
      return true;
    }
    this.password = '';
    this.signinError = true;
    this.invalidateAll();
    return false;
  }

  /** Ctrl-Alt-Del as Windows answers it: sign-in from the lock screen, the security options from the desktop. */
  ctrlAltDel(): void {
    if (this.state === 'lock') this.setState('signin');
    else if (this.state === 'desktop') this.setState(this.desktopOs === 'windows' ? 'security' : 'lock');
    else if (this.state === 'security') this.setState('desktop');
  }

  signOut(): void {
    for (const w of [...this.windows]) this.close(w);
    this.setState('lock');
  }

  requestElevation(appName: string, onAllow: () => void): void {
    this.uac = { appName, onAllow };
    this.startMenu = false;
    this.invalidateAll();
  }

  answerElevation(allow: boolean): void {
    const req = this.uac;
    if (!req) return;
    this.uac = null;
    this.invalidateAll();
    if (allow) req.onAllow();
  }

  setStartMenu(open: boolean): void {
    if (this.startMenu === open) return;
    this.startMenu = open;
    const m = this.primary();
    this.invalidate({ x: m.x, y: m.y, w: Math.min(m.width, 700), h: m.height });
  }

  /** Moves the pointer; the cursor is drawn by the viewer, so nothing is repainted. */
  setCursor(x: number, y: number, shape: CursorShape): void {
    this.cursor.x = x;
    this.cursor.y = y;
    this.cursor.shape = shape;
  }

  /** Repaints the clocks when the minute changed; returns whether it did. */
  tick(): boolean {
    const minute = this.minuteNow();
    if (minute === this.clockMinute) return false;
    this.clockMinute = minute;
    if (this.state === 'lock' || this.mobile) this.invalidateAll();
    else this.invalidateShell();
    return true;
  }
}
