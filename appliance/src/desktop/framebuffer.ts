/**
 * Framebuffers with dirty tracking in tiles. A MonitorCanvas holds one monitor painted one way
 * (with or without the real wallpaper): scene changes mark rectangles dirty, flush() repaints only
 * those and bumps the version of every tile they touch. A ScaledCanvas is a box-filtered smaller
 * copy that resamples only the tiles whose source changed. Viewers compare tile versions, then
 * content hashes (a repaint that changed nothing sends nothing).
 */
import { TILE_SIZE, type MonitorInfo } from '../protocol/screen-frames.js';
import { intersect, union, type Rect } from './geometry.js';
import { paintMonitor, type PaintOptions } from './painter.js';
import type { Scene } from './scene.js';
import { Surface } from './surface.js';

/** Past this many separate dirty rectangles they are merged into their bounding box. */
const MAX_DIRTY_RECTS = 24;

export abstract class TiledImage {
  readonly surface: Surface;
  readonly cols: number;
  readonly rows: number;
  /** Per tile: the version it was last repainted at (0 = never). */
  readonly tileVersion: Uint32Array;
  private readonly hashVersion: Uint32Array;
  private readonly hashA: Uint32Array;
  private readonly hashB: Uint32Array;
  private version = 0;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.surface = new Surface(width, height);
    this.cols = Math.ceil(width / TILE_SIZE);
    this.rows = Math.ceil(height / TILE_SIZE);
    const n = this.cols * this.rows;
    this.tileVersion = new Uint32Array(n);
    this.hashVersion = new Uint32Array(n);
    this.hashA = new Uint32Array(n);
    this.hashB = new Uint32Array(n);
  }

  /** Brings the pixels up to date; returns whether any tile changed. */
  abstract flush(): boolean;

  tileRect(i: number): Rect {
    const x = (i % this.cols) * TILE_SIZE;
    const y = Math.floor(i / this.cols) * TILE_SIZE;
    return { x, y, w: Math.min(TILE_SIZE, this.width - x), h: Math.min(TILE_SIZE, this.height - y) };
  }

  /** Records that the pixels in `r` (pixel coordinates) were rewritten. */
  protected bump(r: Rect): void {
    const v = ++this.version;
    const c0 = Math.max(0, Math.floor(r.x / TILE_SIZE));
    const c1 = Math.min(this.cols - 1, Math.floor((r.x + r.w - 1) / TILE_SIZE));
    const r0 = Math.max(0, Math.floor(r.y / TILE_SIZE));
    const r1 = Math.min(this.rows - 1, Math.floor((r.y + r.h - 1) / TILE_SIZE));
    for (let row = r0; row <= r1; row++) for (let col = c0; col <= c1; col++) this.tileVersion[row * this.cols + col] = v;
  }

  /** Two independent 32-bit hashes of a tile's pixels (cached per tile version). */
  hash(i: number): [number, number] {
    if (this.hashVersion[i] !== this.tileVersion[i] || this.tileVersion[i] === 0) {
      const r = this.tileRect(i);
      const px = this.surface.u32;
      let a = 0x811c9dc5;
      let b = 0x9747b28c;
      for (let y = r.y; y < r.y + r.h; y++) {
        let p = y * this.width + r.x;
        const end = p + r.w;
        for (; p < end; p++) {
          const v = px[p]!;
          a = Math.imul(a ^ v, 0x01000193);
          b = Math.imul(b + v, 0x5bd1e995) ^ (b >>> 13);
        }
      }
      this.hashA[i] = a >>> 0;
      this.hashB[i] = b >>> 0;
      this.hashVersion[i] = this.tileVersion[i]!;
    }
    return [this.hashA[i]!, this.hashB[i]!];
  }
}

export class MonitorCanvas extends TiledImage {
  private dirty: Rect[];

  constructor(
    private readonly scene: Scene,
    readonly monitor: MonitorInfo,
    readonly options: PaintOptions,
  ) {
    super(monitor.width, monitor.height);
    this.dirty = [{ x: 0, y: 0, w: monitor.width, h: monitor.height }];
  }

