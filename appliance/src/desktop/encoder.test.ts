import { describe, expect, it } from 'vitest';
import { ColorMode, TILE_SIZE, packFrame } from '../protocol/screen-frames.js';
import { FIXED_NOW, ViewerImage, smallDesktop } from './test-helpers.js';
import { VirtualDesktop } from './virtual-desktop.js';

describe('frames', () => {
  it('start with a keyframe of every tile, then send nothing while nothing changes', () => {
    const d = smallDesktop();
    const key = d.frame('v', { monitor: '1', colorMode: 'all-colors' });
    expect(key.keyframe).toBe(true);
    expect(key.tiles).toHaveLength(Math.ceil(800 / TILE_SIZE) * Math.ceil(600 / TILE_SIZE));
    expect(key.width).toBe(800);
    const next = d.frame('v', { monitor: '1', colorMode: 'all-colors' });
    expect(next.keyframe).toBe(false);
    expect(next.tiles).toEqual([]);
    expect(next.seq).toBe(key.seq + 1);
  });

  it.each(ColorMode.options)('%s: keyframe + deltas decode to exactly what a snapshot in that mode shows', (mode) => {
    const d = smallDesktop();
    d.setControl('v', true);
    const img = new ViewerImage(800, 600);
    img.apply(d.frame('v', { monitor: '1', colorMode: mode }));
    d.input('v', { kind: 'text', text: ' world\nsecond line' });
    const delta = d.frame('v', { monitor: '1', colorMode: mode });
    expect(delta.keyframe).toBe(false);
    expect(delta.tiles.length).toBeGreaterThan(0);
    expect(delta.tiles.length).toBeLessThan(20);
    img.apply(delta);
    const snap = d.snapshot('1', { colorMode: mode, cursor: false });
    expect(Buffer.compare(Buffer.from(img.data), Buffer.from(snap.rgba))).toBe(0);
  });

  it('send only the tiles a moved window touched', () => {
    const d = smallDesktop();
    d.setControl('v', true);
    const img = new ViewerImage(800, 600);
    img.apply(d.frame('v', { monitor: '1', colorMode: 'all-colors' }));
    d.input('v', { kind: 'pointer', monitorId: '1', action: 'down', x: 300, y: 70 });
    d.input('v', { kind: 'pointer', monitorId: '1', action: 'move', x: 340, y: 90 });
    d.input('v', { kind: 'pointer', monitorId: '1', action: 'up', x: 340, y: 90 });
    const f = d.frame('v', { monitor: '1', colorMode: 'all-colors' });
    for (const t of f.tiles) {
      expect(t.x + t.w).toBeGreaterThan(100 - 16);
      expect(t.y + t.h).toBeGreaterThan(60 - 16);
      expect(t.x).toBeLessThan(640 + 16);
      expect(t.y).toBeLessThan(380 + 16);
    }
    img.apply(f);
    expect(Buffer.from(img.data).equals(Buffer.from(d.snapshot('1', { cursor: false }).rgba))).toBe(true);
  });

  it('start over with a keyframe on a new colour mode, monitor, scale or on request', () => {
    const d = smallDesktop({ monitors: [{ width: 800, height: 600 }, { width: 640, height: 480 }] });
    d.frame('v', { monitor: '1', colorMode: 'all-colors' });
    expect(d.frame('v', { monitor: '1', colorMode: 'few-colors' }).keyframe).toBe(true);
    const m2 = d.frame('v', { monitor: '2', colorMode: 'few-colors' });
    expect(m2.keyframe).toBe(true);
    expect([m2.width, m2.height, m2.monitorId]).toEqual([640, 480, '2']);
    expect(d.frame('v', { monitor: '2', colorMode: 'few-colors' }).keyframe).toBe(false);
    expect(d.frame('v', { monitor: '2', colorMode: 'few-colors', keyframe: true }).keyframe).toBe(true);
    const scaled = d.frame('v', { monitor: '2', colorMode: 'few-colors', scale: { width: 320, height: 320 } });
    expect(scaled.keyframe).toBe(true);
    expect([scaled.width, scaled.height, scaled.sourceWidth, scaled.sourceHeight]).toEqual([320, 240, 640, 480]);
  });

  it('scale down server-side and keep scaled deltas in step with the source', () => {
    const d = smallDesktop();
    d.setControl('v', true);
    const img = new ViewerImage(1, 1);
    img.apply(d.frame('v', { monitor: '1', colorMode: 'all-colors', scale: { width: 400, height: 400 } }));
    expect([img.width, img.height]).toEqual([400, 300]);
    d.input('v', { kind: 'text', text: 'typed while scaled' });
    const f = d.frame('v', { monitor: '1', colorMode: 'all-colors', scale: { width: 400, height: 400 } });
    expect(f.tiles.length).toBeGreaterThan(0);
    img.apply(f);
    // A fresh viewer at the same size gets the same picture in one keyframe.
    const fresh = new ViewerImage(1, 1);
    fresh.apply(d.frame('w', { monitor: '1', colorMode: 'all-colors', scale: { width: 400, height: 300 } }));
    expect(Buffer.from(img.data).equals(Buffer.from(fresh.data))).toBe(true);
    // Never up-scaled.
    expect(d.frame('x', { monitor: '1', colorMode: 'all-colors', scale: { width: 4000, height: 3000 } }).width).toBe(800);
  });

  it('make the colour modes change the bytes: Black and White ≤ ¼ of All Colors, and fewer colours, fewer bytes', () => {
    const d = new VirtualDesktop({
      hostname: 'WS-TEST',
      os: 'windows',
      userName: 'ana',
      monitors: [{ width: 1280, height: 720 }],
      windows: [{ app: 'explorer' }, { app: 'notepad', text: 'Some text to look at\nand a second line' }],
      now: () => FIXED_NOW,
    });
    const size: Record<string, number> = {};
    for (const mode of ColorMode.options) size[mode] = packFrame(d.frame(mode, { monitor: '1', colorMode: mode })).length;
    expect(size['black-and-white']!).toBeLessThanOrEqual(size['all-colors']! / 4);
    expect(size['black-and-white']!).toBeLessThan(size['few-colors']!);
    expect(size['few-colors']!).toBeLessThan(size['more-colors']!);
    expect(size['more-colors']!).toBeLessThan(size['video-optimized']!);
    expect(size['video-optimized']!).toBeLessThan(size['all-colors']!);
  });

  it('report the pointer and its shape in image coordinates, and no pointer on other monitors', () => {
    const d = smallDesktop({ monitors: [{ width: 800, height: 600 }, { width: 800, height: 600 }] });
    d.setControl('v', true);
    d.input('v', { kind: 'pointer', monitorId: '1', action: 'move', x: 400, y: 200 });
    expect(d.frame('v', { monitor: '1', colorMode: 'all-colors', scale: { width: 400, height: 300 } }).cursor).toEqual({ x: 200, y: 100, shape: 'ibeam' });
    expect(d.frame('v', { monitor: '2', colorMode: 'all-colors' }).cursor).toBeNull();
  });
});
