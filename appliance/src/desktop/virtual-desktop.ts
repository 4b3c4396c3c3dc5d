/**
 * One emulated endpoint's screen, as the session tools see it: frames per viewer, input in
 * control mode, clipboard, privacy screen, special actions, credential injection. See index.ts for
 * the contract.
 */
import {
  COLOR_MODE_FORMAT, ColorMode, ScreenInput, TILE_SIZE, paintTiles, screenRefusal, showsWallpaper,
  type EncodedFrame, type MonitorInfo, type ScreenRefusal, type ScreenRefusalCode, type SpecialAction,
} from '../protocol/screen-frames.js';
import { drawCursor } from './cursor.js';
import { encodeFrame, ViewerTiles } from './encoder.js';
import { MonitorCanvas, ScaledCanvas, type TiledImage } from './framebuffer.js';
import { InputController } from './input.js';
import { paintMonitor } from './painter.js';
import { encodePng } from './png.js';
import { encodeTile } from './quantize.js';
import type { AppKind } from './apps/app.js';
import { Notepad } from './apps/notepad.js';
import { Scene, type ScreenState } from './scene.js';
import type { DesktopSpec } from './spec.js';
import { Surface } from './surface.js';

export interface FrameRequest {
  /** A monitor id from monitors(). */
  monitor: string;
  colorMode: ColorMode;
  /** Scaled mode: the size the viewer shows (downsampled here; never larger than the monitor). Omit for actual size. */
  scale?: { width: number; height: number } | null;
  /** Send every tile (the viewer lost its image, e.g. after a reconnect). */
  keyframe?: boolean;
}

export interface DesktopStatus {
  state: ScreenState;
  elevated: boolean;
  privacyScreen: boolean;
  customerInputDisabled: boolean;
  uacShowing: boolean;
}

/** A window as the endpoint's window list reports it (tests, the session's system info). */
export interface WindowInfo {
  id: number;
  app: AppKind;
  title: string;
  x: number;
  y: number;
  width: number;
  height: number;
  focused: boolean;
  minimized: boolean;
  maximized: boolean;
  /** The text of a Notepad-like window. */
  text?: string;
}

export type DesktopEvent =
  /** Something on screen changed: ask for frames. */
  | { type: 'damage' }
  | { type: 'status'; status: DesktopStatus }
  /** The endpoint's clipboard changed (someone copied there): offer it to the rep. */
  | { type: 'clipboard'; text: string };

/** Thrown for requests that cannot be answered with a frame (unknown monitor). */
export class ScreenRefusalError extends Error {
  constructor(readonly code: ScreenRefusalCode) {
    super(screenRefusal(code).message);
  }
}

interface Viewer {
  key: string;
  tiles: ViewerTiles;
  monitor: MonitorInfo;
}

const SPECIALS: Record<'windows' | 'macos' | 'linux', SpecialAction[]> = {
  windows: [
    { id: 'task-manager', label: 'Task Manager', systemContext: false },
    { id: 'command-prompt', label: 'Command Prompt', systemContext: false },
    { id: 'elevated-command-prompt', label: 'Command Prompt as Administrator', systemContext: false },
    { id: 'system-properties', label: 'System Properties', systemContext: true },
    { id: 'show-desktop', label: 'Show Desktop', systemContext: false },
    { id: 'lock', label: 'Lock Workstation', systemContext: false },
    { id: 'reboot', label: 'Reboot', systemContext: true },
    { id: 'reboot-safe-mode', label: 'Reboot in Safe Mode with Networking', systemContext: true },
  ],
  macos: [
    { id: 'task-manager', label: 'Activity Monitor', systemContext: false },
    { id: 'command-prompt', label: 'Terminal', systemContext: false },
    { id: 'show-desktop', label: 'Show Desktop', systemContext: false },
    { id: 'lock', label: 'Lock Screen', systemContext: false },
    { id: 'reboot', label: 'Restart', systemContext: true },
  ],
  linux: [
    { id: 'task-manager', label: 'System Monitor', systemContext: false },
    { id: 'command-prompt', label: 'Terminal', systemContext: false },
    { id: 'lock', label: 'Lock Screen', systemContext: false },
    { id: 'reboot', label: 'Restart', systemContext: true },
  ],
};

