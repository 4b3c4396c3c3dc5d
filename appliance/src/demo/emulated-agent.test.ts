import { describe, expect, it } from 'vitest';
import { CodedError, agentEvents, agentMethods, applianceEvents, applianceMethods, type JumpItem } from '../protocol/index.js';
import { Peer } from '../agent/peer.js';
import { memoryPair } from '../agent/transport.js';
import { EmulatedAgent, machineFor } from './emulated-agent.js';
import { EmulatedShell, type EmulatedMachine } from './emulated-shell.js';

const item = (over: Partial<JumpItem>): JumpItem => ({
  id: 1, name: 'x', method: 'pinned', groupId: 1, groupName: 'g', hostname: 'ws-107.corp.example', comments: '', tag: '', publicIp: '198.51.100.107',
  privateIp: '10.1.0.107', os: 'windows', status: 'active', lastAccessed: null, ...over,
});

function run(m: EmulatedMachine, lines: string[]): { out: string; code: number | null } {
  let out = '';
  let code: number | null = null;
  const sh = new EmulatedShell(m, (d) => (out += d), (c) => (code = c));
  sh.start();
  for (const l of lines) sh.input(l + '\r');
  return { out, code };
}

describe('emulated demo shells', () => {
  const win = machineFor(item({ name: 'WS-107 Finance – M. Keller' }));
  const linux = machineFor(item({ name: 'web-01 (nginx)', hostname: 'web-01.corp.example', os: 'linux', privateIp: '10.0.2.30' }));
  const reception = machineFor(item({ name: 'WS-042 Reception', hostname: 'ws-042.corp.example', comments: 'Front desk PC, at its login screen' }));
  const mac = machineFor(item({ name: 'MAC-DESIGN-03', hostname: 'mac-design-03.corp.example', os: 'macos' }));

  it('Windows answers like cmd.exe, with its prompt and its "not recognized"', () => {
    const { out } = run(win, ['hostname', 'whoami', 'ver', 'ipconfig', 'dir', 'echo hello there', 'foo']);
    expect(out).toContain('C:\\Users\\mkeller>');
    expect(out).toContain('WS-107\r\n');
    expect(out).toContain('corp\\mkeller');
    expect(out).toContain('Microsoft Windows [Version 10.0.');
    expect(out).toContain('IPv4 Address. . . . . . . . . . . : 10.1.0.107');
    expect(out).toContain('Directory of C:\\Users\\mkeller');
    expect(out).toContain('hello there\r\n');
    expect(out).toContain("'foo' is not recognized as an internal or external command,\r\noperable program or batch file.");
    expect(win.present).toBe(true);
  });

  it('Linux answers like bash; a machine at its login screen runs as the system account and nobody is present', () => {
    const { out, code } = run(linux, ['hostname', 'whoami', 'uname', 'ip addr', 'ls', 'nope', 'exit']);
    expect(out).toContain('admin@web-01:~$ ');
    expect(out).toMatch(/web-01\r\n/);
    expect(out).toContain('Linux\r\n');
    expect(out).toContain('inet 10.0.2.30/24');
    expect(out).toContain('notes.txt');
    expect(out).toContain('bash: nope: command not found');
    expect(code).toBe(0);
    expect(linux.present).toBe(false);
    expect(run(reception, ['whoami']).out).toContain('C:\\Windows\\system32>whoami\r\nnt authority\\system');
    expect(reception.present).toBe(false);
    expect(run(mac, ['nope']).out).toContain('zsh: command not found: nope');
  });

  it('edits the line: backspace, Ctrl+C', () => {
    let out = '';
    const sh = new EmulatedShell(linux, (d) => (out += d), () => undefined);
    sh.input('hostnamx\x7fe\r');
    expect(out).toContain('\b \b');
    expect(out).toContain('web-01\r\n');
    sh.input('abc\x03');
    expect(out).toContain('^C\r\n');
  });
});

describe('an emulated agent over the agent protocol', () => {
  it('opens a shell, lists its home folder within bounds, and reports system info', async () => {
    const [applianceEnd, agentEnd] = memoryPair();
    const output: string[] = [];
    const appliance = new Peer(applianceEnd, {
      accepts: { methods: agentMethods, events: agentEvents },
      asks: applianceMethods,
      handlers: {
        'agent.register': () => {
          throw new CodedError('E_FORBIDDEN');
        },
        'agent.hello': (p) => ({ agentId: p.agentId, jumpItemId: 1 }),
        'agent.attach': () => {
          throw new CodedError('E_FORBIDDEN');
        },
        'agent.presence': () => ({}),
      },
      events: { 'shell.output': (d) => void output.push(d.data), 'shell.exit': () => undefined },
    });
    const agent = new EmulatedAgent(agentEnd, machineFor(item({ name: 'WS-107 Finance – M. Keller' })));
    await agent.hello({ agentId: 4, secret: 's'.repeat(43) });
    await appliance.request('shell.open', { channelId: 1, cols: 80, rows: 24 });
    appliance.event('shell.input', { channelId: 1, data: 'hostname\r' });
    const deadline = Date.now() + 2000;
    while (!output.join('').includes('WS-107\r\n') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(output.join('')).toContain('WS-107\r\n');
    const home = await appliance.request('files.list', { path: '' });
    expect(home.path).toBe('C:\\Users\\mkeller');
    expect(home.entries.map((e) => e.name)).toContain('Documents');
    expect((await appliance.request('files.list', { path: 'C:\\Users\\mkeller\\Documents' })).entries.length).toBe(2);
    await expect(appliance.request('files.list', { path: 'C:\\Windows' })).rejects.toMatchObject({ code: 'E_PATH_NOT_ALLOWED' });
    await expect(appliance.request('files.list', { path: 'C:\\Users\\mkeller\\..\\Administrator' })).rejects.toMatchObject({ code: 'E_PATH_NOT_ALLOWED' });
    const info = await appliance.request('system.info', {});
    expect(info).toMatchObject({ hostname: 'WS-107', user: 'mkeller', os: { platform: 'windows' } });
  });
});
