/**
 * The Windows taskbar overlay for waiting sessions: a 16×16 red disc with the count in white ("9+"
 * past 9), as raw BGRA pixels for `nativeImage.createFromBitmap` — no image files, no canvas in the
 * main process. The text comes from os-integration.ts (`overlayText`).
 */
export const BADGE_SIZE = 16;

/** 3×5 pixel glyphs, one string per row ('#' = ink). */
const GLYPHS: Record<string, readonly string[]> = {
  '0': ['###', '#.#', '#.#', '#.#', '###'],
  '1': ['.#.', '##.', '.#.', '.#.', '###'],
  '2': ['###', '..#', '###', '#..', '###'],
  '3': ['###', '..#', '.##', '..#', '###'],
  '4': ['#.#', '#.#', '###', '..#', '..#'],
  '5': ['###', '#..', '###', '..#', '###'],
  '6': ['###', '#..', '###', '#.#', '###'],
  '7': ['###', '..#', '.#.', '.#.', '.#.'],
  '8': ['###', '#.#', '###', '#.#', '###'],
  '9': ['###', '#.#', '###', '..#', '###'],
  '+': ['...', '.#.', '###', '.#.', '...'],
};

/** BGRA pixels of the badge for `text` (1–2 characters of GLYPHS); unknown characters are left out. */
export function badgeBitmap(text: string): Buffer {
  const px = Buffer.alloc(BADGE_SIZE * BADGE_SIZE * 4);
  const set = (x: number, y: number, [b, g, r, a]: readonly [number, number, number, number]) => {
    if (x < 0 || y < 0 || x >= BADGE_SIZE || y >= BADGE_SIZE) return;
    px.set([b, g, r, a], (y * BADGE_SIZE + x) * 4);
  };
  const c = (BADGE_SIZE - 1) / 2;
  for (let y = 0; y < BADGE_SIZE; y++) {
    for (let x = 0; x < BADGE_SIZE; x++) {
      const d = Math.hypot(x - c, y - c);
      if (d <= c + 0.5) set(x, y, [0x2c, 0x26, 0xd4, 0xff]); // #d4262c
    }
  }
  const chars = [...text].filter((ch) => GLYPHS[ch]).slice(0, 2);
  // One character drawn twice as large; two side by side at natural size with a 1-pixel gap.
  const scale = chars.length === 1 ? 2 : 1;
  const width = chars.length * 3 * scale + (chars.length - 1);
  const left = Math.floor((BADGE_SIZE - width) / 2);
  const top = Math.floor((BADGE_SIZE - 5 * scale) / 2);
  chars.forEach((ch, i) => {
    const glyph = GLYPHS[ch]!;
    const x0 = left + i * (3 * scale + 1);
    glyph.forEach((row, gy) => {
      [...row].forEach((cell, gx) => {
        if (cell !== '#') return;
        for (let sy = 0; sy < scale; sy++) for (let sx = 0; sx < scale; sx++) set(x0 + gx * scale + sx, top + gy * scale + sy, [0xff, 0xff, 0xff, 0xff]);
      });
    });
  });
  return px;
}
