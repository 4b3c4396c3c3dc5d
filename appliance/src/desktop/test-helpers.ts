/** Shared by the desktop tests: a small desktop and a viewer-side image that frames are applied to. */
import { inflateRawSync } from 'node:zlib';
import { paintTiles, type EncodedFrame } from '../protocol/screen-frames.js';
import type { DesktopSpec } from './spec.js';
import { VirtualDesktop } from './virtual-desktop.js';

export const FIXED_NOW = new Date(2025, 2, 4, 10, 42);

export function smallDesktop(extra: Partial<DesktopSpec> = {}): VirtualDesktop {
  return new VirtualDesktop({
    hostname: 'WS-TEST',
    os: 'windows',
    userName: 'ana',
    password: 'Secret-1',
    monitors: [{ width: 800, height: 600 }],
    windows: [{ app: 'notepad', x: 100, y: 60, w: 500, h: 300, fileName: 'notes.txt', text: 'hello' }],
    now: () => FIXED_NOW,
    ...extra,
  });
}

/** What a viewer holds: an RGBA image that frames are painted onto. */
export class ViewerImage {
  data: Uint8Array;
  constructor(
    public width: number,
    public height: number,
  ) {
    this.data = new Uint8Array(width * height * 4);
  }

  apply(f: EncodedFrame): void {
    if (f.width !== this.width || f.height !== this.height) {
      this.width = f.width;
      this.height = f.height;
      this.data = new Uint8Array(f.width * f.height * 4);
    }
    if (f.tiles.length) paintTiles(f, inflateRawSync(f.data), this);
  }
}

export function center(w: { x: number; y: number; width: number }): { x: number; y: number } {
  return { x: w.x + Math.round(w.width / 2), y: w.y + 12 };
}
