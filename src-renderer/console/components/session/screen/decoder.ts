/**
 * The viewer's side of screen sharing, without the DOM: keeps the remote screen as RGBA pixels,
 * applies frames in order (inflate with DecompressionStream, then the protocol's paintTiles), maps
 * pointer positions back to the monitor's pixels, and turns key events into ScreenInput.
 */
import { paintTiles, unpackFrame, type ColorMode, type EncodedFrame, type ScreenInput, type TileRect } from '../../../../../appliance/src/protocol/screen-frames.js';

/** Raw deflate → bytes, with the platform's streams (browsers, Electron, Node ≥ 18). */
export async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** What the viewer asks its owner to stream (ScreenViewer's onrequestframes). */
export interface ViewerFrameRequest {
  monitorId: string;
  colorMode: ColorMode;
  /** Scale to fit: the stage's size in device pixels (the appliance downsamples); null for actual size. */
  scale: { width: number; height: number } | null;
  /** Send every tile (first picture, a new size, or a frame could not be applied). */
  keyframe: boolean;
}

export interface AppliedFrame {
  frame: EncodedFrame;
  /** The image was (re)sized: repaint all of it. */
  resized: boolean;
  /** The rectangles that changed (image pixels). */
  tiles: TileRect[];
}

export class ScreenDecoder {
  width = 0;
  height = 0;
  /** RGBA, width × height × 4 (ready for an ImageData). */
  data = new Uint8ClampedArray(0);
  /** The last frame applied (monitor, sizes, colour mode, cursor). */
  last: EncodedFrame | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  /**
   * Applies a frame (an EncodedFrame or the packed binary message). Frames are applied in the
   * order given even though inflating is asynchronous. A delta that does not match the current
   * image (other size, or before any keyframe) is skipped: the caller should ask for a keyframe.
   */
  apply(input: EncodedFrame | Uint8Array): Promise<AppliedFrame | null> {
    const run = this.queue.then(() => this.applyNow(input instanceof Uint8Array ? unpackFrame(input) : input));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async applyNow(frame: EncodedFrame): Promise<AppliedFrame | null> {
    const resized = frame.width !== this.width || frame.height !== this.height || this.last?.monitorId !== frame.monitorId;
    if (resized && !frame.keyframe) return null;
    const payload = frame.tiles.length ? await inflateRaw(frame.data) : new Uint8Array(0);
    if (resized) {
      this.width = frame.width;
      this.height = frame.height;
      this.data = new Uint8ClampedArray(frame.width * frame.height * 4);
    }
    if (frame.tiles.length) paintTiles(frame, payload, this);
    this.last = frame;
    return { frame, resized, tiles: frame.tiles };
  }
}

/**
 * A point on the displayed image (CSS pixels, `shownWidth` × `shownHeight` on screen) as the
 * monitor's own pixels, clamped to the monitor.
 */
export function toMonitorPixels(x: number, y: number, shownWidth: number, shownHeight: number, frame: Pick<EncodedFrame, 'sourceWidth' | 'sourceHeight'>): { x: number; y: number } {
  const clamp = (v: number, max: number) => Math.max(0, Math.min(max - 1, Math.round(v)));
  return {
    x: clamp((x * frame.sourceWidth) / Math.max(1, shownWidth), frame.sourceWidth),
    y: clamp((y * frame.sourceHeight) / Math.max(1, shownHeight), frame.sourceHeight),
  };
}

/** The largest size with the image's aspect ratio that fits a box (never larger than the image). */
export function fitInside(width: number, height: number, boxWidth: number, boxHeight: number): { width: number; height: number } {
  const f = Math.min(1, boxWidth / width, boxHeight / height);
  return { width: Math.max(1, Math.floor(width * f)), height: Math.max(1, Math.floor(height * f)) };
}

/** A keyboard event as the endpoint gets it; null for what must stay local (IME composition, lone dead keys). */
export function keyInput(
  e: { key: string; ctrlKey: boolean; altKey: boolean; shiftKey: boolean; metaKey: boolean; isComposing?: boolean },
  action: 'down' | 'up',
): ScreenInput | null {
  if (e.isComposing || e.key === 'Dead' || e.key === 'Unidentified' || e.key.length > 32) return null;
  return { kind: 'key', action, key: e.key, ctrl: e.ctrlKey, alt: e.altKey, shift: e.shiftKey, meta: e.metaKey };
}

/** The keys of the virtual keyboard: what a physical keyboard cannot send through the browser. */
export const VIRTUAL_KEYS: { label: string; key: string; ctrl?: boolean; alt?: boolean; shift?: boolean; meta?: boolean }[] = [
  { label: 'Esc', key: 'Escape' },
  { label: 'Tab', key: 'Tab' },
  { label: 'Win', key: 'Meta' },
  { label: 'Alt+Tab', key: 'Tab', alt: true },
  { label: 'Alt+F4', key: 'F4', alt: true },
  { label: 'Ctrl+Esc', key: 'Escape', ctrl: true },
  { label: 'Print Screen', key: 'PrintScreen' },
  ...Array.from({ length: 12 }, (_, i) => ({ label: `F${i + 1}`, key: `F${i + 1}` })),
  { label: '←', key: 'ArrowLeft' },
  { label: '↑', key: 'ArrowUp' },
  { label: '↓', key: 'ArrowDown' },
  { label: '→', key: 'ArrowRight' },
  { label: 'Home', key: 'Home' },
  { label: 'End', key: 'End' },
  { label: 'Del', key: 'Delete' },
  { label: 'Enter', key: 'Enter' },
];

/** A virtual key press: key down then up, with its modifiers. */
export function virtualKey(k: (typeof VIRTUAL_KEYS)[number]): ScreenInput[] {
  const mods = { ctrl: k.ctrl ?? false, alt: k.alt ?? false, shift: k.shift ?? false, meta: k.meta ?? false };
  return [
    { kind: 'key', action: 'down', key: k.key, ...mods },
    { kind: 'key', action: 'up', key: k.key, ...mods },
  ];
}
