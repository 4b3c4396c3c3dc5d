/** An Explorer-like folder window: navigation pane, breadcrumbs, a file list; double-click opens folders. */
import type { CursorShape } from '../../protocol/screen-frames.js';
import type { Rect } from '../geometry.js';
import type { Surface } from '../surface.js';
import { BORDER, MUTED, SELECTION, TEXT, icon, table, type Column } from '../widgets.js';
import type { App, AppHost, FileEntry } from './app.js';

const TOOLBAR_H = 40;
const NAV_W = 170;
const STATUS_H = 24;
const ROW_H = 22;

export class Explorer implements App {
  readonly kind = 'explorer' as const;
  readonly icon = 'explorer' as const;
  private entries: FileEntry[] = [];
  selected: number | null = null;
  private size = { w: 700, h: 450 };

  constructor(
    private readonly host: AppHost,
    public path: string,
  ) {
    this.navigate(path);
  }

  private home(): string {
    return this.host.os === 'windows' ? `C:/Users/${this.host.userName}` : this.host.os === 'macos' ? `/Users/${this.host.userName}` : `/home/${this.host.userName}`;
  }

  private places(): { label: string; path: string; icon: 'folder' | 'computer' }[] {
    const h = this.home();
    return [
      { label: 'Desktop', path: `${h}/Desktop`, icon: 'folder' },
      { label: 'Documents', path: `${h}/Documents`, icon: 'folder' },
      { label: 'Downloads', path: `${h}/Downloads`, icon: 'folder' },
      { label: 'Pictures', path: `${h}/Pictures`, icon: 'folder' },
      { label: this.host.os === 'windows' ? 'This PC' : 'Home', path: h, icon: 'computer' },
    ];
  }

  navigate(path: string): void {
    this.path = path;
    this.entries = this.host.listDirectory(path);
    this.selected = null;
    this.host.invalidate();
  }

  title(): string {
    const name = this.path.split('/').filter(Boolean).pop() ?? this.path;
    return this.host.os === 'windows' ? `${name} - File Explorer` : name;
  }

  resize(w: number, h: number): void {
    this.size = { w, h };
  }

