/**
 * An emulated machine's sandbox: a real directory on the appliance that stands for the folder its
 * command shell starts in (the user's home, or C:\Windows\system32 for the system account). The
 * shell resolves every path the rep types against that folder and refuses anything outside it —
 * `cd ..` above it, absolute paths elsewhere, other drives, and symlinks that lead out.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import type { EmulatedMachine } from './emulated-shell.js';

/** The folder a machine's shell starts in, as the machine names it. */
export function shellHome(m: EmulatedMachine): string {
  if (m.os === 'windows') return m.user ? `C:\\Users\\${m.user}` : 'C:\\Windows\\system32';
  const user = m.user ?? 'root';
  if (m.os === 'macos') return `/Users/${user}`;
  return user === 'root' ? '/root' : `/home/${user}`;
}

const NOTES = [
  'Printer on 2nd floor: use \\\\print-01\\HP-2F (driver 6.9).',
  'VPN: vpn.corp.example, ask IT for a token.',
  'Backup runs Fridays 22:00.',
  '',
].join('\n');

/** Creates (once) the machine's sandbox under `root` with what a home folder holds; returns its real path. */
export function ensureSandbox(root: string | undefined, m: EmulatedMachine): string {
  const base = root ?? join(tmpdir(), 'rep-emulated-sandboxes');
  const dir = join(base, m.hostname.toLowerCase().replace(/[^a-z0-9.-]/g, '_'));
  if (existsSync(dir)) return dir;
  mkdirSync(base, { recursive: true });
  // Built next to its final name, then renamed: a half-made sandbox is never seen.
  const tmp = mkdtempSync(join(base, '.new-'));
  for (const d of ['Desktop', 'Documents', 'Downloads']) mkdirSync(join(tmp, d));
  writeFileSync(join(tmp, 'notes.txt'), m.os === 'windows' ? NOTES.replace(/\n/g, '\r\n') : NOTES);
  writeFileSync(join(tmp, 'Documents', 'Printer setup.txt'), 'Add the printer from Settings > Printers & scanners.\n');
  if (m.os === 'windows') mkdirSync(join(tmp, 'AppData'));
  else {
    writeFileSync(join(tmp, '.profile'), '# ~/.profile\n');
    mkdirSync(join(tmp, '.config'));
  }
  try {
    renameSync(tmp, dir);
  } catch {
    /* another shell made it first */
  }
  return dir;
}

/** A path as the machine names it, resolved inside the sandbox: where it is on disk. */
export interface SandboxPath {
  /** As the machine shows it: C:\Users\ana\Documents, /home/dev/notes.txt. */
  shown: string;
  /** Where it is on the appliance's disk. */
  real: string;
}

export class Sandbox {
  private readonly win: boolean;
  private readonly homeParts: string[];
  private readonly realRoot: string;

  constructor(
    /** The folder the sandbox stands for, as the machine names it. */
    readonly home: string,
    /** The sandbox's real directory. */
    readonly root: string,
    os: EmulatedMachine['os'],
  ) {
    this.win = os === 'windows';
    this.homeParts = this.split(home);
    this.realRoot = realpathSync(root);
  }

  /**
   * Resolves what the rep typed (relative to `cwd`, absolute, `~`) to a path inside the sandbox, or
   * null when it leads outside it.
   */
  resolve(cwd: string, typed: string): SandboxPath | null {
    let text = typed.trim().replace(/^(["'])(.*)\1$/, '$2');
    let parts: string[];
    if (this.win) {
      text = text.replace(/\//g, '\\');
      if (/^[A-Za-z]:/.test(text)) {
        if (text[0]!.toUpperCase() !== 'C') return null; // another drive
        parts = /^[A-Za-z]:\\/.test(text) ? this.split(text) : [...this.split(cwd), ...text.slice(2).split('\\')];
      } else if (text.startsWith('\\')) parts = ['C:', ...text.split('\\')];
      else parts = [...this.split(cwd), ...text.split('\\')];
    } else if (text === '~' || text.startsWith('~/')) parts = [...this.homeParts, ...text.slice(1).split('/')];
    else if (text.startsWith('/')) parts = text.split('/');
    else parts = [...this.split(cwd), ...text.split('/')];

    const out: string[] = [];
    for (const p of parts) {
      if (p === '' || p === '.') continue;
      if (p === '..') {
        if (out.length <= 1 && this.win) return null;
        out.pop();
      } else out.push(p);
    }
    const same = (a: string, b: string) => (this.win ? a.toLowerCase() === b.toLowerCase() : a === b);
    if (out.length < this.homeParts.length || !this.homeParts.every((h, i) => same(h, out[i]!))) return null;
    // Inside: map what is below the home folder onto the sandbox, matching names like the machine would.
    let real = this.root;
    const shownParts = [...this.homeParts];
    for (const p of out.slice(this.homeParts.length)) {
      const name = this.win ? this.caseOf(real, p) : p;
      real = join(real, name);
      shownParts.push(name);
    }
    if (!this.staysInside(real)) return null;
    return { shown: this.join(shownParts), real };
  }

  /** A symlink (or anything odd) that leads out of the sandbox does not count as inside. */
  private staysInside(real: string): boolean {
    // The nearest part that exists decides (a new name below a symlink that leads out is outside too).
    for (let p = real; ; p = dirname(p)) {
      try {
        const resolved = realpathSync(p);
        return resolved === this.realRoot || resolved.startsWith(this.realRoot + sep);
      } catch {
        if (dirname(p) === p) return false;
      }
    }
  }

  private caseOf(dir: string, name: string): string {
    try {
      return readdirSync(dir).find((e) => e.toLowerCase() === name.toLowerCase()) ?? name;
    } catch {
      return name;
    }
  }

  private split(path: string): string[] {
    return this.win ? path.split('\\').filter(Boolean) : path.split('/').filter(Boolean);
  }

  private join(parts: string[]): string {
    if (this.win) return parts.length === 1 ? `${parts[0]}\\` : parts.join('\\');
    return '/' + parts.join('/');
  }
}
