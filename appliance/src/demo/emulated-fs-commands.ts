/**
 * The file commands of the emulated shells, on the machine's real sandbox directory (sandbox.ts):
 * cd, pwd, ls / dir, cat / type, mkdir / md, touch, and `echo … > file` / `>>`. Paths outside the
 * sandbox are refused the way the machine refuses a folder the user may not enter.
 */
import { appendFileSync, closeSync, mkdirSync, openSync, readSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import type { Sandbox, SandboxPath } from './sandbox.js';

/** `type` / `cat` show at most this much of a file. */
const MAX_SHOW_BYTES = 256 * 1024;

export type Flavour = 'cmd' | 'bash' | 'zsh';

export interface FsContext {
  sandbox: Sandbox;
  cwd: string;
  flavour: Flavour;
}

export interface FsResult {
  text: string;
  cwd?: string;
}

function denied(f: Flavour, cmd: string, arg: string): string {
  if (f === 'cmd') return 'Access is denied.';
  if (f === 'zsh') return `${cmd}: permission denied: ${arg}`;
  return `bash: ${cmd}: ${arg}: Permission denied`;
}

function missing(f: Flavour, cmd: string, arg: string, dir = false): string {
  if (f === 'cmd') return dir ? 'The system cannot find the path specified.' : 'The system cannot find the file specified.';
  if (f === 'zsh') return `${cmd}: no such file or directory: ${arg}`;
  return cmd === 'cd' ? `bash: cd: ${arg}: No such file or directory` : `${cmd}: ${arg}: No such file or directory`;
}

function kindOf(p: SandboxPath): 'dir' | 'file' | null {
  try {
    return statSync(p.real).isDirectory() ? 'dir' : 'file';
  } catch {
    return null;
  }
}

export function cd(c: FsContext, args: string[]): FsResult {
  const arg = args.join(' ');
  if (!arg) return c.flavour === 'cmd' ? { text: c.cwd } : { text: '', cwd: c.sandbox.home };
  const target = c.sandbox.resolve(c.cwd, c.flavour === 'cmd' ? arg.replace(/^\/d\s+/i, '') : arg);
  if (!target) return { text: denied(c.flavour, 'cd', arg) };
  const kind = kindOf(target);
  if (kind === null) return { text: missing(c.flavour, 'cd', arg, true) };
  if (kind !== 'dir') return { text: c.flavour === 'cmd' ? 'The directory name is invalid.' : c.flavour === 'zsh' ? `cd: not a directory: ${arg}` : `bash: cd: ${arg}: Not a directory` };
  return { text: '', cwd: target.shown };
}

interface Entry {
  name: string;
  dir: boolean;
  size: number;
  mtime: Date;
}

function entries(p: SandboxPath): Entry[] {
  return readdirSync(p.real)
    .map((name) => {
      try {
        const st = statSync(`${p.real}/${name}`);
        return { name, dir: st.isDirectory(), size: st.size, mtime: st.mtime };
      } catch {
        return null;
      }
    })
    .filter((e): e is Entry => e !== null)
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
}

export function ls(c: FsContext, args: string[]): FsResult {
  const flags = args.filter((a) => a.startsWith('-')).join('');
  const arg = args.find((a) => !a.startsWith('-')) ?? '.';
  const target = c.sandbox.resolve(c.cwd, arg);
  if (!target) return { text: `ls: cannot open directory '${arg}': Permission denied` };
  const kind = kindOf(target);
  if (kind === null) return { text: `ls: cannot access '${arg}': No such file or directory` };
  if (kind === 'file') return { text: arg };
  const all = flags.includes('a');
  const list = entries(target).filter((e) => all || !e.name.startsWith('.'));
  if (flags.includes('l')) {
    const rows = list.map((e) => `${e.dir ? 'drwxr-xr-x' : '-rw-r--r--'} 1 user user ${String(e.size).padStart(8)} ${e.mtime.toISOString().slice(0, 16).replace('T', ' ')} ${e.dir ? `\x1b[01;34m${e.name}\x1b[0m` : e.name}`);
    return { text: [`total ${list.length}`, ...rows].join('\n') };
  }
  const names = [...(all ? ['.', '..'] : []), ...list.map((e) => (e.dir ? `\x1b[01;34m${e.name}\x1b[0m` : e.name))];
  return { text: names.join('  ') };
}

const usDate = (d: Date) => {
  const h = d.getHours() % 12 || 12;
  return `${String(d.getMonth() + 1).padStart(2, '0')}/${String(d.getDate()).padStart(2, '0')}/${d.getFullYear()}  ${String(h).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')} ${d.getHours() < 12 ? 'AM' : 'PM'}`;
};

export function dir(c: FsContext, args: string[]): FsResult {
  const arg = args.find((a) => !a.startsWith('/')) ?? '.';
  const hidden = args.some((a) => /^\/a/i.test(a));
  const target = c.sandbox.resolve(c.cwd, arg);
  if (!target) return { text: 'Access is denied.' };
  if (kindOf(target) !== 'dir') return { text: ' Volume in drive C has no label.\n Volume Serial Number is 4A2C-19F0\n\nFile Not Found' };
  const list = entries(target).filter((e) => hidden || (!e.name.startsWith('.') && e.name !== 'AppData'));
  const files = list.filter((e) => !e.dir);
  const bytes = files.reduce((n, e) => n + e.size, 0);
  const now = statSync(target.real).mtime;
  return {
    text: [
      ' Volume in drive C has no label.',
      ' Volume Serial Number is 4A2C-19F0',
      '',
      ` Directory of ${target.shown}`,
      '',
      `${usDate(now)}    <DIR>          .`,
      `${usDate(now)}    <DIR>          ..`,
      ...list.map((e) => `${usDate(e.mtime)}    ${e.dir ? '<DIR>         ' : e.size.toLocaleString('en-US').padStart(14)} ${e.name}`),
      `               ${files.length} File(s) ${bytes.toLocaleString('en-US').padStart(14)} bytes`,
      `               ${list.length - files.length + 2} Dir(s)  48,213,405,696 bytes free`,
    ].join('\n'),
  };
}

export function show(c: FsContext, cmd: string, args: string[]): FsResult {
  const out: string[] = [];
  for (const arg of args.filter((a) => !a.startsWith('-'))) {
    const target = c.sandbox.resolve(c.cwd, arg);
    if (!target) {
      out.push(c.flavour === 'cmd' ? 'Access is denied.' : `${cmd}: ${arg}: Permission denied`);
      continue;
    }
    const kind = kindOf(target);
    if (kind === null) out.push(missing(c.flavour, cmd, arg));
    else if (kind === 'dir') out.push(c.flavour === 'cmd' ? 'Access is denied.' : `${cmd}: ${arg}: Is a directory`);
    else {
      const fd = openSync(target.real, 'r');
      try {
        const buf = Buffer.alloc(Math.min(MAX_SHOW_BYTES, statSync(target.real).size));
        const n = readSync(fd, buf, 0, buf.length, 0);
        out.push(buf.subarray(0, n).toString('utf8').replace(/\r?\n$/, ''));
      } finally {
        closeSync(fd);
      }
    }
  }
  return { text: out.join('\n') };
}

export function mkdir(c: FsContext, args: string[]): FsResult {
  const out: string[] = [];
  for (const arg of args.filter((a) => !a.startsWith('-'))) {
    const target = c.sandbox.resolve(c.cwd, arg);
    if (!target) out.push(c.flavour === 'cmd' ? 'Access is denied.' : `mkdir: cannot create directory '${arg}': Permission denied`);
    else if (kindOf(target)) out.push(c.flavour === 'cmd' ? `A subdirectory or file ${arg} already exists.` : `mkdir: cannot create directory '${arg}': File exists`);
    else {
      try {
        mkdirSync(target.real, { recursive: c.flavour === 'cmd' || args.includes('-p') });
      } catch {
        out.push(c.flavour === 'cmd' ? 'The system cannot find the path specified.' : `mkdir: cannot create directory '${arg}': No such file or directory`);
      }
    }
  }
  return { text: out.join('\n') };
}

export function touch(c: FsContext, args: string[]): FsResult {
  const out: string[] = [];
  for (const arg of args) {
    const target = c.sandbox.resolve(c.cwd, arg);
    if (!target) out.push(`touch: cannot touch '${arg}': Permission denied`);
    else if (!kindOf(target)) {
      try {
        writeFileSync(target.real, '');
      } catch {
        out.push(`touch: cannot touch '${arg}': No such file or directory`);
      }
    }
  }
  return { text: out.join('\n') };
}

/** `echo text > file` / `>> file`: writes the text; null when the line has no redirection. */
export function echoTo(c: FsContext, line: string): FsResult | null {
  const m = /^echo\s?(.*?)\s*(>>?)\s*(\S+)\s*$/i.exec(line);
  if (!m) return null;
  const [, text = '', op, file = ''] = m;
  const target = c.sandbox.resolve(c.cwd, file);
  if (!target) return { text: c.flavour === 'cmd' ? 'Access is denied.' : c.flavour === 'zsh' ? `zsh: permission denied: ${file}` : `bash: ${file}: Permission denied` };
  if (kindOf(target) === 'dir') return { text: c.flavour === 'cmd' ? 'Access is denied.' : `bash: ${file}: Is a directory` };
  const body = (c.flavour === 'cmd' ? text : text.replace(/^(["'])(.*)\1$/, '$2')) + (c.flavour === 'cmd' ? '\r\n' : '\n');
  try {
    if (op === '>>') appendFileSync(target.real, body);
    else writeFileSync(target.real, body);
  } catch {
    return { text: missing(c.flavour, 'echo', file, true) };
  }
  return { text: '' };
}
