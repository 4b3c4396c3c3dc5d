/**
 * Procedural wallpapers (computed once per OS and monitor size, then copied): a blue "bloom" for
 * Windows, dunes at dusk for macOS, a violet-orange sweep for Linux and phones. The reduced colour
 * modes show a plain colour instead, as the vendor's do.
 */
import type { OsFlavor } from './spec.js';
import { Surface } from './surface.js';

/** The plain desktop colour of the reduced colour modes. */
export const SOLID_WALLPAPER: Record<OsFlavor, number> = {
  windows: 0x0b2a4a,
  macos: 0x2d2d3a,
  linux: 0x2c0f2a,
  ios: 0x1c2230,
  android: 0x1b2a22,
};

const cache = new Map<string, Surface>();

export function wallpaper(os: OsFlavor, width: number, height: number): Surface {
  const key = `${os}:${width}x${height}`;
  let s = cache.get(key);
  if (!s) {
    s = render(os, width, height);
    cache.set(key, s);
  }
  return s;
}

function clamp(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : v;
}

function render(os: OsFlavor, width: number, height: number): Surface {
  const s = new Surface(width, height);
  const d = s.data;
  const diag = Math.hypot(width, height);
  for (let y = 0; y < height; y++) {
    const v = y / height;
    for (let x = 0; x < width; x++) {
      const u = x / width;
      let r: number, g: number, b: number;
      if (os === 'windows') {
        // Navy to blue, a soft glow right of centre and broad light beams from the top left.
        const t = u * 0.45 + v * 0.55;
        const dx = (x - width * 0.68) / diag;
        const dy = (y - height * 0.45) / diag;
        const glow = Math.exp(-(dx * dx + dy * dy) * 26);
        const bx = (x + width * 0.25) / diag;
        const by = (y + height * 0.35) / diag;
        const ang = Math.atan2(by, bx);
        const beam = Math.pow(0.5 + 0.5 * Math.cos(ang * 14), 6) * Math.min(1, Math.hypot(bx, by) * 0.9) * (1 - v * 0.6);
        r = 2 + 10 * t + glow * 90 + beam * 30;
        g = 18 + 40 * t + glow * 150 + beam * 60;
        b = 52 + 90 * t + glow * 200 + beam * 90;
      } else if (os === 'macos') {
        // Dusk sky over two dune lines.
        const dune1 = 0.62 + 0.06 * Math.sin(u * 5.2 + 0.8) + 0.03 * Math.sin(u * 13);
        const dune2 = 0.78 + 0.05 * Math.sin(u * 3.1 + 2.2) + 0.02 * Math.sin(u * 17 + 1);
        if (v > dune2) {
          r = 70 + 40 * (v - dune2);
          g = 38;
          b = 80;
        } else if (v > dune1) {
          r = 150 - 60 * (v - dune1) * 4;
          g = 70;
          b = 110;
        } else {
          r = 40 + 200 * v;
          g = 40 + 90 * v;
          b = 110 + 60 * (1 - v);
        }
      } else {
        // Violet to orange, corner to corner (Linux, phones).
        const t = (u * 0.6 + v * 0.4);
        const glow = Math.exp(-(((u - 0.8) ** 2) + ((v - 0.85) ** 2)) * 6);
        r = 60 + 120 * t + glow * 80;
        g = 12 + 40 * t + glow * 60;
        b = 70 - 30 * t + glow * 10;
        if (os === 'android') [r, g, b] = [g * 0.6, r * 0.55, b * 0.9 + 20];
      }
      const i = (y * width + x) * 4;
      d[i] = clamp(r);
      d[i + 1] = clamp(g);
      d[i + 2] = clamp(b);
      d[i + 3] = 255;
    }
  }
  return s;
}
