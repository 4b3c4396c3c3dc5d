import { describe, expect, it } from 'vitest';
import { DEFAULT_INSTALL_SETTINGS, type InstallSettings } from './install-settings.js';
import { autostartEntry, startupPlan } from './startup.js';

const recorded = (runAtStartup: boolean): InstallSettings => ({ ...DEFAULT_INSTALL_SETTINGS, runAtStartup, source: 'config-file' });
const opts = { execPath: '/opt/Rep Console/repconsole', configHome: '/home/ana/.config' };

describe('startupPlan', () => {
  it('leaves Windows to the installer (the MSI owns the Run key)', () => {
    expect(startupPlan('win32', { ...recorded(true), source: 'HKCU' }, opts)).toEqual({ kind: 'installer-managed' });
  });

  it('uses the login-item API on macOS, both ways', () => {
    expect(startupPlan('darwin', recorded(true), opts)).toEqual({ kind: 'login-item', openAtLogin: true });
    expect(startupPlan('darwin', recorded(false), opts)).toEqual({ kind: 'login-item', openAtLogin: false });
  });

  it('writes or removes an XDG autostart entry on Linux', () => {
    const plan = startupPlan('linux', recorded(true), opts);
    expect(plan).toMatchObject({ kind: 'autostart-file', enabled: true, path: '/home/ana/.config/autostart/repconsole.desktop' });
    expect(startupPlan('linux', recorded(false), opts)).toMatchObject({ kind: 'autostart-file', enabled: false });
  });

  it('changes nothing for a development run (nothing recorded)', () => {
    expect(startupPlan('linux', DEFAULT_INSTALL_SETTINGS, opts)).toEqual({ kind: 'untouched' });
    expect(startupPlan('darwin', DEFAULT_INSTALL_SETTINGS, opts)).toEqual({ kind: 'untouched' });
  });

  it('quotes the executable in the autostart entry', () => {
    expect(autostartEntry('/opt/Rep Console/repconsole')).toContain('Exec="/opt/Rep Console/repconsole"\n');
    expect(autostartEntry('/tmp/a"b$c')).toContain('Exec="/tmp/a\\"b\\$c"');
  });
});
