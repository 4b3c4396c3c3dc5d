/**
 * A small emulated command shell for the demo fleet's machines: a line editor (echo, backspace,
 * Ctrl+C) and a handful of commands a rep types first (hostname, whoami, ver / uname, ipconfig /
 * ip addr, dir / ls, echo, cd / pwd, cls / clear, exit), answering like cmd.exe, bash or zsh would,
 * including their "not recognized" / "command not found" for anything else.
 */
import type { EndpointOs } from '../protocol/index.js';

export interface EmulatedMachine {
  hostname: string;
  os: EndpointOs;
  /** The logged-in user, or null at a login screen (the shell then runs as the system account). */
  user: string | null;
  domain: string;
  privateIp: string;
  publicIp: string;
}

/** What the machine's home folder holds (the emulated file system shows the same). */
export const HOME_ENTRIES = [
  { name: 'Desktop', dir: true, size: 0 },
  { name: 'Documents', dir: true, size: 0 },
  { name: 'Downloads', dir: true, size: 0 },
  { name: 'notes.txt', dir: false, size: 1_284 },
] as const;

export function shortHostname(m: EmulatedMachine): string {
  const first = m.hostname.split('.')[0] ?? m.hostname;
  return m.os === 'windows' ? first.toUpperCase() : first;
}

export function homeDir(m: EmulatedMachine): string {
  const user = m.user ?? (m.os === 'windows' ? 'Public' : 'root');
  if (m.os === 'windows') return `C:\\Users\\${user}`;
  if (m.os === 'macos') return `/Users/${user}`;
  return user === 'root' ? '/root' : `/home/${user}`;
}

export class EmulatedShell {
  private line = '';
  private done = false;

  constructor(
    private readonly m: EmulatedMachine,
    private readonly out: (data: string) => void,
    private readonly exit: (code: number) => void,
  ) {}

  start(): void {
    if (this.m.os === 'windows') this.out('Microsoft Windows [Version 10.0.19045.5131]\r\n(c) Microsoft Corporation. All rights reserved.\r\n\r\n');
    else if (this.m.os === 'linux') this.out(`Linux ${shortHostname(this.m)} 6.1.0-26-amd64 x86_64 GNU/Linux\r\n\r\n`);
    else this.out(`Last login: ${new Date().toUTCString()} on ttys000\r\n`);
    this.prompt();
  }

  private get windows(): boolean {
    return this.m.os === 'windows';
  }

  prompt(): void {
    const m = this.m;
    if (this.windows) this.out(m.user ? `${homeDir(m)}>` : 'C:\\Windows\\system32>');
    else if (m.os === 'macos') this.out(`${m.user ?? 'root'}@${shortHostname(m)} ~ % `);
    else this.out(`${m.user ?? 'root'}@${shortHostname(m)}:~${m.user ? '$' : '#'} `);
  }

  /** Keystrokes from the rep. */
  input(data: string): void {
    for (const ch of data) {
      if (this.done) return;
      if (ch === '\r' || ch === '\n') {
        this.out('\r\n');
        const line = this.line;
        this.line = '';
        this.run(line.trim());
      } else if (ch === '\x7f' || ch === '\b') {
        if (this.line.length) {
          this.line = this.line.slice(0, -1);
          this.out('\b \b');
        }
      } else if (ch === '\x03') {
        this.line = '';
        this.out('^C\r\n');
        this.prompt();
      } else if (ch === '\x04' && !this.windows && !this.line) {
        this.out('exit\r\n');
        this.finish(0);
      } else if (ch >= ' ') {
        this.line += ch;
        this.out(ch);
      }
    }
  }

  private finish(code: number): void {
    this.done = true;
    this.exit(code);
  }

  private run(line: string): void {
    if (!line) return this.prompt();
    const [cmd = '', ...args] = line.split(/\s+/);
    const name = this.windows ? cmd.toLowerCase() : cmd;
    const reply = this.command(name, args, line);
    if (reply === null) return; // exit
    if (reply) this.out(reply.replace(/\r?\n/g, '\r\n') + '\r\n');
    if (this.windows) this.out('\r\n');
    this.prompt();
  }

