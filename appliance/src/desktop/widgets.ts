/**
 * Small drawings shared by the shell chrome and the apps: app icons, buttons, toggles, a table.
 * All take the top-left corner in surface pixels.
 */
import type { FontId } from './font/font.js';
import { font } from './font/font.js';
import type { Surface } from './surface.js';

export type IconKind = 'notepad' | 'explorer' | 'folder' | 'file' | 'settings' | 'terminal' | 'taskmgr' | 'shield' | 'recycle' | 'computer' | 'user' | 'app';

export const ACCENT = 0x0067c0;
export const TEXT = 0x1b1b1b;
export const MUTED = 0x5f5f5f;
export const BORDER = 0xd1d1d1;
export const SELECTION = 0xcce4f7;

/** An app icon in a size × size box (16, 24, 32 or 48 look right). */
export function icon(s: Surface, kind: IconKind, x: number, y: number, size: number, tint = ACCENT): void {
  const u = size / 16;
  const R = (v: number) => Math.round(v * u);
  switch (kind) {
    case 'notepad':
    case 'file':
      s.fill(x + R(3), y + R(1), R(10), R(14), 0xffffff);
      s.stroke(x + R(3), y + R(1), R(10), R(14), 0x7a7a7a);
      if (kind === 'notepad') s.fill(x + R(3), y + R(1), R(10), R(3), 0x3a96dd);
      for (let i = 0; i < 4; i++) s.fill(x + R(5), y + R(6) + R(2) * i, R(6), Math.max(1, R(0.6)), 0x8a8a8a);
      break;
    case 'explorer':
    case 'folder':
      s.fill(x + R(1), y + R(3), R(6), R(2), 0xc89400);
      s.fill(x + R(1), y + R(4), R(14), R(10), 0xc89400);
      s.fill(x + R(1) + 1, y + R(4) + 1, R(14) - 2, R(10) - 2, 0xf8c44f);
      s.fill(x + R(1) + 1, y + R(6), R(14) - 2, R(8) - 1, 0xffd66b);
      if (kind === 'explorer') s.fill(x + R(1), y + R(12), R(14), R(2), 0x3a96dd);
      break;
    case 'settings': {
      const c = x + size / 2;
      const m = y + size / 2;
      for (let a = 0; a < 8; a++) {
        const t = (a * Math.PI) / 4;
        s.circle(c + Math.cos(t) * size * 0.36, m + Math.sin(t) * size * 0.36, size * 0.1, 0x6b6b6b);
      }
      s.circle(c, m, size * 0.33, 0x6b6b6b);
      s.circle(c, m, size * 0.14, 0xffffff);
      break;
    }
    case 'terminal':
      s.fill(x + R(1), y + R(2), R(14), R(12), 0x0c0c0c);
      s.stroke(x + R(1), y + R(2), R(14), R(12), 0x5a5a5a);
      s.line(x + R(3.5), y + R(5.5), x + R(6), y + R(8), 0xe0e0e0, Math.max(1, u));
      s.line(x + R(6), y + R(8), x + R(3.5), y + R(10.5), 0xe0e0e0, Math.max(1, u));
      s.fill(x + R(7), y + R(10), R(4), Math.max(1, R(1)), 0xe0e0e0);
      break;
    case 'taskmgr':
      s.fill(x + R(1), y + R(2), R(14), R(12), 0xffffff);
      s.stroke(x + R(1), y + R(2), R(14), R(12), 0x6b6b6b);
      s.line(x + R(2), y + R(11), x + R(5), y + R(7), 0x16a34a, Math.max(1, u));
      s.line(x + R(5), y + R(7), x + R(8), y + R(9), 0x16a34a, Math.max(1, u));
      s.line(x + R(8), y + R(9), x + R(13), y + R(4), 0x16a34a, Math.max(1, u));
      break;
    case 'shield':
      s.fill(x + R(3), y + R(2), R(10), R(8), 0x2f6fd6);
      s.fill(x + R(8), y + R(2), R(5), R(4), 0xf6c343);
      s.fill(x + R(3), y + R(6), R(5), R(4), 0xf6c343);
      for (let i = 0; i < R(5); i++) s.fill(x + R(3) + i, y + R(10) + i, R(10) - 2 * i, 1, i < R(2.5) ? 0x2f6fd6 : 0x2f6fd6);
      break;
    case 'recycle':
      s.fill(x + R(3), y + R(2), R(10), R(2), 0x9aa6b2);
      s.fill(x + R(4), y + R(4), R(8), R(11), 0xc9d3dd);
      s.stroke(x + R(4), y + R(4), R(8), R(11), 0x7d8a97);
      for (let i = 0; i < 3; i++) s.fill(x + R(5.5) + R(2) * i, y + R(6), Math.max(1, R(0.8)), R(7), 0x7d8a97);
      break;
    case 'computer':
      s.fill(x + R(1), y + R(2), R(14), R(9), 0x2b2b2b);
      s.gradient(x + R(2), y + R(3), R(12), R(7), 0x4aa3f0, 0x1c5fb0);
      s.fill(x + R(6), y + R(11), R(4), R(2), 0x6b6b6b);
      s.fill(x + R(4), y + R(13), R(8), R(1), 0x6b6b6b);
      break;
    case 'user':
      s.circle(x + size / 2, y + size * 0.36, size * 0.2, tint);
      s.roundRect(x + R(3), y + R(10), R(10), R(6), R(3), tint);
      break;
    default:
      s.roundRect(x + R(1), y + R(1), R(14), R(14), R(3), tint);
      s.roundRect(x + R(4), y + R(4), R(8), R(8), R(2), 0xffffff, 180);
  }
}

