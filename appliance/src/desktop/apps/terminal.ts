/** A command prompt / terminal with a handful of canned commands (the real shell is the Command Shell tool). */
import type { CursorShape } from '../../protocol/screen-frames.js';
import { font } from '../font/font.js';
import type { Rect } from '../geometry.js';
import type { Surface } from '../surface.js';
import type { App, AppHost, KeyPress } from './app.js';

const PAD = 6;

export class Terminal implements App {
  readonly kind = 'terminal' as const;
  readonly icon = 'terminal' as const;
  readonly lines: string[];
  input = '';
  private size = { w: 640, h: 360 };

  constructor(private readonly host: AppHost) {
    this.lines = host.os === 'windows' ? ['Command Prompt', '(c) Example Systems. All rights reserved.', ''] : [`Last login: on ttys000`];
  }

  private prompt(): string {
    const h = this.host;
    return h.os === 'windows' ? `C:\\Users\\${h.userName}>` : `${h.userName}@${h.hostname.toLowerCase()} ~ % `;
  }

  title(): string {
    return this.host.os === 'windows' ? 'Command Prompt' : 'Terminal';
  }

  resize(w: number, h: number): void {
    this.size = { w, h };
  }

  private visible(): string[] {
    const rows = Math.max(1, Math.floor((this.size.h - 2 * PAD) / font('mono').lineHeight));
    return [...this.lines, this.prompt() + this.input].slice(-rows);
  }

  paint(s: Surface, r: Rect, focused: boolean): void {
    s.fill(r.x, r.y, r.w, r.h, 0x0c0c0c);
    const lh = font('mono').lineHeight;
    const shown = this.visible();
    shown.forEach((line, i) => s.text(r.x + PAD, r.y + PAD + i * lh, line, 'mono', 0xcccccc, r.w - 2 * PAD));
    if (focused) {
      const last = shown[shown.length - 1]!;
      s.fill(r.x + PAD + font('mono').measure(last), r.y + PAD + (shown.length - 1) * lh + lh - 3, 8, 2, 0xcccccc);
    }
  }

  private run(cmd: string): string[] {
    const [name = '', ...args] = cmd.trim().split(/\s+/);
    const h = this.host;
    switch (name.toLowerCase()) {
      case '':
        return [];
      case 'hostname':
        return [h.hostname];
      case 'whoami':
        return [h.os === 'windows' ? `${h.hostname.toLowerCase()}\\${h.userName}` : h.userName];
      case 'echo':
        return [args.join(' ')];
      case 'ver':
      case 'uname':
        return [h.os === 'windows' ? 'Windows [Version 10.0.19045]' : h.os === 'macos' ? 'Darwin' : 'Linux'];
      case 'dir':
      case 'ls':
        return h.listDirectory(h.os === 'windows' ? `C:/Users/${h.userName}` : `/home/${h.userName}`).map((e) => (e.kind === 'folder' ? `<DIR>          ${e.name}` : `${String(e.size ?? 0).padStart(14)} ${e.name}`));
      case 'cls':
      case 'clear':
        this.lines.length = 0;
        return [];
      case 'exit':
        h.close();
        return [];
      default:
        return [h.os === 'windows' ? `'${name}' is not recognized as an internal or external command,` : `${name}: command not found`].concat(h.os === 'windows' ? ['operable program or batch file.'] : []);
    }
  }

  key(k: KeyPress): void {
    if (k.ctrl && k.key.toLowerCase() === 'v') return this.text(this.host.clipboardGet());
    if (k.ctrl || k.meta || k.alt) return;
    if (k.key === 'Enter') {
      const cmd = this.input;
      this.lines.push(this.prompt() + cmd);
      this.input = '';
      this.lines.push(...this.run(cmd));
      if (this.host.os === 'windows' && cmd.trim() && this.lines.length) this.lines.push('');
    } else if (k.key === 'Backspace') this.input = this.input.slice(0, -1);
    else if ([...k.key].length === 1) this.input += k.key;
    else return;
    if (this.lines.length > 500) this.lines.splice(0, this.lines.length - 500);
    this.host.invalidate();
  }

  text(t: string): void {
    for (const ch of t.replace(/\r\n?/g, '\n')) this.key({ key: ch === '\n' ? 'Enter' : ch, ctrl: false, alt: false, shift: false, meta: false });
  }

  cursorAt(): CursorShape {
    return 'ibeam';
  }
}