  /** The output of one command line; null when the shell exits. */
  private command(cmd: string, args: string[], line: string): string | null {
    const m = this.m;
    const user = m.user ?? (this.windows ? null : 'root');
    switch (cmd) {
      case 'exit':
      case 'logout':
        this.finish(0);
        return null;
      case 'hostname':
        return shortHostname(m);
      case 'whoami':
        if (this.windows) return m.user ? `${m.domain.toLowerCase()}\\${m.user.toLowerCase()}` : 'nt authority\\system';
        return user!;
      case 'echo': {
        const rest = line.slice(line.indexOf(cmd) + cmd.length).trim();
        if (this.windows && !rest) return 'ECHO is on.';
        return this.windows ? rest : rest.replace(/^(["'])(.*)\1$/, '$2');
      }
      case 'pwd':
        return this.windows ? this.notFound(cmd) : homeDir(m);
      case 'cd':
        return this.windows && !args.length ? (m.user ? homeDir(m) : 'C:\\Windows\\system32') : '';
      case 'cls':
        return this.windows ? '\x1b[2J\x1b[H' : this.notFound(cmd);
      case 'clear':
        return this.windows ? this.notFound(cmd) : '\x1b[2J\x1b[H';
      case 'ver':
        return this.windows ? '\nMicrosoft Windows [Version 10.0.19045.5131]' : this.notFound(cmd);
      case 'uname':
        if (this.windows) return this.notFound(cmd);
        if (m.os === 'macos') return args.includes('-a') ? `Darwin ${shortHostname(m)} 23.6.0 Darwin Kernel Version 23.6.0 arm64` : 'Darwin';
        return args.includes('-a') ? `Linux ${shortHostname(m)} 6.1.0-26-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.112-1 (2024-09-30) x86_64 GNU/Linux` : 'Linux';
      case 'ipconfig':
        return this.windows ? this.ipconfig(args.some((a) => a.toLowerCase() === '/all')) : this.notFound(cmd);
      case 'ip':
        return m.os === 'linux' || m.os === 'android' ? (args[0] && /^a(ddr)?$/.test(args[0]) ? this.ipAddr() : 'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }') : this.notFound(cmd);
      case 'ifconfig':
        return this.windows ? this.notFound(cmd) : this.ifconfig();
      case 'dir':
        return this.windows ? this.dir() : this.notFound(cmd);
      case 'ls':
        return this.windows ? this.notFound(cmd) : this.ls(args.some((a) => a.startsWith('-') && a.includes('a')));
      default:
        return this.notFound(cmd);
    }
  }

  private notFound(cmd: string): string {
    if (this.windows) return `'${cmd}' is not recognized as an internal or external command,\noperable program or batch file.`;
    if (this.m.os === 'macos') return `zsh: command not found: ${cmd}`;
    return `bash: ${cmd}: command not found`;
  }

  private ipconfig(all: boolean): string {
    const m = this.m;
    const gw = m.privateIp.replace(/\.\d+$/, '.1');
    return [
      '',
      'Windows IP Configuration',
      '',
      ...(all ? [`   Host Name . . . . . . . . . . . . : ${shortHostname(m)}`, `   Primary Dns Suffix  . . . . . . . : ${m.hostname.split('.').slice(1).join('.')}`, ''] : []),
      'Ethernet adapter Ethernet:',
      '',
      `   Connection-specific DNS Suffix  . : ${m.hostname.split('.').slice(1).join('.')}`,
      `   IPv4 Address. . . . . . . . . . . : ${m.privateIp}`,
      '   Subnet Mask . . . . . . . . . . . : 255.255.255.0',
      `   Default Gateway . . . . . . . . . : ${gw}`,
    ].join('\n');
  }

  private ipAddr(): string {
    return [
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
      '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
      '    inet 127.0.0.1/8 scope host lo',
      '2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP group default qlen 1000',
      '    link/ether 52:54:00:3a:1c:07 brd ff:ff:ff:ff:ff:ff',
      `    inet ${this.m.privateIp}/24 brd ${this.m.privateIp.replace(/\.\d+$/, '.255')} scope global eth0`,
    ].join('\n');
  }

  private ifconfig(): string {
    const iface = this.m.os === 'macos' ? 'en0' : 'eth0';
    return [`${iface}: flags=8863<UP,BROADCAST,RUNNING,SIMPLEX,MULTICAST> mtu 1500`, `\tinet ${this.m.privateIp} netmask 0xffffff00 broadcast ${this.m.privateIp.replace(/\.\d+$/, '.255')}`].join('\n');
  }

  private dir(): string {
    const m = this.m;
    const where = m.user ? homeDir(m) : 'C:\\Windows\\system32';
    const rows = HOME_ENTRIES.map((e) => `11/18/2026  09:12 AM    ${e.dir ? '<DIR>         ' : String(e.size).padStart(14)} ${e.name}`);
    const files = HOME_ENTRIES.filter((e) => !e.dir);
    const bytes = files.reduce((n, e) => n + e.size, 0);
    return [
      ' Volume in drive C has no label.',
      ' Volume Serial Number is 4A2C-19F0',
      '',
      ` Directory of ${where}`,
      '',
      '11/18/2026  09:12 AM    <DIR>          .',
      '11/18/2026  09:12 AM    <DIR>          ..',
      ...rows,
      `               ${files.length} File(s)          ${bytes.toLocaleString('en-US')} bytes`,
      `               ${HOME_ENTRIES.length - files.length + 2} Dir(s)  48,213,405,696 bytes free`,
    ].join('\n');
  }

  private ls(all: boolean): string {
    const names = HOME_ENTRIES.map((e) => e.name);
    return (all ? ['.', '..', '.bashrc', '.profile', ...names] : names).join('  ');
  }
}
