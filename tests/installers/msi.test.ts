/**
 * The desktop console's MSI (build/msi/rep-console.wxs, scripts/build-msi.mjs): its tables as
 * `msiinfo export` shows them, then real installs under Wine — per user and per machine, with and
 * without RUNATSTARTUP / SHOULDAUTOUPDATE, a major upgrade and a refused downgrade — each in a
 * fresh Wine prefix, checked on disk and with `wine reg query`, then uninstalled and checked gone.
 *
 * Needs Debian's wixl + msitools (tables) and wine (installs); without them the tests report
 * themselves skipped with the reason. Creating the one template prefix (wineboot) takes about 12 s;
 * each scenario then copies it and runs its installs in a few seconds.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const built = existsSync(join(root, 'out/main/index.js')) && existsSync(join(root, 'out/renderer/console/index.html'));
const noMsiTools = !has('wixl') || !has('msiinfo') || !has('msibuild');
const msiSkip = noMsiTools ? 'wixl/msitools are not installed (apt-get install wixl msitools)' : !built ? 'the app is not built (npm run build)' : '';
const wineSkip = msiSkip || (!has('wine') ? 'wine is not installed (apt-get install wine64 wine)' : '');

const work = mkdtempSync(join(tmpdir(), 'rep-msi-'));
const msiV1 = join(work, 'rep-console-0.1.0-x64.msi');
const msiV2 = join(work, 'rep-console-0.2.0-x64.msi');

function buildMsi(version: string, out: string): void {
  const r = spawnSync(process.execPath, [join(root, 'scripts/build-msi.mjs'), '--version', version, '--out', out], { encoding: 'utf8', cwd: root });
  if (r.status !== 0) throw new Error(`build-msi failed: ${r.stderr}${r.stdout}`);
}

/** `msiinfo export` of one table, as rows of columns (the three header lines dropped). */
function table(msi: string, name: string): string[][] {
  const r = spawnSync('msiinfo', ['export', msi, name], { encoding: 'utf8', cwd: work });
  if (r.status !== 0) throw new Error(`msiinfo export ${name}: ${r.stderr}`);
  return r.stdout
    .split(/\r?\n/)
    .slice(3)
    .filter(Boolean)
    .map((l) => l.split('\t'));
}

// ── Wine ─────────────────────────────────────────────────────────────────────────────────────
const template = join(work, 'prefix-template');
const prefixes: string[] = [];

/** Headless, quiet Wine that does not write menu entries or file associations into $HOME. */
function wineEnv(prefix: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, WINEPREFIX: prefix, WINEDEBUG: '-all', WINEDLLOVERRIDES: 'winemenubuilder.exe=d', WINEARCH: 'win64' };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  return env;
}

/**
 * Runs `wine args…` with its output in a file, not a pipe: the wineserver it starts inherits the
 * output and lingers a few seconds, and a pipe would make spawnSync wait for it every time.
 */
function wine(prefix: string, args: string[]): { status: number | null; stdout: string } {
  const file = join(work, 'wine-output.txt');
  const fd = openSync(file, 'w');
  try {
    const r = spawnSync('wine', args, { env: wineEnv(prefix), stdio: ['ignore', fd, fd], timeout: 120_000 });
    return { status: r.status, stdout: readFileSync(file, 'utf8') };
  } finally {
    closeSync(fd);
  }
}

/** A fresh prefix: a copy of the template wineboot made once for this file. */
function freshPrefix(): string {
  const prefix = join(work, `prefix-${prefixes.length}`);
  cpSync(template, prefix, { recursive: true, verbatimSymlinks: true });
  prefixes.push(prefix);
  return prefix;
}

function msiexec(prefix: string, args: string[]): number | null {
  return wine(prefix, ['msiexec', ...args, '/qn']).status;
}