  /** A scene change at `r` (virtual-desktop coordinates). */
  markDirty(r: Rect): void {
    const m = this.monitor;
    const local = intersect({ x: r.x - m.x, y: r.y - m.y, w: r.w, h: r.h }, { x: 0, y: 0, w: m.width, h: m.height });
    if (!local) return;
    let merged = local;
    const keep: Rect[] = [];
    for (const d of this.dirty) {
      if (intersect(d, merged)) merged = union(d, merged);
      else keep.push(d);
    }
    keep.push(merged);
    this.dirty = keep.length > MAX_DIRTY_RECTS ? [keep.reduce(union)] : keep;
  }

  flush(): boolean {
    if (this.dirty.length === 0) return false;
    const todo = this.dirty;
    this.dirty = [];
    for (const r of todo) {
      this.surface.setClip(r);
      paintMonitor(this.scene, this.monitor, this.surface, this.options);
      this.bump(r);
    }
    this.surface.setClip({ x: 0, y: 0, w: this.width, h: this.height });
    return true;
  }
}

/** A monitor canvas box-filtered down to a viewer's size (never up: the viewer scales up itself). */
export class ScaledCanvas extends TiledImage {
  private readonly seen: Uint32Array;
  private readonly xs: Int32Array;
  private readonly ys: Int32Array;

  constructor(
    readonly source: TiledImage,
    width: number,
    height: number,
  ) {
    super(width, height);
    this.seen = new Uint32Array(source.tileVersion.length);
    // Source span of each destination column / row: [xs[i], xs[i + 1]).
    const span = (n: number, src: number) => Int32Array.from({ length: n + 1 }, (_, i) => Math.min(src, Math.floor((i * src) / n)));
    this.xs = span(width, source.width);
    this.ys = span(height, source.height);
  }

  flush(): boolean {
    const src = this.source;
    src.flush();
    let changed = false;
    const sx = this.width / src.width;
    const sy = this.height / src.height;
    for (let i = 0; i < src.tileVersion.length; i++) {
      if (src.tileVersion[i] === this.seen[i]) continue;
      this.seen[i] = src.tileVersion[i]!;
      const t = src.tileRect(i);
      const x0 = Math.max(0, Math.floor(t.x * sx) - 1);
      const y0 = Math.max(0, Math.floor(t.y * sy) - 1);
      const x1 = Math.min(this.width, Math.ceil((t.x + t.w) * sx) + 1);
      const y1 = Math.min(this.height, Math.ceil((t.y + t.h) * sy) + 1);
      this.resample({ x: x0, y: y0, w: x1 - x0, h: y1 - y0 });
      changed = true;
    }
    return changed;
  }

  private resample(r: Rect): void {
    const src = this.source.surface.data;
    const sw = this.source.width;
    const out = this.surface.data;
    for (let dy = r.y; dy < r.y + r.h; dy++) {
      const y0 = this.ys[dy]!;
      const y1 = Math.max(y0 + 1, this.ys[dy + 1]!);
      for (let dx = r.x; dx < r.x + r.w; dx++) {
        const x0 = this.xs[dx]!;
        const x1 = Math.max(x0 + 1, this.xs[dx + 1]!);
        let rs = 0;
        let gs = 0;
        let bs = 0;
        for (let y = y0; y < y1; y++) {
          let i = (y * sw + x0) * 4;
          for (let x = x0; x < x1; x++, i += 4) {
            rs += src[i]!;
            gs += src[i + 1]!;
            bs += src[i + 2]!;
          }
        }
        const n = (y1 - y0) * (x1 - x0);
        const o = (dy * this.width + dx) * 4;
        out[o] = (rs + (n >> 1)) / n;
        out[o + 1] = (gs + (n >> 1)) / n;
        out[o + 2] = (bs + (n >> 1)) / n;
        out[o + 3] = 255;
      }
    }
    this.bump(r);
  }
}
