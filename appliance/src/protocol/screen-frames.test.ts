import { describe, expect, it } from 'vitest';
import { PALETTE_4, ScreenInput, packFrame, paintTiles, palette8, rowBytes, unpackFrame, type EncodedFrame } from './screen-frames.js';

const frame = (over: Partial<EncodedFrame> = {}): EncodedFrame => ({
  seq: 7,
  monitorId: '2',
  width: 100,
  height: 50,
  sourceWidth: 1920,
  sourceHeight: 1080,
  colorMode: 'few-colors',
  format: 'pal4',
  keyframe: true,
  tiles: [{ x: 0, y: 0, w: 3, h: 2 }],
  rawLength: 4,
  data: new Uint8Array([1, 2, 3, 4]),
  cursor: { x: 12, y: -3, shape: 'ibeam' },
  ...over,
});

describe('packFrame / unpackFrame', () => {
  it('round-trips every field', () => {
    const f = frame();
    const back = unpackFrame(packFrame(f));
    expect({ ...back, data: [...back.data] }).toEqual({ ...f, data: [...f.data] });
  });

  it('keeps a missing cursor missing and a delta a delta', () => {
    const back = unpackFrame(packFrame(frame({ cursor: null, keyframe: false, tiles: [] })));
    expect(back.cursor).toBeNull();
    expect(back.keyframe).toBe(false);
    expect(back.tiles).toEqual([]);
  });

  it('refuses what is not a frame', () => {
    expect(() => unpackFrame(new Uint8Array(10))).toThrow(/too short/);
    expect(() => unpackFrame(new Uint8Array(64))).toThrow(/version 1/);
    const bytes = packFrame(frame());
    expect(() => unpackFrame(bytes.subarray(0, bytes.length - 1))).toThrow(/length/);
  });
});

describe('paintTiles', () => {
  const image = () => ({ width: 4, height: 2, data: new Uint8Array(4 * 2 * 4) });
  const px = (img: { data: Uint8Array }, i: number) => [...img.data.subarray(i * 4, i * 4 + 4)];

  it('decodes 1-bit rows, most significant bit first', () => {
    const img = image();
    paintTiles({ format: 'mono1', tiles: [{ x: 0, y: 0, w: 4, h: 2 }] }, new Uint8Array([0b1010_0000, 0b0101_0000]), img);
    expect([0, 1, 2, 3, 4, 5].map((i) => px(img, i)[0])).toEqual([255, 0, 255, 0, 0, 255]);
    expect(px(img, 0)[3]).toBe(255);
  });

  it('decodes 4-bit and 8-bit palettes', () => {
    const img = image();
    paintTiles({ format: 'pal4', tiles: [{ x: 1, y: 1, w: 2, h: 1 }] }, new Uint8Array([0x7a]), img);
    const blue = PALETTE_4[7]!;
    expect(px(img, 5)).toEqual([blue >> 16, (blue >> 8) & 255, blue & 255, 255]);
    const p = palette8();
    paintTiles({ format: 'pal8', tiles: [{ x: 0, y: 0, w: 1, h: 1 }] }, new Uint8Array([215]), img);
    expect(px(img, 0).slice(0, 3)).toEqual([p[645], p[646], p[647]]);
    expect(px(img, 0).slice(0, 3)).toEqual([255, 255, 255]);
  });

  it('undoes the Sub filter of rgb24 and expands rgb565 to full range', () => {
    const img = image();
    // (10, 20, 30) then (+5, -20, +225 mod 256) = (15, 0, 255)
    paintTiles({ format: 'rgb24', tiles: [{ x: 0, y: 0, w: 2, h: 1 }] }, new Uint8Array([10, 20, 30, 5, 236, 225]), img);
    expect(px(img, 1).slice(0, 3)).toEqual([15, 0, 255]);
    paintTiles({ format: 'rgb565', tiles: [{ x: 2, y: 0, w: 1, h: 1 }] }, new Uint8Array([0xff, 0xff]), img);
    expect(px(img, 2).slice(0, 3)).toEqual([255, 255, 255]);
  });

  it('throws on a short payload or a tile outside the image', () => {
    expect(() => paintTiles({ format: 'rgb24', tiles: [{ x: 0, y: 0, w: 2, h: 2 }] }, new Uint8Array(3), image())).toThrow(/too short/);
    expect(() => paintTiles({ format: 'mono1', tiles: [{ x: 3, y: 0, w: 2, h: 1 }] }, new Uint8Array(1), image())).toThrow(/outside/);
  });

  it('sizes rows by format', () => {
    expect([rowBytes('mono1', 9), rowBytes('pal4', 3), rowBytes('pal8', 3), rowBytes('rgb565', 3), rowBytes('rgb24', 3)]).toEqual([2, 2, 3, 6, 9]);
  });
});

describe('ScreenInput', () => {
  it('fills modifier defaults and rejects unknown kinds', () => {
    expect(ScreenInput.parse({ kind: 'key', action: 'down', key: 'a' })).toMatchObject({ ctrl: false, alt: false, shift: false, meta: false });
    expect(ScreenInput.safeParse({ kind: 'paste' }).success).toBe(false);
    expect(ScreenInput.safeParse({ kind: 'pointer', monitorId: '1', action: 'down', x: 1e6, y: 0 }).success).toBe(false);
  });
});