/** The values under a registry key (`wine reg query`), or null when the key does not exist. */
function regValues(prefix: string, key: string): Map<string, string> | null {
  const r = wine(prefix, ['reg', 'query', key]);
  if (r.status !== 0) return null;
  const values = new Map<string, string>();
  for (const line of r.stdout.split(/\r?\n/)) {
    const m = /^ {4}(.+?) {4}(REG_\w+) {4}(.*)$/.exec(line) ?? /^ {4}(.+?) {4}(REG_\w+)$/.exec(line);
    if (m) values.set(m[1]!, m[3] ?? '');
  }
  return values;
}

/** A Windows path in the prefix as a host path (C:\x\y → <prefix>/drive_c/x/y). */
function hostPath(prefix: string, winPath: string): string {
  return join(prefix, 'drive_c', ...winPath.replace(/^C:\\/i, '').split('\\').filter(Boolean));
}

function shortcuts(prefix: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name === 'Rep Console.lnk') found.push(join(dir, e.name));
    }
  };
  walk(join(prefix, 'drive_c/users'));
  walk(join(prefix, 'drive_c/ProgramData'));
  return found;
}

const APP_FILES = ['resources/app/package.json', 'resources/app/out/main/index.js', 'resources/app/out/preload/index.cjs', 'resources/app/out/renderer/console/index.html'];
const RUN_KEY = 'Software\\Microsoft\\Windows\\CurrentVersion\\Run';
const OPEN_COMMAND = (dir: string) => `"${dir}Rep Console.exe" -- "%1"`;

beforeAll(() => {
  if (msiSkip) return;
  buildMsi('0.1.0', msiV1);
  buildMsi('0.2.0', msiV2);
  if (wineSkip) return;
  const boot = wine(template, ['wineboot', '-i']);
  if (boot.status !== 0) throw new Error(`wineboot failed: ${boot.stdout}`);
  spawnSync('wineserver', ['-w'], { env: wineEnv(template), stdio: 'ignore' });
}, 300_000);

