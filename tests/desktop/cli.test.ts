/**
 * The real `rep-console` command (package.json "bin" → bin/rep-console.js → out/console-cli/cli.js),
 * spawned as a user would: `brcs inspect` on good and malformed files, and the launch — with a
 * stand-in Electron binary (ELECTRON_PATH, a shell script recording its arguments), since no real
 * one runs here. Needs `npm run build`; reports itself skipped otherwise.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/rep-console.js');
const built = existsSync(join(root, 'out/console-cli/cli.js'));
const skip = built ? '' : 'the CLI is not built (npm run build)';
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string>; version: string };

const work = mkdtempSync(join(tmpdir(), 'rep-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, ELECTRON_PATH: '', ...env }, timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

/** A stand-in Electron: writes each argument on its own line to $ARGS_OUT, exits with $FAKE_EXIT. */
function fakeElectron(): { path: string; out: string } {
  const path = join(work, 'electron');
  const out = join(work, 'argv.txt');
  writeFileSync(path, '#!/bin/sh\n: > "$ARGS_OUT"\nfor a in "$@"; do printf \'%s\\n\' "$a" >> "$ARGS_OUT"; done\nexit "${FAKE_EXIT:-0}"\n');
  chmodSync(path, 0o755);
  return { path, out };
}

describe.skipIf(!!skip)(`rep-console CLI${skip ? ` — skipped: ${skip}` : ''}`, () => {
  it('is the package bin', () => {
    expect(pkg.bin['rep-console']).toBe('bin/rep-console.js');
    expect(cli(['--version']).stdout.trim()).toBe(pkg.version);
    expect(cli(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('rep-console brcs inspect FILE') });
  });

  it('brcs inspect prints the commands as JSON, with their lines, credentials redacted', () => {
    const path = file(
      'session.brcs-demo_site',
      'BRCS1.0\r\naction=login&mechanism=username_password&username=ana&password=Secret-1\r\n\r\naction=generate_session_key&session.custom.external_key=T-42\r\n',
    );
    const r = cli(['brcs', 'inspect', 'session.brcs-demo_site']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { file: string; version: string; commands: Record<string, unknown>[]; warnings: unknown[] };
    expect(report.file).toBe(path);
    expect(report.version).toBe('1.0');
    expect(report.commands).toEqual([
      { line: 2, action: 'login', params: { mechanism: 'username_password', username: 'ana', password: '[redacted]' } },
      expect.objectContaining({ line: 4, action: 'generate_session_key', custom: { external_key: 'T-42' } }),
    ]);
    expect(r.stdout).not.toContain('Secret-1');
  });

  it('brcs inspect exits non-zero with the line-numbered error for a malformed file', () => {
    file('bad.brcs-demo', 'BRCS1.0\naction=login\naction=generate_session_key&%ZZ=1\n');
    const r = cli(['brcs', 'inspect', 'bad.brcs-demo']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^rep-console: .*bad\.brcs-demo: Line 3: /);

    file('noheader.brcs-demo', 'action=login\n');
    expect(cli(['brcs', 'inspect', 'noheader.brcs-demo'])).toMatchObject({ code: 1, stderr: expect.stringContaining('Line 1:') });
    expect(cli(['brcs', 'inspect', 'missing.brcs-demo'])).toMatchObject({ code: 1, stderr: expect.stringContaining('no such file') });
    expect(cli(['brcs', 'inspect'])).toMatchObject({ code: 2, stderr: expect.stringContaining('exactly one FILE') });
    expect(cli(['brcs', 'run', 'x'])).toMatchObject({ code: 2 });
  });

  it('launches Electron on the main bundle with the files and URLs after "--", made absolute', () => {
    const electron = fakeElectron();
    file('x.brcs-demo', 'BRCS1.0\naction=login\n');
    const r = cli(['x.brcs-demo', 'rep-console://open?site=demo'], { ELECTRON_PATH: electron.path, ARGS_OUT: electron.out });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(electron.out, 'utf8').split('\n').filter(Boolean)).toEqual([
      join(root, 'out/main/index.js'),
      '--',
      join(work, 'x.brcs-demo'),
      'rep-console://open?site=demo',
    ]);
    expect(cli([], { ELECTRON_PATH: electron.path, ARGS_OUT: electron.out }).code).toBe(0);
    expect(readFileSync(electron.out, 'utf8').split('\n').filter(Boolean)).toEqual([join(root, 'out/main/index.js')]);
    expect(cli([], { ELECTRON_PATH: electron.path, ARGS_OUT: electron.out, FAKE_EXIT: '3' }).code).toBe(3);
  });

  it('never passes a switch or an unknown argument on to Electron', () => {
    const electron = fakeElectron();
    for (const args of [['--gpu-launcher=calc'], ['--', '--inspect'], ['x.brcs-demo', '--renderer-cmd-prefix=sh'], ['notes.txt'], ['https://evil.example/x.brcs-demo']]) {
      writeFileSync(electron.out, 'not run');
      const r = cli(args, { ELECTRON_PATH: electron.path, ARGS_OUT: electron.out });
      expect(r.code, args.join(' ')).toBe(2);
      expect(readFileSync(electron.out, 'utf8'), args.join(' ')).toBe('not run');
    }
  });

  it('says why it cannot start without an Electron binary', () => {
    const r = cli([], { ELECTRON_PATH: join(work, 'no-such-electron') });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot start the desktop console: ELECTRON_PATH=.* does not exist/);
  });
});
