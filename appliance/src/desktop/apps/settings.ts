/** A Settings window: a navigation list, switches, and a button that needs elevation (opens the UAC-style dialog). */
import type { CursorShape } from '../../protocol/screen-frames.js';
import type { Rect } from '../geometry.js';
import type { Surface } from '../surface.js';
import { font } from '../font/font.js';
import { ACCENT, BORDER, MUTED, TEXT, button, icon, toggle } from '../widgets.js';
import type { App, AppHost } from './app.js';

const NAV_W = 220;
const PAGES = ['System', 'Bluetooth & devices', 'Network & internet', 'Personalization', 'Accounts', 'Time & language', 'Update & Security'];
const SWITCHES = [
  { label: 'Night light', hint: 'Use warmer colours to help block blue light' },
  { label: 'Notifications', hint: 'Alerts from apps and system' },
  { label: 'Focus assist', hint: 'Hide notifications while you work' },
  { label: 'Remote Desktop', hint: 'Allow connections to this computer' },
];
const CARD_H = 58;

export class Settings implements App {
  readonly kind = 'settings' as const;
  readonly icon = 'settings' as const;
  page = 0;
  readonly switches = [false, true, false, false];

  constructor(private readonly host: AppHost) {}

  title(): string {
    return this.host.os === 'macos' ? 'System Settings' : 'Settings';
  }

  paint(s: Surface, r: Rect): void {
    s.fill(r.x, r.y, NAV_W, r.h, 0xf3f3f3);
    icon(s, 'user', r.x + 16, r.y + 16, 40, ACCENT);
    s.text(r.x + 66, r.y + 18, this.host.userName, 'uiBold', TEXT, NAV_W - 72);
    s.text(r.x + 66, r.y + 36, 'Local account', 'ui', MUTED, NAV_W - 72);
    s.roundRect(r.x + 12, r.y + 72, NAV_W - 24, 28, 4, 0xffffff);
    s.stroke(r.x + 12, r.y + 72, NAV_W - 24, 28, BORDER);
    s.text(r.x + 22, r.y + 79, 'Find a setting', 'ui', 0x8a8a8a);
    PAGES.forEach((p, i) => {
      const py = r.y + 112 + i * 34;
      if (i === this.page) {
        s.roundRect(r.x + 8, py, NAV_W - 16, 30, 4, 0xe6e6e6);
        s.roundRect(r.x + 8, py + 8, 3, 14, 1, ACCENT);
      }
      s.text(r.x + 24, py + 8, p, 'ui', TEXT, NAV_W - 40);
    });
    const cx = r.x + NAV_W;
    const cw = r.w - NAV_W;
    s.fill(cx, r.y, cw, r.h, 0xfafafa);
    s.text(cx + 24, r.y + 18, PAGES[this.page]!, 'large', TEXT, cw - 48);
    s.text(cx + 24, r.y + 56, `${this.host.hostname}`, 'uiBold', TEXT);
    s.text(cx + 24, r.y + 74, 'Manage this device’s settings', 'ui', MUTED);
    SWITCHES.forEach((sw, i) => {
      const y = r.y + 104 + i * (CARD_H + 6);
      s.roundRect(cx + 20, y, cw - 40, CARD_H, 6, 0xffffff);
      s.stroke(cx + 20, y, cw - 40, CARD_H, 0xe5e5e5);
      s.text(cx + 36, y + 13, sw.label, 'ui', TEXT);
      s.text(cx + 36, y + 31, sw.hint, 'ui', MUTED, cw - 180);
      s.text(cx + cw - 112, y + 21, this.switches[i] ? 'On' : 'Off', 'ui', TEXT);
      toggle(s, cx + cw - 84, y + 19, this.switches[i]!);
    });
    const by = r.y + 104 + SWITCHES.length * (CARD_H + 6) + 10;
    s.roundRect(cx + 20, by, cw - 40, CARD_H, 6, 0xffffff);
    s.stroke(cx + 20, by, cw - 40, CARD_H, 0xe5e5e5);
    s.text(cx + 36, by + 13, 'Advanced system settings', 'ui', TEXT);
    s.text(cx + 36, by + 31, 'Computer name, hardware and performance', 'ui', MUTED, cw - 260);
    button(s, cx + cw - 224, by + 15, 184, 28, '      Change settings…');
    icon(s, 'shield', cx + cw - 214, by + 21, 16);
  }

