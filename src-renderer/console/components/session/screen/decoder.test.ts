import { describe, expect, it } from 'vitest';
import { packFrame, type EncodedFrame } from '../../../../../appliance/src/protocol/screen-frames.js';
import { ScreenDecoder, fitInside, inflateRaw, keyInput, toMonitorPixels, virtualKey, VIRTUAL_KEYS } from './decoder.js';

async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A 4×2 All Colors frame: the payload is rgb24 with the Sub filter (differences from the left pixel). */
async function frame(over: Partial<EncodedFrame> & { payload?: number[] } = {}): Promise<EncodedFrame> {
  const payload = new Uint8Array(over.payload ?? [10, 20, 30, 1, 1, 1, 200, 0, 0, 56, 0, 0]);
  return {
    seq: 1,
    monitorId: '1',
    width: 4,
    height: 2,
    sourceWidth: 8,
    sourceHeight: 4,
    colorMode: 'all-colors',
    format: 'rgb24',
    keyframe: true,
    tiles: [{ x: 0, y: 0, w: 2, h: 2 }],
    rawLength: payload.length,
    data: await deflateRaw(payload),
    cursor: null,
    ...over,
  };
}

const px = (d: ScreenDecoder, x: number, y: number) => [...d.data.subarray((y * d.width + x) * 4, (y * d.width + x) * 4 + 4)];

describe('ScreenDecoder', () => {
  it('inflates what deflate-raw made', async () => {
    const bytes = new TextEncoder().encode('tile tile tile tile');
    expect(new TextDecoder().decode(await inflateRaw(await deflateRaw(bytes)))).toBe('tile tile tile tile');
  });

  it('paints a keyframe from its packed bytes and reports the tiles', async () => {
    const d = new ScreenDecoder();
    const applied = await d.apply(packFrame(await frame()));
    expect(applied?.resized).toBe(true);
    expect([d.width, d.height]).toEqual([4, 2]);
    expect(px(d, 0, 0)).toEqual([10, 20, 30, 255]);
    expect(px(d, 1, 0)).toEqual([11, 21, 31, 255]);
    expect(px(d, 1, 1)).toEqual([0, 0, 0, 255]);
    expect(px(d, 3, 0)).toEqual([0, 0, 0, 0]);
  });

  it('applies deltas in order and skips a delta that arrives before any keyframe', async () => {
    const d = new ScreenDecoder();
    expect(await d.apply(await frame({ keyframe: false }))).toBeNull();
    const first = d.apply(await frame());
    const delta = d.apply(await frame({ keyframe: false, seq: 2, tiles: [{ x: 2, y: 0, w: 1, h: 1 }], payload: [9, 8, 7] }));
    await Promise.all([first, delta]);
    expect(px(d, 2, 0)).toEqual([9, 8, 7, 255]);
    expect(px(d, 0, 0)).toEqual([10, 20, 30, 255]);
    expect(d.last?.seq).toBe(2);
  });

  it('rejects a frame whose payload is short, and keeps going afterwards', async () => {
    const d = new ScreenDecoder();
    await expect(d.apply(await frame({ payload: [1, 2, 3] }))).rejects.toThrow(/too short/);
    expect((await d.apply(await frame()))?.resized).toBe(true);
  });
});

describe('viewer helpers', () => {
  it('map the shown image back to monitor pixels', () => {
    const f = { sourceWidth: 1920, sourceHeight: 1080 };
    expect(toMonitorPixels(480, 270, 960, 540, f)).toEqual({ x: 960, y: 540 });
    expect(toMonitorPixels(-5, 9999, 960, 540, f)).toEqual({ x: 0, y: 1079 });
  });

  it('fit an image into a box without upscaling', () => {
    expect(fitInside(1920, 1080, 960, 960)).toEqual({ width: 960, height: 540 });
    expect(fitInside(800, 600, 4000, 4000)).toEqual({ width: 800, height: 600 });
  });

  it('pass keys with their modifiers and keep composition local', () => {
    expect(keyInput({ key: 'a', ctrlKey: true, altKey: false, shiftKey: false, metaKey: false }, 'down')).toEqual({ kind: 'key', action: 'down', key: 'a', ctrl: true, alt: false, shift: false, meta: false });
    expect(keyInput({ key: 'Dead', ctrlKey: false, altKey: false, shiftKey: false, metaKey: false }, 'down')).toBeNull();
    expect(keyInput({ key: 'e', ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, isComposing: true }, 'down')).toBeNull();
    const altF4 = VIRTUAL_KEYS.find((k) => k.label === 'Alt+F4')!;
    expect(virtualKey(altF4).map((e) => e.kind === 'key' && `${e.action}:${e.key}:${e.alt}`)).toEqual(['down:F4:true', 'up:F4:true']);
  });
});
