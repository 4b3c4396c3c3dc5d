import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmulatedShell, type EmulatedMachine } from './emulated-shell.js';
import { ensureSandbox } from './sandbox.js';

const root = mkdtempSync(join(tmpdir(), 'rep-sandbox-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const linux: EmulatedMachine = { hostname: 'web-01.corp.example', os: 'linux', user: 'dev', domain: 'CORP', privateIp: '10.0.2.30', publicIp: '' };
const win: EmulatedMachine = { hostname: 'ws-107.corp.example', os: 'windows', user: 'mkeller', domain: 'CORP', privateIp: '10.1.0.107', publicIp: '' };

/** Keeps the last TAIL characters only: `yes` floods as fast as the machine allows, and a loaded CI runner may be slow to pause it. */
const TAIL = 1 << 20;

function shell(m: EmulatedMachine) {
  let out = '';
  let total = 0;
  const sh = new EmulatedShell(
    m,
    (d) => {
      total += d.length;
      out += d;
      if (out.length > 2 * TAIL) out = out.slice(-TAIL);
    },
    () => undefined,
    { sandboxRoot: root },
  );
  sh.start();
  return {
    sh,
    run(line: string): string {
      const before = total;
      sh.input(line + '\r');
      return out.slice(out.length - (total - before));
    },
    all: () => out,
    total: () => total,
  };
}

describe('emulated shells are confined to their sandbox', () => {
  it('bash: real files; cd .. above home, absolute paths outside and symlinks out are refused', () => {
    const s = shell(linux);
    expect(s.run('pwd')).toContain('/home/dev\r\n');
    expect(s.run('cd ..')).toContain('bash: cd: ..: Permission denied');
    expect(s.run('pwd')).toContain('/home/dev\r\n');
    expect(s.run('cd /etc')).toContain('bash: cd: /etc: Permission denied');
    expect(s.run('cat /etc/passwd')).toContain('cat: /etc/passwd: Permission denied');
    expect(s.run('ls /')).toContain("ls: cannot open directory '/': Permission denied");
    expect(s.run('cat ../../../../etc/hostname')).toContain('Permission denied');
    // The appliance's own path for the sandbox is just another path outside home, on the machine.
    expect(s.run(`cat ${join(root, 'web-01.corp.example', 'notes.txt')}`)).toContain('Permission denied');

    expect(s.run('mkdir projects')).not.toContain('cannot');
    expect(s.run('cd projects')).toContain('dev@web-01:~/projects$ ');
    expect(s.run('echo hello sandbox > hello.txt')).toContain('$ ');
    expect(s.run('cat hello.txt')).toContain('hello sandbox\r\n');
    expect(s.run('cd ../..')).toContain('Permission denied');
    expect(s.run('cd ~')).toContain('dev@web-01:~$ ');
    expect(readFileSync(join(root, 'web-01.corp.example', 'projects', 'hello.txt'), 'utf8')).toBe('hello sandbox\n');
    expect(s.run('ls')).toContain('notes.txt');

    const outside = mkdtempSync(join(tmpdir(), 'rep-outside-'));
    writeFileSync(join(outside, 'secret.txt'), 'top secret');
    symlinkSync(outside, join(root, 'web-01.corp.example', 'escape'));
    expect(s.run('cat escape/secret.txt')).toContain('Permission denied');
    expect(s.run('cd escape')).toContain('Permission denied');
    expect(s.run('mkdir escape/new')).toContain('Permission denied');
    rmSync(outside, { recursive: true, force: true });
  });

  it('cmd.exe: other folders, drives and UNC-like roots are "Access is denied."', () => {
    const s = shell(win);
    expect(s.all()).toContain('C:\\Users\\mkeller>');
    expect(s.run('cd ..')).toContain('Access is denied.');
    expect(s.run('cd C:\\Windows')).toContain('Access is denied.');
    expect(s.run('type C:\\Windows\\win.ini')).toContain('Access is denied.');
    expect(s.run('dir D:\\')).toContain('Access is denied.');
    expect(s.run('cd \\')).toContain('Access is denied.');
    expect(s.run('cd documents')).toContain('C:\\Users\\mkeller\\Documents>');
    expect(s.run('dir')).toContain('Directory of C:\\Users\\mkeller\\Documents');
    expect(s.run('cd ..\\..')).toContain('Access is denied.');
    expect(s.run('cd C:/Users/mkeller/Desktop')).toContain('C:\\Users\\mkeller\\Desktop>');
  });

  it('ping runs until Ctrl+C; yes floods until paused, resumes, and stops on Ctrl+C', async () => {
    const s = shell(linux);
    s.run('ping 10.0.0.1');
    await new Promise((r) => setTimeout(r, 1400));
    expect(s.all()).toMatch(/64 bytes from 10\.0\.0\.1: icmp_seq=1/);
    s.sh.input('\x03');
    expect(s.all()).toContain('--- 10.0.0.1 ping statistics ---');
    expect(s.all().endsWith('dev@web-01:~$ ')).toBe(true);

    s.run('yes');
    await new Promise((r) => setTimeout(r, 20));
    s.sh.pause();
    await new Promise((r) => setTimeout(r, 5));
    const paused = s.total();
    await new Promise((r) => setTimeout(r, 30));
    expect(s.total()).toBe(paused);
    s.sh.resume();
    await new Promise((r) => setTimeout(r, 20));
    expect(s.total()).toBeGreaterThan(paused);
    s.sh.input('\x03');
    expect(s.all().endsWith('^C\r\ndev@web-01:~$ ')).toBe(true);
  });

  it('creates a sandbox once, with a home folder’s contents', () => {
    const dir = ensureSandbox(root, { ...linux, hostname: 'fresh.example' });
    mkdirSync(join(dir, 'mine'));
    expect(ensureSandbox(root, { ...linux, hostname: 'fresh.example' })).toBe(dir);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toContain('VPN');
  });
});
