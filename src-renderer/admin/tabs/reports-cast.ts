/**
 * A small asciicast v2 player core: parses a recording (header line, then `[time, "o", data]`
 * lines) and replays output into a screen of rows × columns with the escape sequences shells
 * commonly use (cursor moves, erase, colours, carriage return, backspace, tabs). Anything else is
 * skipped rather than shown as garbage. Pure: the Svelte player drives it and draws the cells.
 */
import { t } from '../../lib/i18n/index.svelte.js';

export interface Cast {
  width: number;
  height: number;
  title: string;
  /** Output events in time order: seconds since the start, text. */
  events: [number, string][];
  duration: number;
}

export function parseCast(text: string): Cast {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (!lines.length) throw new Error(t('admin.reports.cast.empty'));
  let header: { version?: number; width?: number; height?: number; title?: string };
  try {
    header = JSON.parse(lines[0]!) as typeof header;
  } catch {
    throw new Error(t('admin.reports.cast.notCast'));
  }
  if (header.version !== 2 || !Number.isInteger(header.width) || !Number.isInteger(header.height)) throw new Error(t('admin.reports.cast.notV2'));
  const events: [number, string][] = [];
  for (const line of lines.slice(1)) {
    try {
      const e = JSON.parse(line) as unknown;
      if (Array.isArray(e) && typeof e[0] === 'number' && e[1] === 'o' && typeof e[2] === 'string') events.push([e[0], e[2]]);
    } catch {
      // A torn last line (the shell was still being recorded): play what is whole.
    }
  }
  return { width: Math.min(header.width!, 400), height: Math.min(header.height!, 200), title: header.title ?? '', events, duration: events.length ? events[events.length - 1]![0] : 0 };
}

export interface Cell {
  ch: string;
  /** CSS class of the foreground colour ('' = default), bold. */
  fg: string;
  bold: boolean;
}

const blank = (): Cell => ({ ch: ' ', fg: '', bold: false });

export class Screen {
  rows: Cell[][];
  x = 0;
  y = 0;
  private fg = '';
  private bold = false;
  private pending = '';

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.rows = Array.from({ length: height }, () => Array.from({ length: width }, blank));
  }

  write(data: string): void {
    const s = this.pending + data;
    this.pending = '';
    for (let i = 0; i < s.length; i++) {
      const c = s[i]!;
      if (c === '\x1b') {
        const rest = s.slice(i);
        const csi = /^\x1b\[([?>=]?)([0-9;]*)([ -/]*)([@-~])/.exec(rest);
        if (csi) {
          if (!csi[3]) this.csi(csi[1]!, csi[2]!, csi[4]!);
          i += csi[0].length - 1;
          continue;
        }
        const osc = /^\x1b\][^\x07\x1b]*(\x07|\x1b\\)/.exec(rest);
        if (osc) {
          i += osc[0].length - 1;
          continue;
        }
        if (rest.length < 2 || /^\x1b\[[?>=]?[0-9;]*$/.test(rest) || /^\x1b\][^\x07]*$/.test(rest)) {
          this.pending = rest; // split across two events
          return;
        }
        i += 1; // a two-character escape (ESC =, ESC >, ESC 7…)
        continue;
      }
      if (c === '\r') this.x = 0;
      else if (c === '\n') this.lineFeed();
      else if (c === '\b') this.x = Math.max(0, this.x - 1);
      else if (c === '\t') this.x = Math.min(this.width - 1, (Math.floor(this.x / 8) + 1) * 8);
      else if (c >= ' ') this.put(c);
    }
  }

  /** The screen as plain text lines (for tests and copying). */
  text(): string[] {
    return this.rows.map((r) => r.map((c) => c.ch).join('').trimEnd());
  }

  private put(c: string): void {
    if (this.x >= this.width) {
      this.x = 0;
      this.lineFeed();
    }
    this.rows[this.y]![this.x] = { ch: c, fg: this.fg, bold: this.bold };
    this.x++;
  }

  private lineFeed(): void {
    if (this.y < this.height - 1) this.y++;
    else {
      this.rows.shift();
      this.rows.push(Array.from({ length: this.width }, blank));
    }
  }

  private csi(prefix: string, params: string, final: string): void {
    const n = params.split(';').map((p) => (p === '' ? NaN : Number(p)));
    const a = (i: number, d: number) => (Number.isNaN(n[i] ?? NaN) ? d : n[i]!);
    const clampX = (v: number) => Math.max(0, Math.min(this.width - 1, v));
    const clampY = (v: number) => Math.max(0, Math.min(this.height - 1, v));
    if (prefix) return; // private modes (cursor visibility, bracketed paste…): nothing to draw
    switch (final) {
      case 'A': this.y = clampY(this.y - a(0, 1)); break;
      case 'B': this.y = clampY(this.y + a(0, 1)); break;
      case 'C': this.x = clampX(this.x + a(0, 1)); break;
      case 'D': this.x = clampX(this.x - a(0, 1)); break;
      case 'G': this.x = clampX(a(0, 1) - 1); break;
      case 'd': this.y = clampY(a(0, 1) - 1); break;
      case 'H':
      case 'f': this.y = clampY(a(0, 1) - 1); this.x = clampX(a(1, 1) - 1); break;
      case 'J': this.eraseDisplay(a(0, 0)); break;
      case 'K': this.eraseLine(a(0, 0)); break;
      case 'm': this.sgr(n); break;
      default: break;
    }
  }

  private eraseLine(mode: number): void {
    const row = this.rows[this.y]!;
    const [from, to] = mode === 1 ? [0, this.x + 1] : mode === 2 ? [0, this.width] : [this.x, this.width];
    for (let i = from; i < to; i++) row[i] = blank();
  }

  private eraseDisplay(mode: number): void {
    if (mode === 2 || mode === 3) {
      this.rows = Array.from({ length: this.height }, () => Array.from({ length: this.width }, blank));
      return;
    }
    this.eraseLine(mode);
    const rows = mode === 1 ? this.rows.slice(0, this.y) : this.rows.slice(this.y + 1);
    for (const r of rows) r.fill(blank()).forEach((_, i) => (r[i] = blank()));
  }

  private sgr(n: number[]): void {
    if (!n.length || (n.length === 1 && Number.isNaN(n[0]!))) n = [0];
    for (let i = 0; i < n.length; i++) {
      const v = Number.isNaN(n[i]!) ? 0 : n[i]!;
      if (v === 0) (this.fg = ''), (this.bold = false);
      else if (v === 1) this.bold = true;
      else if (v === 22) this.bold = false;
      else if (v >= 30 && v <= 37) this.fg = `c${v - 30}`;
      else if (v >= 90 && v <= 97) this.fg = `c${v - 90 + 8}`;
      else if (v === 39) this.fg = '';
      else if (v === 38 || v === 48) i += n[i + 1] === 5 ? 2 : n[i + 1] === 2 ? 4 : 0; // 256 / true colour: keep the default
    }
  }
}

/** The screen after every event up to `time` seconds. */
export function screenAt(cast: Cast, time: number): Screen {
  const s = new Screen(cast.width, cast.height);
  for (const [t, data] of cast.events) {
    if (t > time) break;
    s.write(data);
  }
  return s;
}
