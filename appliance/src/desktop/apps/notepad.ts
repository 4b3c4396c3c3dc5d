/** A Notepad-like text editor: typing, Enter, Backspace/Delete, arrows, Home/End, Ctrl+A/C/X/V. */
import type { CursorShape } from '../../protocol/screen-frames.js';
import { font } from '../font/font.js';
import type { Rect } from '../geometry.js';
import type { Surface } from '../surface.js';
import { MUTED, TEXT } from '../widgets.js';
import type { App, AppHost, KeyPress } from './app.js';

const MENU_H = 22;
const STATUS_H = 24;
const PAD = 6;

export class Notepad implements App {
  readonly kind = 'notepad' as const;
  readonly icon = 'notepad' as const;
  lines: string[];
  caret = { line: 0, col: 0 };
  selectAll = false;
  private scrollTop = 0;
  private size = { w: 600, h: 400 };

  constructor(
    private readonly host: AppHost,
    private readonly fileName = 'Untitled',
    text = '',
  ) {
    this.lines = text.split('\n');
    this.caret = { line: this.lines.length - 1, col: this.lines[this.lines.length - 1]!.length };
  }

  get content(): string {
    return this.lines.join('\n');
  }

  title(): string {
    const names = { windows: 'Notepad', macos: 'TextEdit', linux: 'Text Editor' } as const;
    return `${this.fileName} - ${names[this.host.os]}`;
  }

  private get lineH(): number {
    return font('mono').lineHeight;
  }

  private get charW(): number {
    return font('mono').glyph(77).advance;
  }

  private textTop(): number {
    return this.host.os === 'windows' ? MENU_H : 0;
  }

  private rows(): number {
    return Math.max(1, Math.floor((this.size.h - this.textTop() - STATUS_H - PAD) / this.lineH));
  }

  resize(w: number, h: number): void {
    this.size = { w, h };
    this.scrollToCaret();
  }

  paint(s: Surface, r: Rect, focused: boolean): void {
    const top = r.y + this.textTop();
    if (this.host.os === 'windows') {
      s.fill(r.x, r.y, r.w, MENU_H, 0xffffff);
      let mx = r.x + 8;
      for (const m of ['File', 'Edit', 'Format', 'View', 'Help']) mx += s.text(mx, r.y + 4, m, 'ui', TEXT) + 16;
      s.fill(r.x, r.y + MENU_H - 1, r.w, 1, 0xeeeeee);
    }
    s.fill(r.x, top, r.w, r.h - this.textTop() - STATUS_H, 0xffffff);
    const lh = this.lineH;
    const rows = this.rows();
    for (let i = 0; i < rows; i++) {
      const n = this.scrollTop + i;
      const line = this.lines[n];
      if (line === undefined) break;
      const y = top + PAD / 2 + i * lh;
      if (this.selectAll && (line.length > 0 || n < this.lines.length - 1)) {
        s.fill(r.x + PAD, y, Math.min(r.w - PAD, (line.length + 1) * this.charW), lh, focused ? 0x0078d7 : 0xcccccc);
      }
      s.text(r.x + PAD, y, line, 'mono', this.selectAll && focused ? 0xffffff : TEXT, r.w - 2 * PAD);
      if (focused && !this.selectAll && n === this.caret.line) s.fill(r.x + PAD + this.caret.col * this.charW, y, 1, lh, 0x000000);
    }
    const sy = r.y + r.h - STATUS_H;
    s.fill(r.x, sy, r.w, STATUS_H, 0xf3f3f3);
    s.fill(r.x, sy, r.w, 1, 0xe0e0e0);
    const status = `Ln ${this.caret.line + 1}, Col ${this.caret.col + 1}`;
    s.text(r.x + 10, sy + 6, status, 'ui', MUTED);
    const right = this.host.os === 'windows' ? '100%     Windows (CRLF)     UTF-8' : 'UTF-8';
    s.text(r.x + r.w - 12 - font('ui').measure(right), sy + 6, right, 'ui', MUTED);
  }

  /** Repaints the given line rows (absolute line numbers) and the status bar. */
  private dirtyLines(from: number, to: number): void {
    const lh = this.lineH;
    const a = Math.max(from, this.scrollTop) - this.scrollTop;
    const b = Math.min(to, this.scrollTop + this.rows() - 1) - this.scrollTop;
    if (b >= a) this.host.invalidate({ x: 0, y: this.textTop() + PAD / 2 + a * lh, w: this.size.w, h: (b - a + 1) * lh });
    this.host.invalidate({ x: 0, y: this.size.h - STATUS_H, w: this.size.w, h: STATUS_H });
  }

  private dirtyAll(): void {
    this.host.invalidate();
  }

  /** Keeps the caret on screen; returns true when the view scrolled. */
  private scrollToCaret(): boolean {
    const rows = this.rows();
    const before = this.scrollTop;
    if (this.caret.line < this.scrollTop) this.scrollTop = this.caret.line;
    if (this.caret.line >= this.scrollTop + rows) this.scrollTop = this.caret.line - rows + 1;
    return before !== this.scrollTop;
  }

  private edit(change: () => void, structural: boolean): void {
    const before = this.caret.line;
    const wasAll = this.selectAll;
    change();
    if (this.scrollToCaret() || structural || wasAll) this.dirtyAll();
    else this.dirtyLines(Math.min(before, this.caret.line), Math.max(before, this.caret.line));
  }

  private replaceAllIfSelected(): void {
    if (!this.selectAll) return;
    this.lines = [''];
    this.caret = { line: 0, col: 0 };
    this.selectAll = false;
  }

