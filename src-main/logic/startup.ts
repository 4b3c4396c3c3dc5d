/**
 * Run at startup (RUNATSTARTUP): how the recorded setting becomes "the console starts with the
 * user's session" on each OS.
 *  - Windows: the installer owns it — the MSI writes (and removes) the Run key itself. The app must
 *    not add a second entry through the login-item API, so it leaves it alone.
 *  - macOS: the login-item API (`app.setLoginItemSettings({ openAtLogin })`).
 *  - Linux: Electron has no login-item API there; an XDG autostart entry
 *    (`~/.config/autostart/repconsole.desktop`) does the same.
 * Only a recorded install changes anything: a development run leaves the user's session alone.
 */
import { join } from 'node:path';
import type { InstallSettings } from './install-settings.js';

export type StartupPlan =
  | { readonly kind: 'installer-managed' }
  | { readonly kind: 'untouched' }
  | { readonly kind: 'login-item'; readonly openAtLogin: boolean }
  | { readonly kind: 'autostart-file'; readonly enabled: boolean; readonly path: string; readonly contents: string };

/** The autostart entry's file name (no hyphen, like the application's own desktop entry). */
export const AUTOSTART_FILE = 'repconsole.desktop';

/** The XDG autostart entry that starts `execPath` hidden in the user's session. */
export function autostartEntry(execPath: string): string {
  const quoted = `"${execPath.replace(/(["`$\\])/g, '\\$1')}"`;
  return ['[Desktop Entry]', 'Type=Application', 'Name=Rep Console', `Exec=${quoted}`, 'X-GNOME-Autostart-enabled=true', 'NoDisplay=true', ''].join('\n');
}

export function startupPlan(platform: string, settings: InstallSettings, opts: { execPath: string; configHome: string }): StartupPlan {
  if (platform === 'win32') return { kind: 'installer-managed' };
  if (settings.source === 'default') return { kind: 'untouched' };
  if (platform === 'darwin') return { kind: 'login-item', openAtLogin: settings.runAtStartup };
  return { kind: 'autostart-file', enabled: settings.runAtStartup, path: join(opts.configHome, 'autostart', AUTOSTART_FILE), contents: autostartEntry(opts.execPath) };
}
