/**
 * Screen sharing on the wire: the colour modes, the tile formats and their palettes, the binary
 * frame layout, and the rep's input events. Shared by the appliance (which renders and encodes:
 * `appliance/src/desktop/`) and the renderer (which decodes and paints onto a canvas), so the two
 * ends cannot drift apart. Pure: no Node built-ins (decompression is the caller's: zlib on the
 * appliance, `DecompressionStream('deflate-raw')` in the browser).
 *
 * A frame is a set of changed rectangles (tiles of at most TILE_SIZE × TILE_SIZE pixels) of one
 * monitor, in one tile format. The tile payloads are concatenated (each tile row by row, rows
 * byte-aligned) and the whole concatenation is deflated once (raw deflate, no zlib header). A
 * keyframe covers the whole image; a delta frame only the tiles that changed since the previous
 * frame sent to that viewer.
 */
import { z } from 'zod';

/** Side of a tile; the last column and row of tiles may be narrower. */
export const TILE_SIZE = 64;

/** The vendor's five colour modes, in the order of its menu (least bandwidth first). */
export const ColorMode = z.enum(['black-and-white', 'few-colors', 'more-colors', 'all-colors', 'video-optimized']);
export type ColorMode = z.infer<typeof ColorMode>;

export const COLOR_MODE_LABELS: Record<ColorMode, string> = {
  'black-and-white': 'Black and White',
  'few-colors': 'Few Colors',
  'more-colors': 'More Colors',
  'all-colors': 'All Colors',
  'video-optimized': 'Video Optimized',
};

/**
 * How the pixels of a tile are stored. mono1: 1 bit (0 black, 1 white), most significant bit
 * first; pal4: 4-bit indices into PALETTE_4, high nibble first; pal8: 8-bit indices into
 * palette8(); rgb565: 16-bit little-endian; rgb24: R, G, B bytes, each stored as the difference
 * (mod 256) from the pixel to its left in the same tile row (PNG's "Sub" filter: flat areas and
 * gradients become runs of small numbers that deflate well); a row's first pixel is stored as is.
 */
export const TileFormat = z.enum(['mono1', 'pal4', 'pal8', 'rgb565', 'rgb24']);
export type TileFormat = z.infer<typeof TileFormat>;

/** The format each colour mode sends. Video Optimized trades colour depth for speed. */
export const COLOR_MODE_FORMAT: Record<ColorMode, TileFormat> = {
  'black-and-white': 'mono1',
  'few-colors': 'pal4',
  'more-colors': 'pal8',
  'all-colors': 'rgb24',
  'video-optimized': 'rgb565',
};

/** As the vendor documents: only All Colors and Video Optimized show the real wallpaper. */
export function showsWallpaper(mode: ColorMode): boolean {
  return mode === 'all-colors' || mode === 'video-optimized';
}

/** Bits per pixel of each format. */
export const FORMAT_BITS: Record<TileFormat, number> = { mono1: 1, pal4: 4, pal8: 8, rgb565: 16, rgb24: 24 };

/** Bytes of one row of `width` pixels in a format (rows are byte-aligned). */
export function rowBytes(format: TileFormat, width: number): number {
  return Math.ceil((width * FORMAT_BITS[format]) / 8);
}

/** The 16 colours of Few Colors (0xRRGGBB): seven greys, then the colours a desktop uses most. */
export const PALETTE_4: readonly number[] = [
  0x000000, 0x202020, 0x505050, 0x808080, 0xb0b0b0, 0xe6e6e6, 0xffffff, 0x0078d4,
  0x0b2a4a, 0x99c9ef, 0xe81123, 0x16a34a, 0xffb900, 0xff8c00, 0x00b7c3, 0x8764b8,
];

