import { describe, expect, it } from 'vitest';
import { classifyLaunchArg, isBrcsFileName, isConsoleUrl, launchArgsFor, MAX_LAUNCH_TARGETS, parseLaunchArgs, parseOpenedItem } from './launch-args.js';

const EXE = ['/opt/Rep Console/repconsole'];

describe('parseLaunchArgs: only what follows "--" counts', () => {
  it('finds .brcs-<site> files and rep-console: URLs after "--", in order', () => {
    const argv = [...EXE, '--allow-file-access-from-files', '--', '/home/ana/Downloads/session.brcs-demo_site', 'rep-console://open?site=demo'];
    expect(parseLaunchArgs(argv)).toEqual({
      targets: [
        { kind: 'brcs-file', path: '/home/ana/Downloads/session.brcs-demo_site' },
        { kind: 'url', url: 'rep-console://open?site=demo' },
      ],
      refused: [],
    });
  });

  it('ignores everything before "--": the executable, the app path, switches, even script-looking arguments', () => {
    const argv = [...EXE, '/work/main/out/main/index.js', '/tmp/x.brcs-demo', 'rep-console://before', '--inspect'];
    expect(parseLaunchArgs(argv)).toEqual({ targets: [], refused: [] });
    expect(parseLaunchArgs([])).toEqual({ targets: [], refused: [] });
    expect(parseLaunchArgs([...EXE, '--'])).toEqual({ targets: [], refused: [] });
  });

  it('accepts Windows drive paths, local file: URLs (Linux %U), and mixed-case schemes and extensions', () => {
    const { targets, refused } = parseLaunchArgs([
      ...EXE,
      '--',
      'C:\\Users\\ana\\Downloads\\x.brcs-demo',
      'file:///home/ana/My%20Files/y.brcs-demo',
      'REP-CONSOLE://open',
      '/tmp/Z.BRCS-demo',
    ]);
    expect(refused).toEqual([]);
    expect(targets).toEqual([
      { kind: 'brcs-file', path: 'C:\\Users\\ana\\Downloads\\x.brcs-demo' },
      { kind: 'brcs-file', path: '/home/ana/My Files/y.brcs-demo' },
      { kind: 'url', url: 'REP-CONSOLE://open' },
      { kind: 'brcs-file', path: '/tmp/Z.BRCS-demo' },
    ]);
  });

  it('a second "--" is just a refused argument, not a new start', () => {
    expect(parseLaunchArgs([...EXE, '--', '--', '/tmp/x.brcs-demo']).refused.map((r) => r.arg)).toEqual(['--']);
  });

  it('caps the number of targets', () => {
    const many = Array.from({ length: MAX_LAUNCH_TARGETS + 3 }, (_, i) => `/tmp/${i}.brcs-demo`);
    const r = parseLaunchArgs([...EXE, '--', ...many]);
    expect(r.targets).toHaveLength(MAX_LAUNCH_TARGETS);
    expect(r.refused).toHaveLength(3);
  });
});

