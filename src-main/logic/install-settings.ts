/**
 * What the installer recorded (FORMATS.md §Installers): per user or per machine, RUNATSTARTUP,
 * SHOULDAUTOUPDATE. The MSI (build/msi/rep-console.wxs) and the NSIS installer write them under
 * `HKCU\Software\Rep Console\Install` (per user) or `HKLM\...` (per machine), read here through a
 * small `reg query` wrapper; on Linux and macOS the packages ship a config file of `KEY=VALUE`
 * lines with the same names (`/etc/rep-console/install-settings.conf` from the deb, per machine;
 * `<userData>/install-settings.conf` per user).
 *
 * Nothing recorded (a development run, a portable AppImage) means the vendor's defaults: per user,
 * no run at startup, no auto-update.
 */
import { join } from 'node:path';

export type InstallScope = 'per-user' | 'per-machine';

export interface InstallSettings {
  readonly scope: InstallScope;
  readonly runAtStartup: boolean;
  /** As recorded, already forced off for per-machine installs (they never auto-update). */
  readonly shouldAutoUpdate: boolean;
  readonly installDir: string | null;
  /** Where the values came from, for logs and the About box. */
  readonly source: 'HKCU' | 'HKLM' | 'config-file' | 'default';
}

export const DEFAULT_INSTALL_SETTINGS: InstallSettings = {
  scope: 'per-user',
  runAtStartup: false,
  shouldAutoUpdate: false,
  installDir: null,
  source: 'default',
};

/** The key the MSI writes (build/msi/rep-console.wxs InstallSettings), below HKCU or HKLM. */
export const INSTALL_REGISTRY_KEY = 'Software\\Rep Console\\Install';

/** MSI-style flag: "1" is on; "", "0", anything else or absent is off (the vendor's default is 0). */
export function flag(value: string | undefined): boolean {
  return value?.trim() === '1';
}

// ── reg query ────────────────────────────────────────────────────────────────────────────────

export interface RegValue {
  readonly type: string;
  readonly data: string;
}

/**
 * The values in `reg query <key>` output: a blank line, the key's full name, then one line per
 * value, `    <name>    <REG_TYPE>    <data>` (four spaces; empty data leaves the trailing
 * separator). Sub-keys and other keys' sections (with /s) are not ours: only the first section is read.
 */
export function parseRegQuery(stdout: string): Map<string, RegValue> {
  const values = new Map<string, RegValue>();
  let sections = 0;
  for (const line of stdout.split(/\r?\n/)) {
    if (/^HKEY_/i.test(line)) {
      if (++sections > 1) break;
      continue;
    }
    const m = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/.exec(line);
    if (m) values.set(m[1]!, { type: m[2]!, data: m[3] ?? '' });
  }
  return values;
}

/** Runs a program and resolves with its exit code and output (child_process in the app, a fixture in tests). */
export type RunProgram = (file: string, args: readonly string[]) => Promise<{ code: number | null; stdout: string; stderr: string }>;

export type Hive = 'HKCU' | 'HKLM';

/**
 * `reg.exe query "<hive>\<key>" /reg:64`: the key's values, or null when the key does not exist
 * (exit status 1). /reg:64 reads the 64-bit view, where the x64 MSI writes. Anything else — reg.exe
 * missing, access denied — throws, so a broken lookup is not mistaken for "not installed".
 */
export async function regQuery(run: RunProgram, hive: Hive, key: string): Promise<Map<string, RegValue> | null> {
  const r = await run('reg.exe', ['query', `${hive}\\${key}`, '/reg:64']);
  if (r.code === 0) return parseRegQuery(r.stdout);
  if (r.code === 1 && /unable to find/i.test(`${r.stderr}\n${r.stdout}`)) return null;
  throw new Error(`reg query ${hive}\\${key} failed (exit ${r.code}): ${(r.stderr || r.stdout).trim().split(/\r?\n/)[0] ?? ''}`);
}

/** Case-insensitive lookup, as the registry's value names are. */
function regGet(values: Map<string, RegValue>, name: string): string | undefined {
  for (const [k, v] of values) if (k.toLowerCase() === name.toLowerCase()) return v.data;
  return undefined;
}

