/**
 * What a window shows: each app paints its client area and handles the input that lands there.
 * Coordinates given to an app are relative to the client area's top-left corner.
 */
import type { CursorShape } from '../../protocol/screen-frames.js';
import type { Rect } from '../geometry.js';
import type { Surface } from '../surface.js';
import type { IconKind } from '../widgets.js';

export type AppKind = 'notepad' | 'explorer' | 'settings' | 'terminal' | 'taskmgr' | 'properties';

export interface KeyPress {
  key: string;
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
}

/** An entry of a folder listing (Explorer). */
export interface FileEntry {
  name: string;
  kind: 'folder' | 'file';
  size?: number;
  modified?: string;
}

/** What apps may ask of the desktop. */
export interface AppHost {
  /** Marks part of the client area (client coordinates; all of it when omitted) for repainting. */
  invalidate(r?: Rect): void;
  clipboardGet(): string;
  clipboardSet(text: string): void;
  /** Shows the elevation (UAC-style) dialog for `appName`; `onAllow` runs when it is accepted. */
  requestElevation(appName: string, onAllow: () => void): void;
  openApp(kind: AppKind): void;
  /** Closes this app's window. */
  close(): void;
  listDirectory(path: string): FileEntry[];
  readonly hostname: string;
  readonly userName: string;
  readonly os: 'windows' | 'macos' | 'linux';
}

export interface App {
  readonly kind: AppKind;
  readonly icon: IconKind;
  title(): string;
  /** Paints the client area `r` (surface coordinates). */
  paint(s: Surface, r: Rect, focused: boolean): void;
  /** The client area's size, before the first paint and whenever it changes. */
  resize?(w: number, h: number): void;
  pointerDown?(x: number, y: number, clicks: number, size: { w: number; h: number }): void;
  key?(k: KeyPress): void;
  text?(text: string): void;
  wheel?(deltaY: number): void;
  cursorAt?(x: number, y: number, size: { w: number; h: number }): CursorShape;
}
