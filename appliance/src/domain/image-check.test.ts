import { describe, expect, it } from 'vitest';
import { fakePng, makeBmp, makeJpeg, makePng } from '../../../tests/helpers/images.js';
import { CodedError } from '../protocol/index.js';
import { defaultBanner } from './default-banner.js';
import { checkBanner, checkPhoto } from './image-check.js';

const refusal = (fn: () => unknown): { code: string; message: string } | null => {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof CodedError) return { code: e.code, message: e.message };
    throw e;
  }
};

describe('photo check', () => {
  it('accepts real PNG and JPEG files and reads their size from the file itself', () => {
    expect(checkPhoto(makePng(120, 90))).toEqual({ mime: 'image/png', width: 120, height: 90 });
    expect(checkPhoto(makeJpeg(200, 160))).toEqual({ mime: 'image/jpeg', width: 200, height: 160 });
  });

  it('refuses a PNG header on garbage, a truncated PNG, a damaged checksum, and other formats', () => {
    expect(refusal(() => checkPhoto(fakePng()))?.message).toMatch(/damaged|truncated/);
    const png = makePng(100, 100);
    expect(refusal(() => checkPhoto(png.subarray(0, png.length - 20)))?.code).toBe('E_IMAGE_INVALID');
    const flipped = Buffer.from(png);
    flipped[40] = flipped[40]! ^ 0xff;
    expect(refusal(() => checkPhoto(flipped))?.message).toMatch(/checksum|damaged/);
    expect(refusal(() => checkPhoto(Buffer.from('GIF89a....')))?.message).toBe('The file is neither a PNG nor a JPEG image.');
    expect(refusal(() => checkPhoto(makeBmp(100, 100)))?.code).toBe('E_IMAGE_INVALID');
    expect(refusal(() => checkPhoto(Buffer.alloc(0)))?.message).toBe('The file is empty.');
  });

  it('says why a photo is too small or too large', () => {
    expect(refusal(() => checkPhoto(makePng(79, 200)))?.message).toBe('The photo is 79×200 pixels; it must be at least 80×80.');
    const big = makePng(700, 700, true);
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const r = refusal(() => checkPhoto(big));
    expect(r?.code).toBe('E_IMAGE_TOO_LARGE');
    expect(r?.message).toMatch(/at most 1 MB/);
  });
});

describe('chat banner check', () => {
  it('accepts an 8-bit 480-pixel-wide Windows BMP, and the built-in default is one', () => {
    expect(checkBanner(makeBmp(480, 40))).toEqual({ mime: 'image/bmp', width: 480, height: 40 });
    expect(checkBanner(defaultBanner())).toEqual({ mime: 'image/bmp', width: 480, height: 40 });
  });

  it('refuses the wrong depth, the wrong width, truncation and non-BMP files with the reason', () => {
    expect(refusal(() => checkBanner(makeBmp(480, 40, 24)))?.message).toBe('The bitmap has 24 bits per pixel; the banner must be 8-bit (256 colours).');
    expect(refusal(() => checkBanner(makeBmp(500, 40)))?.message).toBe('The bitmap is 500 pixels wide; the banner must be exactly 480 pixels wide.');
    const bmp = makeBmp(480, 40);
    expect(refusal(() => checkBanner(bmp.subarray(0, bmp.length - 1000)))?.message).toMatch(/truncated/);
    expect(refusal(() => checkBanner(makePng(480, 40)))?.message).toBe('The file is not a Windows bitmap (.bmp).');
  });
});
