import { describe, expect, it } from 'vitest';
import { font } from './font/font.js';
import { Surface } from './surface.js';

const rgb = (s: Surface, x: number, y: number) => [...s.data.subarray((y * s.width + x) * 4, (y * s.width + x) * 4 + 3)];

describe('Surface', () => {
  it('fills inside the clip only', () => {
    const s = new Surface(20, 10);
    s.setClip({ x: 5, y: 0, w: 5, h: 10 });
    s.fill(0, 0, 20, 10, 0xff0000);
    expect(rgb(s, 4, 5)).toEqual([0, 0, 0]);
    expect(rgb(s, 5, 5)).toEqual([255, 0, 0]);
    expect(rgb(s, 10, 5)).toEqual([0, 0, 0]);
  });

  it('draws in virtual-desktop coordinates through the origin', () => {
    const s = new Surface(10, 10);
    s.setOrigin(1920, 0);
    s.fill(1921, 2, 1, 1, 0x00ff00);
    expect(rgb(s, 1, 2)).toEqual([0, 255, 0]);
    s.clipped({ x: 1925, y: 0, w: 2, h: 10 }, () => s.fill(1920, 0, 10, 10, 0x0000ff));
    expect(rgb(s, 4, 0)).toEqual([0, 0, 0]);
    expect(rgb(s, 5, 0)).toEqual([0, 0, 255]);
    expect(rgb(s, 7, 0)).toEqual([0, 0, 0]);
  });

  it('blends, darkens and draws gradients end to end', () => {
    const s = new Surface(10, 1);
    s.fill(0, 0, 10, 1, 0xffffff);
    s.blend(0, 0, 1, 1, 0x000000, 128);
    expect(rgb(s, 0, 0)[0]).toBeGreaterThan(120);
    expect(rgb(s, 0, 0)[0]).toBeLessThan(135);
    s.darken(1, 0, 1, 1, 128);
    expect(rgb(s, 1, 0)).toEqual([127, 127, 127]);
    s.gradient(0, 0, 10, 1, 0x000000, 0xff0000, 'h');
    expect(rgb(s, 0, 0)).toEqual([0, 0, 0]);
    expect(rgb(s, 9, 0)).toEqual([255, 0, 0]);
  });

  it('renders readable text: ink inside the measured box, none outside', () => {
    const s = new Surface(200, 30);
    s.fill(0, 0, 200, 30, 0xffffff);
    const w = s.text(10, 5, 'Hello, World', 'ui', 0x000000);
    expect(w).toBe(font('ui').measure('Hello, World'));
    let inkInside = 0;
    let inkOutside = 0;
    for (let y = 0; y < 30; y++) {
      for (let x = 0; x < 200; x++) {
        const dark = rgb(s, x, y)[0]! < 128;
        const inside = x >= 10 && x < 10 + w && y >= 5 && y < 5 + font('ui').lineHeight;
        if (dark && inside) inkInside++;
        if (dark && !inside) inkOutside++;
      }
    }
    expect(inkInside).toBeGreaterThan(60);
    expect(inkOutside).toBe(0);
  });
});

describe('fonts', () => {
  it('have ASCII and Latin-1 glyphs, fixed width for mono, and cut long text with an ellipsis', () => {
    for (const id of ['ui', 'uiBold', 'mono', 'heading', 'large'] as const) {
      const f = font(id);
      for (const ch of 'AZaz09é€›…') expect(f.glyph(ch.codePointAt(0)!).advance).toBeGreaterThan(0);
    }
    const mono = font('mono');
    expect(mono.measure('iiii')).toBe(mono.measure('MMMM'));
    const cut = font('ui').fit('A very long window title that does not fit', 80);
    expect(cut.endsWith('…')).toBe(true);
    expect(font('ui').measure(cut)).toBeLessThanOrEqual(80);
    expect(font('display').glyph('7'.codePointAt(0)!).h).toBeGreaterThan(50);
  });
});
