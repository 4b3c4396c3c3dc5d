/**
 * Install settings and run-at-startup: reads what the installer recorded (logic/install-settings.ts:
 * the registry through `reg.exe query` on Windows, a config file elsewhere) and applies the
 * RUNATSTARTUP plan (logic/startup.ts) through the login-item API or an XDG autostart entry.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { App } from 'electron';
import {
  DEFAULT_INSTALL_SETTINGS,
  readFileInstallSettings,
  readWindowsInstallSettings,
  type InstallSettings,
  type RunProgram,
} from './logic/install-settings.js';
import { startupPlan } from './logic/startup.js';

const runProgram: RunProgram = (file, args) =>
  new Promise((done) => {
    execFile(file, [...args], { windowsHide: true, timeout: 10_000, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      done({ code, stdout, stderr: stderr || (error && code === null ? error.message : '') });
    });
  });

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

/** What the installer recorded for this copy of the app; the defaults when nothing (or an unreadable record). */
export async function readInstallSettings(app: App, report: (message: string, error?: unknown) => void): Promise<InstallSettings> {
  try {
    if (process.platform === 'win32') return await readWindowsInstallSettings(runProgram, app.getPath('exe'));
    if (process.platform === 'linux' || process.platform === 'darwin') return await readFileInstallSettings(process.platform, app.getPath('userData'), readText);
  } catch (error) {
    report('Could not read the install settings; using the defaults.', error);
  }
  return DEFAULT_INSTALL_SETTINGS;
}

/** Makes "start with the session" match RUNATSTARTUP. */
export async function applyRunAtStartup(app: App, settings: InstallSettings, report: (message: string, error?: unknown) => void): Promise<void> {
  const plan = startupPlan(process.platform, settings, {
    execPath: process.env.APPIMAGE || app.getPath('exe'),
    configHome: process.env.XDG_CONFIG_HOME || join(homedir(), '.config'),
  });
  try {
    if (plan.kind === 'login-item') app.setLoginItemSettings({ openAtLogin: plan.openAtLogin });
    else if (plan.kind === 'autostart-file') {
      if (plan.enabled) {
        await mkdir(dirname(plan.path), { recursive: true });
        await writeFile(plan.path, plan.contents, { mode: 0o644 });
      } else {
        await rm(plan.path, { force: true });
      }
    }
  } catch (error) {
    report('Could not apply the run-at-startup setting.', error);
  }
}