let palette8Cache: Uint8Array | null = null;
/** The 256 colours of More Colors as R, G, B triples: a 6×6×6 colour cube, then 40 greys. */
export function palette8(): Uint8Array {
  if (palette8Cache) return palette8Cache;
  const p = new Uint8Array(256 * 3);
  let i = 0;
  for (let r = 0; r < 6; r++) for (let g = 0; g < 6; g++) for (let b = 0; b < 6; b++) {
    p[i++] = r * 51;
    p[i++] = g * 51;
    p[i++] = b * 51;
  }
  for (let k = 1; k <= 40; k++) {
    const v = Math.round((k * 255) / 41);
    p[i++] = v;
    p[i++] = v;
    p[i++] = v;
  }
  palette8Cache = p;
  return p;
}

/** A changed rectangle in image pixels. */
export interface TileRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const CursorShape = z.enum(['arrow', 'ibeam', 'hand', 'move', 'wait', 'none']);
export type CursorShape = z.infer<typeof CursorShape>;
const CURSOR_CODES: readonly CursorShape[] = CursorShape.options;

/** One monitor of an endpoint, in the endpoint's virtual-desktop coordinates. */
export const MonitorInfo = z.object({
  id: z.string(),
  /** "1", "2", … as the monitor menu lists them. */
  name: z.string(),
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Marked "P" in the monitor menu. */
  primary: z.boolean(),
});
export type MonitorInfo = z.infer<typeof MonitorInfo>;

/**
 * One encoded frame of one monitor for one viewer. `data` is the raw-deflated concatenation of the
 * tile payloads, in `tiles` order. Coordinates are image pixels (`width` × `height`, scaled when
 * the viewer asked for a smaller size); `sourceWidth` × `sourceHeight` is the monitor's real size,
 * which is what input coordinates use.
 */
export interface EncodedFrame {
  seq: number;
  monitorId: string;
  width: number;
  height: number;
  sourceWidth: number;
  sourceHeight: number;
  colorMode: ColorMode;
  format: TileFormat;
  keyframe: boolean;
  tiles: TileRect[];
  /** Uncompressed length of the tile payloads. */
  rawLength: number;
  data: Uint8Array;
  /** The endpoint's pointer in image pixels; the viewer draws it (it is not in the tiles). */
  cursor: { x: number; y: number; shape: CursorShape } | null;
}

const MAGIC = 0x31465352; // "RSF1" little-endian
const HEADER = 36;
const FORMAT_CODES = TileFormat.options;
const MODE_CODES = ColorMode.options;

/** The frame as one binary WebSocket message (little-endian header, tile rects, deflated data). */
export function packFrame(f: EncodedFrame): Uint8Array {
  const id = new TextEncoder().encode(f.monitorId);
  if (id.length > 255) throw new Error('monitor id too long');
  const size = HEADER + id.length + f.tiles.length * 8 + f.data.length;
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  v.setUint32(0, MAGIC, true);
  v.setUint8(4, 1);
  v.setUint8(5, (f.keyframe ? 1 : 0) | (f.cursor ? 2 : 0));
  v.setUint8(6, FORMAT_CODES.indexOf(f.format));
  v.setUint8(7, MODE_CODES.indexOf(f.colorMode));
  v.setUint32(8, f.seq, true);
  v.setUint16(12, f.width, true);
  v.setUint16(14, f.height, true);
  v.setUint16(16, f.sourceWidth, true);
  v.setUint16(18, f.sourceHeight, true);
  v.setInt16(20, f.cursor?.x ?? 0, true);
  v.setInt16(22, f.cursor?.y ?? 0, true);
  v.setUint8(24, f.cursor ? CURSOR_CODES.indexOf(f.cursor.shape) : 0);
  v.setUint8(25, id.length);
  v.setUint16(26, f.tiles.length, true);
  v.setUint32(28, f.rawLength, true);
  v.setUint32(32, f.data.length, true);
  out.set(id, HEADER);
  let o = HEADER + id.length;
  for (const t of f.tiles) {
    v.setUint16(o, t.x, true);
    v.setUint16(o + 2, t.y, true);
    v.setUint16(o + 4, t.w, true);
    v.setUint16(o + 6, t.h, true);
    o += 8;
  }
  out.set(f.data, o);
  return out;
}