afterAll(() => {
  for (const prefix of [template, ...prefixes]) spawnSync('wineserver', ['-k'], { env: wineEnv(prefix), stdio: 'ignore' });
  rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!!msiSkip)(`MSI tables${msiSkip ? ` — skipped: ${msiSkip}` : ''}`, { timeout: 60_000 }, () => {
  it('installs per user by default: ALLUSERS unset, RUNATSTARTUP and SHOULDAUTOUPDATE default to 0', () => {
    const props = new Map(table(msiV1, 'Property').map(([k, v]) => [k!, v ?? '']));
    expect(props.has('ALLUSERS')).toBe(false);
    expect(props.get('RUNATSTARTUP')).toBe('0');
    expect(props.get('SHOULDAUTOUPDATE')).toBe('0');
    expect(props.get('ProductName')).toBe('Rep Console');
    expect(props.get('ProductVersion')).toBe('0.1.0');
    expect(props.get('UpgradeCode')).toBe('{6A4C2B1E-93D2-4E55-8C1B-3F1E2D9A7B40}');
  });

  it('has INSTALLDIR as the install directory, under LocalAppData\\Programs by default', () => {
    const dirs = new Map(table(msiV1, 'Directory').map(([id, parent, name]) => [id!, { parent, name }]));
    expect(dirs.get('INSTALLDIR')).toEqual({ parent: 'UserProgramsFolder', name: 'Rep Console' });
    expect(dirs.get('UserProgramsFolder')).toEqual({ parent: 'LocalAppDataFolder', name: 'Programs' });
    const files = table(msiV1, 'File').map((r) => r[2]!);
    expect(files.some((f) => f.endsWith('index.js'))).toBe(true);
    expect(files.some((f) => f.endsWith('.map'))).toBe(false);
  });

  it('switches to Program Files and turns auto-update off per machine, before the directories are resolved', () => {
    const actions = new Map(table(msiV1, 'CustomAction').map(([id, , source, target]) => [id!, { source, target }]));
    expect(actions.get('PerMachineInstallDir')).toEqual({ source: 'INSTALLDIR', target: '[ProgramFiles64Folder]Rep Console\\' });
    expect(actions.get('PerMachineNoAutoUpdate')).toEqual({ source: 'SHOULDAUTOUPDATE', target: '0' });
    const seq = new Map(table(msiV1, 'InstallExecuteSequence').map(([a, cond, n]) => [a!, { cond, n: Number(n) }]));
    expect(seq.get('PerMachineInstallDir')?.cond).toBe('ALLUSERS=1 AND NOT INSTALLDIR');
    expect(seq.get('PerMachineNoAutoUpdate')?.cond).toBe('ALLUSERS=1');
    for (const a of ['RememberedDirUser', 'RememberedDirMachine', 'PerMachineInstallDir', 'PerMachineNoAutoUpdate', 'RunAtStartupLevel']) {
      expect(seq.get(a)!.n, a).toBeGreaterThan(seq.get('AppSearch')!.n);
      expect(seq.get(a)!.n, a).toBeLessThan(seq.get('CostFinalize')!.n);
    }
  });

  it('writes every registry value under HKMU (-1: HKCU per user, HKLM per machine), opening files and URLs after "--"', () => {
    const rows = table(msiV1, 'Registry');
    expect(rows.length).toBeGreaterThan(10);
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['-1']));
    const value = (key: string, name = '') => rows.find((r) => r[2] === key && (r[3] ?? '') === name)?.[4];
    expect(value('Software\\Rep Console\\Install', 'ShouldAutoUpdate')).toBe('[SHOULDAUTOUPDATE]');
    expect(value('Software\\Rep Console\\Install', 'RunAtStartup')).toBe('[RUNATSTARTUP]');
    expect(value('Software\\Rep Console\\Install', 'InstallDir')).toBe('[INSTALLDIR]');
    expect(value(RUN_KEY, 'Rep Console')).toBe('"[INSTALLDIR]Rep Console.exe"');
    expect(value('Software\\Classes\\.brcs-demo')).toBe('RepConsole.Script');
    expect(value('Software\\Classes\\RepConsole.Script\\shell\\open\\command')).toBe(OPEN_COMMAND('[INSTALLDIR]'));
    expect(value('Software\\Classes\\rep-console', 'URL Protocol')).toBeDefined();
    expect(value('Software\\Classes\\rep-console\\shell\\open\\command')).toBe(OPEN_COMMAND('[INSTALLDIR]'));
  });

  it('puts the Run key in its own feature, installed only when RUNATSTARTUP=1 raises INSTALLLEVEL', () => {
    const features = new Map(table(msiV1, 'Feature').map((r) => [r[0]!, Number(r[5])]));
    expect(features.get('Complete')).toBe(1);
    expect(features.get('RunAtStartup')).toBe(2);
    expect(table(msiV1, 'FeatureComponents').filter(([f]) => f === 'RunAtStartup').map((r) => r[1])).toEqual(['RunAtStartup']);
    expect(table(msiV1, 'CustomAction').find((r) => r[0] === 'RunAtStartupLevel')?.slice(2, 4)).toEqual(['INSTALLLEVEL', '2']);
  });

  it('has a Start-menu shortcut, a major upgrade that refuses downgrades, and removes the folders it made', () => {
    const [shortcut] = table(msiV1, 'Shortcut');
    expect(shortcut?.slice(1, 3)).toEqual(['ProgramMenuFolder', 'Rep Console']);
    expect(shortcut?.[4]).toBe('[INSTALLDIR]Rep Console.exe');
    const upgrade = table(msiV1, 'Upgrade').map((r) => r[6]);
    expect(upgrade).toEqual(expect.arrayContaining(['WIX_UPGRADE_DETECTED', 'WIX_DOWNGRADE_DETECTED']));
    expect(table(msiV1, 'InstallExecuteSequence').some(([a]) => a === 'RemoveExistingProducts')).toBe(true);
    expect(table(msiV1, 'LaunchCondition')[0]?.[0]).toBe('NOT WIX_DOWNGRADE_DETECTED');
    const removed = table(msiV1, 'RemoveFile').map((r) => r[3]);
    expect(removed).toContain('INSTALLDIR');
    expect(removed.length).toBeGreaterThan(5);
  });
});