/** A push button; `primary` uses the accent colour. */
export function button(s: Surface, x: number, y: number, w: number, h: number, label: string, primary = false, fontId: FontId = 'ui'): void {
  s.roundRect(x, y, w, h, 4, primary ? ACCENT : 0xfdfdfd);
  if (!primary) s.stroke(x, y, w, h, 0xc8c8c8);
  const f = font(fontId);
  s.textCentered(x, w, y + Math.floor((h - f.lineHeight) / 2), label, fontId, primary ? 0xffffff : TEXT);
}

/** An on/off switch, 40 × 20. */
export function toggle(s: Surface, x: number, y: number, on: boolean): void {
  if (on) s.roundRect(x, y, 40, 20, 10, ACCENT);
  else {
    s.roundRect(x, y, 40, 20, 10, 0x8a8a8a);
    s.roundRect(x + 1, y + 1, 38, 18, 9, 0xffffff);
  }
  s.circle(on ? x + 30 : x + 10, y + 10, 6, on ? 0xffffff : 0x5f5f5f);
}

export interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right';
}

/** A list with a header row: the Explorer and Task Manager body. Rows are 22 px. */
export function table(s: Surface, x: number, y: number, w: number, columns: Column[], rows: { cells: string[]; icon?: IconKind }[], selected: number | null, top = 0, height = Infinity): void {
  const rowH = 22;
  s.fill(x, y, w, rowH, 0xffffff);
  let cx = x + 8;
  for (const c of columns) {
    s.text(c.align === 'right' ? cx + c.width - 12 - font('ui').measure(c.title) : cx, y + 4, c.title, 'ui', MUTED);
    s.fill(cx + c.width - 6, y + 3, 1, rowH - 6, 0xe5e5e5);
    cx += c.width;
  }
  s.fill(x, y + rowH - 1, w, 1, 0xe5e5e5);
  const visible = Math.floor((height - rowH) / rowH);
  for (let i = top; i < rows.length && i - top < visible; i++) {
    const row = rows[i]!;
    const ry = y + rowH * (i - top + 1);
    if (i === selected) {
      s.fill(x + 2, ry, w - 4, rowH, SELECTION);
      s.stroke(x + 2, ry, w - 4, rowH, 0x99c9ef);
    }
    let px = x + 8;
    row.cells.forEach((cell, k) => {
      const col = columns[k];
      if (!col) return;
      let tx = px;
      if (k === 0 && row.icon) {
        icon(s, row.icon, px, ry + 3, 16);
        tx += 22;
      }
      const maxW = col.width - (tx - px) - 12;
      if (col.align === 'right') s.text(px + col.width - 12 - Math.min(maxW, font('ui').measure(cell)), ry + 4, cell, 'ui', k === 0 ? TEXT : MUTED, maxW);
      else s.text(tx, ry + 4, cell, 'ui', k === 0 ? TEXT : MUTED, maxW);
      px += col.width;
    });
  }
}

/** Splits text into lines that fit `width` (at spaces; a long word gets its own line). */
export function wrap(text: string, fontId: FontId, width: number): string[] {
  const f = font(fontId);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && f.measure(next) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