describe('parseLaunchArgs: argument injection', () => {
  // Chromium and Node switches that run code or open a debugger (CVE-2018-1000006 and friends).
  const switches = [
    '--gpu-launcher=calc.exe',
    '--gpu-launcher="cmd /c calc"',
    '--renderer-cmd-prefix=/bin/sh -c id',
    '--utility-cmd-prefix=xterm',
    '--inspect',
    '--inspect-brk=0.0.0.0:9229',
    '--remote-debugging-port=9222',
    '--no-sandbox',
    '--js-flags=--allow-natives-syntax',
    '--GPU-Launcher=calc',
    '--Renderer-Cmd-Prefix=calc',
    '--INSPECT',
    '-inspect',
    '—gpu-launcher=calc', // em dash
    '\u2212\u2212inspect', // minus signs
    '\uff0d\uff0dinspect', // full-width hyphen-minus
  ];

  it.each(switches)('refuses %s after "--", and never makes it a target', (arg) => {
    const r = parseLaunchArgs([...EXE, '--', arg]);
    expect(r.targets).toEqual([]);
    expect(r.refused).toHaveLength(1);
  });

  it('a switch smuggled into a URL of our scheme stays inside the URL (data, never a switch)', () => {
    for (const url of ['rep-console://x?--gpu-launcher=calc', 'rep-console:%2D%2Dinspect', 'rep-console://open/%2D%2Drenderer-cmd-prefix%3Dcalc']) {
      const r = parseLaunchArgs([...EXE, '--', url]);
      expect(r.targets).toEqual([{ kind: 'url', url }]);
    }
  });

  it('refuses URL-encoded switches and other schemes standing on their own', () => {
    for (const arg of ['%2D%2Dgpu-launcher%3Dcalc', '%2d%2dinspect', 'https://evil.example/x.brcs-demo', 'javascript:alert(1)', 'smb://host/share/x.brcs-demo', 'file://evil.example/share/x.brcs-demo']) {
      const r = parseLaunchArgs([...EXE, '--', arg]);
      expect(r.targets, arg).toEqual([]);
      expect(r.refused, arg).toHaveLength(1);
    }
  });

  it('refuses URLs with spaces, quotes, control characters (raw or encoded) and broken escapes', () => {
    for (const arg of [
      'rep-console://x --inspect',
      'rep-console://x" --gpu-launcher="calc',
      'rep-console://x\n--inspect',
      'rep-console://x%0A--inspect',
      'rep-console://x%00',
      'rep-console://x%E0%A4%A',
      ' rep-console://x',
    ]) {
      expect(parseLaunchArgs([...EXE, '--', arg]).targets, JSON.stringify(arg)).toEqual([]);
    }
  });

  it('refuses relative, UNC and device paths, look-alike extensions and control characters in paths', () => {
    for (const arg of [
      'session.brcs-demo',
      '..\\..\\x.brcs-demo',
      '\\\\attacker\\share\\x.brcs-demo',
      '\\\\?\\C:\\x.brcs-demo',
      '//attacker/share/x.brcs-demo',
      '/tmp/notes.brcs',
      '/tmp/x.brcs-',
      '/tmp/x.brcs-demo/evil',
      '/tmp/x.brcs-demo\u0000.exe',
      '/tmp/x\n.brcs-demo',
      'C:\\x.exe',
      '',
      `/tmp/${'a'.repeat(5000)}.brcs-demo`,
    ]) {
      expect(classifyLaunchArg(arg), JSON.stringify(arg.slice(0, 40))).toHaveProperty('reason');
    }
  });

  it('says why, with the argument shortened and its control characters masked', () => {
    const [refusal] = parseLaunchArgs([...EXE, '--', `--gpu-launcher=${'x'.repeat(200)}`]).refused;
    expect(refusal!.reason).toMatch(/switch/);
    expect(refusal!.arg.length).toBeLessThanOrEqual(80);
  });
});

describe('open-file / open-url (macOS) and helpers', () => {
  it('apply the same allow-list, each to its own kind', () => {
    expect(parseOpenedItem('file', '/Users/ana/Downloads/x.brcs-demo').targets).toEqual([{ kind: 'brcs-file', path: '/Users/ana/Downloads/x.brcs-demo' }]);
    expect(parseOpenedItem('url', 'rep-console://open').targets).toEqual([{ kind: 'url', url: 'rep-console://open' }]);
    expect(parseOpenedItem('file', 'rep-console://open').targets).toEqual([]);
    expect(parseOpenedItem('url', '/Users/ana/x.brcs-demo').targets).toEqual([]);
    expect(parseOpenedItem('url', '--inspect').refused).toHaveLength(1);
    expect(parseOpenedItem('file', '/Users/ana/evil.app').refused).toHaveLength(1);
  });

  it('recognise names and schemes', () => {
    expect(isBrcsFileName('x.brcs-demo_site')).toBe(true);
    expect(isBrcsFileName('notes.brcs')).toBe(false);
    expect(isConsoleUrl('REP-CONSOLE:open')).toBe(true);
    expect(isConsoleUrl('https://rep-console.example')).toBe(false);
  });

  it('launchArgsFor always puts "--" first', () => {
    expect(launchArgsFor(['/tmp/x.brcs-demo'])).toEqual(['--', '/tmp/x.brcs-demo']);
    expect(launchArgsFor([])).toEqual([]);
  });
});
