/**
 * Tile-delta encoding per viewer: which tiles changed since the last frame sent to this viewer
 * (tile versions, then content hashes), each written in the colour mode's tile format, the lot
 * deflated once. A viewer whose monitor, colour mode or size changed gets a keyframe.
 */
import { deflateRawSync } from 'node:zlib';
import { COLOR_MODE_FORMAT, rowBytes, type ColorMode, type EncodedFrame, type TileFormat, type TileRect } from '../protocol/screen-frames.js';
import type { TiledImage } from './framebuffer.js';
import { encodeTile } from './quantize.js';

/**
 * Deflate effort per format: the small formats compress hard (cheap, they are small), the wide
 * ones fast (they are what limits the frame rate).
 */
const DEFLATE_LEVEL: Record<TileFormat, number> = { mono1: 6, pal4: 6, pal8: 4, rgb565: 1, rgb24: 1 };

/** What one viewer has: the image it is synced to and, per tile, what it was last sent. */
export class ViewerTiles {
  seq = 0;
  readonly sentVersion: Uint32Array;
  readonly sentA: Uint32Array;
  readonly sentB: Uint32Array;
  needsKeyframe = true;

  constructor(
    readonly image: TiledImage,
    readonly colorMode: ColorMode,
  ) {
    const n = image.tileVersion.length;
    this.sentVersion = new Uint32Array(n);
    this.sentA = new Uint32Array(n);
    this.sentB = new Uint32Array(n);
  }
}

let scratch = new Uint8Array(1 << 20);

function payloadBuffer(size: number): Uint8Array {
  if (scratch.length < size) scratch = new Uint8Array(size);
  return scratch;
}

/** Builds the next frame for a viewer (flushing the image first). Tiles are listed row by row. */
export function encodeFrame(
  viewer: ViewerTiles,
  monitor: { id: string; width: number; height: number },
  keyframe: boolean,
  cursor: EncodedFrame['cursor'],
): EncodedFrame {
  const img = viewer.image;
  img.flush();
  const key = keyframe || viewer.needsKeyframe;
  const format = COLOR_MODE_FORMAT[viewer.colorMode];
  const tiles: TileRect[] = [];
  const changed: number[] = [];
  for (let i = 0; i < img.tileVersion.length; i++) {
    const v = img.tileVersion[i]!;
    if (!key && v === viewer.sentVersion[i]) continue;
    viewer.sentVersion[i] = v;
    const [a, b] = img.hash(i);
    if (!key && a === viewer.sentA[i] && b === viewer.sentB[i]) continue;
    viewer.sentA[i] = a;
    viewer.sentB[i] = b;
    changed.push(i);
  }
  let size = 0;
  for (const i of changed) {
    const r = img.tileRect(i);
    size += rowBytes(format, r.w) * r.h;
  }
  const buf = payloadBuffer(size);
  let o = 0;
  for (const i of changed) {
    const r = img.tileRect(i);
    o += encodeTile(img.surface, r, format, buf, o);
    tiles.push(r);
  }
  const data = o > 0 ? deflateRawSync(buf.subarray(0, o), { level: DEFLATE_LEVEL[format] }) : new Uint8Array(0);
  viewer.needsKeyframe = false;
  return {
    seq: ++viewer.seq,
    monitorId: monitor.id,
    width: img.width,
    height: img.height,
    sourceWidth: monitor.width,
    sourceHeight: monitor.height,
    colorMode: viewer.colorMode,
    format,
    keyframe: key,
    tiles,
    rawLength: o,
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    cursor,
  };
}