/** Reads a packed frame; throws on anything that is not one (wrong magic, version, lengths). */
export function unpackFrame(bytes: Uint8Array): EncodedFrame {
  if (bytes.length < HEADER) throw new Error('screen frame: too short');
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (v.getUint32(0, true) !== MAGIC || v.getUint8(4) !== 1) throw new Error('screen frame: not a version 1 frame');
  const flags = v.getUint8(5);
  const format = FORMAT_CODES[v.getUint8(6)];
  const colorMode = MODE_CODES[v.getUint8(7)];
  if (!format || !colorMode) throw new Error('screen frame: unknown format');
  const idLen = v.getUint8(25);
  const count = v.getUint16(26, true);
  const dataLen = v.getUint32(32, true);
  const tilesAt = HEADER + idLen;
  if (bytes.length !== tilesAt + count * 8 + dataLen) throw new Error('screen frame: length mismatch');
  const tiles: TileRect[] = [];
  for (let i = 0, o = tilesAt; i < count; i++, o += 8) {
    tiles.push({ x: v.getUint16(o, true), y: v.getUint16(o + 2, true), w: v.getUint16(o + 4, true), h: v.getUint16(o + 6, true) });
  }
  const shape = CURSOR_CODES[v.getUint8(24)] ?? 'arrow';
  return {
    seq: v.getUint32(8, true),
    monitorId: new TextDecoder().decode(bytes.subarray(HEADER, tilesAt)),
    width: v.getUint16(12, true),
    height: v.getUint16(14, true),
    sourceWidth: v.getUint16(16, true),
    sourceHeight: v.getUint16(18, true),
    colorMode,
    format,
    keyframe: (flags & 1) !== 0,
    tiles,
    rawLength: v.getUint32(28, true),
    data: bytes.subarray(tilesAt + count * 8),
    cursor: flags & 2 ? { x: v.getInt16(20, true), y: v.getInt16(22, true), shape } : null,
  };
}

/**
 * Paints decoded tiles into an RGBA image (`image.width` × `image.height`, e.g. a canvas
 * ImageData). `payload` is the inflated `frame.data`. Returns the bytes consumed; throws when the
 * payload is shorter than the tiles need.
 */
export function paintTiles(frame: Pick<EncodedFrame, 'format' | 'tiles'>, payload: Uint8Array, image: { width: number; height: number; data: Uint8Array | Uint8ClampedArray }): number {
  const { format } = frame;
  const out = image.data;
  const pal8 = format === 'pal8' ? palette8() : null;
  let o = 0;
  for (const t of frame.tiles) {
    const stride = rowBytes(format, t.w);
    if (o + stride * t.h > payload.length) throw new Error('screen frame: payload too short');
    if (t.x + t.w > image.width || t.y + t.h > image.height) throw new Error('screen frame: tile outside the image');
    for (let y = 0; y < t.h; y++) {
      let d = ((t.y + y) * image.width + t.x) * 4;
      const row = o + y * stride;
      let pr = 0;
      let pg = 0;
      let pb = 0;
      for (let x = 0; x < t.w; x++, d += 4) {
        let r: number, g: number, b: number;
        switch (format) {
          case 'mono1': {
            const bit = (payload[row + (x >> 3)]! >> (7 - (x & 7))) & 1;
            r = g = b = bit ? 255 : 0;
            break;
          }
          case 'pal4': {
            const byte = payload[row + (x >> 1)]!;
            const c = PALETTE_4[x & 1 ? byte & 15 : byte >> 4]!;
            r = c >> 16;
            g = (c >> 8) & 255;
            b = c & 255;
            break;
          }
          case 'pal8': {
            const i = payload[row + x]! * 3;
            r = pal8![i]!;
            g = pal8![i + 1]!;
            b = pal8![i + 2]!;
            break;
          }
          case 'rgb565': {
            const v = payload[row + 2 * x]! | (payload[row + 2 * x + 1]! << 8);
            r = ((v >> 11) * 527 + 23) >> 6;
            g = (((v >> 5) & 63) * 259 + 33) >> 6;
            b = ((v & 31) * 527 + 23) >> 6;
            break;
          }
          default: {
            const i = row + 3 * x;
            r = pr = (pr + payload[i]!) & 255;
            g = pg = (pg + payload[i + 1]!) & 255;
            b = pb = (pb + payload[i + 2]!) & 255;
          }
        }
        out[d] = r;
        out[d + 1] = g;
        out[d + 2] = b;
        out[d + 3] = 255;
      }
    }
    o += stride * t.h;
  }
  return o;
}

