/** The pointer drawn into screenshots (live viewers draw their own from the frame's cursor field). */
import type { CursorShape } from '../protocol/screen-frames.js';

const ARROW = [
  'X',
  'XX',
  'X.X',
  'X..X',
  'X...X',
  'X....X',
  'X.....X',
  'X......X',
  'X.......X',
  'X........X',
  'X.........X',
  'X......XXXXX',
  'X...X..X',
  'X..XX..X',
  'X.X  X..X',
  'XX   X..X',
  'X     X..X',
  '      X..X',
  '       XX',
];
const IBEAM = ['XXX XXX', '   X', '   X', '   X', '   X', '   X', '   X', '   X', '   X', '   X', '   X', '   X', '   X', '   X', 'XXX XXX'];

/** Draws the cursor with its hot spot at (x, y) onto a tightly packed RGBA image. */
export function drawCursor(rgba: Uint8Array, width: number, height: number, x: number, y: number, shape: CursorShape): void {
  if (shape === 'none') return;
  const rows = shape === 'ibeam' ? IBEAM : ARROW;
  const ox = shape === 'ibeam' ? x - 3 : x;
  const oy = shape === 'ibeam' ? y - 7 : y;
  rows.forEach((row, dy) => {
    for (let dx = 0; dx < row.length; dx++) {
      const ch = row[dx];
      if (ch !== 'X' && ch !== '.') continue;
      const px = ox + dx;
      const py = oy + dy;
      if (px < 0 || py < 0 || px >= width || py >= height) continue;
      const v = ch === 'X' ? 0 : 255;
      const i = (py * width + px) * 4;
      rgba[i] = v;
      rgba[i + 1] = v;
      rgba[i + 2] = v;
    }
  });
}
