import { describe, expect, it } from 'vitest';
import { electronArgs, inspectOutput, parseCliArgs, REDACTED } from './console-cli.js';

describe('parseCliArgs', () => {
  it('reads the commands', () => {
    expect(parseCliArgs([], '/w')).toEqual({ kind: 'launch', targets: [] });
    expect(parseCliArgs(['--help'], '/w')).toEqual({ kind: 'help' });
    expect(parseCliArgs(['--version'], '/w')).toEqual({ kind: 'version' });
    expect(parseCliArgs(['brcs', 'inspect', 'a.brcs-demo'], '/w')).toEqual({ kind: 'inspect', file: '/w/a.brcs-demo' });
    expect(parseCliArgs(['brcs', 'inspect'], '/w').kind).toBe('usage-error');
    expect(parseCliArgs(['brcs', 'inspect', 'a', 'b'], '/w').kind).toBe('usage-error');
  });

  it('makes files absolute, keeps URLs, accepts a leading "--"', () => {
    expect(parseCliArgs(['--', 'a.brcs-demo', 'rep-console://x', '/abs/b.brcs-demo'], '/w')).toEqual({
      kind: 'launch',
      targets: ['/w/a.brcs-demo', 'rep-console://x', '/abs/b.brcs-demo'],
    });
  });

  it('refuses switches and anything the console would not open', () => {
    for (const args of [['--inspect'], ['--', '--gpu-launcher=x'], ['-x'], ['a.txt'], ['https://x/y.brcs-demo']]) {
      expect(parseCliArgs(args, '/w').kind, args.join(' ')).toBe('usage-error');
    }
  });
});

describe('electronArgs and inspectOutput', () => {
  it('puts the targets after "--"', () => {
    expect(electronArgs('/app/out/main/index.js', ['/w/a.brcs-demo'])).toEqual(['/app/out/main/index.js', '--', '/w/a.brcs-demo']);
    expect(electronArgs('/app/out/main/index.js', [])).toEqual(['/app/out/main/index.js']);
  });

  it('prints JSON (secrets redacted) or the line-numbered error', () => {
    const ok = inspectOutput('/w/a', {
      ok: true,
      version: '1.0',
      commands: [{ line: 2, command: { action: 'login', params: { mechanism: 'one_time_token', token: 'abc' } } }],
      warnings: [],
    });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ file: '/w/a', version: '1.0', commands: [{ line: 2, action: 'login', params: { mechanism: 'one_time_token', token: REDACTED } }], warnings: [] });
    expect(inspectOutput('/w/a', { ok: false, line: 3, message: 'Line 3: nope' })).toEqual({ code: 1, stdout: '', stderr: 'rep-console: /w/a: Line 3: nope\n' });
  });
});
