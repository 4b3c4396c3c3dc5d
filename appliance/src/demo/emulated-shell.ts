/**
 * A small emulated command shell for the demo fleet's machines: a line editor (echo, backspace,
 * Ctrl+C) and the commands a rep types first (hostname, whoami, ver / uname, ipconfig / ip addr,
 * echo, cls / clear, exit), answering like cmd.exe, bash or zsh would, including their "not
 * recognized" / "command not found" for anything else. Files are real: cd, pwd, ls / dir, cat /
 * type, mkdir, touch and `echo … >` work on the machine's sandbox directory and nothing outside it
 * (sandbox.ts). ping, sleep / timeout and yes run until done or Ctrl+C (emulated-jobs.ts).
 */
import type { EndpointOs } from '../protocol/index.js';
import * as fsc from './emulated-fs-commands.js';
import { pingJob, waitJob, yesJob, type Job } from './emulated-jobs.js';
import { Sandbox, ensureSandbox, shellHome } from './sandbox.js';

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

export interface EmulatedShellOptions {
  /** Where the machines' sandbox directories live (default: one below the system's temp folder). */
  sandboxRoot?: string;
}

export class EmulatedShell {
  private line = '';
  private done = false;
  private readonly sandbox: Sandbox;
  private cwd: string;
  /** A command still running (ping, sleep, yes): keystrokes other than Ctrl+C wait. */
  private job: Job | null = null;
  private paused = false;

  constructor(
    private readonly m: EmulatedMachine,
    private readonly out: (data: string) => void,
    private readonly exit: (code: number) => void,
    opts: EmulatedShellOptions = {},
  ) {
    const home = shellHome(m);
    this.sandbox = new Sandbox(home, ensureSandbox(opts.sandboxRoot, m), m.os);
    this.cwd = home;
  }

  /** Flow control from the appliance: a running `yes` stops printing until resume(). */
  pause(): void {
    this.paused = true;
    this.job?.pause();
  }

  resume(): void {
    this.paused = false;
    this.job?.resume();
  }

  /** The shell was closed: stop whatever runs. */
  stop(): void {
    this.done = true;
    const job = this.job;
    this.job = null;
    job?.pause();
  }

  private get flavour(): fsc.Flavour {
    return this.windows ? 'cmd' : this.m.os === 'macos' ? 'zsh' : 'bash';
  }

  private get fs(): fsc.FsContext {
    return { sandbox: this.sandbox, cwd: this.cwd, flavour: this.flavour };
  }

  /** The working folder as the prompt shows it (~ for home on bash and zsh). */
  private get where(): string {
    const home = this.sandbox.home;
    if (this.windows) return this.cwd;
    if (this.cwd === home) return '~';
    if (this.cwd.startsWith(home + '/')) return this.m.os === 'macos' ? this.cwd.slice(this.cwd.lastIndexOf('/') + 1) : `~${this.cwd.slice(home.length)}`;
    return this.cwd;
  }

  private fsRun(r: fsc.FsResult): string {
    if (r.cwd !== undefined) this.cwd = r.cwd;
    return r.text;
  }

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
    if (this.windows) this.out(`${this.where}>`);
    else if (m.os === 'macos') this.out(`${m.user ?? 'root'}@${shortHostname(m)} ${this.where} % `);
    else this.out(`${m.user ?? 'root'}@${shortHostname(m)}:${this.where}${m.user ? '$' : '#'} `);
  }

  /** Keystrokes from the rep. */
  input(data: string): void {
    for (const ch of data) {
      if (this.done) return;
      if (this.job) {
        if (ch === '\x03') this.job.interrupt();
        continue;
      }
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
    let reply: string | null;
    try {
      reply = this.command(name, args, line);
    } catch {
      reply = this.windows ? 'Access is denied.' : `${this.flavour}: ${cmd}: Input/output error`;
    }
    if (reply === null) return; // exit, or a job that prints the prompt when it ends
    if (reply) this.out(reply.replace(/\r?\n/g, '\r\n') + '\r\n');
    if (this.windows) this.out('\r\n');
    this.prompt();
  }

  /** Starts a long-running command; its end brings the prompt back. */
  private startJob(make: (io: { out: (d: string) => void; done: () => void }) => Job | string): string | null {
    const job = make({
      out: (d) => this.out(d),
      done: () => {
        if (this.job !== job) return;
        this.job = null;
        if (this.done) return;
        if (this.windows) this.out('\r\n');
        this.prompt();
      },
    });
    if (typeof job === 'string') return job;
    this.job = job;
    if (this.paused) job.pause();
    return null;
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
        const written = fsc.echoTo(this.fs, line);
        if (written) return this.fsRun(written);
        const rest = line.slice(line.indexOf(cmd) + cmd.length).trim();
        if (this.windows && !rest) return 'ECHO is on.';
        return this.windows ? rest : rest.replace(/^(["'])(.*)\1$/, '$2');
      }
      case 'pwd':
        return this.windows ? this.notFound(cmd) : this.cwd;
      case 'cd':
      case 'chdir':
        return cmd === 'chdir' && !this.windows ? this.notFound(cmd) : this.fsRun(fsc.cd(this.fs, args));
      case 'cat':
        return this.windows ? this.notFound(cmd) : this.fsRun(fsc.show(this.fs, 'cat', args));
      case 'type':
        return this.windows ? this.fsRun(fsc.show(this.fs, 'type', args)) : this.notFound(cmd);
      case 'mkdir':
      case 'md':
        return cmd === 'md' && !this.windows ? this.notFound(cmd) : this.fsRun(fsc.mkdir(this.fs, args));
      case 'touch':
        return this.windows ? this.notFound(cmd) : this.fsRun(fsc.touch(this.fs, args));
      case 'ping':
        return this.startJob((io) => pingJob(args, m.os, io));
      case 'sleep':
        return this.windows ? this.notFound(cmd) : this.startJob((io) => waitJob(Number(args[0]) || 0, false, io));
      case 'timeout':
        return this.windows ? this.startJob((io) => waitJob(Number(args[args.findIndex((a) => /^\/t$/i.test(a)) + 1] ?? args[0]) || 0, true, io)) : this.notFound(cmd);
      case 'yes':
        return this.windows ? this.notFound(cmd) : this.startJob((io) => yesJob(args.join(' '), io));
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
        return this.windows ? this.fsRun(fsc.dir(this.fs, args)) : this.notFound(cmd);
      case 'ls':
        return this.windows ? this.notFound(cmd) : this.fsRun(fsc.ls(this.fs, args));
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
}