function fromRegistry(values: Map<string, RegValue>, hive: Hive): InstallSettings {
  const scope: InstallScope = hive === 'HKLM' || flag(regGet(values, 'AllUsers')) ? 'per-machine' : 'per-user';
  return {
    scope,
    runAtStartup: flag(regGet(values, 'RunAtStartup')),
    shouldAutoUpdate: scope === 'per-user' && flag(regGet(values, 'ShouldAutoUpdate')),
    installDir: regGet(values, 'InstallDir') || null,
    source: hive,
  };
}

const normalizeDir = (p: string) => p.replace(/\//g, '\\').replace(/\\+$/, '').toLowerCase();

/**
 * The settings of the install this executable belongs to. With both a per-user and a per-machine
 * install on the machine, the one whose InstallDir holds `exePath` wins; otherwise the user's own.
 */
export function settingsFromRegistry(hkcu: Map<string, RegValue> | null, hklm: Map<string, RegValue> | null, exePath?: string): InstallSettings {
  const candidates = [hkcu && fromRegistry(hkcu, 'HKCU'), hklm && fromRegistry(hklm, 'HKLM')].filter((s): s is InstallSettings => s !== null);
  if (exePath) {
    const exe = normalizeDir(exePath);
    const owner = candidates.find((s) => s.installDir && exe.startsWith(`${normalizeDir(s.installDir)}\\`));
    if (owner) return owner;
  }
  return candidates[0] ?? DEFAULT_INSTALL_SETTINGS;
}

/** Reads the registry on Windows: HKCU and HKLM, then picks (settingsFromRegistry). */
export async function readWindowsInstallSettings(run: RunProgram, exePath?: string): Promise<InstallSettings> {
  const [hkcu, hklm] = await Promise.all([regQuery(run, 'HKCU', INSTALL_REGISTRY_KEY), regQuery(run, 'HKLM', INSTALL_REGISTRY_KEY)]);
  return settingsFromRegistry(hkcu, hklm, exePath);
}

// ── config file (Linux, macOS) ───────────────────────────────────────────────────────────────

/** `KEY=VALUE` lines (`#` comments, blank lines, keys in any case, optional quotes) → upper-case keys. */
export function parseInstallConfig(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim().toUpperCase();
    let value = line.slice(eq + 1).trim();
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    values.set(key, value);
  }
  return values;
}

export function settingsFromConfig(text: string, location: InstallScope): InstallSettings {
  const v = parseInstallConfig(text);
  const scope: InstallScope = location === 'per-machine' || flag(v.get('ALLUSERS')) ? 'per-machine' : 'per-user';
  return {
    scope,
    runAtStartup: flag(v.get('RUNATSTARTUP')),
    shouldAutoUpdate: scope === 'per-user' && flag(v.get('SHOULDAUTOUPDATE')),
    installDir: v.get('INSTALLDIR') || null,
    source: 'config-file',
  };
}

export const INSTALL_CONFIG_NAME = 'install-settings.conf';

/** Where the config file may be, per-user first (the user's own install beats the machine's). */
export function installConfigLocations(platform: 'linux' | 'darwin', userData: string): { path: string; scope: InstallScope }[] {
  const machine = platform === 'darwin' ? `/Library/Application Support/Rep Console/${INSTALL_CONFIG_NAME}` : `/etc/rep-console/${INSTALL_CONFIG_NAME}`;
  return [
    { path: join(userData, INSTALL_CONFIG_NAME), scope: 'per-user' },
    { path: machine, scope: 'per-machine' },
  ];
}

/** Reads the first config file that exists; none → the defaults. */
export async function readFileInstallSettings(
  platform: 'linux' | 'darwin',
  userData: string,
  readText: (path: string) => Promise<string | null>,
): Promise<InstallSettings> {
  for (const { path, scope } of installConfigLocations(platform, userData)) {
    const text = await readText(path);
    if (text !== null) return settingsFromConfig(text, scope);
  }
  return DEFAULT_INSTALL_SETTINGS;
}
