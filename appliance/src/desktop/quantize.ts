/**
 * Colour reduction: writes one tile of an RGBA surface in a tile format (see
 * protocol/screen-frames.ts). This is where the colour modes change the bytes sent: 1, 4, 8, 16 or
 * 24 bits a pixel before compression, and fewer distinct values for deflate to encode.
 */
import { PALETTE_4, palette8, rowBytes, type TileFormat } from '../protocol/screen-frames.js';
import type { Rect } from './geometry.js';
import type { Surface } from './surface.js';

/**
 * Black and White picks its threshold per 8×4 block (short, so few blocks straddle a window's top
 * edge over a dark desktop). A block is light when at least half of its pixels are. On light blocks the threshold is high: light-grey borders, mid-tone controls and the
 * anti-aliased edges of dark text turn black, so they stay visible and text stays solid. On dark
 * blocks (taskbar, dark desktop, a terminal) it is low, so light text there keeps its strokes.
 */
export const MONO_THRESHOLD_LIGHT = 200;
export const MONO_THRESHOLD_DARK = 90;
const BLOCK_W = 8;
const BLOCK_H = 4;
/** A pixel this bright or brighter counts as light. */
const LIGHT_PIXEL = 160;
const blockThresholds = new Uint32Array(Math.ceil(64 / BLOCK_W) * Math.ceil(64 / BLOCK_H));

/** Fills blockThresholds for tile r (luminance scaled by 256); returns the blocks per row. */
function monoThresholds(d: Uint8Array, width: number, r: Rect): number {
  const bw = Math.ceil(r.w / BLOCK_W);
  const bh = Math.ceil(r.h / BLOCK_H);
  blockThresholds.fill(0, 0, bw * bh);
  for (let y = 0; y < r.h; y++) {
    const rowBlock = Math.floor(y / BLOCK_H) * bw;
    let i = ((r.y + y) * width + r.x) * 4;
    for (let x = 0; x < r.w; x++, i += 4) {
      if (d[i]! * 77 + d[i + 1]! * 150 + d[i + 2]! * 29 >= LIGHT_PIXEL * 256) blockThresholds[rowBlock + (x >> 3)]!++;
    }
  }
  for (let b = 0; b < bw * bh; b++) {
    const bx = b % bw;
    const by = Math.floor(b / bw);
    const n = Math.min(BLOCK_W, r.w - bx * BLOCK_W) * Math.min(BLOCK_H, r.h - by * BLOCK_H);
    blockThresholds[b] = (blockThresholds[b]! * 2 >= n ? MONO_THRESHOLD_LIGHT : MONO_THRESHOLD_DARK) * 256;
  }
  return bw;
}

function nearest(r: number, g: number, b: number, count: number, rgbAt: (i: number) => [number, number, number]): number {
  let best = 0;
  let bestD = Infinity;
  for (let i = 0; i < count; i++) {
    const [pr, pg, pb] = rgbAt(i);
    // Weighted distance (the eye is most sensitive to green, least to blue).
    const dist = 2 * (r - pr) ** 2 + 4 * (g - pg) ** 2 + 3 * (b - pb) ** 2;
    if (dist < bestD) {
      bestD = dist;
      best = i;
    }
  }
  return best;
}

let lut4: Uint8Array | null = null;
/** RGB 4:4:4 (12 bits) → Few Colors palette index. */
function paletteLut4(): Uint8Array {
  if (lut4) return lut4;
  lut4 = new Uint8Array(4096);
  for (let i = 0; i < 4096; i++) {
    const r = ((i >> 8) & 15) * 17;
    const g = ((i >> 4) & 15) * 17;
    const b = (i & 15) * 17;
    lut4[i] = nearest(r, g, b, 16, (k) => {
      const c = PALETTE_4[k]!;
      return [c >> 16, (c >> 8) & 255, c & 255];
    });
  }
  return lut4;
}

let lut8: Uint8Array | null = null;
/** RGB 5:5:5 (15 bits) → More Colors palette index. */
function paletteLut8(): Uint8Array {
  if (lut8) return lut8;
  const p = palette8();
  lut8 = new Uint8Array(32768);
  for (let i = 0; i < 32768; i++) {
    const r = (((i >> 10) & 31) * 527 + 23) >> 6;
    const g = (((i >> 5) & 31) * 527 + 23) >> 6;
    const b = ((i & 31) * 527 + 23) >> 6;
    lut8[i] = nearest(r, g, b, 256, (k) => [p[3 * k]!, p[3 * k + 1]!, p[3 * k + 2]!]);
  }
  return lut8;
}

/** Writes tile `r` of `src` at out[o…]; returns the number of bytes written. */
export function encodeTile(src: Surface, r: Rect, format: TileFormat, out: Uint8Array, o: number): number {
  const stride = rowBytes(format, r.w);
  const d = src.data;
  const start = o;
  const l4 = format === 'pal4' ? paletteLut4() : null;
  const l8 = format === 'pal8' ? paletteLut8() : null;
  const blocksPerRow = format === 'mono1' ? monoThresholds(d, src.width, r) : 0;
  for (let y = r.y; y < r.y + r.h; y++) {
    let i = (y * src.width + r.x) * 4;
    const end = i + r.w * 4;
    switch (format) {
      case 'mono1': {
        out.fill(0, o, o + stride);
        const blockRow = Math.floor((y - r.y) / BLOCK_H) * blocksPerRow;
        for (let x = 0; i < end; i += 4, x++) {
          if (d[i]! * 77 + d[i + 1]! * 150 + d[i + 2]! * 29 >= blockThresholds[blockRow + (x >> 3)]!) out[o + (x >> 3)]! |= 0x80 >> (x & 7);
        }
        break;
      }
      case 'pal4': {
        out.fill(0, o, o + stride);
        for (let x = 0; i < end; i += 4, x++) {
          const idx = l4![((d[i]! >> 4) << 8) | ((d[i + 1]! >> 4) << 4) | (d[i + 2]! >> 4)]!;
          out[o + (x >> 1)]! |= x & 1 ? idx : idx << 4;
        }
        break;
      }
      case 'pal8':
        for (let p = o; i < end; i += 4, p++) out[p] = l8![((d[i]! >> 3) << 10) | ((d[i + 1]! >> 3) << 5) | (d[i + 2]! >> 3)]!;
        break;
      case 'rgb565':
        for (let p = o; i < end; i += 4, p += 2) {
          const v = ((d[i]! >> 3) << 11) | ((d[i + 1]! >> 2) << 5) | (d[i + 2]! >> 3);
          out[p] = v & 255;
          out[p + 1] = v >> 8;
        }
        break;
      default: {
        let pr = 0;
        let pg = 0;
        let pb = 0;
        for (let p = o; i < end; i += 4, p += 3) {
          const r0 = d[i]!;
          const g0 = d[i + 1]!;
          const b0 = d[i + 2]!;
          out[p] = (r0 - pr) & 255;
          out[p + 1] = (g0 - pg) & 255;
          out[p + 2] = (b0 - pb) & 255;
          pr = r0;
          pg = g0;
          pb = b0;
        }
      }
    }
    o += stride;
  }
  return o - start;
}