  paint(s: Surface, r: Rect): void {
    s.fill(r.x, r.y, r.w, TOOLBAR_H, 0xf7f7f7);
    s.fill(r.x, r.y + TOOLBAR_H - 1, r.w, 1, BORDER);
    // Back, forward, up.
    const ay = r.y + TOOLBAR_H / 2;
    s.line(r.x + 14, ay, r.x + 24, ay, MUTED);
    s.line(r.x + 14, ay, r.x + 18, ay - 4, MUTED);
    s.line(r.x + 14, ay, r.x + 18, ay + 4, MUTED);
    s.line(r.x + 50, ay, r.x + 40, ay, 0xb0b0b0);
    s.line(r.x + 50, ay, r.x + 46, ay - 4, 0xb0b0b0);
    s.line(r.x + 50, ay, r.x + 46, ay + 4, 0xb0b0b0);
    s.line(r.x + 70, ay + 5, r.x + 70, ay - 5, MUTED);
    s.line(r.x + 70, ay - 5, r.x + 66, ay - 1, MUTED);
    s.line(r.x + 70, ay - 5, r.x + 74, ay - 1, MUTED);
    const searchW = Math.min(220, Math.floor(r.w * 0.28));
    const addrW = r.w - 96 - searchW - 20;
    s.fill(r.x + 88, r.y + 7, addrW, 26, 0xffffff);
    s.stroke(r.x + 88, r.y + 7, addrW, 26, BORDER);
    icon(s, 'folder', r.x + 94, r.y + 12, 16);
    s.text(r.x + 116, r.y + 13, this.crumbs(), 'ui', TEXT, addrW - 36);
    const sx = r.x + r.w - searchW - 10;
    s.fill(sx, r.y + 7, searchW, 26, 0xffffff);
    s.stroke(sx, r.y + 7, searchW, 26, BORDER);
    s.text(sx + 8, r.y + 13, `Search ${this.title().split(' - ')[0]}`, 'ui', 0x8a8a8a, searchW - 16);
    // Navigation pane.
    const bodyY = r.y + TOOLBAR_H;
    const bodyH = r.h - TOOLBAR_H - STATUS_H;
    s.fill(r.x, bodyY, NAV_W, bodyH, 0xffffff);
    s.fill(r.x + NAV_W, bodyY, 1, bodyH, BORDER);
    this.places().forEach((p, i) => {
      const py = bodyY + 8 + i * 26;
      if (p.path === this.path) s.fill(r.x + 4, py - 2, NAV_W - 8, 24, SELECTION);
      icon(s, p.icon, r.x + 14, py + 2, 16);
      s.text(r.x + 38, py + 4, p.label, 'ui', TEXT, NAV_W - 44);
    });
    // The listing.
    const lx = r.x + NAV_W + 1;
    const lw = r.w - NAV_W - 1;
    s.fill(lx, bodyY, lw, bodyH, 0xffffff);
    const columns: Column[] = [
      { title: 'Name', width: Math.max(160, lw - 400) },
      { title: 'Date modified', width: 150 },
      { title: 'Type', width: 130 },
      { title: 'Size', width: 100, align: 'right' },
    ];
    table(s, lx, bodyY + 4, lw, columns, this.entries.map((e) => ({
      icon: e.kind === 'folder' ? 'folder' : 'file',
      cells: [e.name, e.modified ?? '', e.kind === 'folder' ? 'File folder' : fileType(e.name), e.kind === 'folder' ? '' : formatSize(e.size ?? 0)],
    })), this.selected, 0, bodyH - 4);
    if (this.entries.length === 0) s.textCentered(lx, lw, bodyY + 60, 'This folder is empty.', 'ui', MUTED);
    // Status bar.
    const sy = r.y + r.h - STATUS_H;
    s.fill(r.x, sy, r.w, STATUS_H, 0xf7f7f7);
    s.fill(r.x, sy, r.w, 1, BORDER);
    const n = this.entries.length;
    s.text(r.x + 10, sy + 6, `${n} item${n === 1 ? '' : 's'}${this.selected !== null ? '     1 item selected' : ''}`, 'ui', MUTED);
  }

  private crumbs(): string {
    const home = this.home();
    if (this.path.startsWith(home)) {
      const rest = this.path.slice(home.length).split('/').filter(Boolean);
      return [this.host.os === 'windows' ? 'This PC' : this.host.userName, ...rest].join('  ›  ');
    }
    return this.path.split('/').filter(Boolean).join('  ›  ');
  }

  pointerDown(x: number, y: number, clicks: number): void {
    const bodyY = TOOLBAR_H;
    if (y < TOOLBAR_H) {
      if (x >= 60 && x < 82) this.navigate(this.path.split('/').slice(0, -1).join('/') || '/');
      return;
    }
    if (x < NAV_W) {
      const i = Math.floor((y - bodyY - 6) / 26);
      const place = this.places()[i];
      if (place) this.navigate(place.path);
      return;
    }
    const row = Math.floor((y - bodyY - 4 - ROW_H) / ROW_H);
    const entry = row >= 0 ? this.entries[row] : undefined;
    if (!entry) {
      if (this.selected !== null) {
        this.selected = null;
        this.host.invalidate();
      }
      return;
    }
    if (clicks >= 2 && entry.kind === 'folder') return this.navigate(`${this.path}/${entry.name}`);
    this.selected = row;
    this.host.invalidate({ x: NAV_W, y: bodyY, w: this.size.w - NAV_W, h: this.size.h - bodyY });
  }

  cursorAt(): CursorShape {
    return 'arrow';
  }
}

function fileType(name: string): string {
  const ext = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
  const types: Record<string, string> = { txt: 'Text Document', pdf: 'PDF Document', docx: 'Word Document', xlsx: 'Spreadsheet', png: 'PNG image', jpg: 'JPEG image', zip: 'Compressed folder', log: 'Text Document', exe: 'Application', msi: 'Installer package' };
  return types[ext] ?? (ext ? `${ext.toUpperCase()} File` : 'File');
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-US')} KB`;
}