  text(t: string): void {
    this.insert(t.replace(/\r\n?/g, '\n').replace(/\t/g, '    '));
  }

  private insert(t: string): void {
    const structural = t.includes('\n') || this.selectAll;
    this.edit(() => {
      this.replaceAllIfSelected();
      const line = this.lines[this.caret.line]!;
      const head = line.slice(0, this.caret.col);
      const tail = line.slice(this.caret.col);
      const parts = t.split('\n');
      if (parts.length === 1) {
        this.lines[this.caret.line] = head + t + tail;
        this.caret.col += t.length;
      } else {
        const last = parts[parts.length - 1]!;
        this.lines.splice(this.caret.line, 1, head + parts[0], ...parts.slice(1, -1), last + tail);
        this.caret = { line: this.caret.line + parts.length - 1, col: last.length };
      }
    }, structural);
  }

  key(k: KeyPress): void {
    if (k.ctrl || k.meta) {
      const c = k.key.toLowerCase();
      if (c === 'a') {
        this.selectAll = true;
        this.dirtyAll();
      } else if (c === 'c' || c === 'x') {
        this.host.clipboardSet(this.selectAll ? this.content : this.lines[this.caret.line]!);
        if (c === 'x') this.edit(() => (this.selectAll ? this.replaceAllIfSelected() : this.deleteLine()), true);
      } else if (c === 'v') {
        this.insert(this.host.clipboardGet().replace(/\r\n?/g, '\n'));
      }
      return;
    }
    const line = this.lines[this.caret.line]!;
    switch (k.key) {
      case 'Enter':
        return this.insert('\n');
      case 'Tab':
        return this.insert('    ');
      case 'Backspace':
        if (this.selectAll) return this.edit(() => this.replaceAllIfSelected(), true);
        if (this.caret.col > 0) {
          return this.edit(() => {
            this.lines[this.caret.line] = line.slice(0, this.caret.col - 1) + line.slice(this.caret.col);
            this.caret.col--;
          }, false);
        }
        if (this.caret.line > 0) {
          return this.edit(() => {
            const prev = this.lines[this.caret.line - 1]!;
            this.lines.splice(this.caret.line - 1, 2, prev + line);
            this.caret = { line: this.caret.line - 1, col: prev.length };
          }, true);
        }
        return;
      case 'Delete':
        if (this.selectAll) return this.edit(() => this.replaceAllIfSelected(), true);
        if (this.caret.col < line.length) return this.edit(() => (this.lines[this.caret.line] = line.slice(0, this.caret.col) + line.slice(this.caret.col + 1)), false);
        if (this.caret.line < this.lines.length - 1) return this.edit(() => this.lines.splice(this.caret.line, 2, line + this.lines[this.caret.line + 1]), true);
        return;
      case 'ArrowLeft':
      case 'ArrowRight':
      case 'ArrowUp':
      case 'ArrowDown':
      case 'Home':
      case 'End':
        return this.move(k.key);
      default:
        if ([...k.key].length === 1 && !k.alt) this.insert(k.key);
    }
  }

  private deleteLine(): void {
    if (this.lines.length === 1) this.lines = [''];
    else this.lines.splice(this.caret.line, 1);
    this.caret = { line: Math.min(this.caret.line, this.lines.length - 1), col: 0 };
  }

  private move(key: string): void {
    this.edit(() => {
      const wasAll = this.selectAll;
      this.selectAll = false;
      if (wasAll) return;
      const c = this.caret;
      const len = (n: number) => this.lines[n]!.length;
      if (key === 'ArrowLeft') {
        if (c.col > 0) c.col--;
        else if (c.line > 0) this.caret = { line: c.line - 1, col: len(c.line - 1) };
      } else if (key === 'ArrowRight') {
        if (c.col < len(c.line)) c.col++;
        else if (c.line < this.lines.length - 1) this.caret = { line: c.line + 1, col: 0 };
      } else if (key === 'ArrowUp') {
        if (c.line > 0) this.caret = { line: c.line - 1, col: Math.min(c.col, len(c.line - 1)) };
      } else if (key === 'ArrowDown') {
        if (c.line < this.lines.length - 1) this.caret = { line: c.line + 1, col: Math.min(c.col, len(c.line + 1)) };
      } else if (key === 'Home') c.col = 0;
      else c.col = len(c.line);
    }, false);
  }

  pointerDown(x: number, y: number): void {
    const top = this.textTop() + PAD / 2;
    if (y < top || y >= this.size.h - STATUS_H) return;
    const line = Math.min(this.lines.length - 1, this.scrollTop + Math.floor((y - top) / this.lineH));
    const col = Math.max(0, Math.min(this.lines[line]!.length, Math.round((x - PAD) / this.charW)));
    const wasAll = this.selectAll;
    const before = this.caret.line;
    this.selectAll = false;
    this.caret = { line, col };
    if (wasAll) this.dirtyAll();
    else this.dirtyLines(Math.min(before, line), Math.max(before, line));
  }

  wheel(deltaY: number): void {
    const max = Math.max(0, this.lines.length - this.rows());
    const next = Math.max(0, Math.min(max, this.scrollTop + Math.sign(deltaY) * 3));
    if (next !== this.scrollTop) {
      this.scrollTop = next;
      this.dirtyAll();
    }
  }

  cursorAt(_x: number, y: number, size: { w: number; h: number }): CursorShape {
    return y >= this.textTop() && y < size.h - STATUS_H ? 'ibeam' : 'arrow';
  }
}
