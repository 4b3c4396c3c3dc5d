/** A Task Manager: processes with CPU and memory columns (values derived from the hostname, stable). */
import type { Rect } from '../geometry.js';
import type { Surface } from '../surface.js';
import { ACCENT, BORDER, TEXT, table } from '../widgets.js';
import type { App, AppHost } from './app.js';

const PROCESSES = ['Desktop Window Manager', 'Explorer', 'Notepad', 'Service Host: Local System', 'Antimalware Service', 'Runtime Broker', 'Remote Support Customer Client', 'Search Indexer', 'Print Spooler', 'System'];

export class TaskManager implements App {
  readonly kind = 'taskmgr' as const;
  readonly icon = 'taskmgr' as const;
  selected: number | null = null;

  constructor(private readonly host: AppHost) {}

  title(): string {
    return this.host.os === 'windows' ? 'Task Manager' : this.host.os === 'macos' ? 'Activity Monitor' : 'System Monitor';
  }

  paint(s: Surface, r: Rect): void {
    s.fill(r.x, r.y, r.w, 34, 0xf7f7f7);
    let tx = r.x + 12;
    for (const [i, t] of ['Processes', 'Performance', 'App history', 'Startup', 'Users', 'Services'].entries()) {
      const w = s.text(tx, r.y + 10, t, i === 0 ? 'uiBold' : 'ui', TEXT);
      if (i === 0) s.fill(tx, r.y + 30, w, 3, ACCENT);
      tx += w + 22;
    }
    s.fill(r.x, r.y + 33, r.w, 1, BORDER);
    s.fill(r.x, r.y + 34, r.w, r.h - 34, 0xffffff);
    let seed = [...this.host.hostname].reduce((a, c) => (a * 31 + c.charCodeAt(0)) >>> 0, 7);
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) / 0x1000000;
    const rows = PROCESSES.map((p) => ({ icon: 'app' as const, cells: [p, 'Running', `${(rnd() * 4).toFixed(1)}%`, `${(4 + rnd() * 300).toFixed(1)} MB`] }));
    table(s, r.x, r.y + 38, r.w, [
      { title: 'Name', width: Math.max(200, r.w - 330) },
      { title: 'Status', width: 110 },
      { title: 'CPU', width: 90, align: 'right' },
      { title: 'Memory', width: 120, align: 'right' },
    ], rows, this.selected, 0, r.h - 40);
  }

  pointerDown(_x: number, y: number): void {
    const row = Math.floor((y - 38 - 22) / 22);
    if (row >= 0 && row < PROCESSES.length) {
      this.selected = row;
      this.host.invalidate();
    }
  }
}
