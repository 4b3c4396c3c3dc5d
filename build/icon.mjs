#!/usr/bin/env node
// Draws the app icon, build/icon.png (512×512 RGBA): a blue rounded square — the console's accent
// colour — with a white "R" monogram and a small status dot. Plain geometry, 4×4 supersampled, no
// image libraries, so the PNG is reproducible byte for byte on any machine.
//   node build/icon.mjs          writes build/icon.png
//   node build/icon.mjs --check  exits 1 if the committed file differs from what this draws
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4;
const TOP = [0x3b, 0x7b, 0xea]; // a little lighter than --accent (#2f6fde) at the top
const BOTTOM = [0x1f, 0x4f, 0xb8]; // and darker at the bottom
const WHITE = [0xff, 0xff, 0xff];
const DOT = [0x3d, 0xd6, 0x8c]; // "online" green

/** Inside a rounded square with corner radius r, inset by m. */
function inRoundedSquare(x, y, m, r) {
  const lo = m + r;
  const hi = SIZE - m - r;
  const cx = Math.min(Math.max(x, lo), hi);
  const cy = Math.min(Math.max(y, lo), hi);
  return x >= m && x <= SIZE - m && y >= m && y <= SIZE - m && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Distance from (x, y) to the segment (ax, ay)–(bx, by). */
function segmentDistance(x, y, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** The "R": a stem, a bowl (rectangle + half disc, minus the same shape smaller) and a leg. */
function inLetter(x, y) {
  const ox = -16; // centre the letter optically
  const px = x - ox;
  const stem = px >= 150 && px <= 206 && y >= 120 && y <= 392;
  const bowlOuter = y >= 120 && y <= 290 && ((px >= 150 && px <= 260) || (px > 260 && (px - 260) ** 2 + (y - 205) ** 2 <= 85 ** 2));
  const bowlInner = y >= 168 && y <= 242 && ((px >= 150 && px <= 260) || (px > 260 && (px - 260) ** 2 + (y - 205) ** 2 <= 37 ** 2));
  const leg = y >= 242 && y <= 392 && segmentDistance(px, y, 240, 262, 352, 392) <= 28;
  return stem || (bowlOuter && !bowlInner) || leg;
}

function inDot(x, y) {
  return (x - 392) ** 2 + (y - 372) ** 2 <= 34 ** 2;
}

function inDotRing(x, y) {
  return (x - 392) ** 2 + (y - 372) ** 2 <= 46 ** 2;
}

/** The colour (RGBA) of one sample point. */
function sample(x, y) {
  if (!inRoundedSquare(x, y, 16, 96)) return [0, 0, 0, 0];
  if (inDot(x, y)) return [...DOT, 255];
  if (inLetter(x, y) && !inDotRing(x, y)) return [...WHITE, 255];
  const t = y / SIZE;
  return [...TOP.map((c, i) => Math.round(c + (BOTTOM[i] - c) * t)), 255];
}

/** Raw RGBA rows, each prefixed with PNG filter type 0. */
export function drawIcon() {
  const stride = SIZE * 4 + 1;
  const raw = Buffer.alloc(stride * SIZE);
  for (let y = 0; y < SIZE; y++) {
    raw[y * stride] = 0;
    for (let x = 0; x < SIZE; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const [cr, cg, cb, ca] = sample(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
          // Premultiplied, so transparent samples do not darken the edges.
          r += cr * ca; g += cg * ca; b += cb * ca; a += ca;
        }
      }
      const o = y * stride + 1 + x * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round(a / (SAMPLES * SAMPLES));
    }
  }
  return raw;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** The complete PNG file. */
export function iconPng() {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  header[10] = 0; // deflate
  header[11] = 0; // adaptive filtering
  header[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(drawIcon(), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Run as a script (not imported).
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const target = new URL('./icon.png', import.meta.url);
  const png = iconPng();
  if (process.argv.includes('--check')) {
    let current = null;
    try { current = readFileSync(target); } catch { /* missing */ }
    if (!current || !current.equals(png)) {
      console.error('build/icon.png is out of date: run `node build/icon.mjs`.');
      process.exit(1);
    }
  } else {
    writeFileSync(target, png);
    console.log(`wrote build/icon.png (${png.length} bytes)`);
  }
}