const Coord = z.number().int().min(-32768).max(32767);
const Modifiers = { ctrl: z.boolean().default(false), alt: z.boolean().default(false), shift: z.boolean().default(false), meta: z.boolean().default(false) };

/**
 * The rep's input in control mode. Pointer coordinates are the monitor's own pixels (the viewer
 * maps a scaled image back with sourceWidth / width). Keys use `KeyboardEvent.key` names.
 */
export const ScreenInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('pointer'),
    monitorId: z.string().max(64),
    action: z.enum(['move', 'down', 'up', 'wheel']),
    x: Coord,
    y: Coord,
    /** 0 left, 1 middle, 2 right. */
    button: z.number().int().min(0).max(2).default(0),
    deltaY: z.number().int().min(-10_000).max(10_000).default(0),
  }),
  z.object({ kind: z.literal('key'), action: z.enum(['down', 'up']), key: z.string().min(1).max(32), ...Modifiers }),
  /** Text typed as a whole (virtual keyboard, "type the clipboard"). */
  z.object({ kind: z.literal('text'), text: z.string().max(4000) }),
  z.object({ kind: z.literal('ctrl-alt-del') }),
]);
export type ScreenInput = z.input<typeof ScreenInput>;

/** Why the endpoint refused something; the messages are what a rep reads. */
export const SCREEN_REFUSALS = {
  E_SCREEN_VIEW_ONLY: 'You are viewing the screen. Request control to use the mouse and keyboard.',
  E_SCREEN_MOBILE_VIEW_ONLY: 'Mobile devices can be viewed but not controlled.',
  E_SCREEN_NOT_ELEVATED: 'This needs an elevated session. Elevate the customer client first.',
  E_SCREEN_UNSUPPORTED_OS: 'This is only available on Windows and macOS endpoints.',
  E_SCREEN_NO_MONITOR: 'That monitor does not exist on the remote computer.',
  E_SCREEN_SECURE_DESKTOP: 'The remote computer shows a secure desktop (User Account Control). Elevate the session to interact with it.',
  E_SCREEN_NOT_AT_LOGIN: 'Credentials can only be injected at the login screen.',
  E_SCREEN_LOGIN_FAILED: 'The remote computer did not accept those credentials.',
  E_SCREEN_UNKNOWN_ACTION: 'That special action is not available on the remote computer.',
  E_SCREEN_CUSTOMER_INPUT_DISABLED: 'The representative has disabled your mouse and keyboard. Press Ctrl+Alt+Del to take back control.',
} as const;
export type ScreenRefusalCode = keyof typeof SCREEN_REFUSALS;

export interface ScreenRefusal {
  refused: true;
  code: ScreenRefusalCode;
  message: string;
}

export function screenRefusal(code: ScreenRefusalCode): ScreenRefusal {
  return { refused: true, code, message: SCREEN_REFUSALS[code] };
}

/** An entry of the special actions menu (per OS; some run in system context when elevated). */
export const SpecialAction = z.object({
  id: z.string(),
  label: z.string(),
  /** Runs as SYSTEM / root; needs an elevated session. */
  systemContext: z.boolean(),
});
export type SpecialAction = z.infer<typeof SpecialAction>;
