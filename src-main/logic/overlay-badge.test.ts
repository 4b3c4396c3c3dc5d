import { describe, expect, it } from 'vitest';
import { BADGE_SIZE, badgeBitmap } from './overlay-badge.js';

const pixel = (buf: Buffer, x: number, y: number) => [...buf.subarray((y * BADGE_SIZE + x) * 4, (y * BADGE_SIZE + x) * 4 + 4)];
const whites = (buf: Buffer) => {
  let n = 0;
  for (let i = 0; i < buf.length; i += 4) if (buf[i] === 0xff && buf[i + 1] === 0xff && buf[i + 2] === 0xff) n++;
  return n;
};

describe('taskbar overlay badge', () => {
  it('is a 16×16 BGRA red disc, transparent in the corners', () => {
    const b = badgeBitmap('');
    expect(b.length).toBe(16 * 16 * 4);
    expect(pixel(b, 0, 0)).toEqual([0, 0, 0, 0]);
    expect(pixel(b, 8, 8)).toEqual([0x2c, 0x26, 0xd4, 0xff]);
    expect(whites(b)).toBe(0);
  });

  it('draws the count in white: one digit large, "9+" as two glyphs', () => {
    expect(whites(badgeBitmap('1'))).toBe(8 * 4); // eight cells, each 2×2
    expect(whites(badgeBitmap('8'))).toBe(13 * 4);
    expect(whites(badgeBitmap('9+'))).toBe(12 + 5);
    expect(badgeBitmap('3').equals(badgeBitmap('5'))).toBe(false);
  });

  it('leaves out what it cannot draw', () => {
    expect(badgeBitmap('x').equals(badgeBitmap(''))).toBe(true);
  });
});
