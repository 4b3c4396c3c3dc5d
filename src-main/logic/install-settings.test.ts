import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INSTALL_SETTINGS,
  INSTALL_REGISTRY_KEY,
  parseInstallConfig,
  parseRegQuery,
  readFileInstallSettings,
  readWindowsInstallSettings,
  regQuery,
  settingsFromConfig,
  settingsFromRegistry,
  type RunProgram,
} from './install-settings.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures/reg-query', name), 'utf8');

/** A reg.exe that answers from recorded output: `keys` maps "HKCU\\..." to a fixture, anything else is "unable to find". */
function recordedReg(keys: Record<string, string>, calls: string[][] = []): RunProgram {
  return async (file, args) => {
    calls.push([file, ...args]);
    const out = keys[args[1]!];
    if (out !== undefined) return { code: 0, stdout: fixture(out), stderr: '' };
    return { code: 1, stdout: '', stderr: fixture('windows-missing.stderr') };
  };
}

describe('parseRegQuery (recorded reg.exe output)', () => {
  it('reads every value of a per-user install, empty data included (Wine)', () => {
    const v = parseRegQuery(fixture('wine-hkcu-per-user-autoupdate.stdout'));
    expect(Object.fromEntries([...v].map(([k, x]) => [k, x.data]))).toEqual({
      AllUsers: '',
      InstallDir: 'C:\\Apps\\Rep Console\\',
      RunAtStartup: '1',
      ShouldAutoUpdate: '1',
      StartMenuShortcut: '0x1',
      Version: '0.1.0',
    });
    expect(v.get('StartMenuShortcut')?.type).toBe('REG_DWORD');
  });

  it('reads the Windows layout too (CRLF, another value order)', () => {
    const v = parseRegQuery(fixture('windows-hkcu-defaults.stdout'));
    expect(v.get('InstallDir')?.data).toBe('C:\\Users\\ana\\AppData\\Local\\Programs\\Rep Console\\');
    expect(v.get('AllUsers')).toEqual({ type: 'REG_SZ', data: '' });
  });

  it('reads only the first key of a /s listing', () => {
    const v = parseRegQuery('\r\nHKEY_CURRENT_USER\\A\r\n    x    REG_SZ    1\r\n\r\nHKEY_CURRENT_USER\\A\\B\r\n    y    REG_SZ    2\r\n');
    expect([...v.keys()]).toEqual(['x']);
  });
});

describe('regQuery: the reg.exe wrapper', () => {
  it('asks the 64-bit view of one key, and maps "not found" (exit 1) to null', async () => {
    const calls: string[][] = [];
    const run = recordedReg({ [`HKCU\\${INSTALL_REGISTRY_KEY}`]: 'wine-hkcu-per-user-autoupdate.stdout' }, calls);
    expect((await regQuery(run, 'HKCU', INSTALL_REGISTRY_KEY))?.get('RunAtStartup')?.data).toBe('1');
    expect(await regQuery(run, 'HKLM', INSTALL_REGISTRY_KEY)).toBeNull();
    expect(calls).toEqual([
      ['reg.exe', 'query', 'HKCU\\Software\\Rep Console\\Install', '/reg:64'],
      ['reg.exe', 'query', 'HKLM\\Software\\Rep Console\\Install', '/reg:64'],
    ]);
  });

  it("also knows Wine's \"not found\" (on stdout), and throws on any other failure", async () => {
    const wineMissing: RunProgram = async () => ({ code: 1, stdout: fixture('wine-hklm-missing.stdout'), stderr: '' });
    expect(await regQuery(wineMissing, 'HKLM', INSTALL_REGISTRY_KEY)).toBeNull();
    const denied: RunProgram = async () => ({ code: 1, stdout: '', stderr: 'ERROR: Access is denied.' });
    await expect(regQuery(denied, 'HKLM', INSTALL_REGISTRY_KEY)).rejects.toThrow(/Access is denied/);
    const missingExe: RunProgram = async () => ({ code: null, stdout: '', stderr: 'spawn reg.exe ENOENT' });
    await expect(regQuery(missingExe, 'HKCU', INSTALL_REGISTRY_KEY)).rejects.toThrow(/ENOENT/);
  });
});

