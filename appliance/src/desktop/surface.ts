/**
 * An RGBA pixel buffer with the few drawing primitives a desktop needs: rectangles, borders,
 * gradients, rounded shapes, shadows and anti-aliased text. Every primitive honours the clip
 * rectangle, which is how dirty-rectangle rendering stays cheap: the painter repaints the whole
 * scene with the clip set to one dirty rectangle and everything outside it costs a comparison.
 * Colours are 0xRRGGBB numbers.
 */
import { font, type FontId } from './font/font.js';
import { intersect, type Rect } from './geometry.js';

/** Pixels are written as one little-endian 32-bit word: 0xAABBGGRR. */
function word(color: number): number {
  return (0xff000000 | ((color & 0xff) << 16) | (color & 0xff00) | ((color >> 16) & 0xff)) >>> 0;
}

export class Surface {
  readonly data: Uint8Array;
  readonly u32: Uint32Array;
  private clipRect: Rect;
  /** Drawing coordinates minus the origin are pixel coordinates (a monitor's place in the virtual desktop). */
  private ox = 0;
  private oy = 0;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Uint8Array(width * height * 4);
    this.u32 = new Uint32Array(this.data.buffer);
    this.clipRect = { x: 0, y: 0, w: width, h: height };
  }

  get clip(): Rect {
    return this.clipRect;
  }

  /** Draw in other coordinates: (x, y) lands on pixel (x - ox, y - oy). The clip stays in pixels. */
  setOrigin(ox: number, oy: number): void {
    this.ox = ox;
    this.oy = oy;
  }

  /** Runs `paint` with the clip narrowed to `r` (drawing coordinates; intersected with the current clip). */
  clipped(r: Rect, paint: () => void): void {
    const saved = this.clipRect;
    const c = intersect(saved, { x: r.x - this.ox, y: r.y - this.oy, w: r.w, h: r.h });
    if (!c) return;
    this.clipRect = c;
    try {
      paint();
    } finally {
      this.clipRect = saved;
    }
  }

  /** Sets the clip outright (the painter starts each dirty rectangle with this). */
  setClip(r: Rect): void {
    this.clipRect = intersect(r, { x: 0, y: 0, w: this.width, h: this.height }) ?? { x: 0, y: 0, w: 0, h: 0 };
  }

  /** The part of a rectangle (drawing coordinates) inside the clip, in pixels. */
  private bounds(x: number, y: number, w: number, h: number): Rect | null {
    return intersect(this.clipRect, { x: x - this.ox, y: y - this.oy, w, h });
  }

  fill(x: number, y: number, w: number, h: number, color: number): void {
    const r = this.bounds(x, y, w, h);
    if (r) this.fillPixels(r, color);
  }

  private fillPixels(r: Rect, color: number): void {
    const v = word(color);
    for (let row = r.y; row < r.y + r.h; row++) {
      const start = row * this.width + r.x;
      this.u32.fill(v, start, start + r.w);
    }
  }

  /** Fills with `color` at opacity alpha (0…255) over what is there. */
  blend(x: number, y: number, w: number, h: number, color: number, alpha: number): void {
    const r = this.bounds(x, y, w, h);
    if (!r || alpha <= 0) return;
    if (alpha >= 255) return this.fill(x, y, w, h, color);
    const cr = (color >> 16) & 255;
    const cg = (color >> 8) & 255;
    const cb = color & 255;
    const a = alpha;
    const na = 255 - alpha;
    const d = this.data;
    for (let row = r.y; row < r.y + r.h; row++) {
      let i = (row * this.width + r.x) * 4;
      for (let col = 0; col < r.w; col++, i += 4) {
        d[i] = (cr * a + d[i]! * na + 127) / 255;
        d[i + 1] = (cg * a + d[i + 1]! * na + 127) / 255;
        d[i + 2] = (cb * a + d[i + 2]! * na + 127) / 255;
      }
    }
  }

  /** A 1-pixel border inside the rectangle. */
  stroke(x: number, y: number, w: number, h: number, color: number): void {
    this.fill(x, y, w, 1, color);
    this.fill(x, y + h - 1, w, 1, color);
    this.fill(x, y + 1, 1, h - 2, color);
    this.fill(x + w - 1, y + 1, 1, h - 2, color);
  }

  /** Linear gradient from `from` to `to`, top to bottom ('v') or left to right ('h'). */
  gradient(x: number, y: number, w: number, h: number, from: number, to: number, dir: 'v' | 'h' = 'v'): void {
    const r = this.bounds(x, y, w, h);
    if (!r) return;
    const steps = Math.max(1, (dir === 'v' ? h : w) - 1);
    const mix = (t: number) => {
      const c = (s: number) => Math.round(((from >> s) & 255) + (((to >> s) & 255) - ((from >> s) & 255)) * t);
      return (c(16) << 16) | (c(8) << 8) | c(0);
    };
    if (dir === 'v') {
      for (let row = r.y; row < r.y + r.h; row++) this.fillPixels({ x: r.x, y: row, w: r.w, h: 1 }, mix((row + this.oy - y) / steps));
    } else {
      for (let col = r.x; col < r.x + r.w; col++) this.fillPixels({ x: col, y: r.y, w: 1, h: r.h }, mix((col + this.ox - x) / steps));
    }
  }

  /** Rounded rectangle with anti-aliased corners, optionally translucent. */
  roundRect(x: number, y: number, w: number, h: number, radius: number, color: number, alpha = 255): void {
    const rad = Math.min(radius, Math.floor(w / 2), Math.floor(h / 2));
    if (rad <= 0) return alpha >= 255 ? this.fill(x, y, w, h, color) : this.blend(x, y, w, h, color, alpha);
    const body = (bx: number, by: number, bw: number, bh: number) =>
      alpha >= 255 ? this.fill(bx, by, bw, bh, color) : this.blend(bx, by, bw, bh, color, alpha);
    body(x, y + rad, w, h - 2 * rad);
    body(x + rad, y, w - 2 * rad, rad);
    body(x + rad, y + h - rad, w - 2 * rad, rad);
    const corners: [number, number, number, number][] = [
      [x, y, x + rad, y + rad],
      [x + w - rad, y, x + w - rad, y + rad],
      [x, y + h - rad, x + rad, y + h - rad],
      [x + w - rad, y + h - rad, x + w - rad, y + h - rad],
    ];
    for (const [cx0, cy0, ccx, ccy] of corners) {
      for (let py = cy0; py < cy0 + rad; py++) {
        for (let px = cx0; px < cx0 + rad; px++) {
          const dx = px + 0.5 - ccx;
          const dy = py + 0.5 - ccy;
          const cover = Math.min(1, Math.max(0, rad + 0.5 - Math.sqrt(dx * dx + dy * dy)));
          if (cover > 0) this.plot(px, py, color, Math.round(cover * alpha));
        }
      }
    }
  }

  /** Anti-aliased filled circle. */
  circle(cx: number, cy: number, radius: number, color: number, alpha = 255): void {
    const x0 = Math.floor(cx - radius - 1);
    const y0 = Math.floor(cy - radius - 1);
    const x1 = Math.ceil(cx + radius + 1);
    const y1 = Math.ceil(cy + radius + 1);
    const b = this.bounds(x0, y0, x1 - x0, y1 - y0);
    if (!b) return;
    for (let py = b.y + this.oy; py < b.y + b.h + this.oy; py++) {
      for (let px = b.x + this.ox; px < b.x + b.w + this.ox; px++) {
        const dx = px + 0.5 - cx;
        const dy = py + 0.5 - cy;
        const cover = Math.min(1, Math.max(0, radius + 0.5 - Math.sqrt(dx * dx + dy * dy)));
        if (cover > 0) this.plot(px, py, color, Math.round(cover * alpha));
      }
    }
  }

  /** Anti-aliased line of width ~1.5 px (icons: arrows, ticks, crosses). */
  line(x0: number, y0: number, x1: number, y1: number, color: number, width = 1.5): void {
    const minX = Math.floor(Math.min(x0, x1) - width);
    const minY = Math.floor(Math.min(y0, y1) - width);
    const maxX = Math.ceil(Math.max(x0, x1) + width);
    const maxY = Math.ceil(Math.max(y0, y1) + width);
    const b = this.bounds(minX, minY, maxX - minX, maxY - minY);
    if (!b) return;
    const vx = x1 - x0;
    const vy = y1 - y0;
    const len2 = vx * vx + vy * vy || 1;
    for (let py = b.y + this.oy; py < b.y + b.h + this.oy; py++) {
      for (let px = b.x + this.ox; px < b.x + b.w + this.ox; px++) {
        const qx = px + 0.5 - x0;
        const qy = py + 0.5 - y0;
        const t = Math.max(0, Math.min(1, (qx * vx + qy * vy) / len2));
        const dx = qx - t * vx;
        const dy = qy - t * vy;
        const cover = Math.min(1, Math.max(0, width / 2 + 0.5 - Math.sqrt(dx * dx + dy * dy)));
        if (cover > 0) this.plot(px, py, color, Math.round(cover * 255));
      }
    }
  }

  /** A soft drop shadow around a rectangle (drawn before the rectangle itself). */
  shadow(x: number, y: number, w: number, h: number, size = 6, strength = 50): void {
    for (let i = size; i >= 1; i--) {
      const a = Math.round((strength * (size - i + 1)) / (size * size));
      this.blend(x - i, y - i + 2, w + 2 * i, 1, 0, a);
      this.blend(x - i, y + h + i + 1, w + 2 * i, 1, 0, a);
      this.blend(x - i, y - i + 3, 1, h + 2 * i - 2, 0, a);
      this.blend(x + w + i - 1, y - i + 3, 1, h + 2 * i - 2, 0, a);
    }
  }

  /** Multiplies the pixels under a rectangle by factor/256 (dimming behind a secure-desktop dialog). */
  darken(x: number, y: number, w: number, h: number, factor: number): void {
    const r = this.bounds(x, y, w, h);
    if (!r) return;
    const d = this.data;
    for (let row = r.y; row < r.y + r.h; row++) {
      let i = (row * this.width + r.x) * 4;
      for (let col = 0; col < r.w; col++, i += 4) {
        d[i] = (d[i]! * factor) >> 8;
        d[i + 1] = (d[i + 1]! * factor) >> 8;
        d[i + 2] = (d[i + 2]! * factor) >> 8;
      }
    }
  }

  /** Copies the same pixels of another surface of the same size (the cached wallpaper) into the clip. */
  copyFrom(src: Surface): void {
    const r = this.clipRect;
    if (!r) return;
    for (let row = r.y; row < r.y + r.h; row++) {
      const s = row * src.width + r.x;
      this.u32.set(src.u32.subarray(s, s + r.w), row * this.width + r.x);
    }
  }

  /** One pixel blended at alpha (clipped). */
  plot(x: number, y: number, color: number, alpha: number): void {
    x -= this.ox;
    y -= this.oy;
    const c = this.clipRect;
    if (x < c.x || y < c.y || x >= c.x + c.w || y >= c.y + c.h || alpha <= 0) return;
    const i = (y * this.width + x) * 4;
    const d = this.data;
    if (alpha >= 255) {
      this.u32[i >> 2] = word(color);
      return;
    }
    const na = 255 - alpha;
    d[i] = (((color >> 16) & 255) * alpha + d[i]! * na + 127) / 255;
    d[i + 1] = (((color >> 8) & 255) * alpha + d[i + 1]! * na + 127) / 255;
    d[i + 2] = ((color & 255) * alpha + d[i + 2]! * na + 127) / 255;
  }

  /**
   * Draws one line of text with its top at `y`; returns the width drawn. With `maxWidth` the text
   * is cut with an ellipsis.
   */
  text(x: number, y: number, str: string, fontId: FontId, color: number, maxWidth?: number): number {
    const f = font(fontId);
    const s = maxWidth === undefined ? str : f.fit(str, maxWidth);
    x -= this.ox;
    y -= this.oy;
    const c = this.clipRect;
    if (y > c.y + c.h || y + f.lineHeight < c.y || x > c.x + c.w) return f.measure(s);
    const cr = (color >> 16) & 255;
    const cg = (color >> 8) & 255;
    const cb = color & 255;
    const d = this.data;
    let pen = x;
    for (const ch of s) {
      const g = f.glyph(ch.codePointAt(0)!);
      const gx = pen + g.x;
      const gy = y + g.y;
      pen += g.advance;
      if (g.w === 0 || gx >= c.x + c.w || gx + g.w <= c.x || gy >= c.y + c.h || gy + g.h <= c.y) continue;
      const x0 = Math.max(gx, c.x);
      const x1 = Math.min(gx + g.w, c.x + c.w);
      const y0 = Math.max(gy, c.y);
      const y1 = Math.min(gy + g.h, c.y + c.h);
      for (let py = y0; py < y1; py++) {
        let ai = (py - gy) * g.w + (x0 - gx);
        let i = (py * this.width + x0) * 4;
        for (let px = x0; px < x1; px++, ai++, i += 4) {
          const a = g.alpha[ai]!;
          if (a === 0) continue;
          const na = 255 - a;
          d[i] = (cr * a + d[i]! * na + 127) / 255;
          d[i + 1] = (cg * a + d[i + 1]! * na + 127) / 255;
          d[i + 2] = (cb * a + d[i + 2]! * na + 127) / 255;
        }
      }
    }
    return pen - x;
  }

  /** Text centred horizontally in [x, x + w). */
  textCentered(x: number, w: number, y: number, str: string, fontId: FontId, color: number): void {
    const f = font(fontId);
    const s = f.fit(str, w);
    this.text(x + Math.floor((w - f.measure(s)) / 2), y, s, fontId, color);
  }

  /** The region as a new tightly packed RGBA array (screenshots, tests). */
  crop(r: Rect): Uint8Array {
    const out = new Uint8Array(r.w * r.h * 4);
    for (let row = 0; row < r.h; row++) {
      const s = ((r.y + row) * this.width + r.x) * 4;
      out.set(this.data.subarray(s, s + r.w * 4), row * r.w * 4);
    }
    return out;
  }
}
