/**
 * Anti-aliased bitmap fonts rasterised from DejaVu (glyphs.generated.ts, made by generate.py):
 * per glyph a 4-bit alpha map, unpacked to 8-bit on first use.
 */
import { PACKED_FONTS } from './glyphs.generated.js';

export interface PackedFont {
  size: number;
  ascent: number;
  descent: number;
  /** Per glyph: code point, advance, x offset, y offset (from the line top), width, height, nibble offset. */
  metrics: number[];
  /** Base64 of the 4-bit alpha maps, high nibble first. */
  alpha: string;
}

export type FontId = keyof typeof PACKED_FONTS;

export interface Glyph {
  advance: number;
  x: number;
  y: number;
  w: number;
  h: number;
  /** w × h alpha values 0…255. */
  alpha: Uint8Array;
}

export class Font {
  readonly ascent: number;
  readonly lineHeight: number;
  readonly size: number;
  private readonly glyphs = new Map<number, Glyph>();
  private readonly fallback: Glyph;

  constructor(packed: PackedFont) {
    this.size = packed.size;
    this.ascent = packed.ascent;
    this.lineHeight = packed.ascent + packed.descent;
    const bytes = Buffer.from(packed.alpha, 'base64');
    const m = packed.metrics;
    for (let i = 0; i + 6 < m.length; i += 7) {
      const [cp, advance, x, y, w, h, off] = [m[i]!, m[i + 1]!, m[i + 2]!, m[i + 3]!, m[i + 4]!, m[i + 5]!, m[i + 6]!];
      const alpha = new Uint8Array(w * h);
      for (let k = 0; k < w * h; k++) {
        const n = off + k;
        const byte = bytes[n >> 1]!;
        alpha[k] = (n & 1 ? byte & 15 : byte >> 4) * 17;
      }
      this.glyphs.set(cp, { advance, x, y, w, h, alpha });
    }
    this.fallback = this.glyphs.get(63) ?? this.glyphs.get(32) ?? { advance: 0, x: 0, y: 0, w: 0, h: 0, alpha: new Uint8Array(0) };
  }

  glyph(codePoint: number): Glyph {
    return this.glyphs.get(codePoint) ?? this.fallback;
  }

  /** Width of a string in pixels. */
  measure(text: string): number {
    let w = 0;
    for (const ch of text) w += this.glyph(ch.codePointAt(0)!).advance;
    return w;
  }

  /** The longest prefix of `text` that fits in `width`, with "…" when cut. */
  fit(text: string, width: number): string {
    if (this.measure(text) <= width) return text;
    const ell = this.glyph(0x2026).advance;
    let w = 0;
    let out = '';
    for (const ch of text) {
      const a = this.glyph(ch.codePointAt(0)!).advance;
      if (w + a + ell > width) break;
      w += a;
      out += ch;
    }
    return out + '…';
  }
}

const cache = new Map<FontId, Font>();

export function font(id: FontId): Font {
  let f = cache.get(id);
  if (!f) {
    f = new Font(PACKED_FONTS[id]);
    cache.set(id, f);
  }
  return f;
}