describe('install settings from the registry', () => {
  it('per user with SHOULDAUTOUPDATE=1 and RUNATSTARTUP=1', async () => {
    const run = recordedReg({ [`HKCU\\${INSTALL_REGISTRY_KEY}`]: 'wine-hkcu-per-user-autoupdate.stdout' });
    expect(await readWindowsInstallSettings(run)).toEqual({
      scope: 'per-user',
      runAtStartup: true,
      shouldAutoUpdate: true,
      installDir: 'C:\\Apps\\Rep Console\\',
      source: 'HKCU',
    });
  });

  it('per machine: never auto-updates, whatever was recorded', async () => {
    const run = recordedReg({ [`HKLM\\${INSTALL_REGISTRY_KEY}`]: 'wine-hklm-per-machine.stdout' });
    const s = await readWindowsInstallSettings(run);
    expect(s).toMatchObject({ scope: 'per-machine', shouldAutoUpdate: false, source: 'HKLM', installDir: 'C:\\Program Files\\Rep Console\\' });
    const forced = settingsFromRegistry(null, new Map([['ShouldAutoUpdate', { type: 'REG_SZ', data: '1' }]]));
    expect(forced.shouldAutoUpdate).toBe(false);
  });

  it('nothing recorded (a development run) → the vendor defaults', async () => {
    expect(await readWindowsInstallSettings(recordedReg({}))).toEqual(DEFAULT_INSTALL_SETTINGS);
    expect(DEFAULT_INSTALL_SETTINGS).toMatchObject({ scope: 'per-user', runAtStartup: false, shouldAutoUpdate: false });
  });

  it('with both installs on the machine, the one holding the running executable wins', async () => {
    const run = recordedReg({
      [`HKCU\\${INSTALL_REGISTRY_KEY}`]: 'wine-hkcu-per-user-autoupdate.stdout',
      [`HKLM\\${INSTALL_REGISTRY_KEY}`]: 'wine-hklm-per-machine.stdout',
    });
    expect((await readWindowsInstallSettings(run, 'C:\\Program Files\\Rep Console\\Rep Console.exe')).scope).toBe('per-machine');
    expect((await readWindowsInstallSettings(run, 'c:/apps/rep console/Rep Console.exe')).scope).toBe('per-user');
    expect((await readWindowsInstallSettings(run, 'D:\\elsewhere\\Rep Console.exe')).source).toBe('HKCU');
  });
});

describe('install settings from a config file (Linux, macOS)', () => {
  it('parses KEY=VALUE lines leniently', () => {
    const v = parseInstallConfig('# written by the deb\nrunatstartup = 1\r\nSHOULDAUTOUPDATE="1"\n\nnonsense\nALLUSERS=\n');
    expect(Object.fromEntries(v)).toEqual({ RUNATSTARTUP: '1', SHOULDAUTOUPDATE: '1', ALLUSERS: '' });
  });

  it('a per-machine file (the deb) never auto-updates; a per-user one may', () => {
    expect(settingsFromConfig('SHOULDAUTOUPDATE=1\nRUNATSTARTUP=1', 'per-machine')).toMatchObject({ scope: 'per-machine', shouldAutoUpdate: false, runAtStartup: true });
    expect(settingsFromConfig('SHOULDAUTOUPDATE=1', 'per-user')).toMatchObject({ scope: 'per-user', shouldAutoUpdate: true, runAtStartup: false });
    expect(settingsFromConfig('SHOULDAUTOUPDATE=1\nALLUSERS=1', 'per-user')).toMatchObject({ scope: 'per-machine', shouldAutoUpdate: false });
  });

  it('reads the per-user file first, then the machine one, else the defaults', async () => {
    const files: Record<string, string> = { '/etc/rep-console/install-settings.conf': 'RUNATSTARTUP=1' };
    const read = async (p: string) => files[p] ?? null;
    expect(await readFileInstallSettings('linux', '/home/ana/.config/Rep Console', read)).toMatchObject({ scope: 'per-machine', runAtStartup: true });
    files['/home/ana/.config/Rep Console/install-settings.conf'] = 'SHOULDAUTOUPDATE=1';
    expect(await readFileInstallSettings('linux', '/home/ana/.config/Rep Console', read)).toMatchObject({ scope: 'per-user', shouldAutoUpdate: true });
    expect(await readFileInstallSettings('darwin', '/Users/ana/Library/Application Support/Rep Console', async () => null)).toEqual(DEFAULT_INSTALL_SETTINGS);
  });
});