  pointerDown(x: number, y: number, _clicks: number, size: { w: number; h: number }): void {
    if (x < NAV_W) {
      const i = Math.floor((y - 112) / 34);
      if (i >= 0 && i < PAGES.length && i !== this.page) {
        this.page = i;
        this.host.invalidate();
      }
      return;
    }
    const cw = size.w - NAV_W;
    const lx = x - NAV_W;
    for (let i = 0; i < SWITCHES.length; i++) {
      const cy = 104 + i * (CARD_H + 6);
      if (y >= cy && y < cy + CARD_H && lx >= cw - 120 && lx < cw - 20) {
        this.switches[i] = !this.switches[i];
        this.host.invalidate({ x: NAV_W + 20, y: cy, w: cw - 40, h: CARD_H });
        return;
      }
    }
    const by = 104 + SWITCHES.length * (CARD_H + 6) + 10;
    if (y >= by + 15 && y < by + 43 && lx >= cw - 224 && lx < cw - 40) {
      this.host.requestElevation('System Properties', () => this.host.openApp('properties'));
    }
  }

  cursorAt(): CursorShape {
    return 'arrow';
  }
}

/** The dialog an accepted elevation opens: computer name and an OK button. */
export class SystemProperties implements App {
  readonly kind = 'properties' as const;
  readonly icon = 'computer' as const;
  private size = { w: 420, h: 300 };

  constructor(private readonly host: AppHost) {}

  title(): string {
    return 'System Properties';
  }

  resize(w: number, h: number): void {
    this.size = { w, h };
  }

  paint(s: Surface, r: Rect): void {
    s.fill(r.x, r.y, r.w, r.h, 0xf0f0f0);
    let tx = r.x + 10;
    for (const [i, t] of ['Computer Name', 'Hardware', 'Advanced', 'Remote'].entries()) {
      const w = 20 + font('ui').measure(t);
      if (i === 0) s.fill(tx, r.y + 8, w, 24, 0xffffff);
      s.stroke(tx, r.y + 8, w, 24, BORDER);
      s.text(tx + 10, r.y + 13, t, 'ui', TEXT);
      tx += w + 2;
    }
    s.fill(r.x + 10, r.y + 32, r.w - 20, r.h - 84, 0xffffff);
    s.stroke(r.x + 10, r.y + 32, r.w - 20, r.h - 84, BORDER);
    icon(s, 'computer', r.x + 24, r.y + 48, 32);
    s.text(r.x + 70, r.y + 50, 'Windows uses the following information to identify', 'ui', TEXT, r.w - 90);
    s.text(r.x + 70, r.y + 66, 'your computer on the network.', 'ui', TEXT, r.w - 90);
    const rows: [string, string][] = [['Full computer name:', this.host.hostname], ['Workgroup:', 'WORKGROUP'], ['Elevated:', 'Yes (administrator)']];
    rows.forEach(([k, v], i) => {
      s.text(r.x + 24, r.y + 104 + i * 24, k, 'ui', TEXT);
      s.text(r.x + 170, r.y + 104 + i * 24, v, 'uiBold', TEXT, r.w - 190);
    });
    button(s, r.x + r.w - 186, r.y + r.h - 40, 80, 26, 'OK', true);
    button(s, r.x + r.w - 96, r.y + r.h - 40, 80, 26, 'Cancel');
  }

  pointerDown(x: number, y: number): void {
    if (y >= this.size.h - 40 && y < this.size.h - 14 && x >= this.size.w - 186 && x < this.size.w - 16) this.host.close();
  }
}