// Generous: a loaded CI machine makes Wine slow; a scenario takes a few seconds here.
describe.skipIf(!!wineSkip)(`MSI installs under Wine${wineSkip ? ` — skipped: ${wineSkip}` : ''}`, { timeout: 180_000 }, () => {
  it('per user (default) with INSTALLDIR, RUNATSTARTUP=1 and SHOULDAUTOUPDATE=1: HKCU, Run key, associations; uninstall removes them', () => {
    const prefix = freshPrefix();
    const dir = 'C:\\Apps\\Rep Console\\';
    expect(msiexec(prefix, ['/i', msiV1, `INSTALLDIR=${dir}`, 'RUNATSTARTUP=1', 'SHOULDAUTOUPDATE=1'])).toBe(0);

    for (const f of APP_FILES) expect(existsSync(join(hostPath(prefix, dir), f)), f).toBe(true);
    const settings = regValues(prefix, 'HKCU\\Software\\Rep Console\\Install');
    expect(Object.fromEntries(settings ?? [])).toMatchObject({ InstallDir: dir, AllUsers: '', RunAtStartup: '1', ShouldAutoUpdate: '1', Version: '0.1.0' });
    expect(regValues(prefix, 'HKLM\\Software\\Rep Console\\Install')).toBeNull();
    expect(regValues(prefix, `HKCU\\${RUN_KEY}`)?.get('Rep Console')).toBe(`"${dir}Rep Console.exe"`);
    expect(regValues(prefix, 'HKCU\\Software\\Classes\\.brcs-demo')?.get('(Default)')).toBe('RepConsole.Script');
    expect(regValues(prefix, 'HKCU\\Software\\Classes\\RepConsole.Script\\shell\\open\\command')?.get('(Default)')).toBe(OPEN_COMMAND(dir));
    const scheme = regValues(prefix, 'HKCU\\Software\\Classes\\rep-console');
    expect(scheme?.get('(Default)')).toBe('URL:Rep Console');
    expect(scheme?.has('URL Protocol')).toBe(true);
    expect(regValues(prefix, 'HKCU\\Software\\Classes\\rep-console\\shell\\open\\command')?.get('(Default)')).toBe(OPEN_COMMAND(dir));
    expect(shortcuts(prefix)).toHaveLength(1);

    // Uninstall without repeating INSTALLDIR: the MSI finds its files where it put them.
    expect(msiexec(prefix, ['/x', msiV1])).toBe(0);
    expect(existsSync(hostPath(prefix, dir))).toBe(false);
    expect(regValues(prefix, 'HKCU\\Software\\Rep Console')).toBeNull();
    expect(regValues(prefix, `HKCU\\${RUN_KEY}`)?.has('Rep Console') ?? false).toBe(false);
    for (const key of ['.brcs-demo', 'RepConsole.Script', 'rep-console']) expect(regValues(prefix, `HKCU\\Software\\Classes\\${key}`), key).toBeNull();
    expect(shortcuts(prefix)).toEqual([]);
  });

  it('per user with defaults: %LocalAppData%\\Programs\\Rep Console, no Run key, auto-update off', () => {
    const prefix = freshPrefix();
    expect(msiexec(prefix, ['/i', msiV1])).toBe(0);
    const settings = regValues(prefix, 'HKCU\\Software\\Rep Console\\Install');
    expect(settings?.get('InstallDir')).toMatch(/^C:\\users\\[^\\]+\\AppData\\Local\\Programs\\Rep Console\\$/i);
    expect(settings?.get('RunAtStartup')).toBe('0');
    expect(settings?.get('ShouldAutoUpdate')).toBe('0');
    expect(existsSync(join(hostPath(prefix, settings!.get('InstallDir')!), APP_FILES[1]!))).toBe(true);
    expect(regValues(prefix, `HKCU\\${RUN_KEY}`)?.has('Rep Console') ?? false).toBe(false);
    expect(msiexec(prefix, ['/x', msiV1])).toBe(0);
    expect(existsSync(hostPath(prefix, settings!.get('InstallDir')!))).toBe(false);
    expect(regValues(prefix, 'HKCU\\Software\\Rep Console')).toBeNull();
  });

  it('per machine (ALLUSERS=1) with RUNATSTARTUP=1 and SHOULDAUTOUPDATE=1: Program Files, HKLM, auto-update forced off', () => {
    const prefix = freshPrefix();
    expect(msiexec(prefix, ['/i', msiV1, 'ALLUSERS=1', 'RUNATSTARTUP=1', 'SHOULDAUTOUPDATE=1'])).toBe(0);
    const dir = 'C:\\Program Files\\Rep Console\\';
    for (const f of APP_FILES) expect(existsSync(join(hostPath(prefix, dir), f)), f).toBe(true);
    expect(Object.fromEntries(regValues(prefix, 'HKLM\\Software\\Rep Console\\Install') ?? [])).toMatchObject({
      InstallDir: dir,
      AllUsers: '1',
      RunAtStartup: '1',
      ShouldAutoUpdate: '0',
    });
    expect(regValues(prefix, 'HKCU\\Software\\Rep Console\\Install')).toBeNull();
    expect(regValues(prefix, `HKLM\\${RUN_KEY}`)?.get('Rep Console')).toBe(`"${dir}Rep Console.exe"`);
    expect(regValues(prefix, 'HKLM\\Software\\Classes\\rep-console\\shell\\open\\command')?.get('(Default)')).toBe(OPEN_COMMAND(dir));
    // (Wine puts an all-users shortcut in the user's Start menu; Windows puts it in ProgramData's.)
    expect(shortcuts(prefix)).toHaveLength(1);

    expect(msiexec(prefix, ['/x', msiV1, 'ALLUSERS=1'])).toBe(0);
    expect(existsSync(hostPath(prefix, dir))).toBe(false);
    expect(regValues(prefix, 'HKLM\\Software\\Rep Console')).toBeNull();
    expect(regValues(prefix, `HKLM\\${RUN_KEY}`)?.has('Rep Console') ?? false).toBe(false);
    expect(regValues(prefix, 'HKLM\\Software\\Classes\\rep-console')).toBeNull();
    expect(shortcuts(prefix)).toEqual([]);
  });

  it('a newer MSI replaces the older one in the same directory; an older one is refused', () => {
    const prefix = freshPrefix();
    const dir = 'C:\\RC\\';
    expect(msiexec(prefix, ['/i', msiV1, `INSTALLDIR=${dir}`])).toBe(0);
    expect(msiexec(prefix, ['/i', msiV2])).toBe(0);
    const settings = regValues(prefix, 'HKCU\\Software\\Rep Console\\Install');
    expect(settings?.get('Version')).toBe('0.2.0');
    expect(settings?.get('InstallDir')).toBe(dir);
    expect(existsSync(join(hostPath(prefix, dir), APP_FILES[1]!))).toBe(true);

    expect(msiexec(prefix, ['/i', msiV1])).not.toBe(0);
    expect(regValues(prefix, 'HKCU\\Software\\Rep Console\\Install')?.get('Version')).toBe('0.2.0');

    expect(msiexec(prefix, ['/x', msiV2])).toBe(0);
    expect(existsSync(hostPath(prefix, dir))).toBe(false);
    expect(regValues(prefix, 'HKCU\\Software\\Rep Console')).toBeNull();
  });
});