export class VirtualDesktop {
  private readonly scene: Scene;
  private readonly controller: InputController;
  private readonly canvases = new Map<string, MonitorCanvas>();
  private readonly scaled = new Map<string, ScaledCanvas>();
  private readonly viewers = new Map<string, Viewer>();
  private readonly controllers = new Set<string>();
  private readonly listeners = new Set<(e: DesktopEvent) => void>();

  constructor(readonly spec: DesktopSpec) {
    this.scene = new Scene(spec);
    this.controller = new InputController(this.scene);
    this.scene.onInvalidate((r) => {
      for (const c of this.canvases.values()) c.markDirty(r);
      this.emit({ type: 'damage' });
    });
    this.scene.onClipboard((text) => this.emit({ type: 'clipboard', text }));
  }

  get os(): DesktopSpec['os'] {
    return this.scene.os;
  }

  /** Phones and tablets: frames only, every input refused. */
  get viewOnly(): boolean {
    return this.scene.mobile;
  }

  status(): DesktopStatus {
    const s = this.scene;
    return { state: s.state, elevated: s.elevated, privacyScreen: s.privacy, customerInputDisabled: s.customerInputDisabled, uacShowing: s.uac !== null };
  }

  /** Listens to damage, status and clipboard events; returns the unsubscribe function. */
  subscribe(listener: (e: DesktopEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: DesktopEvent): void {
    for (const l of this.listeners) l(e);
  }

  private emitStatus(): void {
    this.emit({ type: 'status', status: this.status() });
  }

  /** Open windows, bottom to top. */
  windows(): WindowInfo[] {
    const s = this.scene;
    return s.windows.map((w) => ({
      id: w.id,
      app: w.app.kind,
      title: w.app.title(),
      x: w.x,
      y: w.y,
      width: w.w,
      height: w.h,
      focused: s.focusedId === w.id,
      minimized: w.minimized,
      maximized: w.maximized,
      ...(w.app instanceof Notepad ? { text: w.app.content } : {}),
    }));
  }

  monitors(): MonitorInfo[] {
    return this.scene.monitors.map((m) => ({ ...m }));
  }

  private monitor(id: string): MonitorInfo {
    const m = this.scene.monitors.find((x) => x.id === id);
    if (!m) throw new ScreenRefusalError('E_SCREEN_NO_MONITOR');
    return m;
  }

  // ── frames ───────────────────────────────────────────────────────────────────────────────

  private canvas(m: MonitorInfo, wallpaper: boolean): MonitorCanvas {
    const key = `${m.id}:${wallpaper ? 'w' : 'p'}`;
    let c = this.canvases.get(key);
    if (!c) {
      c = new MonitorCanvas(this.scene, m, { wallpaper, side: 'rep' });
      this.canvases.set(key, c);
    }
    return c;
  }

  private image(m: MonitorInfo, mode: ColorMode, scale: FrameRequest['scale']): { key: string; image: TiledImage } {
    const canvas = this.canvas(m, showsWallpaper(mode));
    const base = `${m.id}:${showsWallpaper(mode) ? 'w' : 'p'}`;
    if (!scale) return { key: base, image: canvas };
    // Keep the aspect ratio; never upscale; at least one pixel.
    const f = Math.min(1, scale.width / m.width, scale.height / m.height);
    const w = Math.max(1, Math.round(m.width * f));
    const h = Math.max(1, Math.round(m.height * f));
    if (w === m.width && h === m.height) return { key: base, image: canvas };
    const key = `${base}:${w}x${h}`;
    let s = this.scaled.get(key);
    if (!s) {
      s = new ScaledCanvas(canvas, w, h);
      this.scaled.set(key, s);
    }
    return { key, image: s };
  }

  /**
   * The next frame for a viewer: the tiles changed since its previous frame, or a keyframe when it
   * is new, asked for one, or changed monitor, colour mode or size. May have no tiles (nothing
   * changed). Throws ScreenRefusalError for an unknown monitor.
   */
  frame(viewerId: string, req: FrameRequest): EncodedFrame {
    const m = this.monitor(req.monitor);
    const mode = ColorMode.parse(req.colorMode);
    const { key, image } = this.image(m, mode, req.scale);
    const viewerKey = `${key}:${mode}`;
    let v = this.viewers.get(viewerId);
    if (!v || v.key !== viewerKey) {
      v = { key: viewerKey, tiles: new ViewerTiles(image, mode), monitor: m };
      this.viewers.set(viewerId, v);
      this.collect();
    }
    const c = this.scene.cursor;
    const onMonitor = c.x >= m.x && c.y >= m.y && c.x < m.x + m.width && c.y < m.y + m.height && !this.scene.mobile;
    const cursor = onMonitor ? { x: Math.round(((c.x - m.x) * image.width) / m.width), y: Math.round(((c.y - m.y) * image.height) / m.height), shape: c.shape } : null;
    return encodeFrame(v.tiles, m, req.keyframe ?? false, cursor);
  }

  /** Forgets a viewer (its control too) and the framebuffers nobody uses any more. */
  closeViewer(viewerId: string): void {
    this.viewers.delete(viewerId);
    this.controllers.delete(viewerId);
    this.collect();
  }

  private collect(): void {
    const used = new Set<TiledImage>();
    for (const v of this.viewers.values()) {
      used.add(v.tiles.image);
      if (v.tiles.image instanceof ScaledCanvas) used.add(v.tiles.image.source);
    }
    for (const [k, s] of this.scaled) if (!used.has(s)) this.scaled.delete(k);
    for (const [k, c] of this.canvases) if (!used.has(c)) this.canvases.delete(k);
  }

  // ── control ──────────────────────────────────────────────────────────────────────────────

  /** View (false) or control (true) mode for a viewer. Phones refuse control. */
  setControl(viewerId: string, control: boolean): ScreenRefusal | null {
    if (control && this.scene.mobile) return screenRefusal('E_SCREEN_MOBILE_VIEW_ONLY');
    if (control) this.controllers.add(viewerId);
    else this.controllers.delete(viewerId);
    return null;
  }

  hasControl(viewerId: string): boolean {
    return this.controllers.has(viewerId);
  }

  private controlRefusal(viewerId: string): ScreenRefusal | null {
    if (this.scene.mobile) return screenRefusal('E_SCREEN_MOBILE_VIEW_ONLY');
    if (!this.controllers.has(viewerId)) return screenRefusal('E_SCREEN_VIEW_ONLY');
    return null;
  }

  /**
   * The rep's mouse and keyboard. Refused (with a code) in view mode, on phones, and on a secure
   * desktop (the elevation dialog) unless the session is elevated; pointer moves are never refused
   * in control mode.
   */
  input(viewerId: string, event: ScreenInput): ScreenRefusal | null {
    const refusal = this.controlRefusal(viewerId);
    if (refusal) return refusal;
    const e = ScreenInput.parse(event);
    const secure = this.scene.uac !== null && !this.scene.elevated;
    if (secure && !(e.kind === 'pointer' && e.action === 'move')) return screenRefusal('E_SCREEN_SECURE_DESKTOP');
    return this.apply(e);
  }

  /** The customer's own mouse and keyboard (tests, demo): blocked while input is disabled, except Ctrl-Alt-Del, which takes control back. */
  customerInput(event: ScreenInput): ScreenRefusal | null {
    const e = ScreenInput.parse(event);
    const cad = e.kind === 'ctrl-alt-del' || (e.kind === 'key' && e.ctrl && e.alt && e.key === 'Delete');
    if (this.scene.customerInputDisabled || this.scene.privacy) {
      if (!cad) return screenRefusal('E_SCREEN_CUSTOMER_INPUT_DISABLED');
      this.scene.customerInputDisabled = false;
      this.scene.privacy = false;
      this.emitStatus();
      this.emit({ type: 'damage' });
      return null;
    }
    return this.apply(e);
  }

  private apply(e: ReturnType<typeof ScreenInput.parse>): ScreenRefusal | null {
    const before = JSON.stringify(this.status());
    switch (e.kind) {
      case 'pointer': {
        const m = this.scene.monitors.find((x) => x.id === e.monitorId);
        if (!m) return screenRefusal('E_SCREEN_NO_MONITOR');
        const x = m.x + Math.max(0, Math.min(m.width - 1, e.x));
        const y = m.y + Math.max(0, Math.min(m.height - 1, e.y));
        this.controller.pointer(e.action, x, y, e.button, e.deltaY);
        if (e.action === 'move') this.emit({ type: 'damage' });
        break;
      }
      case 'key':
        if (e.action === 'down') this.controller.key(e);
        break;
      case 'text':
        this.controller.text(e.text);
        break;
      default:
        this.scene.ctrlAltDel();
    }
    if (JSON.stringify(this.status()) !== before) this.emitStatus();
    return null;
  }

  // ── clipboard ────────────────────────────────────────────────────────────────────────────

  /** The endpoint's clipboard text. */
  clipboard(): string {
    return this.scene.clipboard;
  }

  /** The rep pastes their clipboard to the endpoint (control mode only). */
  setClipboard(viewerId: string, text: string): ScreenRefusal | null {
    const refusal = this.controlRefusal(viewerId);
    if (refusal) return refusal;
    this.scene.setClipboard(text, false);
    return null;
  }

  // ── customer-side restrictions, elevation ────────────────────────────────────────────────

  private restrictionRefusal(): ScreenRefusal | null {
    if (this.scene.os !== 'windows' && this.scene.os !== 'macos') return screenRefusal('E_SCREEN_UNSUPPORTED_OS');
    if (!this.scene.elevated) return screenRefusal('E_SCREEN_NOT_ELEVATED');
    return null;
  }

  /** Privacy screen: the customer sees a black screen and loses mouse and keyboard; the rep still sees the desktop. */
  setPrivacyScreen(on: boolean): ScreenRefusal | null {
    const refusal = on ? this.restrictionRefusal() : null;
    if (refusal) return refusal;
    this.scene.privacy = on;
    this.scene.customerInputDisabled = on;
    this.emitStatus();
    return null;
  }

  /** Disables the customer's mouse and keyboard without hiding their screen. */
  setCustomerInputDisabled(on: boolean): ScreenRefusal | null {
    const refusal = on ? this.restrictionRefusal() : null;
    if (refusal) return refusal;
    this.scene.customerInputDisabled = on;
    if (!on) this.scene.privacy = false;
    this.emitStatus();
    return null;
  }

  /** The session was elevated (or dropped back to user mode). */
  setElevated(on: boolean): void {
    this.scene.elevated = on;
    if (!on) {
      this.scene.privacy = false;
      this.scene.customerInputDisabled = false;
    }
    this.emitStatus();
  }

  // ── special actions, credentials ─────────────────────────────────────────────────────────

  specialActions(): SpecialAction[] {
    return this.scene.mobile ? [] : SPECIALS[this.scene.desktopOs].map((a) => ({ ...a }));
  }

  runSpecialAction(viewerId: string, id: string): ScreenRefusal | null {
    const refusal = this.controlRefusal(viewerId);
    if (refusal) return refusal;
    const action = this.specialActions().find((a) => a.id === id);
    if (!action) return screenRefusal('E_SCREEN_UNKNOWN_ACTION');
    if (action.systemContext && !this.scene.elevated) return screenRefusal('E_SCREEN_NOT_ELEVATED');
    const scene = this.scene;
    const desktopOnly = () => {
      if (scene.state !== 'desktop') scene.setState('desktop');
    };
    switch (id) {
      case 'task-manager':
        desktopOnly();
        scene.openApp('taskmgr');
        break;
      case 'command-prompt':
        desktopOnly();
        scene.openApp('terminal');
        break;
      case 'elevated-command-prompt':
        desktopOnly();
        scene.requestElevation('Windows Command Processor', () => scene.openApp('terminal'));
        break;
      case 'system-properties':
        desktopOnly();
        scene.openApp('properties');
        break;
      case 'show-desktop':
        for (const w of scene.windows) scene.minimize(w);
        break;
      case 'lock':
        scene.setState('lock');
        break;
      default:
        // Reboot: programs close, the machine comes back at its lock screen.
        scene.uac = null;
        for (const w of [...scene.windows]) scene.close(w);
        scene.setState('lock');
    }
    this.emitStatus();
    return null;
  }

  /** Credential injection at the login screen (the secret comes from the ECM / vault, never the rep). */
  injectCredentials(userName: string, password: string): ScreenRefusal | null {
    const scene = this.scene;
    if (scene.mobile || (scene.state !== 'lock' && scene.state !== 'signin')) return screenRefusal('E_SCREEN_NOT_AT_LOGIN');
    const bare = (u: string): string => u.toLowerCase().replace(/^\.\\/, '');
    const accounts = [{ userName: scene.spec.userName, password: scene.spec.password ?? '' }, ...(scene.spec.accounts ?? [])];
    const known = accounts.some((a) => (bare(a.userName) === bare(userName) || bare(a.userName).split('\\').pop() === bare(userName)) && a.password === password);
    if (!known) {
      // The login screen says so, as Windows does.
      scene.setState('signin');
      scene.signinError = true;
      scene.signinMessage = 'The user name or password is incorrect. Try again.';
      scene.invalidateAll();
      this.emitStatus();
      return screenRefusal('E_SCREEN_LOGIN_FAILED');
    }
    scene.setState('desktop');
    this.emitStatus();
    return null;
  }

  /** Repaints the clocks when the minute turned (call every few seconds); true when it did. */
  tick(): boolean {
    return this.scene.tick();
  }

  // ── screenshots ──────────────────────────────────────────────────────────────────────────

  /**
   * The monitor as RGBA pixels: what the rep sees in a colour mode (default All Colors), or with
   * side 'customer' what the customer's own screen shows (the privacy screen when it is on).
   */
  snapshot(monitorId: string, opts: { side?: 'rep' | 'customer'; colorMode?: ColorMode; cursor?: boolean } = {}): { width: number; height: number; rgba: Uint8Array } {
    const m = this.monitor(monitorId);
    const mode = opts.colorMode ?? 'all-colors';
    let surface: Surface;
    if (opts.side === 'customer') {
      surface = new Surface(m.width, m.height);
      paintMonitor(this.scene, m, surface, { wallpaper: showsWallpaper(mode), side: 'customer' });
    } else {
      const c = this.canvas(m, showsWallpaper(mode));
      c.flush();
      surface = c.surface;
    }
    const rgba = new Uint8Array(m.width * m.height * 4);
    const image = { width: m.width, height: m.height, data: rgba };
    // Through the colour mode's format, so the picture is exactly what such a viewer gets.
    const format = COLOR_MODE_FORMAT[mode];
    const buf = new Uint8Array(TILE_SIZE * TILE_SIZE * 3);
    for (let y = 0; y < m.height; y += TILE_SIZE) {
      for (let x = 0; x < m.width; x += TILE_SIZE) {
        const t = { x, y, w: Math.min(TILE_SIZE, m.width - x), h: Math.min(TILE_SIZE, m.height - y) };
        const n = encodeTile(surface, t, format, buf, 0);
        paintTiles({ format, tiles: [t] }, buf.subarray(0, n), image);
      }
    }
    this.collect();
    const c = this.scene.cursor;
    if (opts.cursor !== false && !this.scene.mobile && opts.side !== 'customer') drawCursor(rgba, m.width, m.height, c.x - m.x, c.y - m.y, c.shape);
    return { width: m.width, height: m.height, rgba };
  }

  /** A PNG file of snapshot() (the toolbar's screenshot, docs). */
  screenshotPng(monitorId: string, opts: Parameters<VirtualDesktop['snapshot']>[1] = {}): Buffer {
    const s = this.snapshot(monitorId, opts);
    return encodePng(s.width, s.height, s.rgba);
  }
}
