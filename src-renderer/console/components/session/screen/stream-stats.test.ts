import { describe, expect, it } from 'vitest';
import { RateMeter, base64ToBlob } from './stream-stats.js';

describe('RateMeter', () => {
  it('counts the frames and bytes of the last second and the total since reset', () => {
    let now = 0;
    const m = new RateMeter(() => now);
    for (let i = 0; i < 25; i++) {
      now = i * 40;
      m.add(1000);
    }
    expect(m.current()).toEqual({ fps: 25, bytesPerSecond: 25_000, total: 25_000 });
    now = 1500;
    expect(m.current()).toMatchObject({ fps: 12, total: 25_000 });
    now = 3000;
    expect(m.current()).toEqual({ fps: 0, bytesPerSecond: 0, total: 25_000 });
    m.reset();
    expect(m.current().total).toBe(0);
  });
});

describe('base64ToBlob', () => {
  it('turns the appliance’s base64 back into the bytes', async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    const blob = base64ToBlob(btoa(String.fromCharCode(...bytes)), 'image/png');
    expect(blob.type).toBe('image/png');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
  });
});
